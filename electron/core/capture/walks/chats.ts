import { isSourceError, type AnthropicComplianceClient, type Chat, type Page } from '../../sources';
import { writeChat, type ChatOutcome, type FetchedChat } from '../content/chat-writer';
import type { PullContext } from '../context';
import type { ChatState } from '../state/chats';
import type { CursorRow } from '../state/cursors';
import type { EndpointReport } from '../types';
import { Limiter, mapSettledShared, type Settled } from './pool';
import { laterOf, runResumable, secondsIso } from './resumable';

/**
 * Incremental chat capture: the vendor's "chat export" pattern. Chats are listed org-wide
 * by `updated_at` from the last high-water mark minus an overlap (a chat that gets a new
 * message, is edited or soft-deleted comes back with a newer `updated_at`), paged with
 * `after_id`. Only chats whose `updated_at`/`deleted_at` differ from what is stored are
 * fetched (whole chat, one request); their messages are written, deduped by id and text
 * commitment, in one transaction with the list cursor. The high-water mark moves only
 * when a walk has reached its end.
 *
 * Levels and their resume points: the list cursor (`after_id`) plus the walk's window in
 * `compliance.chats`; per chat, the `updated_at` captured (capture_chats) is the message
 * level's mark, committed with that chat's messages.
 */

const EP = 'compliance.chats';
const SLOT = 'anthropic-compliance' as const;

interface ChatsState {
  /** Newest `updated_at` of the last complete walk. */
  hwm: string | null;
  /** The walk under way: its `updated_at.gte` and the newest `updated_at` it has stored. */
  walk: { gte: string | null; maxSeen: string | null } | null;
}

export function needsFetch(prev: ChatState | null, listed: Chat): boolean {
  if (!prev) return true;
  if (prev.erased) return false; // its user was erased: nothing of theirs is fetched again
  if (prev.goneAtSource) return true;
  return prev.updatedAt !== (listed.updated_at ?? null) || (prev.deletedAt ?? null) !== (listed.deleted_at ?? null);
}

async function fetchChat(ctx: PullContext, client: AnthropicComplianceClient, listed: Chat): Promise<FetchedChat> {
  try {
    const { chat, requestId } = await ctx.call(() => client.getChatWithMessages(listed.id, { signal: ctx.signal }));
    const { chat_messages: messages, has_more: _h, first_id: _f, last_id: _l, ...fields } = chat;
    return { kind: 'chat', chat: fields as Chat, messages, requestId };
  } catch (e) {
    // Listed a moment ago, gone now: hard-deleted (or out of retention) upstream.
    if (isSourceError(e) && e.code === 'NOT_FOUND') return { kind: 'gone', chat: listed, requestId: e.details.requestId ?? null };
    throw e;
  }
}

function tally(ctx: PullContext, o: ChatOutcome): void {
  const c = ctx.tracker.counts;
  c.chatsFetched++;
  if (o.isNew) c.chatsNew++;
  if (o.softDeleted) c.chatsSoftDeleted++;
  if (o.gone) c.chatsGone++;
  c.messagesSeen += o.seen;
  c.messagesCaptured += o.captured;
  c.messagesSuperseded += o.superseded;
  c.messagesUnchanged += o.unchanged;
  for (const [k, n] of Object.entries(o.skipped)) c.messagesSkipped[k as keyof typeof c.messagesSkipped] = (c.messagesSkipped[k as keyof typeof c.messagesSkipped] ?? 0) + n;
}

export async function captureChats(ctx: PullContext, client: AnthropicComplianceClient): Promise<boolean> {
  const initial = ctx.cursors.load<ChatsState>(EP, { hwm: null, walk: null });
  const report = ctx.tracker.endpoint(EP, SLOT, initial.cursor);
  const messages = ctx.tracker.endpoint('compliance.chat_messages', SLOT);
  ctx.tracker.at('chats');
  const ok = await runResumable(ctx, report, () => walk(ctx, client, report, messages));
  if (!ok && messages.status === 'complete' && report.failure) {
    messages.status = 'failed';
    messages.failure = report.failure;
  }
  return ok;
}

interface FetchedPage {
  page: Page<Chat>;
  fetched: Settled<FetchedChat>[];
}

/**
 * List pages read ahead of the one being stored. Storing a page is synchronous, so while it
 * runs nothing else happens in this process; with two pages ahead, the next page's chat
 * requests are already with the vendor by then (its list came back during the previous
 * store) instead of being sent only once the store is done.
 */
const READ_AHEAD = 2;

