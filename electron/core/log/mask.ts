/**
 * Masks anything shaped like a secret before a log line leaves the process. This is the
 * second line of defence: code must never log secrets in the first place; when it does
 * by mistake (an error message that quotes a header, a request dump), this stops it.
 * It errs on the side of masking: long hashes are masked too, which costs a little
 * diagnostics and protects key material that looks the same.
 */

interface Rule {
  name: string;
  re: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const RULES: Rule[] = [
  // Anthropic keys: sk-ant-api01-..., sk-ant-admin01-..., sk-ant-oat01-...
  { name: 'anthropic', re: /\bsk-ant-([a-z]+\d*)-[A-Za-z0-9_-]{6,}/g, replace: (_m, kind) => `sk-ant-${kind}-[masked]` },
  // OpenAI and similar: sk-admin-..., sk-proj-..., sk-svcacct-..., sk-...
  { name: 'sk', re: /\bsk-(?!ant-)(?:(admin|proj|svcacct|live|test)-)?[A-Za-z0-9_-]{12,}/g, replace: (_m, kind) => (kind ? `sk-${kind}-[masked]` : 'sk-[masked]') },
  // Authorization headers and bearer tokens.
  { name: 'bearer', re: /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, replace: (_m, scheme) => `${scheme} [masked]` },
  // Header or field assignments whose name says secret: x-api-key: ..., "password": "...", token=...
  {
    name: 'named',
    re: /((?:x-api-key|api[_-]?key|authorization|passphrase|password|secret|token|access[_-]?key|private[_-]?key)["']?\s*[:=]\s*["']?)([^\s"',;}]{4,})/gi,
    replace: (_m, lead) => `${lead}[masked]`,
  },
  // PEM blocks.
  { name: 'pem', re: /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, replace: () => '[masked pem]' },
  // Long hex runs (keys, hashes).
  { name: 'hex', re: /\b[0-9a-fA-F]{32,}\b/g, replace: (m) => `[hex:${m.length}]` },
  // Long base64 / base64url runs with mixed character classes (keys, tokens, sealed values).
  {
    name: 'base64',
    re: /[A-Za-z0-9+/_-]{32,}={0,2}/g,
    replace: (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9]/.test(m) ? `[b64:${m.length}]` : m),
  },
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const r of RULES) out = out.replace(r.re, r.replace as (m: string, ...g: string[]) => string);
  return out;
}

const SENSITIVE_KEY = /pass(word|phrase)?|secret|token|api[_-]?key|apikey|authorization|credential|private|^key$|master/i;

/** Masks a structured value: values under sensitive field names entirely, every string by pattern. */
export function maskValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return maskSecrets(value);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[bytes:${value.length}]`;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: maskSecrets(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? '[masked]' : maskValue(v, depth + 1);
    return out;
  }
  return value;
}
