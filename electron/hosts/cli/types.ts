/**
 * The shape every `ogma` verb takes. The CLI entry (electron/hosts/cli.ts) parses the verb,
 * hands the rest of argv to `run`, and turns the returned exit code (or a thrown OgmaError)
 * into the process exit status. Commands never call process.exit themselves, so they can
 * be run in-process by tests.
 */
export const EXIT = {
  OK: 0, // success, or verified
  CHECK_FAILED: 1, // a check failed: verification, validation
  USAGE: 2, // usage error or unreadable input
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliIO {
  /** One JSON document (with --json) or the human report: stdout. */
  out(text: string): void;
  /** Progress and diagnostics: stderr. */
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Ask for a secret without echo (throws OgmaError UNAVAILABLE when there is no TTY). */
  promptSecret(question: string): Promise<string>;
  isTTY: boolean;
}

export interface CliCommand {
  name: string; // e.g. 'verify-chain' or 'member add'
  summary: string; // one line for `ogma --help`
  usage: string; // full usage text for `ogma <verb> --help`
  run(argv: string[], io: CliIO): Promise<ExitCode>;
}
