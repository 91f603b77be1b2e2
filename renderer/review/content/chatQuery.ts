import type { Req } from '../../../shared/api/contract';
import { CHAT_SORT_KEYS } from '../../../shared/api/review-schemas';

/**
 * The chat table's filters and sort as the screen holds them, and the `content.chats`
 * request they become. Pure: the filter bar edits a ChatQuery; only toChatsRequest knows
 * the contract's shape.
 */

export type ChatSortKey = (typeof CHAT_SORT_KEYS)[number];
export interface ChatSort {
  by: ChatSortKey;
  dir: 'asc' | 'desc';
}

export const FLAG_FILTERS = {
  any: { label: 'Any', flags: undefined },
  softDeleted: { label: 'Deleted at source', flags: { softDeleted: true } },
  goneAtSource: { label: 'Gone from the vendor', flags: { goneAtSource: true } },
  hasSuperseded: { label: 'Edited upstream', flags: { hasSuperseded: true } },
  deleted: { label: 'Deleted in this vault', flags: { deleted: true } },
} as const;
export type FlagFilter = keyof typeof FLAG_FILTERS;

/** A facet choice names its tenant too: the same vendor id may exist in two organisations. */
export interface ScopedId {
  tenantId: string;
  id: string;
}

export interface ChatQuery {
  org: ScopedId | null;
  user: ScopedId | null;
  model: string | null;
  dateField: 'updated' | 'created';
  /** YYYY-MM-DD as an <input type=date> gives it, or '' for open-ended. */
  from: string;
  to: string;
  flag: FlagFilter;
  title: string;
  sort: ChatSort;
}

export const DEFAULT_SORT: ChatSort = { by: 'updatedAt', dir: 'desc' };

export const EMPTY_QUERY: ChatQuery = { org: null, user: null, model: null, dateField: 'updated', from: '', to: '', flag: 'any', title: '', sort: DEFAULT_SORT };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the date range, in words for the filter bar, or null. */
export function dateRangeProblem(q: Pick<ChatQuery, 'from' | 'to'>): string | null {
  if (q.from !== '' && !DAY.test(q.from)) return 'Give the start date as YYYY-MM-DD.';
  if (q.to !== '' && !DAY.test(q.to)) return 'Give the end date as YYYY-MM-DD.';
  if (q.from !== '' && q.to !== '' && q.from > q.to) return 'The start date is after the end date.';
  return null;
}

/** How many filters narrow the table (the sort is not one). */
export function activeFilterCount(q: ChatQuery): number {
  return [q.org !== null, q.user !== null, q.model !== null, q.from !== '' || q.to !== '', q.flag !== 'any', q.title.trim() !== ''].filter(Boolean).length;
}

/**
 * The request for rows [offset, offset+limit). Organisation and user choices also pin the
 * tenant, so a vendor id that repeats across organisations cannot pull in the other's chats.
 * An invalid date range is left out (the filter bar shows why) rather than sent.
 */
export function toChatsRequest(q: ChatQuery, offset: number, limit: number): Req<'content.chats'> {
  const req: Req<'content.chats'> = { sort: q.sort, offset, limit };
  const tenant = q.org?.tenantId ?? q.user?.tenantId;
  if (tenant !== undefined) req.tenantId = tenant;
  if (q.org) req.orgIds = [q.org.id];
  if (q.user) req.userIds = [q.user.id];
  if (q.model !== null) req.models = [q.model];
  if (dateRangeProblem(q) === null && (q.from !== '' || q.to !== '')) {
    const range = { ...(q.from !== '' ? { from: q.from } : {}), ...(q.to !== '' ? { to: q.to } : {}) };
    if (q.dateField === 'created') req.created = range;
    else req.updated = range;
  }
  const flags = FLAG_FILTERS[q.flag].flags;
  if (flags) req.flags = { ...flags };
  const title = q.title.trim();
  if (title !== '') req.title = title.slice(0, 200);
  return req;
}

/** A stable key of everything that changes which rows match or their order: a new key drops the cached rows. */
export function queryKey(q: ChatQuery): string {
  return JSON.stringify(toChatsRequest(q, 0, 1));
}

/** Clicking a column header: a new column starts with its natural direction; the same column flips. */
export function nextSort(current: ChatSort, by: ChatSortKey): ChatSort {
  if (current.by !== by) return { by, dir: by === 'title' || by === 'org' || by === 'user' || by === 'project' || by === 'model' ? 'asc' : 'desc' };
  return { by, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

export function isSortKey(id: string): id is ChatSortKey {
  return (CHAT_SORT_KEYS as readonly string[]).includes(id);
}

/** Serialises a facet choice for a <select> value (ids may contain any character). */
export function scopedValue(s: ScopedId | null): string {
  return s ? JSON.stringify([s.tenantId, s.id]) : '';
}

export function parseScoped(value: string): ScopedId | null {
  if (value === '') return null;
  try {
    const v = JSON.parse(value) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { tenantId: v[0], id: v[1] };
  } catch {
    // fall through: an unreadable value is no choice
  }
  return null;
}
