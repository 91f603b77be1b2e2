import { isManualClock, isoSeconds } from '../clock';
import { parseRfc3339 } from '../http/query';
import { FAULT_KINDS, isFaultKind, type FaultKind } from '../http/faults';
import type { Ctx } from '../http/context';
import { InputError, NotFound, json, ok, type Reply } from '../http/reply';
import { Router, type Route } from '../http/router';
import type { NewMessage } from '../model/mutations';
import { addChat, addMessage, addUser, editMessage, hardDeleteChat, softDeleteChat } from '../model/mutations';
import type { OrgRole, Tenant } from '../model/entities';
import { groundTruth, type TruthDetail } from '../model/truth';
import type { KeyKind, Plan } from '../types';
import { Body } from './body';
import type { ControlDeps } from './deps';

/**
 * `/_sim/*`: not a vendor API. Tests and the demo use these to change the world, inject
 * faults, move the clock and read the ground truth. Guarded by the per-launch control token.
 */
type R = Route<ControlDeps>;
const route = (method: R['method'], pattern: string, handle: R['handle']): R => ({ method, pattern: `/_sim${pattern}`, handle });

const ROLES: readonly OrgRole[] = ['admin', 'billing', 'claude_code_user', 'developer', 'managed', 'membership_admin', 'owner', 'primary_owner', 'user'];
const KINDS: readonly KeyKind[] = ['compliance', 'admin', 'claude_api', 'openai_admin', 'openai_project'];
const PLANS: readonly Plan[] = ['enterprise', 'team', 'console'];

function tenantOf(d: ControlDeps, ref: string | undefined): Tenant {
  const t = d.world.findTenant(ref ?? 't1');
  if (!t) throw new NotFound(`No tenant "${ref}". Tenants: ${d.world.tenants.map((x) => x.key).join(', ')}.`);
  return t;
}

function chatOf(d: ControlDeps, id: string): { tenant: Tenant; chat: NonNullable<ReturnType<Tenant['chats']['get']>> } {
  const found = d.world.findChatAnywhere(id);
  if (!found) throw new NotFound(`No chat "${id}" (hard-deleted or never existed).`);
  return found;
}

function messageSpec(v: unknown): NewMessage {
  if (v === null || typeof v !== 'object') throw new InputError('Each message must be an object {role, text?, files?}.');
  const m = v as Record<string, unknown>;
  if (m.role !== 'user' && m.role !== 'assistant') throw new InputError('`role` must be "user" or "assistant".', 'role');
  if (m.text !== undefined && typeof m.text !== 'string') throw new InputError('`text` must be a string.', 'text');
  const files = Array.isArray(m.files) ? m.files.map((f) => (typeof f === 'string' ? { filename: f } : { filename: String((f as Record<string, unknown>).filename ?? 'file.bin'), mimeType: (f as Record<string, unknown>).mimeType as string | undefined })) : undefined;
  return { role: m.role, text: m.text as string | undefined, files };
}

function keyJson(k: ReturnType<ControlDeps['world']['keys']['create']>): Record<string, unknown> {
  return { id: k.id, key: k.secret, kind: k.kind, tenant: k.tenantKey, name: k.name, scopes: k.scopes, orgUuid: k.orgUuid, active: k.active, createdAfterEnablement: k.createdAfterEnablement };
}

