import type { z } from 'zod';
import type { PullState } from '../../shared/api/capture-schemas';

type State = z.infer<typeof PullState> | 'done' | 'skipped';

const LABELS: Record<State, string> = {
  complete: 'Complete',
  done: 'Finished',
  partial: 'Partial',
  failed: 'Failed',
  cancelled: 'Cancelled',
  running: 'Running',
  interrupted: 'Interrupted',
  skipped: 'Skipped',
};

const TONES: Record<State, 'success' | 'notice' | 'danger' | 'accent' | 'neutral'> = {
  complete: 'success',
  done: 'success',
  partial: 'notice',
  failed: 'danger',
  cancelled: 'neutral',
  running: 'accent',
  interrupted: 'notice',
  skipped: 'neutral',
};

/** A pull's or an endpoint's outcome: word first, colour second, so it reads without colour. */
export function PullStatusBadge({ status }: { status: State }) {
  return <span className={`badge badge--${TONES[status]}`}>{LABELS[status]}</span>;
}
