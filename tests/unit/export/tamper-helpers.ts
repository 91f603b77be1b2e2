import type { VerifyReport } from '../../../shared/api/export-schemas';
import type { Bundle } from '../../../electron/core/verify';

/** Mutating a bundle the way an adversary (or an accident) would, and reading the report. */

export function clone(b: Bundle): Bundle {
  return JSON.parse(JSON.stringify(b)) as Bundle;
}

export function bytesOf(b: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(b), 'utf8');
}

/** The first failure with this code, or a test failure listing what the report had. */
export function failure(r: VerifyReport, code: string) {
  const f = r.failures.find((x) => x.code === code);
  if (!f) throw new Error(`expected a "${code}" failure; got ${JSON.stringify(r.failures.map((x) => [x.code, x.where]))}`);
  return f;
}

/** Replaces one character of a string in the middle with another one. */
export function editOneChar(s: string): string {
  const i = Math.floor(s.length / 2);
  return s.slice(0, i) + (s[i] === 'x' ? 'y' : 'x') + s.slice(i + 1);
}
