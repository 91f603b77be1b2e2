import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatRowDto } from '../../../shared/api/review-schemas';
import { useApi } from '../../api-context';
import { toFailure, type Failure } from '../../errors/failure';
import { queryKey, toChatsRequest, type ChatQuery } from './chatQuery';
import { RowWindows } from './rowWindows';

/** Rows per request: a screenful or three, small enough to answer in a few milliseconds. */
export const PAGE_SIZE = 100;
/** At most this many pages in flight; pages a fast scroll passed by are never queued. */
const CONCURRENCY = 2;

export interface ChatRows {
  /** null until the first page answered. */
  total: number | null;
  row(index: number): ChatRowDto | undefined;
  /** The rows on screen now; pages covering them are fetched. */
  showRange(first: number, last: number): void;
  failure: Failure | null;
  retry(): void;
  /** Changes whenever rows arrive, so the table re-renders. */
  version: number;
}

/**
 * The chat table's rows for a query, paged from the main process as they scroll into view.
 * A new query starts a new generation: answers to an older one are dropped on arrival.
 * A new `refreshKey` (a pull finished) reads the same query again from the top.
 */
export function useChatRows(query: ChatQuery, refreshKey = ''): ChatRows {
  const api = useApi();
  const key = queryKey(query);
  const windows = useRef(new RowWindows<ChatRowDto>(PAGE_SIZE));
  const generation = useRef(0);
  const wanted = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const queryRef = useRef(query);
  queryRef.current = query;
  const [version, setVersion] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);

  const pump = useCallback(() => {
    // The table reports its range before this hook's own effect has started the query.
    if (generation.current === 0) return;
    const w = windows.current;
    const gen = generation.current;
    const [first, last] = wanted.current;
    for (const page of w.missing(first, last)) {
      if (w.loadingCount() >= CONCURRENCY) break;
      w.markLoading(page);
      api.content
        .chats(toChatsRequest(queryRef.current, page * PAGE_SIZE, PAGE_SIZE))
        .then((res) => {
          if (gen !== generation.current) return;
          w.put(page, res.rows, res.total);
          setFailure(null);
          setVersion((v) => v + 1);
          pump();
        })
        .catch((error: unknown) => {
          if (gen !== generation.current) return;
          w.fail(page);
          setFailure(toFailure(error));
        });
    }
  }, [api]);

  useEffect(() => {
    generation.current++;
    windows.current = new RowWindows<ChatRowDto>(PAGE_SIZE);
    wanted.current = [0, PAGE_SIZE - 1];
    setFailure(null);
    setVersion((v) => v + 1);
    pump();
  }, [key, refreshKey, pump]);

  const showRange = useCallback(
    (first: number, last: number) => {
      const [a, b] = wanted.current;
      if (a === first && b === last) return;
      wanted.current = [first, last];
      windows.current.touchRange(first, last);
      pump();
    },
    [pump],
  );

  const retry = useCallback(() => {
    setFailure(null);
    pump();
  }, [pump]);

  const w = windows.current;
  return { total: w.total, row: (i) => w.row(i), showRange, failure, retry, version };
}
