import { isAppUrl, parseUrl } from './app-origin';

/**
 * Navigation policy of every window: a page never leaves the app document. Same-document
 * moves (hash routes) do not even reach the navigation events; anything that does is allowed
 * only when it stays on the same app document (same origin, path and query).
 */
export function isAllowedNavigation(target: string, current: string | undefined): boolean {
  if (!isAppUrl(target) || !isAppUrl(current)) return false;
  const t = parseUrl(target)!;
  const c = parseUrl(current)!;
  return t.pathname === c.pathname && t.search === c.search;
}

const MAX_EXTERNAL_URL = 2048;

/**
 * The URL a link may be opened with in the user's browser, or null when it must never be.
 * Only plain http/https, without embedded credentials (`https://bank.example@evil.example`
 * is a classic disguise), and of a sane length. file:, javascript:, data:, smb:, custom
 * app protocols and the rest are refused outright: opening them can run or leak things.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return null;
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/** The confirmation shown before handing a link to the system browser. The URL is shown in full. */
export function externalLinkPrompt(href: string): {
  type: 'question';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  title: string;
  message: string;
  detail: string;
  noLink: boolean;
} {
  return {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this link in your web browser?',
    detail: `${href}\n\nIt leaves Ogma Desk. Open it only if you trust where it goes.`,
    noLink: true,
  };
}
