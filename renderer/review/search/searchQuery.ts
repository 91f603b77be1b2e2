import type { Req } from '../../../shared/api/contract';

/**
 * The search screen's state as a request of the contract. The filters are what the form
 * holds (empty string: no filter); the request leaves out what is not set, because the
 * contract refuses an empty list or an empty id rather than reading it as "any".
 */

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchFilters {
  /** `tenantId/orgId`, or '' for every organisation. */
  org: string;
  /** `tenantId/userId`, or ''. */
  user: string;
  role: string;
  /** YYYY-MM-DD, both ends inclusive (whole UTC days). */
  from: string;
  to: string;
  sort: SearchSort;
}

export const NO_FILTERS: SearchFilters = { org: '', user: '', role: '', from: '', to: '', sort: 'relevance' };

/** Hits per page: enough to scan, few enough that each snippet is decrypted and masked quickly. */
export const PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `t_1/org_9` -> {tenantId: 't_1', id: 'org_9'}; ids never contain a slash (1-64 of [A-Za-z0-9_-]). */
export function splitScoped(value: string): { tenantId: string; id: string } | null {
  const i = value.indexOf('/');
  if (i <= 0 || i === value.length - 1) return null;
  return { tenantId: value.slice(0, i), id: value.slice(i + 1) };
}

export function scoped(tenantId: string, id: string): string {
  return `${tenantId}/${id}`;
}

/** The request for one page. A filter on an org or user also pins its tenant, since ids are per vendor organisation. */
export function searchRequest(query: string, filters: SearchFilters, offset = 0): Req<'search.query'> {
  const req: Req<'search.query'> = { query: query.trim(), sort: filters.sort, offset, limit: PAGE_SIZE };
  const org = splitScoped(filters.org);
  const user = splitScoped(filters.user);
  if (org) {
    req.tenantId = org.tenantId;
    req.orgIds = [org.id];
  }
  if (user && (!org || org.tenantId === user.tenantId)) {
    req.tenantId = user.tenantId;
    req.userIds = [user.id];
  }
  if (filters.role) req.roles = [filters.role];
  const from = DAY.test(filters.from) ? filters.from : undefined;
  const to = DAY.test(filters.to) ? filters.to : undefined;
  if (from || to) req.created = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return req;
}

/** Says what the form would refuse before asking: a range that runs backwards. */
export function filterProblem(filters: SearchFilters): string | null {
  if (DAY.test(filters.from) && DAY.test(filters.to) && filters.from > filters.to) return '"From" is after "to": swap the dates.';
  return null;
}

export function activeFilterCount(filters: SearchFilters): number {
  return [filters.org, filters.user, filters.role, filters.from, filters.to].filter((v) => v !== '').length;
}

/** "12 messages" / "1 message"; with more than one page, "showing 25 of 120 messages". */
export function resultCountLabel(shown: number, total: number): string {
  const noun = total === 1 ? 'message' : 'messages';
  if (total === 0) return 'No messages match';
  if (shown >= total) return `${total.toLocaleString('en-US')} ${noun}`;
  return `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}`;
}

/** The transcript route of a hit: `#/content/<tenant>/<chat>/<message>` (the message id lets the transcript scroll to it). */
export function hitPath(hit: { tenantId: string; chatId: string; messageId: string }): [string, string, string] {
  return [hit.tenantId, hit.chatId, hit.messageId];
}
