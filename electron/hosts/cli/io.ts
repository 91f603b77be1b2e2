import { OgmaError } from '../../../shared/api/errors';
import type { CliIO } from './types';

/**
 * The real terminal for `ogma`: results on stdout, progress and diagnostics on stderr, and
 * secrets typed without echo. Each `out`/`err` call is one line (a newline is added when the
 * text does not end with one).
 */

function line(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

export interface SecretInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/**
 * Reads one line from a TTY in raw mode, so nothing typed is echoed. Enter ends it,
 * Backspace deletes, Ctrl+C / Ctrl+D (on an empty line) cancel. Other control keys
 * (arrows arrive as escape sequences) are ignored rather than becoming part of the secret.
 */
export function readSecret(input: SecretInput, echo: (text: string) => void, question: string): Promise<string> {
  if (!input.isTTY || !input.setRawMode) {
    return Promise.reject(
      new OgmaError('UNAVAILABLE', 'Cannot ask for a passphrase: standard input is not a terminal. Run this command in a terminal.'),
    );
  }
  echo(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    let chars: string[] = [];
    // Escape sequences (arrows, function keys) are skipped: ESC [ params final, or ESC O x.
    let escape: 'none' | 'start' | 'csi' | 'ss3' = 'none';
    const finish = (error: OgmaError | null) => {
      input.off('data', onData);
      input.setRawMode!(false);
      input.pause();
      echo('\n');
      if (error) reject(error);
      else resolve(chars.join(''));
      chars = [];
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (escape === 'start') {
          escape = ch === '[' ? 'csi' : ch === 'O' ? 'ss3' : 'none';
          continue;
        }
        if (escape === 'csi') {
          if (ch >= '@' && ch <= '~') escape = 'none';
          continue;
        }
        if (escape === 'ss3') {
          escape = 'none';
          continue;
        }
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || (ch === '\u0004' && chars.length === 0)) return finish(new OgmaError('CANCELLED', 'Cancelled.'));
        if (ch === '\u007f' || ch === '\b') chars.pop();
        else if (ch === '\u001b') escape = 'start';
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

export function processIO(): CliIO {
  return {
    out: (text) => void process.stdout.write(line(text)),
    err: (text) => void process.stderr.write(line(text)),
    env: process.env,
    isTTY: Boolean(process.stdin.isTTY),
    promptSecret: (question) => readSecret(process.stdin, (t) => process.stderr.write(t), question),
  };
}
