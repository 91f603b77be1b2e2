import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../electron/hosts/dispatch';
import { AppServices } from '../../../electron/services/api';
import type { Handlers } from '../../../electron/services/handlers';
import { ADMIN, KDF, cleanupTempDirs, tempDir } from '../../unit/vault/fixtures';

/**
 * export.create, export.cancel and verify.file through the dispatcher every host uses, for
 * all three formats: requests and answers pass the contract's schemas, progress arrives as
 * events, and what is exported verifies.
 */

let services: AppServices;
let dispatch: ReturnType<typeof createDispatcher>;
const events: { event: string; payload: { taskId: string; phase: string; state: string } }[] = [];
const ctx: CallContext = { host: 'web', emit: (event, payload) => events.push({ event, payload: payload as never }) };
let base: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(method: string, payload: unknown): Promise<any> {
  const r = await dispatch(method, payload, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value;
}

beforeAll(async () => {
  base = tempDir('export-contract');
  services = new AppServices({ host: 'web', version: '0.0.0-test', home: join(base, 'home'), workspace: { scrypt: KDF } });
  dispatch = createDispatcher(services.handlers() as Handlers, () => {});
  await call('workspace.create', { path: join(base, 'case.ogma'), name: 'Contract case', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  services.capture.dispose();
  const v = services.workspace.vault;
  const tenantId = v.transaction(() => v.tenants.create({ vendor: 'anthropic', name: 'Acme', orgId: 'org_1' }, ADMIN.name)).id;
  v.transaction(() => {
    for (let i = 0; i < 24; i++) {
      v.content.captureMessage(
        { tenantId, chatId: `chat_${i % 3}`, messageId: `m_${i}`, userId: `u_${i % 3}`, orgId: 'org_1', role: i % 2 ? 'assistant' : 'user', text: i % 5 === 0 ? `mail a${i}@example.org please` : `Plain message ${i}, Ελληνικά, 日本語.` },
        ADMIN.name,
      );
    }
  });
}, 60_000);
afterAll(async () => {
  await services.dispose();
  cleanupTempDirs();
});

describe.each([
  ['json', 'export.json'],
  ['pdf', 'export.pdf'],
  ['production', 'export.zip'],
] as const)('format %s through the contract', (format, file) => {
  it('exports with progress events, and verify.file (by path and by bytes) says verified', async () => {
    const outPath = join(base, file);
    const res = await call('export.create', { format, outPath, scope: {}, bates: { prefix: 'CASE-' }, taskId: `t-${format}` });
    expect(res).toMatchObject({ taskId: `t-${format}`, path: outPath, format, counts: { documents: 3, messages: 24 } });
    if (format === 'json') expect(res.bates).toBeNull();
    else expect(res.bates.first).toBe('CASE-00000001');
    const mine = events.filter((e) => e.payload.taskId === `t-${format}`);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine[mine.length - 1]!.payload).toMatchObject({ phase: 'done', state: 'done' });

    const byPath = await call('verify.file', { path: outPath });
    expect(byPath.failures).toEqual([]);
    expect(byPath).toMatchObject({ verdict: 'verified', format, counts: { messages: 24, failed: 0 } });
    const byBytes = await call('verify.file', { name: file, bytesBase64: readFileSync(outPath).toString('base64') });
    expect(byBytes.verdict).toBe('verified');
    expect(byBytes.fingerprints).toEqual(res.fingerprints);
  }, 120_000);
});

describe('contract errors', () => {
  it('a Bates prefix ending in a digit is VALIDATION_FAILED naming the field', async () => {
    const r = await dispatch('export.create', { format: 'pdf', outPath: join(base, 'x.pdf'), bates: { prefix: 'ABC1' } }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('verify.file of a missing path is NOT_FOUND; of junk bytes, an unreadable report', async () => {
    const r = await dispatch('verify.file', { path: join(base, 'missing.json') }, ctx);
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    const junk = await call('verify.file', { bytesBase64: Buffer.from('not an export').toString('base64') });
    expect(junk.verdict).toBe('unreadable');
  });

  it('export.cancel of an unknown task is false', async () => {
    expect(await call('export.cancel', { taskId: 'nope' })).toEqual({ cancelled: false });
  });
});
