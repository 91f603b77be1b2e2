import { ManualClock, startSimulator, type RunningSimulator, type StartOptions } from '../../../electron/core/sim';

/** Small HTTP helpers for simulator specs. */

export const T0 = Date.UTC(2026, 9, 1); // the default manual clock start

export interface Sim extends RunningSimulator {
  clock: ManualClock;
}

export async function startSim(opts: StartOptions = {}): Promise<Sim> {
  const clock = new ManualClock(T0);
  const sim = await startSimulator({ seed: 42, sizes: { orgs: 2, users: 4, chats: 3, messages: 6 }, clock, ...opts });
  return sim as Sim;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function call(sim: RunningSimulator, path: string, init: { key?: string; bearer?: string; method?: string; headers?: Record<string, string>; version?: boolean } = {}): Promise<Res> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== undefined) headers['x-api-key'] = init.key;
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  if (init.version !== false && path.startsWith('/v1/organizations')) headers['anthropic-version'] = '2023-06-01';
  const r = await fetch(sim.baseUrl + path, { method: init.method ?? 'GET', headers });
  const text = await r.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: r.status, headers: r.headers, text, json };
}

export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${sim.baseUrl}/_sim${path}`, {
    method,
    headers: { 'x-sim-control-token': sim.controlToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`control ${method} ${path} -> ${r.status} ${text}`);
  return JSON.parse(text);
}

/** The error body the Compliance/Admin API sends, without the per-request id. */
export function anthropicBody(res: Res): { type: string; error: { type: string; message: string } } {
  const { request_id: _omit, ...rest } = res.json as { request_id: string; type: string; error: { type: string; message: string } };
  return rest;
}

/** Walks an Anthropic cursor list (after_id) and returns every item. */
export async function walkCursor(sim: RunningSimulator, path: string, key: string, param: 'after_id' | 'before_id' = 'after_id', start?: string): Promise<{ items: any[]; pages: number }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const items: unknown[] = [];
  let cursor = start;
  let pages = 0;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await call(sim, cursor ? `${path}${sep}${param}=${encodeURIComponent(cursor)}` : path, { key });
    if (r.status !== 200) throw new Error(`${path} -> ${r.status} ${r.text}`);
    pages++;
    const body = r.json as { data: unknown[]; has_more: boolean; first_id: string | null; last_id: string | null };
    items.push(...body.data);
    if (!body.has_more) break;
    cursor = (param === 'after_id' ? body.last_id : body.first_id) ?? undefined;
  }
  return { items: items as any[], pages }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Walks a page-token list (page -> next_page). */
export async function walkPages(sim: RunningSimulator, path: string, key: string): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const items: unknown[] = [];
  let page: string | null = null;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await call(sim, page ? `${path}${sep}page=${encodeURIComponent(page)}` : path, { key });
    if (r.status !== 200) throw new Error(`${path} -> ${r.status} ${r.text}`);
    const body = r.json as { data: unknown[]; has_more: boolean; next_page: string | null };
    items.push(...body.data);
    if (!body.has_more) {
      if (body.next_page !== null) throw new Error('has_more false but next_page set');
      break;
    }
    page = body.next_page;
  }
  return items as any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}
