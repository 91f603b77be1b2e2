/**
 * Times and counts as review screens show them. Times are shown in UTC, as the vendor and
 * the chain record them, so what an investigator reads matches the evidence byte for byte.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-03-01` (UTC), or an em dash when there is no time. */
export function formatDay(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : '—';
}

/** `14:02` (UTC), or an empty string. */
export function formatClock(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** `2026-03-01 14:02:09 UTC`, for titles, dialogs and the transcript. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso);
  return d ? `${formatDay(iso)} ${formatClock(iso)}:${pad(d.getUTCSeconds())} UTC` : '—';
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `a1b2c3d4…9f0e` for a long hex digest in tight places; the full value stays selectable elsewhere. */
export function shortHash(hex: string, keep = 8): string {
  return hex.length <= keep * 2 + 1 ? hex : `${hex.slice(0, keep)}…${hex.slice(-4)}`;
}
