import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A strict flag parser for `ogma` verbs: node:util parseArgs with strict:true, whose
 * complaints (unknown flag, missing value, stray argument) become a UsageError. The CLI
 * entry prints a UsageError with the verb's usage on stderr and exits 2.
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof UsageError;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParseFlagsConfig<O extends Options> {
  options: O;
  /** Positional arguments allowed (default none). */
  allowPositionals?: boolean;
}

export function parseFlags<O extends Options>(argv: readonly string[], config: ParseFlagsConfig<O>) {
  try {
    return parseArgs({
      args: [...argv],
      options: config.options,
      allowPositionals: config.allowPositionals ?? false,
      strict: true,
    });
  } catch (e) {
    // node's messages are clear ("Unknown option '--x'") but carry a trailing hint meant for scripts; keep the first sentence.
    const message = e instanceof Error ? e.message.split('. To specify')[0]!.replace(/\.$/, '') : String(e);
    throw new UsageError(message);
  }
}

/** A TCP port from a flag: an integer 0..65535 (0 = any free port). */
export function parsePort(value: string | undefined, flag = '--port'): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`${flag} must be a port number from 0 to 65535, not "${value}"`);
  return Number(value);
}
