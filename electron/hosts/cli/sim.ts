import { startSimulator } from '../../core/sim';
import { parseFlags, parsePort, UsageError } from './args';
import { EXIT, type CliCommand } from './types';
import { untilStopped } from './signals';

const usage = `Usage: ogma sim [--seed N] [--orgs N] [--users N] [--chats N] [--messages N] [--port N] [--no-rate-limit] [--clock real|manual]

Runs the vendor-API simulator on 127.0.0.1: the Anthropic Compliance API (/v1/compliance/*),
the Anthropic Admin API (/v1/organizations/*) and the OpenAI Admin API (/v1/organization/*),
over deterministic synthetic data. Prints exactly one JSON line on stdout:
  {"baseUrl", "controlToken", "keys": {complianceFull, complianceOrgOnly, complianceUserOnly,
   anthropicAdmin, claudeApi, openaiAdmin, nonEnterpriseCompliance}, "truth": {"counts"}}
and serves until Ctrl+C (SIGINT) or SIGTERM. See docs/simulator.md.

Options:
  --seed N          data seed; the same seed and sizes give byte-identical data (default 1)
  --orgs N          orgs under the Enterprise parent (default 3)
  --users N         users per org (default 8)
  --chats N         chats per user (default 6)
  --messages N      messages per chat (default 8)
  --port N          listen on port N (default: any free port)
  --no-rate-limit   lift the 600 requests/minute limit (benchmarks)
  --clock C         'real' (default) or 'manual' (starts 2026-10-01T00:00:00Z; move it with POST /_sim/clock)
  --help            show this help`;

const CLI_DEFAULTS = { orgs: 3, users: 8, chats: 6, messages: 8 };

function count(value: string | undefined, flag: string, def: number, min: number): number {
  if (value === undefined) return def;
  if (!/^\d{1,7}$/.test(value) || Number(value) < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

export const command: CliCommand = {
  name: 'sim',
  summary: 'Run the vendor-API simulator (Anthropic Compliance/Admin, OpenAI Admin) on 127.0.0.1',
  usage,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      options: {
        seed: { type: 'string' },
        orgs: { type: 'string' },
        users: { type: 'string' },
        chats: { type: 'string' },
        messages: { type: 'string' },
        port: { type: 'string' },
        'no-rate-limit': { type: 'boolean' },
        clock: { type: 'string' },
      },
    });
    const seed = values.seed ?? '1';
    if (!/^[\w.-]{1,64}$/.test(seed)) throw new UsageError(`--seed must be a number or a short word, not "${seed}"`);
    const clock = values.clock ?? 'real';
    if (clock !== 'real' && clock !== 'manual') throw new UsageError(`--clock must be "real" or "manual", not "${clock}"`);
    const sizes = {
      orgs: count(values.orgs, '--orgs', CLI_DEFAULTS.orgs, 1),
      users: count(values.users, '--users', CLI_DEFAULTS.users, 1),
      chats: count(values.chats, '--chats', CLI_DEFAULTS.chats, 0),
      messages: count(values.messages, '--messages', CLI_DEFAULTS.messages, 0),
    };
    const sim = await startSimulator({ seed, sizes, port: parsePort(values.port) ?? 0, rateLimit: !values['no-rate-limit'], clock });
    const stopped = untilStopped();
    io.out(JSON.stringify({ baseUrl: sim.baseUrl, controlToken: sim.controlToken, keys: sim.keys, truth: { counts: sim.truth('counts').counts } }));
    io.err(`ogma sim: serving ${sizes.orgs} org(s) x ${sizes.users} user(s) x ${sizes.chats} chat(s) x ${sizes.messages} message(s) on ${sim.baseUrl}; Ctrl+C to stop`);
    const signal = await stopped;
    await sim.close();
    io.err(`ogma sim: stopped (${signal})`);
    return EXIT.OK;
  },
};
