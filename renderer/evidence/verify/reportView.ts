import type { FailureWhere, VerifyFailure, VerifyReport } from '../../../shared/api/export-schemas';

/**
 * How a VerifyReport reads on screen: the verdict's wording and tone, and which location
 * columns the failure table needs (only those some failure fills, in a fixed order).
 */

export type Verdict = VerifyReport['verdict'];

export interface VerdictView {
  tone: 'success' | 'danger' | 'notice';
  title: string;
  /** What the verdict means for the person holding the file. */
  meaning: string;
}

export function verdictView(verdict: Verdict): VerdictView {
  switch (verdict) {
    case 'verified':
      return {
        tone: 'success',
        title: 'Verified',
        meaning: 'Every message in this file is exactly what was recorded, as proven by the signed checkpoint. Compare the key fingerprint below with the producing party.',
      };
    case 'not_verified':
      return {
        tone: 'danger',
        title: 'Not verified',
        meaning: 'This file differs from what was recorded, or its proofs do not hold. Do not rely on it; the failures below say exactly where.',
      };
    case 'unreadable':
      return {
        tone: 'notice',
        title: 'Unreadable',
        meaning: 'This file could not be read as an Ogma export. Check that it is the file you were sent (a JSON bundle, a PDF or a production ZIP), complete and unmodified.',
      };
  }
}

export const FORMAT_LABELS: Record<VerifyReport['format'], string> = {
  json: 'JSON bundle',
  pdf: 'Bates PDF',
  production: 'Production volume (ZIP)',
  unknown: 'Unknown format',
};

/** The report's summary without its leading "NOT VERIFIED:" / "UNREADABLE:", which the banner already says. */
export function summaryText(report: Pick<VerifyReport, 'summary'>): string {
  return report.summary.replace(/^(NOT VERIFIED|UNREADABLE|VERIFIED)\s*:\s*/i, '');
}

export type WhereKey = keyof FailureWhere;

export const WHERE_COLUMNS: readonly { key: WhereKey; label: string; mono: boolean }[] = [
  { key: 'messageId', label: 'Message', mono: true },
  { key: 'chatId', label: 'Chat', mono: true },
  { key: 'bates', label: 'Bates', mono: true },
  { key: 'page', label: 'Page', mono: false },
  { key: 'seq', label: 'Record seq', mono: false },
  { key: 'field', label: 'Field', mono: true },
  { key: 'file', label: 'File', mono: true },
];

/** The location columns at least one failure fills. */
export function whereColumns(failures: readonly VerifyFailure[]): typeof WHERE_COLUMNS {
  return WHERE_COLUMNS.filter((c) => failures.some((f) => f.where[c.key] !== undefined && f.where[c.key] !== ''));
}

export function checksPassed(report: Pick<VerifyReport, 'checks'>): { passed: number; failed: number } {
  const failed = report.checks.filter((c) => !c.ok).length;
  return { passed: report.checks.length - failed, failed };
}
