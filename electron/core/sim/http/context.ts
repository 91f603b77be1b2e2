import type { IncomingHttpHeaders } from 'node:http';
import type { World } from '../model/world';
import type { Query } from './query';

/** One request as handlers see it. */
export interface Ctx {
  world: World;
  method: string;
  path: string;
  url: string; // path + query, as received
  query: Query;
  headers: IncomingHttpHeaders;
  rawBody: string;
  requestId: string;
  params: Record<string, string>;
}

export function header(ctx: Ctx, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
