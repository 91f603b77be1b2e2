/** Axis arithmetic for the SVG charts: a rounded top and evenly spaced, readable ticks. */

export interface Scale {
  top: number;
  ticks: number[];
}

/**
 * Ticks at 1, 2, 2.5 or 5 times a power of ten, from 0 to a top at or above `max`. Counts
 * (`integer`) never get a fractional tick: "0.5 events" means nothing.
 */
export function niceScale(max: number, count = 4, integer = false): Scale {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, ticks: [0, 1] };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const candidates = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((s) => !integer || Number.isInteger(s));
  const step = Math.max(integer ? 1 : 0, candidates.find((s) => s >= raw) ?? 10 * power);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i * step <= top + step / 1e6; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { top, ticks };
}

/** Which of n labels to print so that they do not overlap: every k-th, k chosen from the width. */
export function labelStride(n: number, width: number, labelWidth: number): number {
  if (n <= 0 || width <= 0) return 1;
  const fit = Math.max(1, Math.floor(width / labelWidth));
  return Math.max(1, Math.ceil(n / fit));
}
