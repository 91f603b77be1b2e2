import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { main } from '../../../electron/hosts/cli';
import { parseFlags } from '../../../electron/hosts/cli/args';
import { commands } from '../../../electron/hosts/cli/registry';
import { EXIT, type CliCommand, type CliIO } from '../../../electron/hosts/cli/types';

const BIN = fileURLToPath(new URL('../../../bin/ogma.js', import.meta.url));
const PKG = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ogma-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `node bin/ogma.js ...` from an unrelated folder, as a user would. */
function ogma(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, OGMA_HOME: join(scratch, 'home'), DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fakeIO(env: Record<string, string> = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    env,
    isTTY: false,
    promptSecret: () => Promise.reject(new OgmaError('UNAVAILABLE', 'no TTY in tests')),
  };
}

describe('ogma (as a child process, from another folder)', () => {
  it('--help lists every registered verb with its summary, exit 0', () => {
    const r = ogma(['--help']);
    expect(r.code).toBe(0);
    const listed = r.stdout.split('\n').map((l) => l.trim().replace(/ {2,}/, '  '));
    for (const c of commands) expect(listed).toContain(`${c.name}  ${c.summary}`);
    expect(commands.map((c) => c.name)).toContain('serve');
  });

  it('--version prints the package version, exit 0', () => {
    const r = ogma(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('an unknown verb prints usage on stderr and exits 2', () => {
    const r = ogma(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown verb "frobnicate"');
    expect(r.stderr).toContain('Usage: ogma <verb>');
  });

  it('no verb at all is a usage error', () => {
    const r = ogma([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: ogma <verb>');
  });

  it('a bad flag prints the verb usage on stderr and exits 2', () => {
    const r = ogma(['serve', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--bogus'");
    expect(r.stderr).toContain('Usage: ogma serve');
    const port = ogma(['serve', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a port number');
  });

  it('serve --help prints its usage on stdout', () => {
    const r = ogma(['serve', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ogma serve [--port N] [--demo] [--no-open] [--json]');
  });

  it('serve without a renderer build says to run npm run build, exit 2', () => {
    const r = ogma(['serve', '--no-open'], { OGMA_RENDERER_DIR: join(scratch, 'nothing-here') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: The app is not built');
    expect(r.stderr).toContain('npm run build');
  });

  it('serve --json --no-open prints one JSON line, serves the app, and stops cleanly on SIGTERM', async () => {
    const staticDir = join(scratch, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Ogma Desk</title><p>served-by-cli</p>');
    const child = spawn(process.execPath, [BIN, 'serve', '--json', '--no-open'], {
      cwd: scratch,
      env: { ...process.env, OGMA_HOME: join(scratch, 'home'), OGMA_RENDERER_DIR: staticDir, DISPLAY: '', WAYLAND_DISPLAY: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!stdout.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const lines = stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      const doc = JSON.parse(lines[0]!) as { url: string; port: number };
      expect(doc.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${doc.port}/\\?token=[A-Za-z0-9_-]{43}$`));
      const page = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        request(doc.url, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        })
          .on('error', reject)
          .end();
      });
      expect(page.status).toBe(200);
      expect(page.body).toContain('served-by-cli');
      expect(stderr).toContain('press Ctrl+C to stop');
      expect(stderr).not.toContain(doc.url.split('token=')[1]!); // the token goes to stdout only
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM: stopping.');
  });
});

describe('ogma main() with verbs of its own (in-process)', () => {
  const calls: string[][] = [];
  const verbs: CliCommand[] = [
    {
      name: 'check',
      summary: 'A check that fails when told.',
      usage: 'Usage: ogma check [--fail CODE] [--json]',
      async run(argv) {
        const { values } = parseFlags(argv, { options: { fail: { type: 'string' }, json: { type: 'boolean' } } });
        calls.push(argv);
        if (values.fail) throw new OgmaError(values.fail as never, `it failed with ${values.fail}`, { seq: 7 });
        return EXIT.OK;
      },
    },
    { name: 'member add', summary: 'Add a member.', usage: 'Usage: ogma member add NAME', run: async (argv) => (calls.push(['add', ...argv]), EXIT.OK) },
    { name: 'member list', summary: 'List members.', usage: 'Usage: ogma member list', run: async () => EXIT.OK },
    {
      name: 'crash',
      summary: 'A bug.',
      usage: 'Usage: ogma crash',
      run: async () => {
        throw new TypeError('x is undefined');
      },
    },
  ];

  it('a verb that throws TAMPERED or VALIDATION_FAILED exits 1 and prints "error: <message>"', async () => {
    for (const code of ['TAMPERED', 'VALIDATION_FAILED']) {
      const io = fakeIO();
      expect(await main(['check', '--fail', code], io, verbs)).toBe(1);
      expect(io.stderr).toEqual([`error: it failed with ${code}`]);
      expect(io.stdout).toEqual([]);
    }
  });

  it('UNREADABLE and other errors that kept the check from running exit 2', async () => {
    for (const code of ['UNREADABLE', 'NOT_FOUND', 'WRONG_PASSPHRASE', 'INTERNAL']) {
      expect(await main(['check', '--fail', code], fakeIO(), verbs)).toBe(2);
    }
  });

  it('with --json, an error is one JSON document on stdout', async () => {
    const io = fakeIO();
    expect(await main(['check', '--json', '--fail', 'TAMPERED'], io, verbs)).toBe(1);
    expect(io.stdout.map((l) => JSON.parse(l))).toEqual([{ ok: false, error: { code: 'TAMPERED', message: 'it failed with TAMPERED', where: { seq: 7 } } }]);
  });

  it('picks multi-word verbs and lists a family when its member is missing', async () => {
    const io = fakeIO();
    expect(await main(['member', 'add', 'Ada'], io, verbs)).toBe(0);
    expect(calls.at(-1)).toEqual(['add', 'Ada']);
    const bare = fakeIO();
    expect(await main(['member'], bare, verbs)).toBe(2);
    expect(bare.stderr.join('\n')).toContain('Usage: ogma member <add|list>');
    const help = fakeIO();
    expect(await main(['member', '--help'], help, verbs)).toBe(0);
    expect(help.stdout.join('\n')).toContain('member list  List members.');
  });

  it('--help after a verb shows its usage without running it; `help <verb>` too', async () => {
    const before = calls.length;
    const io = fakeIO();
    expect(await main(['check', '--help'], io, verbs)).toBe(0);
    expect(io.stdout).toEqual(['Usage: ogma check [--fail CODE] [--json]']);
    expect(await main(['help', 'member', 'add'], fakeIO(), verbs)).toBe(0);
    expect(calls.length).toBe(before);
  });

  it('an unexpected exception is reported without a stack trace, exit 2', async () => {
    const io = fakeIO();
    expect(await main(['crash'], io, verbs)).toBe(2);
    expect(io.stderr).toEqual(['error: ogma crash failed unexpectedly: x is undefined']);
  });
});
