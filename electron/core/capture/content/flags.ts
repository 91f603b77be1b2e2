import type { PullContext } from '../context';

/**
 * A chat's standing at the source, attested by a chat_flagged record when it changes:
 * soft-deleted by its user (still listed, content gone upstream), gone at the source (no
 * longer listed, or 404), or back at the source. What was captured stays as captured.
 */

export type ChatFlag = 'soft_deleted' | 'gone_at_source' | 'back_at_source';
export type DetectedBy = 'listing' | 'not_found' | 'reconcile';

export interface FlagInput {
  chatId: string;
  flag: ChatFlag;
  orgId: string | null;
  userId: string | null;
  deletedAt?: string | null;
  detectedBy: DetectedBy;
}

/** Inside the page's transaction: appends the record and mirrors the flag on the vault's chat row. */
export function flagChat(ctx: PullContext, f: FlagInput): number {
  const rec = ctx.vault.chain.append(
    ctx.tenantId,
    'chat_flagged',
    { chatId: f.chatId, flag: f.flag, orgId: f.orgId, userId: f.userId, deletedAt: f.deletedAt ?? null, detectedBy: f.detectedBy, runId: ctx.runId },
    ctx.actor,
  );
  const column = f.flag === 'soft_deleted' ? 'soft_deleted = 1' : f.flag === 'gone_at_source' ? 'gone_at_source = 1' : 'gone_at_source = 0';
  ctx.vault.db.prepare(`UPDATE chats SET ${column} WHERE tenant_id = ? AND id = ?`).run(ctx.tenantId, f.chatId);
  return rec.seq;
}
