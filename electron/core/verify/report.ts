import type { FailureWhere, VerifyCheck, VerifyFailure, VerifyFormat, VerifyReport } from '../../../shared/api/export-schemas';

/**
 * Collects what a verifier found and turns it into a VerifyReport. Failures beyond
 * MAX_LISTED are counted, not listed, so a bundle with 100,000 bad messages still gives a
 * report a person (and a JSON consumer) can handle; the counts stay exact.
 */

export const MAX_LISTED = 500;

export class ReportBuilder {
  readonly checks: VerifyCheck[] = [];
  readonly failures: VerifyFailure[] = [];
  private unlisted = 0;
  fingerprints: { tenantId: string; fingerprint: string }[] = [];
  counts = { messages: 0, verified: 0, verifiedTextMasked: 0, failed: 0 };

  constructor(public format: VerifyFormat) {}

  fail(code: string, message: string, where: FailureWhere = {}): void {
    if (this.failures.length < MAX_LISTED) this.failures.push({ code, message, where: clean(where) });
    else this.unlisted++;
  }

  check(name: string, ok: boolean, detail?: string): void {
    this.checks.push(detail === undefined ? { name, ok } : { name, ok, detail });
  }

  get failureCount(): number {
    return this.failures.length + this.unlisted;
  }

  /** Merges another report's findings (an embedded bundle's) into this one. */
  absorb(r: VerifyReport): void {
    for (const f of r.failures) this.fail(f.code, f.message, f.where);
    for (const c of r.checks) this.checks.push(c);
    this.fingerprints.push(...r.fingerprints);
    this.counts = { ...r.counts };
  }

  finish(verifiedSummary: string): VerifyReport {
    const failures = [...this.failures];
    if (this.unlisted > 0) failures.push({ code: 'more_failures', message: `${this.unlisted} more failures are not listed (only the first ${MAX_LISTED} are).`, where: {} });
    const ok = failures.length === 0;
    const first = failures[0];
    const summary = ok
      ? verifiedSummary
      : `NOT VERIFIED: ${this.failureCount} problem${this.failureCount === 1 ? '' : 's'} found. First: ${first!.message}${describeWhere(first!.where)}`;
    return { verdict: ok ? 'verified' : 'not_verified', format: this.format, summary, fingerprints: this.fingerprints, counts: this.counts, checks: this.checks, failures };
  }
}

export function unreadableReport(format: VerifyFormat, message: string, checks: VerifyCheck[] = []): VerifyReport {
  return {
    verdict: 'unreadable',
    format,
    summary: `UNREADABLE: ${message}`,
    fingerprints: [],
    counts: { messages: 0, verified: 0, verifiedTextMasked: 0, failed: 0 },
    checks,
    failures: [{ code: 'unreadable', message, where: {} }],
  };
}

/** " (message m_1, chat c_1, record #12, field text)" or "". */
export function describeWhere(w: FailureWhere): string {
  const parts: string[] = [];
  if (w.file !== undefined) parts.push(`file ${w.file}`);
  if (w.bates !== undefined) parts.push(`Bates ${w.bates}`);
  if (w.page !== undefined) parts.push(`page ${w.page}`);
  if (w.chatId !== undefined) parts.push(`chat ${w.chatId}`);
  if (w.messageId !== undefined) parts.push(`message ${w.messageId}`);
  if (w.seq !== undefined) parts.push(`record #${w.seq}`);
  if (w.field !== undefined) parts.push(`field ${w.field}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function clean(w: FailureWhere): FailureWhere {
  const out: FailureWhere = {};
  for (const [k, v] of Object.entries(w)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
