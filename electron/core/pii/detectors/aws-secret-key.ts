import type { PiiSpan } from '../kinds';
import { looksLikePlaceholder } from '../rules/placeholder';
import { before } from '../text';
import type { Detector } from './detector';
import { hasMixedClasses } from './token-detector';

/**
 * AWS secret access keys: 40 characters of base64 (A-Z a-z 0-9 / +). Forty random-looking
 * characters are common (hashes, ids), so the key counts only with AWS context nearby:
 * the words before it name a secret or AWS, or an access key id stands within a few lines.
 * Only the text around such context is searched at all.
 */
const TRIGGER = /aws|secret|access[_ -]?key|credential|AKIA|ASIA/gi;
const CONTEXT_BEFORE = /aws|secret|akia|asia|access[_ -]?key|credential/;
const KEY_ID = /(?:AKIA|ASIA)[A-Z0-9]{16}/;
// A standalone token: not forty characters cut out of a longer base64 or base64url run.
const TOKEN = /(?<![A-Za-z0-9/+_-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])/g;
const CONTEXT_WIDTH = 80;
const KEY_ID_BEFORE = 240;
const KEY_ID_AFTER = 280;

export const awsSecretKeyDetector: Detector = {
  name: 'aws-secret-key',
  find(text: string, out: PiiSpan[]): void {
    TRIGGER.lastIndex = 0;
    let scannedTo = 0;
    let t: RegExpExecArray | null;
    while ((t = TRIGGER.exec(text)) !== null) {
      // Any key this trigger can vouch for lies in [trigger - 280, trigger + 240 + 40).
      const from = Math.max(scannedTo, t.index - KEY_ID_AFTER);
      const to = Math.min(text.length, t.index + KEY_ID_BEFORE + 40 + CONTEXT_WIDTH);
      if (from >= to) continue;
      TOKEN.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = TOKEN.exec(text)) !== null && m.index < to) {
        if (isSecret(text, m.index, m[0])) out.push({ start: m.index, end: m.index + 40, kind: 'secret', detail: 'AWS' });
      }
      scannedTo = m && m.index >= to ? m.index : to;
      if (m === null) break;
    }
  },
};

function isSecret(text: string, start: number, key: string): boolean {
  if (/^[0-9a-fA-F]+$/.test(key) || !(hasMixedClasses(key) || /[/+]/.test(key)) || looksLikePlaceholder(key)) return false;
  if (CONTEXT_BEFORE.test(before(text, start, CONTEXT_WIDTH))) return true;
  return KEY_ID.test(text.slice(Math.max(0, start - KEY_ID_BEFORE), start + KEY_ID_AFTER));
}
