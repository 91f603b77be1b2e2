import type { Req } from '../../../shared/api/contract';

/** The Activity Feed's filters as the form holds them (text as typed), and the request they make. */
export interface FeedFilters {
  source: '' | 'anthropic' | 'openai';
  type: string;
  /** A vendor user id, an API key id acting, or an email address (matched exactly). */
  actor: string;
  apiKeyId: string;
  orgId: string;
  from: string;
  to: string;
}

export const NO_FEED_FILTERS: FeedFilters = { source: '', type: '', actor: '', apiKeyId: '', orgId: '', from: '', to: '' };

export const FEED_PAGE_SIZE = 50;

export function activeFilterCount(f: FeedFilters): number {
  return (Object.keys(NO_FEED_FILTERS) as (keyof FeedFilters)[]).filter((k) => f[k].trim() !== '').length;
}

export type FeedRequestResult = { ok: true; request: Req<'activity.query'> } | { ok: false; field: keyof FeedFilters; message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Builds the activity.query request; empty fields are left out rather than sent empty. */
export function feedRequest(f: FeedFilters, offset: number, tenantId: string | null, limit = FEED_PAGE_SIZE): FeedRequestResult {
  const request: Req<'activity.query'> = { offset, limit };
  if (tenantId) request.tenantId = tenantId;
  if (f.source) request.sources = [f.source];
  const type = f.type.trim();
  if (type) request.types = [type];
  const actor = f.actor.trim();
  if (actor.includes('@')) {
    if (actor.length < 3) return { ok: false, field: 'actor', message: 'That email address is too short.' };
    request.actorEmail = actor;
  } else if (actor) request.actorId = actor;
  const key = f.apiKeyId.trim();
  if (key) request.apiKeyId = key;
  if (f.orgId) request.orgId = f.orgId;
  const from = f.from.trim();
  const to = f.to.trim();
  if (from && !DAY.test(from)) return { ok: false, field: 'from', message: 'Give the start as a date (YYYY-MM-DD).' };
  if (to && !DAY.test(to)) return { ok: false, field: 'to', message: 'Give the end as a date (YYYY-MM-DD).' };
  if (from && to && from > to) return { ok: false, field: 'from', message: 'The start date is after the end date.' };
  if (from || to) request.range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return { ok: true, request };
}

/** "Showing 51–100 of 273". */
export function pageSummary(offset: number, shown: number, total: number): string {
  if (total === 0) return 'No events';
  return `Showing ${offset + 1}–${offset + shown} of ${total.toLocaleString('en-US')}`;
}

