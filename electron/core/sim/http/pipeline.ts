import type { Ctx } from './context';
import type { FaultInjector, FaultKind } from './faults';
import type { RateDecision, SlidingWindowLimiter } from './ratelimit';
import { InputError, NotFound, type Reply } from './reply';
import type { Route, Router } from './router';

/**
 * The order every vendor request goes through:
 * authenticate (401s use no quota) -> rate limit (403/404/400 use quota) -> injected fault
 * -> route -> scope/access check -> handler -> post-processing (access log).
 */
export interface Vendor<P> {
  requestIdHeader: 'request-id' | 'x-request-id';
  authenticate(ctx: Ctx): { principal: P } | { reply: Reply };
  bucket(principal: P): string;
  rateHeaders(d: RateDecision): Record<string, string>;
  tooManyRequests(ctx: Ctx, d: RateDecision, principal: P): Reply;
  precheck?(ctx: Ctx, principal: P): Reply | null;
  router: Router<P>;
  authorize(ctx: Ctx, principal: P, route: Route<P>): Reply | null;
  notFound(ctx: Ctx, message?: string): Reply;
  inputError(ctx: Ctx, e: InputError): Reply;
  faultReply(ctx: Ctx, kind: FaultKind): Reply;
  internalError(ctx: Ctx): Reply;
  afterReply?(ctx: Ctx, principal: P, status: number): void;
}

export interface Services {
  limiter: SlidingWindowLimiter;
  faults: FaultInjector;
}

/** What the server must do with the socket. */
export interface Outcome {
  reply: Reply | null; // null: destroy the socket (connection reset)
  delayMs: number;
  spoil: 'truncated' | 'malformed' | null;
}

export function runVendor<P>(ctx: Ctx, vendor: Vendor<P>, svc: Services): Outcome {
  const finish = (reply: Reply, extra: Partial<Outcome> = {}): Outcome => {
    reply.headers[vendor.requestIdHeader] = ctx.requestId;
    return { reply, delayMs: extra.delayMs ?? 0, spoil: extra.spoil ?? null };
  };

  const auth = vendor.authenticate(ctx);
  if ('reply' in auth) return finish(auth.reply);
  const principal = auth.principal;

  const { config } = ctx.world;
  const now = ctx.world.clock.now();
  const bucket = vendor.bucket(principal);
  const decision = config.rateLimitEnabled ? svc.limiter.take(bucket, now, config.rateLimitPerMinute) : svc.limiter.peek(bucket, now, config.rateLimitPerMinute);
  const rateHeaders = vendor.rateHeaders(decision);
  const withRate = (reply: Reply): Reply => {
    reply.headers = { ...rateHeaders, ...reply.headers };
    return reply;
  };
  const done = (reply: Reply, extra: Partial<Outcome> = {}): Outcome => {
    vendor.afterReply?.(ctx, principal, reply.status);
    return finish(withRate(reply), extra);
  };

  if (!decision.allowed) return done(vendor.tooManyRequests(ctx, decision, principal));

  const fault = svc.faults.draw(ctx.path);
  // a reset connection never completed, so nothing is logged for it
  if (fault === 'reset') return { reply: null, delayMs: 0, spoil: null };
  if (fault && fault !== 'slow' && fault !== 'truncated' && fault !== 'malformed') return done(vendor.faultReply(ctx, fault));

  const pre = vendor.precheck?.(ctx, principal);
  if (pre) return done(pre);

  const match = vendor.router.match(ctx.method, ctx.path);
  if (!match) return done(vendor.notFound(ctx));
  ctx.params = match.params;

  const denied = vendor.authorize(ctx, principal, match.route);
  if (denied) return done(denied);

  let reply: Reply;
  try {
    reply = match.route.handle(ctx, principal);
  } catch (e) {
    if (e instanceof InputError) reply = vendor.inputError(ctx, e);
    else if (e instanceof NotFound) reply = vendor.notFound(ctx, e.message);
    else {
      process.emitWarning(`ogma sim: handler for ${ctx.method} ${ctx.path} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      reply = vendor.internalError(ctx);
    }
  }
  const spoil = fault === 'truncated' || fault === 'malformed' ? fault : null;
  return done(reply, { delayMs: fault === 'slow' ? svc.faults.slowMs : 0, spoil });
}
