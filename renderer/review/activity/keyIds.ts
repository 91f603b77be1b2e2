import type { Res } from '../../../shared/api/contract';

export type ActivityRow = Res<'activity.query'>['rows'][number];

export interface RowKeys {
  /** The API key that did it (an admin key acting, a key calling the API). */
  actor: string | null;
  /** The API key it was done to (created, updated, deleted). */
  subject: string | null;
}

function str(x: unknown): string | null {
  return typeof x === 'string' && x.length > 0 ? x : null;
}

/**
 * The key ids an event names, read the way the vault's activity read model reads them
 * (electron/core/vault/review-evidence.ts): the Activity Feed puts the subject key in
 * `api_key_id`; an OpenAI `api_key.*` event puts it in `<type>.id`. Both link to the
 * key investigation, which finds the event again by either relation.
 */
export function keysOf(row: ActivityRow): RowKeys {
  let subject: string | null = null;
  if (row.source === 'anthropic') subject = str(row.body.api_key_id);
  else if (row.type.startsWith('api_key.')) {
    const detail = row.body[row.type];
    if (detail && typeof detail === 'object') subject = str((detail as Record<string, unknown>).id);
  }
  const actor = row.actor.apiKeyId;
  return { actor, subject: subject === actor ? null : subject };
}
