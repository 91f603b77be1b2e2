import { OgmaError } from '../../../shared/api/errors';
import { detectPii } from './detect';
import { PII_KINDS, type MaskedSpan, type MaskResult, type PiiKind, type PiiSpan } from './kinds';

/**
 * The text a reader sees: each finding replaced by a label that says what was there
 * ([EMAIL], [CARD ••••4242], [API KEY: Anthropic]) so the conversation still reads.
 */
export function maskLabel(span: PiiSpan): string {
  switch (span.kind) {
    case 'email':
      return '[EMAIL]';
    case 'phone':
      return '[PHONE]';
    case 'ssn':
      return '[SSN]';
    case 'card':
      return span.value && span.value.length >= 4 ? `[CARD ••••${span.value.slice(-4)}]` : '[CARD]';
    case 'api_key':
      return span.detail ? `[API KEY: ${span.detail}]` : '[API KEY]';
    case 'secret':
      return span.detail ? `[SECRET: ${span.detail}]` : '[SECRET]';
    case 'private_key':
      return '[PRIVATE KEY]';
    case 'ipv4':
    case 'ipv6':
      return '[IP]';
  }
}

/**
 * Masks `text`. `spans` defaults to detectPii(text); when given, they must be sorted and
 * non-overlapping (as detectPii returns them), or VALIDATION_FAILED is thrown. The returned spans locate each mask in the
 * masked text, for chips, and in the original text, for an audited reveal.
 */
export function maskText(text: string, spans: readonly PiiSpan[] = detectPii(text)): MaskResult {
  const parts: string[] = [];
  const masked: MaskedSpan[] = [];
  const present = new Set<PiiKind>();
  let pos = 0;
  let outLength = 0;
  for (const span of spans) {
    if (span.start < pos || span.end <= span.start || span.end > text.length) {
      throw new OgmaError('VALIDATION_FAILED', `Cannot mask span ${span.start}-${span.end}: spans must be sorted, non-overlapping, non-empty and inside the text (length ${text.length}).`, { field: 'spans' });
    }
    const keep = text.slice(pos, span.start);
    const label = maskLabel(span);
    parts.push(keep, label);
    outLength += keep.length;
    masked.push({ start: outLength, end: outLength + label.length, kind: span.kind, label, source: { start: span.start, end: span.end } });
    outLength += label.length;
    present.add(span.kind);
    pos = span.end;
  }
  parts.push(text.slice(pos));
  return { masked: parts.join(''), spans: masked, kinds: PII_KINDS.filter((k) => present.has(k)) };
}
