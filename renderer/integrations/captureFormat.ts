import type { z } from 'zod';
import type { ErrorCode } from '../../shared/api/errors';
import type { ContentCountsDto, Slot } from '../../shared/api/capture-schemas';
import { messageForField } from '../errors/fieldErrors';
import type { Failure } from '../errors/failure';

/**
 * Pure helpers of the Integrations surface: what each key slot is, how a pull's numbers are
 * worded, and where a failed connection attempt is shown. No React, so they are unit-tested.
 */

export interface SlotInfo {
  slot: Slot;
  vendor: 'Anthropic' | 'OpenAI';
  label: string;
  /** What the key is called at the vendor (the "kind" shown on a card). */
  kind: string;
  prefix: string;
  /** Where the vendor makes the key; it is shown only once there, when it is made. */
  madeWhere: string;
  reads: string;
}

export const SLOTS: readonly SlotInfo[] = [
  {
    slot: 'anthropic-compliance',
    vendor: 'Anthropic',
    label: 'Anthropic Compliance Access Key',
    kind: 'Compliance API: content',
    prefix: 'sk-ant-api01-',
    madeWhere: 'claude.ai > Organization settings > API',
    reads: 'Organisations, users, chats, messages and the Activity Feed.',
  },
  {
    slot: 'anthropic-admin',
    vendor: 'Anthropic',
    label: 'Anthropic Admin key',
    kind: 'Admin API: reports, no content',
    prefix: 'sk-ant-admin01-',
    madeWhere: 'Claude Console > Settings > Admin keys',
    reads: 'Usage and cost reports, members, workspaces, API key metadata.',
  },
  {
    slot: 'openai',
    vendor: 'OpenAI',
    label: 'OpenAI admin key',
    kind: 'Admin API: costs and audit log, no content',
    prefix: 'sk-admin-',
    madeWhere: 'platform.openai.com > Organization settings > Admin keys (Organization Owner only)',
    reads: 'Costs and audit-log events; never content.',
  },
];

export function slotInfo(slot: Slot): SlotInfo {
  return SLOTS.find((s) => s.slot === slot) ?? SLOTS[0]!;
}

export interface ScheduleOption {
  value: string;
  label: string;
  minutes: number | null;
}

const SCHEDULES: readonly ScheduleOption[] = [
  { value: 'off', label: 'Off (on demand only)', minutes: null },
  { value: '15', label: 'Every 15 minutes', minutes: 15 },
  { value: '60', label: 'Hourly', minutes: 60 },
  { value: '360', label: 'Every 6 hours', minutes: 360 },
  { value: '1440', label: 'Daily', minutes: 1440 },
];

/** The schedule choices; a value set elsewhere (the CLI, say) is kept as an extra option rather than hidden. */
export function scheduleOptions(current: number | null): ScheduleOption[] {
  if (current === null || SCHEDULES.some((s) => s.minutes === current)) return [...SCHEDULES];
  return [...SCHEDULES, { value: String(current), label: `Every ${current} minutes`, minutes: current }];
}

export function scheduleValue(minutes: number | null): string {
  return minutes === null ? 'off' : String(minutes);
}

/** "0.4 s", "4.2 s", "3 min 12 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatRate(rate: number | null): string | null {
  if (rate === null || !Number.isFinite(rate) || rate <= 0) return null;
  return `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en').format(n);
}

/** "attachments-only" -> "Attachments only". */
export function skipReasonLabel(reason: string): string {
  const words = reason.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function skippedTotal(counts: Pick<z.infer<typeof ContentCountsDto>, 'messagesSkipped'>): number {
  return Object.values(counts.messagesSkipped).reduce((a, b) => a + b, 0);
}

export interface Segment {
  key: string;
  label: string;
  value: number;
  tone: 'captured' | 'superseded' | 'unchanged' | 'skipped';
}

/** What happened to the messages a pull saw, in the order the inline chart draws them; empty parts dropped. */
export function messageSegments(counts: z.infer<typeof ContentCountsDto>): Segment[] {
  const segments: Segment[] = [
    { key: 'captured', label: 'Captured', value: counts.messagesCaptured, tone: 'captured' },
    { key: 'superseded', label: 'Edited (new version)', value: counts.messagesSuperseded, tone: 'superseded' },
    { key: 'unchanged', label: 'Unchanged', value: counts.messagesUnchanged, tone: 'unchanged' },
    ...Object.entries(counts.messagesSkipped)
      .sort(([, a], [, b]) => b - a)
      .map(([reason, value]): Segment => ({ key: `skipped:${reason}`, label: `Skipped: ${skipReasonLabel(reason).toLowerCase()}`, value, tone: 'skipped' })),
  ];
  return segments.filter((s) => s.value > 0);
}

export type ConnectField = 'slot' | 'key' | 'tenantId' | 'baseUrl';

export interface PlacedConnectFailure {
  field: ConnectField | null;
  message: string;
}

const FIELD_ALIASES: Record<string, ConnectField> = { key: 'key', baseUrl: 'baseUrl', tenantId: 'tenantId', tenant: 'tenantId', slot: 'slot' };
/** A rejected or unreachable key belongs next to the key the user just pasted, whatever `where.field` says. */
const KEY_CODES: readonly (ErrorCode | 'UNKNOWN')[] = ['KEY_REJECTED', 'UPSTREAM'];

/**
 * Where a failed connect is shown. The services name the slot in `where.field` for a rejected
 * key (`anthropic-compliance`), so the code decides first; the message is shown verbatim.
 */
export function placeConnectFailure(failure: Failure): PlacedConnectFailure {
  if (KEY_CODES.includes(failure.code)) return { field: 'key', message: failure.message };
  const named = failure.field !== undefined ? FIELD_ALIASES[failure.field.split(/[.[]/)[0] ?? ''] : undefined;
  if (named) return { field: named, message: messageForField(failure) };
  return { field: null, message: failure.message };
}

/** Whether a progress state means the pull is over, so the lists should be read again. */
export function isFinished(state: 'running' | 'done' | 'failed' | 'cancelled'): boolean {
  return state !== 'running';
}
