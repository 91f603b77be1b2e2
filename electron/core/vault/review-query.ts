/**
 * Small helpers the review read models share: time ranges as SQL bounds, and a WHERE
 * clause built from optional filters with its parameters kept in step.
 */

export interface RangeInput {
  /** YYYY-MM-DD (start of that UTC day) or RFC 3339. */
  from?: string | undefined;
  /** YYYY-MM-DD (the whole UTC day) or RFC 3339; inclusive, to the second. */
  to?: string | undefined;
}

export interface TextBounds {
  /** Inclusive lower bound, `YYYY-MM-DDTHH:MM:SS` (no zone). */
  from?: string;
  /** Exclusive upper bound, same form. */
  before?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function secondText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * Bounds that compare correctly, as text, with any stored UTC timestamp of the form
 * `YYYY-MM-DDTHH:MM:SS[.fff]Z` (vendor times come with or without milliseconds, chain
 * records always with): a zone-less prefix sorts before every stored value that starts
 * with it. The price is second granularity, which is what the UI offers anyway.
 */
export function textBounds(range: RangeInput | undefined): TextBounds {
  const out: TextBounds = {};
  if (!range) return out;
  if (range.from !== undefined) out.from = DAY.test(range.from) ? `${range.from}T00:00:00` : secondText(Math.floor(Date.parse(range.from) / 1000) * 1000);
  if (range.to !== undefined) {
    const end = DAY.test(range.to) ? Date.parse(`${range.to}T00:00:00Z`) + 86_400_000 : Math.floor(Date.parse(range.to) / 1000) * 1000 + 1000;
    out.before = secondText(end);
  }
  return out;
}

/** The same bounds as Unix seconds (OpenAI's effective_at): [from, before). */
export function epochBounds(range: RangeInput | undefined): { from?: number; before?: number } {
  const t = textBounds(range);
  return {
    ...(t.from !== undefined ? { from: Date.parse(`${t.from}Z`) / 1000 } : {}),
    ...(t.before !== undefined ? { before: Date.parse(`${t.before}Z`) / 1000 } : {}),
  };
}

/** A WHERE clause under construction: each condition with its own parameters. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  /** `expr IN (?, ?, ...)` for a non-empty list. */
  in(expr: string, values: readonly unknown[]): this {
    return this.add(`${expr} IN (${values.map(() => '?').join(', ')})`, ...values);
  }

  range(expr: string, bounds: { from?: string | number; before?: string | number }): this {
    if (bounds.from !== undefined) this.add(`${expr} >= ?`, bounds.from);
    if (bounds.before !== undefined) this.add(`${expr} < ?`, bounds.before);
    return this;
  }

  get sql(): string {
    return this.parts.length > 0 ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
