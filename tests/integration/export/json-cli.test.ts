import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { main } from '../../../electron/hosts/cli';
import { command as exportVerb } from '../../../electron/hosts/cli/export';
import { command as verifyVerb } from '../../../electron/hosts/cli/verify';
import type { CliIO } from '../../../electron/hosts/cli/types';
import { ADMIN, VIEWER, cleanupTempDirs } from '../../unit/vault/fixtures';
import { editOneChar } from '../../unit/export/tamper-helpers';
import { exportWorld, type ExportWorld } from './json-helpers';

/** `ogma export` and `ogma verify`, run in-process through the CLI entry as `ogma` runs them. */

function fakeIO(env: Record<string, string | undefined>): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env: { OGMA_SCRYPT_N: '1024', ...env },
    isTTY: false,
    promptSecret: () => Promise.reject(new OgmaError('UNAVAILABLE', 'Cannot ask for a passphrase: standard input is not a terminal.')),
  };
}

const ogma = (argv: string[], env: Record<string, string | undefined> = {}) => {
  const io = fakeIO(env);
  return main(argv, io, [exportVerb, verifyVerb]).then((code) => ({ code, out: io.stdout.join('\n'), err: io.stderr.join('\n') }));
};

let w: ExportWorld;
const admin = { OGMA_PASSPHRASE: ADMIN.passphrase, OGMA_MEMBER: ADMIN.name };

beforeAll(async () => {
  w = await exportWorld({ messages: 60, chats: 4, viewer: true });
  w.ws.closeWorkspace();
}, 60_000);
afterAll(cleanupTempDirs);

describe('ogma export', () => {
  it('writes a bundle that `ogma verify` accepts: exit 0, the verdict, the fingerprint and the counts', async () => {
    const out = w.out('cli.json');
    const ex = await ogma(['export', w.dir, '--format', 'json', '--out', out, '--chat', 'chat_0001', '--chat', 'chat_0002', '--json'], admin);
    expect(ex.code, ex.err).toBe(0);
    const res = JSON.parse(ex.out);
    expect(res).toMatchObject({ ok: true, format: 'json', counts: { documents: 2, messages: 30 } });
    expect(ex.err).toContain('export: reading');

    const human = await ogma(['verify', out]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^VERIFIED: cli\.json \(JSON bundle\)/);
    expect(human.out).toContain(res.fingerprints[0].fingerprint);
    expect(human.out).toContain('compare these fingerprints with the producing party out of band');

    const json = await ogma(['verify', out, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ verdict: 'verified', counts: { messages: 30, failed: 0 } });
  });

  it('exit 1 and every failure with its location for an altered bundle', async () => {
    const out = w.out('cli-tamper.json');
    expect((await ogma(['export', w.dir, '--format', 'json', '--out', out, '--user', 'user_0'], admin)).code).toBe(0);
    const b = JSON.parse(readFileSync(out, 'utf8'));
    const m = b.documents[0].messages.find((x: { masked: boolean }) => !x.masked);
    m.text = editOneChar(m.text);
    writeFileSync(out, JSON.stringify(b));
    const r = await ogma(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^NOT VERIFIED/);
    expect(r.out).toContain(`commitment_mismatch (chat ${m.chatId}, message ${m.id}, record #${m.recordSeq}, field documents[0]`);
  });

  it('exit 2 for a file that is not an export, and for a missing file', async () => {
    const junk = w.out('junk.bin');
    writeFileSync(junk, 'hello');
    const r = await ogma(['verify', junk]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^UNREADABLE/);
    const missing = await ogma(['verify', w.out('nope.json'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).verdict).toBe('unreadable');
  });

  it('--reveal-pii needs --reason (usage, exit 2); a viewer is refused (exit 2) and nothing is written', async () => {
    const u = await ogma(['export', w.dir, '--format', 'json', '--out', w.out('r.json'), '--reveal-pii'], admin);
    expect(u.code).toBe(2);
    expect(u.err).toContain('--reason');
    const v = await ogma(['export', w.dir, '--format', 'json', '--out', w.out('v.json'), '--reveal-pii', '--reason', 'because'], { OGMA_PASSPHRASE: VIEWER.passphrase, OGMA_MEMBER: VIEWER.name });
    expect(v.code).toBe(2);
    expect(v.err).toContain('viewer');
  });

  it('an admin reveal with a reason exports unmasked text that verifies', async () => {
    const out = w.out('cli-revealed.json');
    const r = await ogma(['export', w.dir, '--format', 'json', '--out', out, '--reveal-pii', '--reason', 'Subpoena 42'], admin);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('export_created #');
    expect(readFileSync(out, 'utf8')).toMatch(/person\d+@example\.com/);
    expect((await ogma(['verify', out])).code).toBe(0);
  });

  it('bad flags are usage errors: a Bates prefix ending in a digit, an unknown format, a bad date', async () => {
    for (const argv of [
      ['--format', 'pdf', '--bates-prefix', 'ACME1'],
      ['--format', 'docx'],
      ['--format', 'json', '--from', '2026-02-30'],
    ]) {
      const r = await ogma(['export', w.dir, '--out', w.out('bad.json'), ...argv], admin);
      expect(r.code, argv.join(' ')).toBe(2);
    }
  });
});
