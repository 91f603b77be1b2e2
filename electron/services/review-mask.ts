import { maskLabel, maskText, type MaskResult } from '../core/pii';
import type { MaskedTextDto } from '../../shared/api/review-schemas';

/**
 * The one way review answers show text that may hold personal data: through the PII
 * engine, with a chip per mask. Nothing in electron/services/review*.ts returns a
 * conversation's text, a title, an email or a vendor JSON string any other way (the
 * logged reveal excepted).
 */

export function toMaskedDto(r: MaskResult): MaskedTextDto {
  return { text: r.masked, spans: r.spans.map(({ start, end, kind, label }) => ({ start, end, kind, label })), kinds: r.kinds };
}

export function maskedText(text: string): MaskedTextDto {
  return toMaskedDto(maskText(text));
}

const EMAIL_MASK = maskLabel({ start: 0, end: 0, kind: 'email' });

/**
 * A user's email in the chat table, facets and activity: always the mask, whether or not
 * the detector would recognise the address (an internationalised one, say). The display
 * name stays: it is how an investigator tells people apart, and it is not contact data.
 */
export function maskedEmail(email: string | null | undefined): string | null {
  return email ? EMAIL_MASK : null;
}

/** Vendor JSON (activity rows, audit events) with every string value masked; keys, numbers and structure kept. */
export function maskedJson(value: unknown): unknown {
  if (typeof value === 'string') return maskText(value).masked;
  if (Array.isArray(value)) return value.map(maskedJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskedJson(v);
    return out;
  }
  return value;
}
