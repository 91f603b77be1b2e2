import { isOgmaError, type ErrorCode } from '../../shared/api/errors';
import { packageVersion } from '../version';
import { isUsageError } from './cli/args';
import { processIO } from './cli/io';
import { EXIT, type CliCommand, type CliIO, type ExitCode } from './cli/types';

/**
 * The `ogma` command: finds the verb, answers --help / --version, runs the verb and turns
 * its outcome into an exit status. Verbs never exit the process themselves, so `main` can
 * be called in-process by tests with a fake CliIO.
 */

/** A failed check is 1; anything that kept the check from running (bad input, no access, a bug) is 2. */
const CHECK_FAILED_CODES: ReadonlySet<ErrorCode> = new Set(['VALIDATION_FAILED', 'TAMPERED']);

export function exitCodeFor(code: ErrorCode): ExitCode {
  return CHECK_FAILED_CODES.has(code) ? EXIT.CHECK_FAILED : EXIT.USAGE;
}

function overview(all: readonly CliCommand[]): string {
  const width = Math.max(...all.map((c) => c.name.length));
  return [
    `ogma ${packageVersion()}: Ogma Desk on the command line.`,
    '',
    'Usage: ogma <verb> [flags]',
    '       ogma <verb> --help      what a verb does and its flags',
    '       ogma --help | --version',
    '',
    'Verbs:',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit status: 0 done or verified, 1 a check failed, 2 usage error or unreadable input.',
  ].join('\n');
}

/** The verb named by the longest prefix of argv ('member add' before 'member'), and the rest. */
function findVerb(argv: readonly string[], all: readonly CliCommand[]): { cmd: CliCommand; rest: string[] } | null {
  let best: { cmd: CliCommand; rest: string[] } | null = null;
  for (const cmd of all) {
    const words = cmd.name.split(' ');
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.cmd.name.split(' ').length)) {
      best = { cmd, rest: argv.slice(words.length) };
    }
  }
  return best;
}

/** Flags before a `--` separator: what the CLI itself looks at. */
function flagsOf(rest: readonly string[]): readonly string[] {
  const end = rest.indexOf('--');
  return end === -1 ? rest : rest.slice(0, end);
}

/** `verbs` defaults to the registry, loaded only when needed: `--version` should not open the vault's native module. */
export async function main(argv: readonly string[], io: CliIO = processIO(), verbs?: readonly CliCommand[]): Promise<ExitCode> {
  const first = argv[0];
  if (first === '--version' || first === '-V') {
    io.out(packageVersion());
    return EXIT.OK;
  }
  const all = verbs ?? (await import('./cli/registry')).commands;
  if (first === undefined) {
    io.err(overview(all));
    return EXIT.USAGE;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && argv.length === 1)) {
    io.out(overview(all));
    return EXIT.OK;
  }
  if (first === 'help') return main([...argv.slice(1), '--help'], io, all);

  const found = findVerb(argv, all);
  if (!found) {
    const family = all.filter((c) => c.name.startsWith(`${first} `));
    const wantsHelp = flagsOf(argv).some((a) => a === '--help' || a === '-h');
    if (family.length > 0) {
      const text = [`Usage: ogma ${first} <${family.map((c) => c.name.slice(first.length + 1)).join('|')}> [flags]`, '', ...family.map((c) => `  ${c.name}  ${c.summary}`)].join('\n');
      if (wantsHelp) {
        io.out(text);
        return EXIT.OK;
      }
      io.err(text);
      return EXIT.USAGE;
    }
    io.err(`error: ${first.startsWith('-') ? `unknown option "${first}"` : `unknown verb "${first}"`}\n\n${overview(all)}`);
    return EXIT.USAGE;
  }

  const { cmd, rest } = found;
  const flags = flagsOf(rest);
  if (flags.includes('--help') || flags.includes('-h')) {
    io.out(cmd.usage);
    return EXIT.OK;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isUsageError(e)) {
      io.err(`error: ${e.message}\n\n${cmd.usage}`);
      return EXIT.USAGE;
    }
    if (isOgmaError(e)) {
      if (flags.includes('--json')) io.out(JSON.stringify({ ok: false, error: e.toPayload() }));
      else io.err(`error: ${e.message}`);
      return exitCodeFor(e.code);
    }
    const detail = e instanceof Error ? (io.env.OGMA_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
    io.err(`error: ogma ${cmd.name} failed unexpectedly: ${detail}`);
    return EXIT.USAGE;
  }
}
