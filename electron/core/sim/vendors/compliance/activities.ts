import type { Ctx } from '../../http/context';
import { keysetPage, type Sorted } from '../../http/pagination';
import { enumParam, inRange, limitParam, timeRange } from '../../http/query';
import { InputError, ok, type Reply } from '../../http/reply';
import type { ActivityRecord } from '../../model/activity-log';
import { orgFilter, orgVisible, type CompliancePrincipal } from './principal';
import { activityJson } from './serialize';

/**
 * GET /v1/compliance/activities — newest first by default; `after_id=<last_id>` goes older,
 * `before_id=<first_id>` goes newer. Only rows older than the ingestion lag are visible.
 * Cursors are activity ids (as in the reference's error text) and must be known to this parent.
 */
export function listActivities(ctx: Ctx, p: CompliancePrincipal): Reply {
  const q = ctx.query;
  const limit = limitParam(q, { max: 5000, def: 100 });
  const order = enumParam(q, 'order', ['asc', 'desc'] as const, 'desc');
  const range = timeRange(q, 'created_at');
  const include = q.list('activity_types');
  const exclude = q.list('exclude_activity_types');
  if (include.length > 0 && exclude.length > 0) throw new InputError('`activity_types[]` cannot be combined with `exclude_activity_types[]`.', 'activity_types[]');
  const actors = [...q.list('actor_ids'), ...q.list('user_ids')];
  for (const a of actors) {
    // only user ids are supported (reference §5.1); anything else is refused [inferred: 400, the stricter choice]
    if (!a.startsWith('user_')) throw new InputError(`Invalid actor id "${a}". Only \`user_…\` ids are supported in \`actor_ids[]\` and \`user_ids[]\`.`, 'actor_ids[]');
  }
  const orgs = orgFilter(p, q.list('organization_ids'));
  const afterId = q.get('after_id');
  const beforeId = q.get('before_id');
  if (afterId !== undefined && beforeId !== undefined) throw new InputError('Only one of `after_id` or `before_id` may be provided.', 'after_id');

  const log = p.tenant.activities;
  const visible = log.visibleCount(ctx.world.clock.now() - ctx.world.config.activityLagMs);
  const src: Sorted<ActivityRecord> = { length: visible, at: (i) => log.at(i) };

  let cursor;
  const cursorId = afterId ?? beforeId;
  if (cursorId !== undefined) {
    const param = afterId !== undefined ? 'after_id' : 'before_id';
    const row = log.get(cursorId);
    const idx = row ? log.lowerBound(row.t, row.id) : -1;
    if (!row || idx >= visible || !orgVisible(p, row.orgUuid)) throw new InputError(`Invalid \`${param}\`. No activity found for \`${param}\` "${cursorId}"`, param);
    cursor = {
      dir: afterId !== undefined ? ('after' as const) : ('before' as const),
      isBefore: (a: ActivityRecord) => a.t < row.t || (a.t === row.t && a.id < row.id),
      isAt: (a: ActivityRecord) => a.id === row.id,
    };
  }

  const includeSet = include.length > 0 ? new Set(include) : null;
  const excludeSet = exclude.length > 0 ? new Set(exclude) : null;
  const actorSet = actors.length > 0 ? new Set(actors) : null;
  const filter = (a: ActivityRecord): boolean =>
    orgVisible(p, a.orgUuid) &&
    (!includeSet || includeSet.has(a.type)) &&
    (!excludeSet || !excludeSet.has(a.type)) &&
    (!actorSet || (a.actorUserId !== null && actorSet.has(a.actorUserId))) &&
    (!orgs || (a.orgUuid !== null && orgs.has(a.orgUuid))) &&
    inRange(a.t, range);

  const page = keysetPage(src, { order, limit, filter, cursor });
  return ok({
    data: page.items.map(activityJson),
    has_more: page.hasMore,
    first_id: page.items[0]?.id ?? null,
    last_id: page.items[page.items.length - 1]?.id ?? null,
  });
}
