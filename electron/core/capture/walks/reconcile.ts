import type { AnthropicComplianceClient } from '../../sources';
import { flagChat } from '../content/flags';
import type { PullContext } from '../context';
import { runResumable } from './resumable';

/**
 * Hard deletes leave no trace in an `updated_at` walk: the chat simply stops being listed.
 * So each pull also lists every chat id (org-wide, 1000 per page) and flags captured chats
 * that are no longer listed as gone at the source (chat_flagged), keeping what was captured.
 * Only chats of organisations this pull's key still lists are judged, so a key that sees
 * fewer organisations than its predecessor does not make their chats look deleted.
 */

const SLOT = 'anthropic-compliance' as const;

export async function reconcileChats(ctx: PullContext, client: AnthropicComplianceClient): Promise<boolean> {
  const report = ctx.tracker.endpoint('compliance.chats_reconcile', SLOT);
  ctx.tracker.at('reconcile');
  const listed = new Set<string>();
  const ok = await runResumable(ctx, report, async () => {
    listed.clear();
    for await (const page of client.walkChats({ orderBy: 'created_at', limit: 1000, signal: ctx.signal })) {
      for (const c of page.items) listed.add(c.id);
      ctx.tracker.stored(report, { items: page.items.length, records: 0, cursor: page.cursor, lastId: page.items.at(-1)?.id ?? null, requestId: page.requestId });
    }
  });
  if (!ok) return false;
  const seenOrgs = new Set(ctx.vault.db.prepare('SELECT uuid FROM capture_orgs WHERE tenant_id = ? AND last_seen_run = ?').pluck().all(ctx.tenantId, ctx.runId) as string[]);
  let records = 0;
  ctx.transaction(() => {
    for (const id of ctx.chats.presentIds()) {
      if (listed.has(id)) continue;
      const c = ctx.chats.chat(id);
      if (!c || (c.orgUuid !== null && seenOrgs.size > 0 && !seenOrgs.has(c.orgUuid))) continue;
      flagChat(ctx, { chatId: id, flag: 'gone_at_source', orgId: c.orgUuid, userId: c.userId, detectedBy: 'reconcile' });
      ctx.chats.markGone(id);
      ctx.tracker.counts.chatsGone++;
      records++;
    }
  });
  report.records += records;
  return true;
}