/** The next list page and its changed chats, fetched; null after the last page. */
async function readPage(ctx: PullContext, client: AnthropicComplianceClient, pages: AsyncIterator<Page<Chat>>, limiter: Limiter): Promise<FetchedPage | null> {
  const r = await pages.next();
  if (r.done) return null;
  const page = r.value;
  const changed = page.items.filter((c) => !ctx.chats.userErased(c.user?.id) && needsFetch(ctx.chats.chat(c.id), c));
  ctx.tracker.counts.chatsSeen += page.items.length;
  const fetched = await mapSettledShared(changed, limiter, (c) => fetchChat(ctx, client, c));
  return { page, fetched };
}

async function walk(ctx: PullContext, client: AnthropicComplianceClient, report: EndpointReport, messages: EndpointReport): Promise<void> {
  const row = ctx.cursors.load<ChatsState>(EP, { hwm: null, walk: null });
  if (!row.state.walk) {
    const gte = row.state.hwm ? secondsIso(Date.parse(row.state.hwm) - ctx.tuning.overlapMs) : null;
    row.state.walk = { gte, maxSeen: row.state.hwm };
    row.cursor = null;
  }
  const w = row.state.walk;
  report.window = { from: w.gte, to: null };
  const pages = client.walkChats({
    orderBy: 'updated_at',
    ...(w.gte ? { updatedAt: { gte: w.gte } } : {}),
    ...(row.cursor ? { from: row.cursor } : {}),
    limit: ctx.tuning.chatPageLimit,
    signal: ctx.signal,
  });
  ctx.tracker.at('messages');
  // Pages are read ahead (READ_AHEAD), listed in order and their chats fetched while earlier
  // pages are written, at most fetchConcurrency requests at once across them; pages are
  // stored strictly in order. A chat that changes in between may be fetched twice; writing
  // it twice adds nothing.
  const limiter = new Limiter(ctx.tuning.fetchConcurrency);
  const ahead: Promise<FetchedPage | null>[] = [];
  let listed = true;
  const readAhead = (): void => {
    while (listed && ahead.length < READ_AHEAD) {
      const p = readPage(ctx, client, pages, limiter);
      p.then((r) => {
        if (r === null) listed = false;
      }, () => undefined); // settled (and rethrown) when its turn comes; never unhandled
      ahead.push(p);
    }
  };
  try {
    readAhead();
    for (;;) {
      const cur = await ahead.shift()!;
      if (!cur) break;
      readAhead();
      storePage(ctx, cur, row, w, report, messages);
    }
  } catch (e) {
    for (const p of ahead) await p.catch(() => undefined);
    await pages.return?.(undefined);
    throw e;
  }
  const now = ctx.now();
  ctx.transaction(() => ctx.cursors.save<ChatsState>(EP, { cursor: null, state: { hwm: w.maxSeen, walk: null } }, now));
  report.window = { from: w.gte, to: w.maxSeen };
}

/** One transaction: the page's fetched chats, and the list cursor when none failed. Throws the first failure after storing the rest. */
function storePage(ctx: PullContext, cur: FetchedPage, row: CursorRow<ChatsState>, w: NonNullable<ChatsState['walk']>, report: EndpointReport, messages: EndpointReport): void {
  const { page, fetched } = cur;
  const failed = fetched.find((f) => !f.ok);
  let records = 0;
  let stored = 0;
  const now = ctx.now();
  ctx.transaction(() => {
    for (const f of fetched) {
      if (!f.ok) continue;
      const o = writeChat(ctx, f.value);
      records += o.records;
      stored++;
      tally(ctx, o);
      w.maxSeen = laterOf(w.maxSeen, f.value.kind === 'chat' ? f.value.chat.updated_at : null);
    }
    // The list cursor moves only past a page whose every changed chat is stored.
    if (!failed) {
      for (const c of page.items) w.maxSeen = laterOf(w.maxSeen, c.updated_at);
      row.cursor = page.cursor;
    }
    ctx.cursors.save(EP, row, now);
  });
  const last = [...fetched].reverse().find((f): f is { ok: true; value: FetchedChat } => f.ok);
  if (stored > 0) ctx.tracker.stored(messages, { items: stored, records, lastId: last?.value.chat.id ?? null, requestId: last?.value.requestId ?? null });
  if (failed && !failed.ok) throw failed.error;
  ctx.tracker.stored(report, { items: page.items.length, records: 0, cursor: page.cursor, lastId: page.items.at(-1)?.id ?? null, requestId: page.requestId });
}
