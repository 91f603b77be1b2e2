import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ChatRowDto } from '../../../shared/api/review-schemas';
import { chatFlagBadges } from '../common/chatFlags';
import { formatClock, formatDateTime, formatDay } from '../common/format';
import { MaskedText } from '../common/MaskedText';
import { isSortKey, nextSort, type ChatSort } from './chatQuery';
import { useContent } from './contentStore';
import type { ChatRows } from './useChatRows';

/** Fixed: the virtualiser places row N at N * ROW_HEIGHT without measuring anything. */
export const ROW_HEIGHT = 36;

interface Slot {
  index: number;
  chat: ChatRowDto;
}

const col = createColumnHelper<Slot>();

function Time({ iso }: { iso: string | null }) {
  return (
    <span title={formatDateTime(iso)} className="num">
      {formatDay(iso)}
      <span className="chat-table__clock"> {formatClock(iso)}</span>
    </span>
  );
}

const COLUMNS: ColumnDef<Slot, any>[] = [
  col.accessor((s) => s.chat.org.name ?? s.chat.org.id ?? '', { id: 'org', header: 'Organisation', cell: (c) => <span className="truncate">{c.getValue() || '—'}</span> }),
  col.accessor((s) => s.chat.user.name ?? s.chat.user.id ?? '', {
    id: 'user',
    header: 'User',
    cell: (c) => (
      <span className="truncate" title={c.row.original.chat.user.id ?? undefined}>
        {c.getValue() || 'Unattributed'}
      </span>
    ),
  }),
  col.accessor((s) => s.chat.title, {
    id: 'title',
    header: 'Title',
    cell: (c) => {
      const t = c.row.original.chat.title;
      return t ? <MaskedText className="truncate" text={t.text} spans={t.spans} /> : <span className="truncate mono-sm muted" title="No title was captured for this chat; this is its id.">
          {c.row.original.chat.chatId}
        </span>;
    },
  }),
  col.accessor((s) => s.chat.project, { id: 'project', header: 'Project', cell: (c) => <span className="truncate mono-sm">{c.getValue() ?? '—'}</span> }),
  col.accessor((s) => s.chat.model, { id: 'model', header: 'Model', cell: (c) => <span className="truncate mono-sm">{c.getValue() ?? '—'}</span> }),
  col.accessor((s) => s.chat.createdAt, { id: 'createdAt', header: 'Created', cell: (c) => <Time iso={c.getValue()} /> }),
  col.accessor((s) => s.chat.updatedAt, { id: 'updatedAt', header: 'Updated', cell: (c) => <Time iso={c.getValue()} /> }),
  col.accessor((s) => s.chat.messages, { id: 'messages', header: 'Msgs', cell: (c) => <span className="num">{c.getValue().toLocaleString('en-US')}</span> }),
  col.display({
    id: 'flags',
    header: 'Flags',
    cell: (c) => (
      <span className="chat-flags">
        {chatFlagBadges(c.row.original.chat.flags).map((b) => (
          <span key={b.key} className={`badge badge--${b.tone} badge--tiny`} title={b.full} aria-label={b.full}>
            {b.short}
          </span>
        ))}
      </span>
    ),
  }),
];

const SORT_LABEL: Record<string, [string, string]> = {
  createdAt: ['oldest first', 'newest first'],
  updatedAt: ['oldest first', 'newest first'],
  messages: ['fewest first', 'most first'],
};

function ariaSort(sort: ChatSort, id: string): 'ascending' | 'descending' | 'none' | undefined {
  if (!isSortKey(id)) return undefined;
  if (sort.by !== id) return 'none';
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/**
 * The chat table: 100,000 rows stay fluid because only the rows in view (plus a few) exist
 * in the DOM, every row has the same height, and rows come from the main process a page at
 * a time as they scroll into view. Rows not fetched yet are drawn as placeholders of the
 * same height, so the scrollbar is honest from the start.
 */
export function ChatTable({ rows, sort, onSort, onOpen }: { rows: ChatRows; sort: ChatSort; onSort(sort: ChatSort): void; onOpen(chat: ChatRowDto): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = useContent((s) => s.activeIndex);
  const total = rows.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: () => useContent.getState().scrollTop,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const { showRange } = rows;
  useEffect(() => {
    showRange(first, Math.max(last, first));
  }, [first, last, showRange]);

  const data = useMemo(() => {
    const out: Slot[] = [];
    for (const item of items) {
      const chat = rows.row(item.index);
      if (chat) out.push({ index: item.index, chat });
    }
    return out;
    // rows.version changes whenever a page arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [first, last, rows.version]);

  const table = useReactTable({
    data,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (s) => String(s.index),
    manualSorting: true,
    enableSorting: true,
  });
  const byIndex = new Map(table.getRowModel().rows.map((r) => [r.original.index, r]));

  const move = (to: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, to));
    useContent.setState({ activeIndex: next });
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      j: () => move(activeIndex + 1),
      k: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const chat = rows.row(activeIndex);
        if (chat) onOpen(chat);
      },
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      action();
    }
  };

  const activeRendered = activeIndex >= first && activeIndex <= last;

  return (
    <div className="chat-table" role="grid" aria-label="Captured chats" aria-rowcount={total + 1} aria-colcount={COLUMNS.length}>
      <div role="rowgroup" className="chat-table__head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" aria-rowindex={1} className="chat-table__row chat-table__row--head" key={group.id}>
            {group.headers.map((h) => {
              const id = h.column.id;
              const label = flexRender(h.column.columnDef.header, h.getContext());
              const sortable = isSortKey(id);
              const current = sort.by === id;
              const words = SORT_LABEL[id] ?? ['A to Z', 'Z to A'];
              return (
                <div role="columnheader" aria-sort={ariaSort(sort, id)} key={h.id} className={`chat-table__cell chat-table__cell--${id}`}>
                  {sortable ? (
                    <button
                      type="button"
                      className={`sort-button${current ? ' sort-button--active' : ''}`}
                      onClick={() => onSort(nextSort(sort, id))}
                      title={current ? `Sorted ${sort.dir === 'asc' ? words[0] : words[1]}; click to reverse` : 'Sort by this column'}
                    >
                      {label}
                      <span className="sort-button__arrow" aria-hidden="true">
                        {current ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="chat-table__scroll"
        role="rowgroup"
        tabIndex={0}
        aria-label="Chats: arrow keys or j and k move, Enter opens"
        aria-activedescendant={activeRendered && total > 0 ? `chat-row-${activeIndex}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={(e) => useContent.setState({ scrollTop: e.currentTarget.scrollTop })}
      >
        <div className="chat-table__spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = byIndex.get(item.index);
            const active = item.index === activeIndex;
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (!row) {
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} aria-busy="true" className="chat-table__row chat-table__row--loading" style={style}>
                  <div role="gridcell" className="chat-table__placeholder">
                    <span className="visually-hidden">Loading row {item.index + 1}</span>
                  </div>
                </div>
              );
            }
            const chat = row.original.chat;
            return (
              <div
                key={item.key}
                id={`chat-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={active}
                data-chat-id={chat.chatId}
                className={`chat-table__row${active ? ' chat-table__row--active' : ''}${chat.flags.deleted ? ' chat-table__row--deleted' : ''}`}
                style={style}
                onClick={() => {
                  useContent.setState({ activeIndex: item.index });
                  onOpen(chat);
                }}
              >
                {row.getVisibleCells().map((cell) => (
                  <div role="gridcell" key={cell.id} className={`chat-table__cell chat-table__cell--${cell.column.id}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
