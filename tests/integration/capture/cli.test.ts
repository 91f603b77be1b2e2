import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/hosts/cli';
import { command as connectCmd } from '../../../electron/hosts/cli/connect';
import { command as pullCmd } from '../../../electron/hosts/cli/pull';
import { EXIT, type CliIO } from '../../../electron/hosts/cli/types';
import { ADMIN, cleanup, newWorkspace, startSim, type Sim } from './helpers';

/**
 * `ogma connect` and `ogma pull` in-process: the key comes from the environment variable
 * named by --key-env (never a flag), refusals are explained on stderr, progress goes to
 * stderr and the summary (or one JSON document) to stdout.
 */

const VERBS = [connectCmd, pullCmd];
let sim: Sim;
let dir: string;

function io(env: Record<string, string> = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    env: { OGMA_PASSPHRASE: ADMIN.passphrase, OGMA_MEMBER: ADMIN.name, ...env },
    isTTY: false,
    promptSecret: () => Promise.reject(new Error('no prompt in tests')),
  };
}

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-cli' });
  const ws = await newWorkspace();
  dir = ws.vault.dir;
  ws.closeWorkspace();
});
afterAll(async () => {
  await sim?.close();
  cleanup();
});

describe('ogma connect', () => {
  it('refuses a key in the wrong slot with what it is and where it belongs (exit 2), and seals nothing', async () => {
    const t = io({ KEY: sim.keys.anthropicAdmin });
    expect(await main(['connect', dir, 'anthropic-compliance', '--key-env', 'KEY', '--base-url', sim.baseUrl], t, VERBS)).toBe(EXIT.USAGE);
    expect(t.stderr.join('\n')).toMatch(/error: This is an Anthropic Admin key .*belongs in the Admin key slot/);
    expect(t.stdout).toEqual([]);
  });

  it('needs the key in the named environment variable, not on the command line', async () => {
    const t = io();
    expect(await main(['connect', dir, 'anthropic-compliance', '--key-env', 'MISSING_KEY'], t, VERBS)).toBe(EXIT.USAGE);
    expect(t.stderr.join('\n')).toMatch(/MISSING_KEY is not set/);
    const u = io();
    expect(await main(['connect', dir, 'anthropic-compliance', '--key', sim.keys.complianceFull], u, VERBS)).toBe(EXIT.USAGE);
  });

  it('connects a Compliance key and says what it proved, never printing the key', async () => {
    const t = io({ KEY: ` ${sim.keys.complianceFull} ` });
    expect(await main(['connect', dir, 'anthropic-compliance', '--key-env', 'KEY', '--base-url', sim.baseUrl], t, VERBS)).toBe(EXIT.OK);
    const out = t.stdout.join('\n');
    expect(out).toMatch(/^Connected an Anthropic Compliance Access Key \(sk-ant-api01-…\w{4}\) for tenant .*a new tenant; record #\d+\./);
    expect(out).toContain('read:compliance_user_data');
    expect([...t.stdout, ...t.stderr].join('\n')).not.toContain(sim.keys.complianceFull);
  });
});

describe('ogma pull', () => {
  it('pulls with progress on stderr and a summary on stdout', async () => {
    const t = io();
    expect(await main(['pull', dir], t, VERBS)).toBe(EXIT.OK);
    expect(t.stderr.some((l) => /^\[[#.]{20}\] organizations/.test(l))).toBe(true);
    expect(t.stderr.at(-1)).toMatch(/^\[#{20}\] done: /);
    expect(t.stdout.join('\n')).toMatch(/^Pull complete for tenant t_\w+ \(run_\w+\) .* completeness record #\d+\.\n {2}directory: 2 organisations/);
  });

  it('with --json prints one document, and a second pull captures nothing new', async () => {
    const t = io();
    expect(await main(['pull', dir, '--json'], t, VERBS)).toBe(EXIT.OK);
    expect(t.stdout.length).toBe(1);
    const doc = JSON.parse(t.stdout[0]!) as { ok: boolean; pulls: Array<{ status: string; counts: { messagesCaptured: number } }> };
    expect(doc.ok).toBe(true);
    expect(doc.pulls[0]).toMatchObject({ status: 'complete', counts: { messagesCaptured: 0 } });
  });
});
