import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskText } from '../../../electron/core/pii';
import { allStrings, closeWorld, control, expectNoneOf, failed, ok, pull, pulledWorld, truthChats, truthPii, truthTextMessages, type World } from './helpers';

/**
 * content.transcript: a chat's messages in order, masked by the PII engine with a chip per
 * mask, each with its status (ok, superseded by vN, deleted with who/when/which record,
 * unreadable), record seq and commitment. No PII the simulator planted ever appears in an
 * answer.
 */

let w: World;
const edit = { chatId: '', messageId: '', text: 'Please resend the figures to maria.garcia@outlook.com today.' };
let deletedChat = '';

beforeAll(async () => {
  w = await pulledWorld({ seed: 'ogma-review-pii', sizes: { orgs: 2, users: 4, chats: 5, messages: 6 } });
  const chats = truthChats(w.truth).filter((c) => !c.softDeleted && (c.messages ?? []).filter((m) => m.hasText).length >= 2);
  const edited = chats[0]!;
  edit.chatId = edited.id;
  edit.messageId = edited.messages!.find((m) => m.hasText)!.id;
  await control(w.sim, 'PATCH', `/chats/${edit.chatId}/messages/${edit.messageId}`, { text: edit.text });
  expect((await pull(w.app.services.workspace, w.tenantId)).status).toBe('complete');
  deletedChat = chats[1]!.id;
  w.app.services.workspace.deleteChat(w.tenantId, deletedChat);
});
afterAll(() => closeWorld(w));

async function transcript(chatId: string) {
  return ok(await w.app.call('content.transcript', { tenantId: w.tenantId, chatId }));
}

