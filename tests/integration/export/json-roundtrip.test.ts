import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskText } from '../../../electron/core/pii';
import { WORKSPACE_TENANT } from '../../../electron/core/vault';
import { verifyBundleBytes, verifyFile } from '../../../electron/core/verify';
import { WorkspaceService } from '../../../electron/services/workspace';
import { ExportService } from '../../../electron/services/export';
import { ADMIN, KDF, VIEWER, cleanupTempDirs, steppingClock } from '../../unit/vault/fixtures';
import { editOneChar, failure } from '../../unit/export/tamper-helpers';
import { exportWorld, messageText, type ExportWorld } from './json-helpers';

/**
 * Export then verify, through the export service over real workspaces (sealed text,
 * chain records, signed checkpoints): masked and revealed, for 1, 100 and 10,000 messages.
 */

afterAll(cleanupTempDirs);

function records(w: ExportWorld, tenantId = w.tenantId) {
  return [...w.ws.vault.chain.records(tenantId)].map((r) => JSON.parse(r.bytes.toString('utf8')) as { seq: number; type: string; actor: string; body: Record<string, unknown> });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each([1, 100, 10_000])('round trip with %i messages', (n) => {
  let w: ExportWorld;
  beforeAll(async () => {
    w = await exportWorld({ messages: n, chats: Math.max(1, Math.ceil(n / 50)) });
  }, 120_000);
  afterAll(() => w?.ws.closeWorkspace());

  it('given a masked export (the default), then it verifies, masked messages as "record verified, text masked", and the export is on the record', async () => {
    const res = await w.exports.create({ format: 'json', outPath: w.out(`masked-${n}.json`), scope: {} });
    const bytes = readFileSync(res.path);
    const report = verifyBundleBytes(bytes);
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('verified');
    // Masked: exactly the messages the PII engine finds something in (emails, cards, and whatever else it recognises).
    const expectMasked = Array.from({ length: n }, (_, i) => messageText(i)).filter((t) => maskText(t).masked !== t).length;
    expect(expectMasked).toBeGreaterThanOrEqual(n >= 100 ? Math.floor(n / 7) : 0);
    expect(report.counts).toEqual({ messages: n, verified: n - expectMasked, verifiedTextMasked: expectMasked, failed: 0 });
    expect(res.counts).toMatchObject({ messages: n, masked: expectMasked, skippedDeleted: 0 });
    // No plaintext PII left in the file.
    const text = bytes.toString('utf8');
    expect(text).not.toMatch(/person\d+@example\.com/);
    expect(text).not.toContain('4111 1111 1111 1111');
    // The file is what the record says, and the record is the newest of the log.
    expect(res.fileSha256).toBe(sha256(bytes));
    const recs = records(w);
    const made = recs.find((r) => r.seq === res.recordSeq)!;
    expect(made).toMatchObject({ type: 'export_created', actor: ADMIN.name, body: { format: 'json', bundleSha256: res.bundleSha256, messages: n, masking: 'masked', bates: null, scope: 'everything captured' } });
    expect(recs[recs.length - 1]!.seq).toBe(res.recordSeq);
    expect(report.fingerprints).toEqual(res.fingerprints);
  }, 120_000);

  it('given an admin reveal with a reason, then the unmasked text verifies and the reveal is recorded and carried as evidence', async () => {
    const res = await w.exports.create({ format: 'json', outPath: w.out(`revealed-${n}.json`), scope: {}, revealPii: { reason: 'Court order 2026-117' } });
    const bytes = readFileSync(res.path);
    const report = verifyBundleBytes(bytes);
    expect(report.failures).toEqual([]);
    expect(report.counts).toEqual({ messages: n, verified: n, verifiedTextMasked: 0, failed: 0 });
    const bundle = JSON.parse(bytes.toString('utf8'));
    expect(bundle.export.masking).toMatchObject({ mode: 'revealed', reason: 'Court order 2026-117', member: ADMIN.name });
    const seq = bundle.export.masking.records[0].seq as number;
    const revealed = records(w).find((r) => r.seq === seq)!;
    expect(revealed).toMatchObject({ type: 'pii_revealed', body: { scope: 'export', member: ADMIN.name, reason: 'Court order 2026-117', messages: n } });
    if (n >= 100) expect(revealed.body.kinds).toEqual(expect.arrayContaining(['email', 'card']));
    expect(bundle.evidence.map((e: { seq: number }) => e.seq)).toEqual([seq]);
    expect(records(w).find((r) => r.seq === res.recordSeq)!.body).toMatchObject({ masking: 'revealed', revealRecord: seq });
  }, 120_000);
});

describe('scope, roles, cancel and atomic output', () => {
  let w: ExportWorld;
  beforeAll(async () => {
    w = await exportWorld({ messages: 120, chats: 6, users: 3, viewer: true });
  }, 60_000);
  afterAll(() => w?.ws.closeWorkspace());

  const bundleOf = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

  it('selected chats, a custodian, a date range and a search query each narrow the export, and the scope is described', async () => {
    const chats = await w.exports.create({ format: 'json', outPath: w.out('chats.json'), scope: { chats: [{ chatId: 'chat_0001' }, { chatId: 'chat_0003' }] } });
    expect(bundleOf(chats.path).documents.map((d: { chatId: string }) => d.chatId).sort()).toEqual(['chat_0001', 'chat_0003']);
    expect(bundleOf(chats.path).export.scope).toMatchObject({ chats: [{ chatId: 'chat_0001' }, { chatId: 'chat_0003' }], description: '2 selected chats' });

    const user = await w.exports.create({ format: 'json', outPath: w.out('user.json'), scope: { userId: 'user_1' } });
    expect(new Set(bundleOf(user.path).documents.map((d: { userId: string }) => d.userId))).toEqual(new Set(['user_1']));

    // Message i is created at 2026-03-01T00:00 + i minutes: the first hour holds messages 0..59.
    const range = await w.exports.create({ format: 'json', outPath: w.out('range.json'), scope: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:59:59Z' } });
    expect(range.counts.messages).toBe(60);

    const query = await w.exports.create({ format: 'json', outPath: w.out('query.json'), scope: { query: 'invoice' } });
    const hit = bundleOf(query.path).documents.map((d: { chatId: string }) => d.chatId);
    expect(hit.length).toBeGreaterThan(0);
    expect(hit.length).toBeLessThanOrEqual(6);

    const sel = await w.exports.create({ format: 'json', outPath: w.out('sel.json'), scope: { selection: { name: 'Hot docs', chats: [{ chatId: 'chat_0002' }] } } });
    expect(bundleOf(sel.path).export.scope).toMatchObject({ selection: 'Hot docs' });
    for (const r of [chats, user, range, query, sel]) expect(verifyBundleBytes(readFileSync(r.path)).verdict).toBe('verified');
  });

  it('an empty scope is refused, naming the scope', async () => {
    await expect(w.exports.create({ format: 'json', outPath: w.out('none.json'), scope: { userId: 'nobody' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(existsSync(w.out('none.json'))).toBe(false);
  });

  it('an existing output file is never overwritten', async () => {
    const first = await w.exports.create({ format: 'json', outPath: w.out('once.json'), scope: { chats: [{ chatId: 'chat_0000' }] } });
    await expect(w.exports.create({ format: 'json', outPath: first.path, scope: {} })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('given a viewer, when they export with PII revealed, then it is refused, the attempt is recorded, and nothing is written', async () => {
    const viewer = new WorkspaceService({ scrypt: KDF, clock: steppingClock() });
    w.ws.closeWorkspace();
    await viewer.openWorkspace(w.dir, VIEWER.passphrase, VIEWER.name);
    try {
      const svc = new ExportService({ workspace: viewer });
      await expect(svc.create({ format: 'json', outPath: w.out('viewer-reveal.json'), scope: {}, revealPii: { reason: 'curious' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(existsSync(w.out('viewer-reveal.json'))).toBe(false);
      const refused = [...viewer.vault.chain.records(WORKSPACE_TENANT)].map((r) => JSON.parse(r.bytes.toString())).filter((r) => r.type === 'reveal_refused');
      expect(refused[refused.length - 1].body).toMatchObject({ action: 'reveal_message', member: VIEWER.name, role: 'viewer' });
      expect(refused[refused.length - 1].body.target).toContain('export');
      // A masked export is any member's to make.
      const masked = await svc.create({ format: 'json', outPath: w.out('viewer-masked.json'), scope: { chats: [{ chatId: 'chat_0000' }] } });
      expect(verifyBundleBytes(readFileSync(masked.path)).verdict).toBe('verified');
    } finally {
      viewer.closeWorkspace();
      await w.ws.openWorkspace(w.dir, ADMIN.passphrase, ADMIN.name);
    }
  });

  it('given a cancel while it runs, then no file (not even a temp file) is left and no export is recorded', async () => {
    const before = records(w).length;
    const controller = new AbortController();
    const run = w.exports.create({ format: 'json', outPath: w.out('cancelled.json'), scope: {} }, { signal: controller.signal, onProgress: (p) => p.phase === 'reading' && p.done > 0 && controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(w.out('cancelled.json'))).toBe(false);
    expect(readdirSync(dirname(w.out('x'))).filter((f) => f.includes('cancelled'))).toEqual([]);
    expect(records(w).length).toBe(before);
  });

  it('cancel by task id (what export.cancel does) stops a running export', async () => {
    const run = w.exports.create({ format: 'json', outPath: w.out('cancel-id.json'), scope: {}, taskId: 'task-1' });
    expect(w.exports.cancel('task-1')).toBe(true);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(w.exports.cancel('task-1')).toBe(false);
  });

  it('progress is reported per phase, ending in done', async () => {
    const phases: string[] = [];
    await w.exports.create({ format: 'json', outPath: w.out('progress.json'), scope: {} }, { onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('resolving');
    expect(phases).toContain('reading');
    expect(phases).toContain('verifying');
    expect(phases[phases.length - 1]).toBe('done');
  });

  it('a real export with one character of one message changed is rejected at that message', async () => {
    const res = await w.exports.create({ format: 'json', outPath: w.out('tamper.json'), scope: { chats: [{ chatId: 'chat_0004' }] } });
    const b = JSON.parse(readFileSync(res.path, 'utf8'));
    const j = b.documents[0].messages.findIndex((m: { masked: boolean }) => !m.masked);
    const m = b.documents[0].messages[j];
    m.text = editOneChar(m.text);
    const report = await verifyFile(Buffer.from(JSON.stringify(b)));
    expect(report.verdict).toBe('not_verified');
    expect(failure(report, 'commitment_mismatch').where).toEqual({ messageId: m.id, chatId: 'chat_0004', seq: m.recordSeq, field: `documents[0].messages[${j}].text` });
  });

  it('a container writer that fails, or hands back a bundle that does not verify, leaves no file and no export record', async () => {
    const before = records(w).length;
    const failing = new ExportService({
      workspace: w.ws,
      writers: {
        pdf: async () => {
          throw new Error('renderer crashed');
        },
        production: async (ctx) => {
          const bundle = Buffer.from(ctx.bundleFor({ bates: null, files: [] }));
          const k = bundle.indexOf('"text":"') + 9;
          bundle[k] = bundle[k]! ^ 1; // one character of one message
          return { bytes: bundle, bundle, bates: null };
        },
      },
    });
    await expect(failing.create({ format: 'pdf', outPath: w.out('crash.pdf'), scope: {} })).rejects.toThrow('renderer crashed');
    await expect(failing.create({ format: 'production', outPath: w.out('bad.zip'), scope: {} })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(existsSync(w.out('crash.pdf'))).toBe(false);
    expect(existsSync(w.out('bad.zip'))).toBe(false);
    expect(records(w).length).toBe(before);
  });
});
