import { hrefFor } from '../../routing/routes';
import type { ChatRef, HandedSelection } from './exportDraft';

/**
 * How other screens hand chats to the export wizard through the URL:
 *   #/exports/chats/<tenantId>/<chatId>[/<tenantId>/<chatId>...]
 * (pairs, each segment URI-encoded). A screen that holds a named selection calls
 * `handOverSelection` in exportStore instead; both land in the wizard's Scope step.
 */

export const MAX_CHATS_IN_ROUTE = 200;

export function exportChatsHref(chats: readonly ChatRef[]): string {
  return hrefFor('exports', 'chats', ...chats.slice(0, MAX_CHATS_IN_ROUTE).flatMap((c) => [c.tenantId, c.chatId]));
}

/** The selection a route carries, or null when it carries none (or an odd, unusable list). */
export function selectionFromRoute(rest: readonly string[]): HandedSelection | null {
  if (rest[0] !== 'chats') return null;
  const pairs = rest.slice(1);
  if (pairs.length === 0 || pairs.length % 2 !== 0) return null;
  const chats: ChatRef[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < pairs.length; i += 2) {
    const tenantId = pairs[i]!.trim();
    const chatId = pairs[i + 1]!.trim();
    if (!tenantId || !chatId) return null;
    const key = `${tenantId}\u0000${chatId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    chats.push({ tenantId, chatId });
  }
  return { name: null, chats };
}
