/**
 * The Anthropic 403 text `Missing required scopes. Got: ['a', 'b'] Needed: ['c']`
 * (Python list repr) parsed into lists, so a refusal can name the missing scope.
 */
export interface ScopeReport {
  got: string[];
  needed: string[];
  /** Needed but not held. */
  missing: string[];
}

function parseList(text: string): string[] {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (inner.length === 0) return [];
  return inner
    .split(',')
    .map((s) => s.trim().replace(/^['"]/, '').replace(/['"]$/, '').trim())
    .filter((s) => s.length > 0);
}

export function parseScopeMessage(message: string): ScopeReport | null {
  const m = /Got:\s*(\[[^\]]*\])\s*[,;]?\s*Needed:\s*(\[[^\]]*\])/i.exec(message);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const got = parseList(m[1]);
  const needed = parseList(m[2]);
  return { got, needed, missing: needed.filter((s) => !got.includes(s)) };
}
