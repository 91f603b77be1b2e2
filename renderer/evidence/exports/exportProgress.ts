import type { EventPayload } from '../../../shared/api/contract';

export type Progress = EventPayload<'progress'>;

/**
 * What each phase of the export service (electron/services/export.ts) means to the person
 * waiting, in the order they run. An unknown phase (a newer service) shows as it is named.
 */
const PHASES: Record<string, string> = {
  starting: 'Starting',
  resolving: 'Finding the messages in scope',
  reading: 'Reading messages (masking personal data)',
  proving: 'Proving every message against the signed checkpoint',
  rendering: 'Rendering pages',
  verifying: 'Checking the export with the same verifier a recipient uses',
  writing: 'Writing the file',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Stopped',
};

export function phaseLabel(phase: string): string {
  return PHASES[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1);
}

/** 0..100 when the phase has a known end, otherwise null (the bar then pulses). */
export function progressPercent(p: Pick<Progress, 'done' | 'total' | 'state'> | null): number | null {
  if (!p) return null;
  if (p.state === 'done') return 100;
  if (p.total === null || p.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

export function progressText(p: Progress | null): string {
  if (!p) return 'Starting…';
  const label = phaseLabel(p.phase);
  if (p.total !== null && p.total > 0 && p.state === 'running') {
    return `${label}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
  }
  return label;
}
