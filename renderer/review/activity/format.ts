/** Times as investigators compare them across sources: UTC, to the second, always labelled. */
export function formatUtc(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "sso_login_succeeded" -> "sso login succeeded"; "api_key.created" -> "api key created". */
export function readableType(type: string): string {
  return type.replace(/[._]+/g, ' ').trim();
}

export const SOURCE_LABEL = { anthropic: 'Anthropic Activity Feed', openai: 'OpenAI audit log' } as const;
export const SOURCE_SHORT = { anthropic: 'Anthropic', openai: 'OpenAI' } as const;
