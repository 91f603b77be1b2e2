import type { PiiKind, PiiSpan } from '../kinds';

/**
 * A detector appends what it finds in `text` to `out`. Its findings may overlap another
 * detector's; the engine keeps, of overlapping spans, the kind with the higher priority.
 * Each detector starts from something cheap to find (a literal, an '@', a ':' or a run
 * of digits), so text that cannot hold its kind costs one quick scan.
 */
export interface Detector {
  readonly name: string;
  find(text: string, out: PiiSpan[]): void;
}

/** Priority of each kind when spans overlap, highest first: a secret inside a URL or an email-shaped token stays a secret. */
export const KIND_PRIORITY: Readonly<Record<PiiKind, number>> = {
  private_key: 100,
  secret: 90,
  api_key: 80,
  email: 70,
  card: 60,
  ssn: 55,
  ipv6: 50,
  ipv4: 45,
  phone: 40,
};
