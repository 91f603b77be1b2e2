import { describe, expect, it } from 'vitest';
import { DEFAULT_SURFACE, hrefFor, parseRoute, SURFACES, SURFACE_IDS, surfaceLabel } from '../../../renderer/routing/routes';

describe('hash routes', () => {
  it('given an empty hash, lands on the Workspace surface', () => {
    expect(parseRoute('')).toEqual({ surface: 'workspace', rest: [] });
    expect(parseRoute('#')).toEqual({ surface: 'workspace', rest: [] });
    expect(parseRoute('#/')).toEqual({ surface: DEFAULT_SURFACE, rest: [] });
  });

  it.each(SURFACE_IDS)('given #/%s, shows that surface', (id) => {
    expect(parseRoute(`#/${id}`).surface).toBe(id);
  });

  it('given segments after the surface, keeps them decoded', () => {
    expect(parseRoute('#/content/org%201/chat-9')).toEqual({ surface: 'content', rest: ['org 1', 'chat-9'] });
  });

  it('given an unknown surface or a stray anchor, falls back to the default instead of a blank page', () => {
    expect(parseRoute('#/nowhere')).toEqual({ surface: 'workspace', rest: [] });
    expect(parseRoute('#main')).toEqual({ surface: 'workspace', rest: [] });
  });

  it('ignores case, repeated slashes, a query, and malformed escapes', () => {
    expect(parseRoute('#//Search//')).toEqual({ surface: 'search', rest: [] });
    expect(parseRoute('#/verify?bundle=x')).toEqual({ surface: 'verify', rest: [] });
    expect(parseRoute('#/search/%E0%A4%A')).toEqual({ surface: 'search', rest: ['%E0%A4%A'] });
  });

  it('builds hrefs that parse back to the same route', () => {
    expect(hrefFor('exports')).toBe('#/exports');
    expect(parseRoute(hrefFor('content', 'org/1', 'chat 2'))).toEqual({ surface: 'content', rest: ['org/1', 'chat 2'] });
  });

  it('has one rail entry per surface, with its label', () => {
    expect(SURFACES.map((s) => s.id)).toEqual([...SURFACE_IDS]);
    expect(surfaceLabel('activity')).toBe('Usage & Activity');
    expect(surfaceLabel('audit')).toBe('Audit log');
  });
});