describe('a transcript', () => {
  it('masks every kind of PII the simulator planted: no planted email, SSN, card, key, secret or IP appears in any transcript', async () => {
    const pii = truthPii(w.truth);
    const kinds = new Set(pii.map((p) => p.kind));
    // The world is big enough to carry every kind the simulator plants.
    expect([...kinds].sort()).toEqual(['anthropic_key', 'aws_access_key', 'aws_secret_key', 'card', 'email', 'ipv4', 'ipv6', 'jwt', 'openai_key', 'phone_intl', 'phone_national', 'slack_token', 'ssn', 'stripe_key']);
    const texts = new Map(truthTextMessages(w.truth).map((m) => [m.id, m.text!]));
    // What the PII engine itself does not find is out of this service's reach; pinned here so
    // a fix (or a new miss) shows. Known: a Spanish national number ("912 946 060") after
    // the Arabic "رقم التواصل" (contact number), which the engine's phone words lack.
    const engineMisses = pii.filter((p) => texts.has(p.messageId) && maskText(texts.get(p.messageId)!).masked.includes(p.value));
    expect(engineMisses.map((p) => p.kind)).toEqual(['phone_national']);
    const answers = [];
    for (const c of truthChats(w.truth)) answers.push(await transcript(c.id));
    expectNoneOf(answers, pii.filter((p) => !engineMisses.includes(p)).map((p) => p.value), 'transcripts');
    // And the masks are there: each planted value's message shows chips.
    const byId = new Map(answers.flatMap((a) => a.messages).map((m: { messageId: string }) => [m.messageId, m]));
    for (const p of pii.filter((x) => !engineMisses.includes(x))) {
      const m = byId.get(p.messageId) as { status: string; text: { spans: unknown[] } | null } | undefined;
      if (!m || m.status !== 'ok') continue;
      expect(m.text!.spans.length, `${p.kind} in ${p.messageId}`).toBeGreaterThan(0);
    }
  });

  it('lists the messages in order with masked text equal to the engine\'s mask of the captured text, chips on the labels', async () => {
    const truthText = new Map(truthTextMessages(w.truth).map((m) => [m.id, m]));
    const c = truthChats(w.truth).find((x) => x.id !== edit.chatId && x.id !== deletedChat && (x.messages ?? []).filter((m) => m.hasText).length >= 2)!;
    const t = await transcript(c.id);
    const expected = (c.messages ?? []).filter((m) => m.hasText);
    expect(t.total).toBe(expected.length);
    expect(t.messages.map((m: { messageId: string }) => m.messageId)).toEqual(expected.map((m) => m.id));
    expect(t.chat).toMatchObject({ tenantId: w.tenantId, chatId: c.id, createdAt: c.createdAt });
    const db = w.app.services.workspace.vault.db;
    for (const m of t.messages) {
      const truth = truthText.get(m.messageId)!;
      const want = maskText(truth.text!);
      expect(m).toMatchObject({ status: 'ok', version: 1, role: truth.role, createdAt: truth.createdAt, deleted: null, superseded: null, problem: null });
      expect(m.text.text).toBe(want.masked);
      expect(m.text.kinds).toEqual(want.kinds);
      for (const chip of m.text.spans) expect(m.text.text.slice(chip.start, chip.end)).toBe(chip.label);
      const row = db.prepare('SELECT record_seq, commitment FROM messages WHERE tenant_id = ? AND id = ?').get(w.tenantId, m.messageId) as { record_seq: number; commitment: string };
      expect(m.recordSeq).toBe(row.record_seq);
      expect(m.commitment).toBe(row.commitment);
      expect(m.commitment).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('shows an edited message as superseded by v2, followed by its new version, both readable', async () => {
    const t = await transcript(edit.chatId);
    const i = t.messages.findIndex((m: { messageId: string }) => m.messageId === edit.messageId);
    const [old, next] = [t.messages[i], t.messages[i + 1]];
    expect(old).toMatchObject({ status: 'superseded', version: 1, superseded: { byMessageId: `${edit.messageId}~v2`, version: 2, label: 'superseded by v2' } });
    expect(old.text.text.length).toBeGreaterThan(0);
    expect(next).toMatchObject({ messageId: `${edit.messageId}~v2`, version: 2, status: 'ok', superseded: null });
    expect(next.text.text).toBe('Please resend the figures to [EMAIL] today.');
    expect(next.text.kinds).toEqual(['email']);
    expect(JSON.stringify(t)).not.toContain('maria.garcia@outlook.com');
  });

  it('shows deleted content as deleted, saying when, by whom and in which record, with no text', async () => {
    const t = await transcript(deletedChat);
    expect(t.chat.flags.deleted).toMatchObject({ reason: 'chat_deleted', by: 'alice' });
    expect(t.messages.length).toBeGreaterThan(0);
    for (const m of t.messages) {
      expect(m).toMatchObject({ status: 'deleted', text: null, deleted: { reason: 'chat_deleted', by: 'alice', recordSeq: t.chat.flags.deleted.recordSeq } });
      expect(m.deleted.label).toBe(`deleted on ${m.deleted.at.slice(0, 10)} by alice, record #${m.deleted.recordSeq}`);
    }
  });

  it('pages through a long chat', async () => {
    const c = truthChats(w.truth).find((x) => x.id !== deletedChat && (x.messages ?? []).filter((m) => m.hasText).length >= 3)!;
    const whole = await transcript(c.id);
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 2) {
      pages.push(...ok(await w.app.call('content.transcript', { tenantId: w.tenantId, chatId: c.id, offset, limit: 2 })).messages);
    }
    expect(pages).toEqual(whole.messages);
  });

  it('answers NOT_FOUND for an unknown chat or organisation, VALIDATION_FAILED for a malformed request', async () => {
    expect(failed(await w.app.call('content.transcript', { tenantId: w.tenantId, chatId: 'claude_chat_nope' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'chatId' } });
    expect(failed(await w.app.call('content.transcript', { tenantId: 't_nope', chatId: 'x' }))).toMatchObject({ code: 'NOT_FOUND', where: { field: 'tenantId' } });
    expect(failed(await w.app.call('content.transcript', { tenantId: 'workspace', chatId: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(failed(await w.app.call('content.transcript', { tenantId: w.tenantId }))).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'chatId' } });
    expect(failed(await w.app.call('content.transcript', { tenantId: w.tenantId, chatId: 'x', unmasked: true }))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('given a content file altered on disk, shows those messages as unreadable and the rest of the chat as usual', async () => {
    const c = truthChats(w.truth).find((x) => x.id !== deletedChat && x.id !== edit.chatId && (x.messages ?? []).filter((m) => m.hasText).length >= 2)!;
    const db = w.app.services.workspace.vault.db;
    const row = db.prepare('SELECT id, blob_path, blob_offset FROM messages WHERE tenant_id = ? AND chat_id = ? ORDER BY rowid LIMIT 1').get(w.tenantId, c.id) as { id: string; blob_path: string; blob_offset: number };
    const file = join(w.path, 'blobs', ...row.blob_path.split('/'));
    const bytes = readFileSync(file);
    bytes[row.blob_offset + 20] = bytes[row.blob_offset + 20]! ^ 0xff;
    writeFileSync(file, bytes);
    const t = await transcript(c.id);
    const bad = t.messages.find((m: { messageId: string }) => m.messageId === row.id);
    expect(bad).toMatchObject({ status: 'unreadable', text: null, problem: { code: 'TAMPERED' } });
    expect(t.messages.filter((m: { status: string }) => m.status === 'ok').length).toBe(t.messages.length - 1);
    expect(allStrings(t).join('\n')).not.toMatch(/undefined/);
  });
});
