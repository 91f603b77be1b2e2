import type { AnthropicComplianceClient } from '../../sources';
import type { PullContext } from '../context';
import { runResumable } from './resumable';

/**
 * Organisations, then the members of each: page-token walks re-read in full on every pull
 * (the vendor offers no change feed for them), each page stored with its resume token so
 * a crash resumes mid-list. Members are the directory only; their chats are read org-wide.
 */

const SLOT = 'anthropic-compliance' as const;
const PAGE = 1000;

export async function captureDirectory(ctx: PullContext, client: AnthropicComplianceClient): Promise<boolean> {
  const orgsEp = 'compliance.organizations';
  const start = ctx.cursors.load<Record<string, never>>(orgsEp, {});
  const orgs = ctx.tracker.endpoint(orgsEp, SLOT, start.cursor);
  ctx.tracker.at('organizations');
  const orgsOk = await runResumable(ctx, orgs, async () => {
    const row = ctx.cursors.load<Record<string, never>>(orgsEp, {});
    for await (const page of client.walkOrganizations({ ...(row.cursor ? { from: row.cursor } : {}), limit: PAGE, signal: ctx.signal })) {
      const now = ctx.now();
      ctx.transaction(() => {
        for (const o of page.items) ctx.directory.upsertOrg(o, ctx.runId, now);
        ctx.cursors.save(orgsEp, { cursor: page.cursor, state: {} }, now);
      });
      ctx.tracker.counts.orgs += page.items.length;
      ctx.tracker.stored(orgs, { items: page.items.length, records: 0, cursor: page.cursor, lastId: page.items.at(-1)?.uuid ?? null, requestId: page.requestId });
    }
  });
  if (!orgsOk) return false;

  const users = ctx.tracker.endpoint('compliance.users', SLOT);
  let firstFailure: typeof users.failure = null;
  for (const orgUuid of ctx.directory.orgUuids()) {
    const ep = `compliance.users:${orgUuid}`;
    ctx.tracker.at('users', { org: orgUuid });
    const done = await runResumable(ctx, users, async () => {
      const row = ctx.cursors.load<Record<string, never>>(ep, {});
      for await (const page of client.walkOrgUsers(orgUuid, { ...(row.cursor ? { from: row.cursor } : {}), limit: PAGE, signal: ctx.signal })) {
        const now = ctx.now();
        ctx.transaction(() => {
          for (const u of page.items) ctx.directory.upsertUser(orgUuid, u, ctx.runId, now);
          ctx.cursors.save(ep, { cursor: page.cursor, state: {} }, now);
        });
        ctx.tracker.counts.users += page.items.length;
        ctx.tracker.stored(users, { items: page.items.length, records: 0, cursor: page.cursor, lastId: page.items.at(-1)?.id ?? null, requestId: page.requestId });
      }
    });
    // An org the key no longer sees fails alone; a refused key stops the whole directory.
    if (!done) {
      firstFailure ??= users.failure;
      if (users.failure?.code === 'KEY_REJECTED' || users.failure?.code === 'FORBIDDEN') break;
    }
  }
  if (firstFailure) {
    users.status = 'failed';
    users.failure = firstFailure;
    return false;
  }
  return true;
}
