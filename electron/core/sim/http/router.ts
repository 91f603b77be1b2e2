import type { Ctx } from './context';
import type { Reply } from './reply';

/** A route of one vendor. `P` is what that vendor's authentication yields. */
export interface Route<P> {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  pattern: string; // '/v1/compliance/apps/chats/:claude_chat_id/messages'
  /** Compliance: the scope the endpoint needs. Admin: 'console' or 'members'. */
  access?: string;
  handle(ctx: Ctx, principal: P): Reply;
}

interface Compiled<P> {
  route: Route<P>;
  parts: string[];
  literals: number;
}

export interface Match<P> {
  route: Route<P>;
  params: Record<string, string>;
}

/** Matches paths segment by segment; a literal segment beats a parameter (files/… before :chat_id). */
export class Router<P> {
  private readonly compiled: Compiled<P>[];

  constructor(routes: Route<P>[]) {
    this.compiled = routes.map((route) => {
      const parts = route.pattern.split('/').filter(Boolean);
      return { route, parts, literals: parts.filter((p) => !p.startsWith(':')).length };
    });
  }

  match(method: string, path: string): Match<P> | null {
    const segs = path.split('/').filter(Boolean);
    let best: { c: Compiled<P>; params: Record<string, string> } | null = null;
    for (const c of this.compiled) {
      if (c.route.method !== method || c.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segs.length && ok; i++) {
        const part = c.parts[i] as string;
        const seg = segs[i] as string;
        if (part.startsWith(':')) {
          try {
            params[part.slice(1)] = decodeURIComponent(seg);
          } catch {
            ok = false;
          }
        } else if (part !== seg) ok = false;
      }
      if (ok && (!best || c.literals > best.c.literals)) best = { c, params };
    }
    return best ? { route: best.c.route, params: best.params } : null;
  }
}
