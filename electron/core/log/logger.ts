import { maskSecrets, maskValue } from './mask';

/**
 * A small structured logger. Every line goes through the masking sink, so a secret that
 * slipped into a message or a field is masked before it reaches a file or a console.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  write(line: string): void;
}

/** Wraps a sink so nothing key-shaped passes, whoever formatted the line. */
export function maskingSink(inner: LogSink): LogSink {
  return { write: (line) => inner.write(maskSecrets(line)) };
}

export const stderrSink: LogSink = { write: (line) => process.stderr.write(line + '\n') };

export interface LoggerOptions {
  level?: LogLevel;
  scope?: string;
  clock?: () => Date;
}

export class Logger {
  private readonly sink: LogSink;
  private readonly level: LogLevel;
  private readonly scope: string;
  private readonly clock: () => Date;

  /** The sink is always wrapped in maskingSink; there is no way to build an unmasked logger. */
  constructor(sink: LogSink, opts: LoggerOptions = {}) {
    this.sink = maskingSink(sink);
    this.level = opts.level ?? 'info';
    this.scope = opts.scope ?? 'ogma';
    this.clock = opts.clock ?? (() => new Date());
  }

  child(scope: string): Logger {
    return new Logger({ write: (l) => this.sink.write(l) }, { level: this.level, scope: `${this.scope}.${scope}`, clock: this.clock });
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.log('error', message, fields);
  }

  private log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry: Record<string, unknown> = { time: this.clock().toISOString(), level, scope: this.scope, message };
    if (fields) entry.fields = maskValue(fields);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ ...entry, fields: '[unserialisable]' });
    }
    this.sink.write(line);
  }
}
