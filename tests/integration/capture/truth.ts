import { expect } from 'vitest';
import { textCommitment } from '../../../electron/core/chain';
import type { GroundTruth, MessageTruth } from '../../../electron/core/sim';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { recordsOf } from './helpers';

/**
 * The vault against the simulator's ground truth (detail 'text'), for the Enterprise tenant.
 * Chats: the same ids, the same soft-deleted ones. Messages: every message id is known;
 * the ones with text were captured, and each one's sealed text decrypts to the truth and
 * matches the commitment in its record; the ones without text were not. No message,
 * activity or flag was recorded twice, and the whole workspace verifies.
 */

export interface Expectations {
  /** Chats captured earlier that are gone upstream now (hard-deleted): kept, flagged. */
  gone?: string[];
  /** Messages whose text the vault keeps although upstream no longer shows it (captured before a soft delete). */
  keptText?: Map<string, string>;
}

export function truthMessages(truth: GroundTruth): Map<string, MessageTruth & { chatId: string; userId: string }> {
  const out = new Map<string, MessageTruth & { chatId: string; userId: string }>();
  const t = truth.tenants.find((x) => x.plan === 'enterprise')!;
  for (const org of t.orgs ?? []) for (const c of org.chats) for (const m of c.messages ?? []) out.set(m.id, { ...m, chatId: c.id, userId: c.userId });
  return out;
}

export function expectVaultEqualsTruth(ws: WorkspaceService, tenantId: string, truth: GroundTruth, exp: Expectations = {}): void {
  const db = ws.vault.db;
  const t = truth.tenants.find((x) => x.plan === 'enterprise')!;
  const chats = (t.orgs ?? []).flatMap((o) => o.chats);
  const gone = new Set(exp.gone ?? []);

  // Chats: present ones equal the truth; the gone ones are exactly the expected ones.
  const rows = db.prepare('SELECT id, soft_deleted, gone_at_source FROM capture_chats WHERE tenant_id = ?').all(tenantId) as Array<{ id: string; soft_deleted: number; gone_at_source: number }>;
  expect(rows.filter((r) => r.gone_at_source === 0).map((r) => r.id).sort()).toEqual(chats.map((c) => c.id).sort());
  expect(rows.filter((r) => r.gone_at_source === 1).map((r) => r.id).sort()).toEqual([...gone].sort());
  const softTruth = chats.filter((c) => c.softDeleted).map((c) => c.id).sort();
  expect(rows.filter((r) => r.soft_deleted === 1 && r.gone_at_source === 0).map((r) => r.id).sort()).toEqual(softTruth);

  // Messages.
  const truthMsgs = truthMessages(truth);
  const states = db.prepare('SELECT id, chat_id, status, vault_id FROM capture_messages WHERE tenant_id = ?').all(tenantId) as Array<{ id: string; chat_id: string; status: string; vault_id: string | null }>;
  const goneMsgIds = new Set(states.filter((s) => gone.has(s.chat_id)).map((s) => s.id));
  expect(states.filter((s) => !goneMsgIds.has(s.id)).map((s) => s.id).sort()).toEqual([...truthMsgs.keys()].sort());
  const kept = exp.keptText ?? new Map<string, string>();
  for (const s of states) {
    if (goneMsgIds.has(s.id)) continue;
    const m = truthMsgs.get(s.id)!;
    const expectedText = m.hasText ? m.text! : kept.get(s.id);
    if (expectedText === undefined) {
      expect(s.status, `message ${s.id} has no text upstream`).toBe('no_text');
      continue;
    }
    expect(s.status, `message ${s.id} has text upstream`).toBe('text');
    const got = ws.vault.getMessageText(tenantId, s.vault_id!);
    expect(got.status).toBe('ok');
    if (got.status === 'ok') expect(got.text, `text of ${s.id}`).toBe(expectedText);
    // The record's commitment is the one recomputed from the truth text.
    const salt = ws.vault.content.messageSalt(tenantId, s.vault_id!);
    if (!Buffer.isBuffer(salt)) throw new Error('salt withheld');
    const row = ws.vault.content.row(tenantId, s.vault_id!)!;
    expect(row.commitment).toBe(textCommitment(salt, expectedText));
    const rec = ws.vault.chain.record(tenantId, row.record_seq!);
    expect(rec.type).toBe('message_captured');
    expect(rec.body.commitment).toBe(textCommitment(salt, expectedText));
    expect(rec.body.userId).toBe(m.userId);
  }
  expectNoDuplicates(ws, tenantId);
  const verdict = ws.verifyChain({ mode: 'full' });
  expect(verdict.ok, JSON.stringify(verdict.tenants.find((x) => !x.ok)?.problem ?? verdict.workspace)).toBe(true);
}

export function expectNoDuplicates(ws: WorkspaceService, tenantId: string): void {
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  expect(dup(recordsOf(ws, tenantId, 'message_captured').map((r) => r.body.messageId as string))).toEqual([]);
  expect(dup(recordsOf(ws, tenantId, 'activity_captured').map((r) => r.body.activityId as string))).toEqual([]);
  expect(dup(recordsOf(ws, tenantId, 'audit_event_captured').map((r) => r.body.eventId as string))).toEqual([]);
  expect(dup(recordsOf(ws, tenantId, 'chat_flagged').map((r) => `${r.body.chatId}/${r.body.flag}`))).toEqual([]);
  expect(dup(recordsOf(ws, tenantId, 'message_superseded').map((r) => r.body.newId as string))).toEqual([]);
  for (const type of ['usage_captured', 'cost_captured']) {
    expect(dup(recordsOf(ws, tenantId, type).map((r) => `${r.body.report}/${r.body.bucket}/${r.body.version}`))).toEqual([]);
  }
}
