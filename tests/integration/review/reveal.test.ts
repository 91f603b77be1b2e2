import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskText } from '../../../electron/core/pii';
import { WORKSPACE_TENANT } from '../../../electron/core/vault';
import { asViewer, closeWorld, failed, ok, pulledWorld, truthTextMessages, type App, type World } from './helpers';

/**
 * content.reveal through the contract, as any host would call it: an admin with a reason
 * gets one message's unmasked text, and the log says so first (pii_revealed naming the
 * member, the message, the PII kinds and the reason, then a signed checkpoint). Without
 * a reason, nothing; a viewer is refused with FORBIDDEN and the refusal is recorded.
 */

let w: World;
let target: { id: string; text: string };

function recordsOfType(tenantId: string, type: string) {
  return [...w.app.services.workspace.vault.chain.records(tenantId)]
    .map((r) => JSON.parse(r.bytes.toString('utf8')) as { seq: number; type: string; actor: string; body: Record<string, unknown> })
    .filter((r) => r.type === type);
}

beforeAll(async () => {
  w = await pulledWorld();
  // A message with personal data of more than one kind.
  const m = truthTextMessages(w.truth).find((x) => maskText(x.text!).kinds.length >= 2) ?? truthTextMessages(w.truth).find((x) => maskText(x.text!).kinds.length >= 1)!;
  target = { id: m.id, text: m.text! };
});
afterAll(() => closeWorld(w));

describe('the logged reveal', () => {
  it('given an admin and a reason, returns the raw text only after recording pii_revealed with the member, kinds and reason, and a checkpoint', async () => {
    const before = recordsOfType(w.tenantId, 'pii_revealed').length;
    const r = ok(await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: target.id, reason: '  Case 7: confirm the card number quoted by the complainant  ' }));
    const expected = maskText(target.text);
    expect(r).toMatchObject({ status: 'ok', tenantId: w.tenantId, messageId: target.id, text: target.text, kinds: expected.kinds });
    for (const s of r.spans) expect(target.text.slice(s.start, s.end).length).toBeGreaterThan(0);
    expect(r.spans.map((s: { start: number; end: number }) => [s.start, s.end])).toEqual(expected.spans.map((s) => [s.source.start, s.source.end]));

    const reveals = recordsOfType(w.tenantId, 'pii_revealed');
    expect(reveals.length).toBe(before + 1);
    const rec = reveals.at(-1)!;
    expect(rec.seq).toBe(r.recordSeq);
    const row = w.app.services.workspace.vault.content.row(w.tenantId, target.id)!;
    expect(rec).toMatchObject({
      actor: 'alice',
      body: { messageId: target.id, chatId: row.chat_id, messageRecord: row.record_seq, member: 'alice', reason: 'Case 7: confirm the card number quoted by the complainant', kinds: expected.kinds },
    });
    // The reveal is covered by a signed checkpoint at once.
    const cp = w.app.services.workspace.vault.chain.latestCheckpoint(w.tenantId)!;
    expect(cp.size).toBe(rec.seq + 1);
    // And the audit view shows it, without the text.
    const audit = ok(await w.app.call('audit.records', { types: ['pii_revealed'], limit: 1 }));
    expect(audit.rows[0]).toMatchObject({ seq: rec.seq, type: 'pii_revealed', actor: 'alice' });
    expect(audit.rows[0].summary).toBe(`alice revealed message ${target.id} (${expected.kinds.join(', ')})`);
  });

  it('given no reason (missing, empty or blank), refuses with VALIDATION_FAILED on "reason" and records nothing', async () => {
    const before = recordsOfType(w.tenantId, 'pii_revealed').length;
    for (const reason of [undefined, '', '   \n\t ']) {
      const r = await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: target.id, ...(reason === undefined ? {} : { reason }) });
      expect(failed(r)).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'reason' } });
      expect(JSON.stringify(r)).not.toContain(target.text.slice(0, 30));
    }
    expect(recordsOfType(w.tenantId, 'pii_revealed').length).toBe(before);
  });

  it('given a deleted message, says how it was deleted and reveals nothing', async () => {
    const row = w.app.services.workspace.vault.db.prepare('SELECT id, chat_id FROM messages WHERE tenant_id = ? AND id != ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT 1').get(w.tenantId, target.id) as { id: string; chat_id: string };
    w.app.services.workspace.deleteChat(w.tenantId, row.chat_id);
    const before = recordsOfType(w.tenantId, 'pii_revealed').length;
    const r = ok(await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: row.id, reason: 'case 7' }));
    expect(r).toMatchObject({ status: 'deleted', messageId: row.id, deleted: { reason: 'chat_deleted', by: 'alice' } });
    expect(r.text).toBeUndefined();
    expect(recordsOfType(w.tenantId, 'pii_revealed').length).toBe(before);
  });

  it('given an unknown message or organisation, NOT_FOUND', async () => {
    expect(failed(await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: 'claude_chat_msg_nope', reason: 'case 7' })).code).toBe('NOT_FOUND');
    expect(failed(await w.app.call('content.reveal', { tenantId: 't_nope', messageId: target.id, reason: 'case 7' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
  });

  describe('as a viewer', () => {
    let viewer: App;
    beforeAll(async () => {
      viewer = await asViewer(w);
    });

    it('is FORBIDDEN, the refusal is recorded in the workspace log, and no text is returned', async () => {
      const refusedBefore = recordsOfType(WORKSPACE_TENANT, 'reveal_refused').length;
      const r = await viewer.call('content.reveal', { tenantId: w.tenantId, messageId: target.id, reason: 'curious' });
      expect(failed(r).code).toBe('FORBIDDEN');
      expect(JSON.stringify(r)).not.toContain(target.text.slice(0, 30));
      const refusals = recordsOfType(WORKSPACE_TENANT, 'reveal_refused');
      expect(refusals.length).toBe(refusedBefore + 1);
      expect(refusals.at(-1)).toMatchObject({ actor: 'victor', body: { action: 'reveal_message', target: `${w.tenantId}/${target.id}`, member: 'victor', role: 'viewer' } });
      // The refusal shows in the audit view, as evidence.
      const audit = ok(await viewer.call('audit.records', { types: ['reveal_refused'], actor: 'victor' }));
      expect(audit.total).toBe(1);
      expect(audit.rows[0].summary).toMatch(/^Refused: victor \(viewer\) may not reveal message /);
    });

    it('still reads the transcript, masked', async () => {
      const chatId = w.app.services.workspace.vault.content.row(w.tenantId, target.id)!.chat_id;
      const t = ok(await viewer.call('content.transcript', { tenantId: w.tenantId, chatId }));
      const m = t.messages.find((x: { messageId: string }) => x.messageId === target.id);
      expect(m.text.text).toBe(maskText(target.text).masked);
    });
  });

  describe('when the log refuses appends', () => {
    it('given the log cannot record the reveal, the text is not returned', async () => {
      const v = w.app.services.workspace.vault;
      const before = recordsOfType(w.tenantId, 'pii_revealed').length;
      // A log that refuses appends (as after tampering was detected on open). Last: it stays closed.
      v.chain.block(w.tenantId, 'this test closed it');
      const r = await w.app.call('content.reveal', { tenantId: w.tenantId, messageId: target.id, reason: 'should not be shown' });
      expect(failed(r).code).toBe('TAMPERED');
      expect(JSON.stringify(r)).not.toContain(target.text.slice(0, 30));
      expect(recordsOfType(w.tenantId, 'pii_revealed').length).toBe(before);
    });
  });
});
