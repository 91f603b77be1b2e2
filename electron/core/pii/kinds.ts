import { z } from 'zod';

/**
 * What the engine finds. Vendor keys and tokens are `api_key`; credentials that are not a
 * vendor key id (JWTs, AWS secret access keys, Slack webhook URLs) are `secret`; PEM and
 * PGP private key blocks are `private_key`. The order is the order chips and summaries list them in.
 */
export const PII_KINDS = ['email', 'phone', 'ssn', 'card', 'api_key', 'secret', 'private_key', 'ipv4', 'ipv6'] as const;

export const PiiKind = z.enum(PII_KINDS);
export type PiiKind = z.infer<typeof PiiKind>;

/** A finding in the original text. Offsets are UTF-16 code units, `end` exclusive, as `String.prototype.slice` takes them. */
export interface PiiSpan {
  start: number;
  end: number;
  kind: PiiKind;
  /**
   * A normalised form where one helps (lower-cased email, E.164 phone, digits of a card,
   * canonical IP). Never set for keys and secrets: the span already locates them, and a
   * second copy of a secret is one more place it could leak from.
   */
  value?: string;
  /** Which issuer or vendor: 'Visa', 'Anthropic', 'JWT', 'AWS'. Shown in the mask. */
  detail?: string;
}

/** A mask in the masked text, with where it came from, so the UI can draw a chip over it. */
export interface MaskedSpan {
  /** Offsets in the masked text. */
  start: number;
  end: number;
  kind: PiiKind;
  /** The mask as written into the masked text, e.g. `[CARD ••••4242]`. */
  label: string;
  /** Offsets of the masked value in the original text (for an audited reveal). */
  source: { start: number; end: number };
}

export interface MaskResult {
  masked: string;
  spans: MaskedSpan[];
  /** The kinds present, each once, in PII_KINDS order. */
  kinds: PiiKind[];
}
