import { recordTypeLabel, recordTypeTone } from './auditQuery';

export function RecordTypeBadge({ type }: { type: string }) {
  return <span className={`badge record-type record-type--${recordTypeTone(type)}`}>{recordTypeLabel(type)}</span>;
}
