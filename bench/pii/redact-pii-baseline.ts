/**
 * redact-pii 3.4 (SyncRedactor) as a baseline, with its findings turned back into spans
 * so it can be scored like our engine.
 *
 * SyncRedactor only returns redacted text. To recover where each redaction was, its own
 * built-in patterns are registered again, in its own order, as custom redactors whose
 * replacement keeps the length (one private-use character per redacted character, a
 * different one per pattern). Everything else is SyncRedactor's composition, so the
 * matches are the ones it makes; the only difference is that a replaced run is not a
 * run of word characters, which can change a later `\b` at its edge. The name redactor
 * (not one of our kinds, and not length-preserving) runs last in SyncRedactor and is
 * left out here, which cannot change what the patterns before it match.
 */
import { createRequire } from 'node:module';
import { SyncRedactor } from 'redact-pii';
import type * as BuiltIns from 'redact-pii/lib/built-ins/simple-regexp-patterns';
import type { PiiKind } from '../../electron/core/pii/kinds';
import type { Prediction } from './score';

type PatternName = Exclude<keyof typeof BuiltIns, 'default'>;

// Loaded through require, as redact-pii loads it, so the patterns come in the order its composition uses (an ESM namespace sorts them).
const builtIns = createRequire(import.meta.url)('redact-pii/lib/built-ins/simple-regexp-patterns') as Record<PatternName, RegExp>;

/** How redact-pii's labels map to our kinds; null: no counterpart (still counts as masked for `maskedAny`). */
export const REDACT_PII_LABELS: Record<PatternName, PiiKind | 'ip' | null> = {
  creditCardNumber: 'card',
  streetAddress: null,
  zipcode: null,
  phoneNumber: 'phone',
  ipAddress: 'ip',
  usSocialSecurityNumber: 'ssn',
  emailAddress: 'email',
  username: null,
  password: null,
  credentials: null,
  digits: null,
  url: null,
};

/** Our kinds that redact-pii has no detector for. */
export const REDACT_PII_UNCOVERED: readonly PiiKind[] = ['api_key', 'secret', 'private_key'];

const PUA = 0xe000;

export function redactPiiSpans(): (text: string) => Prediction[] {
  const names = Object.keys(builtIns) as PatternName[];
  const redactor = new SyncRedactor({
    builtInRedactors: { ...Object.fromEntries(names.map((n) => [n, { enabled: false }])), names: { enabled: false } },
    customRedactors: {
      before: names.map((n, i) => ({
        regexpPattern: builtIns[n],
        // String.prototype.replace calls a function replacement with the match.
        replaceWith: ((match: string) => String.fromCharCode(PUA + i).repeat(match.length)) as unknown as string,
      })),
    },
  });
  return (text: string) => {
    const out = redactor.redact(text);
    if (out.length !== text.length) throw new Error('redact-pii span recovery: the redaction changed the text length');
    const preds: Prediction[] = [];
    let i = 0;
    while (i < out.length) {
      const c = out.charCodeAt(i);
      if (c < PUA || c >= PUA + names.length || text.charCodeAt(i) === c) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < out.length && out.charCodeAt(j) === c) j++;
      const label = REDACT_PII_LABELS[names[c - PUA]!];
      const kind = label === 'ip' ? (text.slice(i, j).includes(':') ? 'ipv6' : 'ipv4') : label;
      preds.push({ start: i, end: j, kind });
      i = j;
    }
    return preds;
  };
}

/** redact-pii as users run it: the default SyncRedactor, names included. For throughput. */
export function redactPiiDefault(): (text: string) => string {
  const r = new SyncRedactor();
  return (text) => r.redact(text);
}