const routes: R[] = [
  route('GET', '/health', () => ok({ ok: true })),

  route('GET', '/truth', (ctx, d) => {
    const detail = (ctx.query.get('detail') ?? 'hash') as TruthDetail;
    if (!['counts', 'chats', 'hash', 'text'].includes(detail)) throw new InputError('`detail` must be counts, chats, hash or text.', 'detail');
    return ok(groundTruth(d.world, detail));
  }),

  route('GET', '/keys', (_ctx, d) => ok({ keys: d.world.builtIn, all: d.world.tenants.flatMap((t) => d.world.keys.list(t.key).map(keyJson)) })),

  route('POST', '/keys', (ctx, d) => {
    const b = Body.of(ctx);
    const kind = (b.str('kind') ?? 'compliance') as KeyKind;
    if (!KINDS.includes(kind)) throw new InputError(`\`kind\` must be one of ${KINDS.join(', ')}.`, 'kind');
    const tenant = tenantOf(d, b.str('tenant'));
    const orgRef = b.str('org');
    const org = orgRef ? d.world.org(orgRef) : undefined;
    if (orgRef && !org) throw new NotFound(`No org "${orgRef}".`);
    const key = d.world.keys.create({ kind, tenantKey: tenant.key, name: b.str('name') ?? `${kind} key`, scopes: b.strList('scopes') ?? [], orgUuid: org?.uuid ?? null, createdAfterEnablement: b.bool('createdAfterEnablement') ?? true, createdAt: d.world.now(), createdById: tenant.orgs[0]?.users[0]?.id ?? null });
    return json(201, keyJson(key));
  }),

  route('POST', '/keys/revoke', (ctx, d) => {
    const ref = Body.of(ctx).reqStr('key');
    const key = d.world.keys.revoke(ref);
    if (!key) throw new NotFound('No such key (give the secret or the apikey_… id).');
    return ok({ id: key.id, active: key.active });
  }),

  route('POST', '/users', (ctx, d) => {
    const b = Body.of(ctx);
    const org = d.world.org(b.reqStr('org'));
    if (!org) throw new NotFound(`No org "${b.str('org')}".`);
    const role = (b.str('role') ?? 'user') as OrgRole;
    if (!ROLES.includes(role)) throw new InputError(`\`role\` must be one of ${ROLES.join(', ')}.`, 'role');
    const user = addUser(d.world, d.world.tenant(org.tenantKey), org, { fullName: b.str('fullName'), email: b.str('email'), role });
    return json(201, { id: user.id, email: user.email, fullName: user.fullName, role: user.role, orgUuid: org.uuid, createdAt: isoSeconds(user.createdAt) });
  }),

  route('POST', '/chats', (ctx, d) => {
    const b = Body.of(ctx);
    const user = d.world.user(b.reqStr('userId'));
    if (!user) throw new NotFound(`No user "${b.str('userId')}".`);
    const org = d.world.org(user.orgUuid);
    if (!org) throw new NotFound('The user has no org.');
    const tenant = d.world.tenant(org.tenantKey);
    const rawMsgs = b.raw('messages');
    if (rawMsgs !== undefined && !Array.isArray(rawMsgs)) throw new InputError('`messages` must be a list.', 'messages');
    const chat = addChat(d.world, tenant, org, user, { name: b.str('name'), projectId: b.str('projectId') ?? null, messages: (rawMsgs as unknown[] | undefined)?.map(messageSpec) });
    return json(201, { id: chat.id, orgUuid: chat.orgUuid, userId: chat.userId, createdAt: isoSeconds(chat.createdAt), messageIds: chat.added.map((m) => m.id) });
  }),

  route('POST', '/chats/:chat_id/messages', (ctx, d) => {
    const { tenant, chat } = chatOf(d, ctx.params.chat_id ?? '');
    const msg = addMessage(d.world, tenant, chat, messageSpec(Body.of(ctx).object()));
    return json(201, { id: msg.id, chatId: chat.id, createdAt: isoSeconds(msg.createdAt), fileIds: msg.files.map((f) => f.id) });
  }),

  route('PATCH', '/chats/:chat_id/messages/:message_id', (ctx, d) => {
    const { tenant, chat } = chatOf(d, ctx.params.chat_id ?? '');
    const msg = editMessage(d.world, tenant, chat, ctx.params.message_id ?? '', Body.of(ctx).reqStr('text'));
    if (!msg) throw new NotFound(`No message "${ctx.params.message_id}" in chat ${chat.id}.`);
    return ok({ id: msg.id, chatId: chat.id, editedAt: msg.editedAt === null ? null : isoSeconds(msg.editedAt) });
  }),

  route('POST', '/chats/:chat_id/soft-delete', (ctx, d) => {
    const { tenant, chat } = chatOf(d, ctx.params.chat_id ?? '');
    softDeleteChat(d.world, tenant, chat);
    return ok({ id: chat.id, deletedAt: isoSeconds(chat.deletedAt ?? 0) });
  }),

  route('DELETE', '/chats/:chat_id', (ctx, d) => {
    const { tenant, chat } = chatOf(d, ctx.params.chat_id ?? '');
    hardDeleteChat(tenant, chat);
    return ok({ id: chat.id, deleted: true });
  }),

  route('POST', '/plan', (ctx, d) => {
    const b = Body.of(ctx);
    const tenant = tenantOf(d, b.str('tenant'));
    const plan = b.reqStr('plan') as Plan;
    if (!PLANS.includes(plan)) throw new InputError(`\`plan\` must be one of ${PLANS.join(', ')}.`, 'plan');
    tenant.plan = plan;
    return ok({ tenant: tenant.key, plan });
  }),

  route('GET', '/faults', (_ctx, d) => ok(d.faults.snapshot())),
  route('POST', '/faults', (ctx, d) => {
    const b = Body.of(ctx);
    const queue = b.strList('queue');
    if (queue?.some((k) => !isFaultKind(k))) throw new InputError(`\`queue\` entries must be fault kinds: ${FAULT_KINDS.join(', ')}.`, 'queue');
    const ratesRaw = b.raw('rates');
    const rates: Partial<Record<FaultKind, number>> = {};
    if (ratesRaw !== undefined) {
      if (ratesRaw === null || typeof ratesRaw !== 'object') throw new InputError('`rates` must be an object of fault kind -> probability.', 'rates');
      let sum = 0;
      for (const [k, v] of Object.entries(ratesRaw as Record<string, unknown>)) {
        if (!isFaultKind(k) || typeof v !== 'number' || v < 0 || v > 1) throw new InputError(`Bad rate "${k}": kinds are ${FAULT_KINDS.join(', ')}; rates are 0..1.`, 'rates');
        rates[k] = v;
        sum += v;
      }
      if (sum > 1) throw new InputError('Fault rates add up to more than 1.', 'rates');
    }
    const seed = b.raw('seed');
    d.faults.configure({ seed: typeof seed === 'number' || typeof seed === 'string' ? seed : undefined, rates: ratesRaw === undefined ? undefined : rates, queue: queue as FaultKind[] | undefined, slowMs: b.num('slowMs'), pathPrefix: b.str('pathPrefix') });
    return ok(d.faults.snapshot());
  }),
  route('DELETE', '/faults', (_ctx, d) => {
    d.faults.clear();
    return ok(d.faults.snapshot());
  }),

  route('POST', '/rate-limit', (ctx, d) => {
    const b = Body.of(ctx);
    const enabled = b.bool('enabled');
    const perMinute = b.num('perMinute');
    if (enabled !== undefined) d.world.config.rateLimitEnabled = enabled;
    if (perMinute !== undefined) {
      if (!Number.isInteger(perMinute) || perMinute < 1) throw new InputError('`perMinute` must be a positive integer.', 'perMinute');
      d.world.config.rateLimitPerMinute = perMinute;
    }
    if (b.bool('reset')) d.limiter.reset();
    return ok({ enabled: d.world.config.rateLimitEnabled, perMinute: d.world.config.rateLimitPerMinute });
  }),

  route('GET', '/clock', (_ctx, d) => ok({ now: new Date(d.world.clock.now()).toISOString(), controllable: d.world.clock.controllable })),
  route('POST', '/clock', (ctx, d) => {
    const clock = d.world.clock;
    if (!isManualClock(clock)) return json(409, { error: { type: 'conflict', message: 'The simulator runs on the real clock; start it with a manual clock to move time.' } });
    const b = Body.of(ctx);
    const advanceMs = b.num('advanceMs') ?? ((b.num('advanceSeconds') ?? 0) * 1000);
    const set = b.str('set');
    try {
      if (set !== undefined) {
        const ms = parseRfc3339(set);
        if (ms === null) throw new InputError('`set` must be an RFC 3339 timestamp.', 'set');
        clock.set(ms);
      } else clock.advance(advanceMs);
    } catch (e) {
      if (e instanceof RangeError) throw new InputError(e.message);
      throw e;
    }
    return ok({ now: new Date(clock.now()).toISOString() });
  }),

  route('POST', '/config', (ctx, d) => {
    const b = Body.of(ctx);
    const c = d.world.config;
    const mode = b.str('softDeleteMode');
    if (mode !== undefined) {
      if (mode !== 'empty' && mode !== 'legacy') throw new InputError('`softDeleteMode` must be "empty" or "legacy".', 'softDeleteMode');
      c.softDeleteMode = mode;
    }
    const env = b.str('errorEnvelope');
    if (env !== undefined) {
      if (env !== 'platform' && env !== 'bare') throw new InputError('`errorEnvelope` must be "platform" or "bare".', 'errorEnvelope');
      c.errorEnvelope = env;
    }
    c.chatsRequireUserIds = b.bool('chatsRequireUserIds') ?? c.chatsRequireUserIds;
    c.activityLagMs = b.num('activityLagMs') ?? c.activityLagMs;
    c.usageLagMs = b.num('usageLagMs') ?? c.usageLagMs;
    const settings = b.bool('settingsEnabled');
    if (settings !== undefined) tenantOf(d, b.str('tenant')).settingsEnabled = settings;
    return ok({ ...c });
  }),
];

const router = new Router(routes);

export function runControl(ctx: Ctx, deps: ControlDeps, token: string): Reply {
  if ((ctx.headers['x-sim-control-token'] ?? '') !== token) {
    return json(401, { error: { type: 'unauthorized', message: 'Control routes need the x-sim-control-token header from the startup JSON.' } });
  }
  const m = router.match(ctx.method, ctx.path);
  if (!m) return json(404, { error: { type: 'not_found', message: `No control route ${ctx.method} ${ctx.path}.` } });
  ctx.params = m.params;
  try {
    return m.route.handle(ctx, deps);
  } catch (e) {
    if (e instanceof InputError) return json(400, { error: { type: 'invalid_request', message: e.message } });
    if (e instanceof NotFound) return json(404, { error: { type: 'not_found', message: e.message } });
    throw e;
  }
}
