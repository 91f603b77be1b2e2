import type { Ctx } from '../../http/context';
import { boolParam } from '../../http/query';
import { InputError, ok, type Reply } from '../../http/reply';
import type { OpenAiAuditEvent } from '../../model/entities';
import { openaiList } from './lists';
import type { OpenAiPrincipal } from './principal';

/** GET /v1/organization/audit_logs (reference §5): newest first, after=<last_id> goes older. */

const OPS = ['gt', 'gte', 'lt', 'lte'] as const;

function effectiveAt(ctx: Ctx): Partial<Record<(typeof OPS)[number], number>> {
  const out: Partial<Record<(typeof OPS)[number], number>> = {};
  for (const op of OPS) {
    const v = ctx.query.get(`effective_at[${op}]`);
    if (v === undefined) continue;
    if (!/^\d{1,12}$/.test(v)) throw new InputError(`Invalid 'effective_at[${op}]': expected an integer number of seconds since the Unix epoch, got '${v}'.`, `effective_at[${op}]`);
    out[op] = Number(v);
  }
  return out;
}

function eventJson(e: OpenAiAuditEvent): Record<string, unknown> {
  const base: Record<string, unknown> = { id: e.id, type: e.type, effective_at: e.effectiveAt };
  if (e.project) base.project = e.project; // missing (not null) for org-level events
  base.actor = e.actor;
  base[e.type] = e.payload; // the payload sits under a key named after the event type
  return base;
}

export function listAuditLogs(ctx: Ctx, p: OpenAiPrincipal): Reply {
  const q = ctx.query;
  const range = effectiveAt(ctx);
  const types = q.listLoose('event_types');
  const actorIds = q.listLoose('actor_ids');
  const actorEmails = q.listLoose('actor_emails').map((e) => e.toLowerCase());
  const projectIds = q.listLoose('project_ids');
  const resourceIds = q.listLoose('resource_ids');
  const tenantOnly = boolParam(q, 'tenant_only', false);
  if (tenantOnly) {
    const bad = types.find((t) => !t.startsWith('tenant.'));
    if (bad) throw new InputError(`When 'tenant_only' is true, every event type must be tenant-scoped; '${bad}' is not.`, 'event_types');
  }
  const nowS = Math.floor(ctx.world.clock.now() / 1000);
  const filter = (e: OpenAiAuditEvent): boolean =>
    e.effectiveAt <= nowS &&
    (tenantOnly ? e.type.startsWith('tenant.') : !e.type.startsWith('tenant.')) &&
    (types.length === 0 || types.includes(e.type)) &&
    (actorIds.length === 0 || (e.actorId !== null && actorIds.includes(e.actorId))) &&
    (actorEmails.length === 0 || (e.actorEmail !== null && actorEmails.includes(e.actorEmail.toLowerCase()))) &&
    (projectIds.length === 0 || (e.project !== null && projectIds.includes(e.project.id))) &&
    (resourceIds.length === 0 || (e.resourceId !== null && resourceIds.includes(e.resourceId))) &&
    (range.gt === undefined || e.effectiveAt > range.gt) &&
    (range.gte === undefined || e.effectiveAt >= range.gte) &&
    (range.lt === undefined || e.effectiveAt < range.lt) &&
    (range.lte === undefined || e.effectiveAt <= range.lte);
  const page = openaiList(q, p.org.auditEvents, (e) => e.id, filter, true);
  return ok({ ...page, data: page.data.map(eventJson) });
}
