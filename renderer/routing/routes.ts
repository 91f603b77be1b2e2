/**
 * The surfaces of the app frame and the hash routes that reach them. A hash router keeps
 * the renderer host-neutral: the same build works from file:// in Electron and from the
 * browser host's http:// origin, and the back button moves between surfaces.
 */

export const SURFACE_IDS = ['workspace', 'integrations', 'content', 'search', 'activity', 'exports', 'verify', 'audit'] as const;
export type SurfaceId = (typeof SURFACE_IDS)[number];

export interface SurfaceDef {
  id: SurfaceId;
  label: string;
  /** Which rail group the surface belongs to: the order an investigation usually takes. */
  group: 'Case' | 'Capture' | 'Review' | 'Evidence';
}

export const SURFACES: readonly SurfaceDef[] = [
  { id: 'workspace', label: 'Workspace', group: 'Case' },
  { id: 'integrations', label: 'Integrations', group: 'Capture' },
  { id: 'content', label: 'Content', group: 'Review' },
  { id: 'search', label: 'Search', group: 'Review' },
  { id: 'activity', label: 'Usage & Activity', group: 'Review' },
  { id: 'exports', label: 'Exports', group: 'Evidence' },
  { id: 'verify', label: 'Verify', group: 'Evidence' },
  { id: 'audit', label: 'Audit log', group: 'Evidence' },
];

export const DEFAULT_SURFACE: SurfaceId = 'workspace';

export interface Route {
  surface: SurfaceId;
  /** Segments after the surface (`#/content/org-1/chat-9` -> ['org-1', 'chat-9']), decoded. */
  rest: string[];
}

export function isSurfaceId(value: string): value is SurfaceId {
  return (SURFACE_IDS as readonly string[]).includes(value);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `#/search/x` -> {surface: 'search', rest: ['x']}; anything unknown lands on the default surface. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/[?].*$/, '');
  const segments = path.split('/').filter((s) => s.length > 0).map(decodeSegment);
  const [first, ...rest] = segments;
  const surface = first?.toLowerCase() ?? '';
  if (!isSurfaceId(surface)) return { surface: DEFAULT_SURFACE, rest: [] };
  return { surface, rest };
}

export function hrefFor(surface: SurfaceId, ...rest: string[]): string {
  return `#/${[surface, ...rest.map(encodeURIComponent)].join('/')}`;
}

export function surfaceLabel(surface: SurfaceId): string {
  return SURFACES.find((s) => s.id === surface)?.label ?? surface;
}
