/**
 * Query values as the vendors spell them. Keys are written out in full by each client
 * (`activity_types[]`, `created_at.gte`, `effective_at[gte]`): array values repeat the key.
 */
export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly string[]) params.append(key, v);
    } else {
      params.append(key, String(value));
    }
  }
  const s = params.toString();
  return s.length > 0 ? `?${s}` : '';
}
