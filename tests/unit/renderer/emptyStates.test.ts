import { describe, expect, it } from 'vitest';
import { SURFACE_IDS } from '../../../renderer/routing/routes';
import { emptyStateFor } from '../../../renderer/surfaces/emptyStates';

const others = SURFACE_IDS.filter((s) => s !== 'workspace') as Exclude<(typeof SURFACE_IDS)[number], 'workspace'>[];

describe('empty states of the surfaces still to come', () => {
  it.each(others)('%s says what will appear there, never a placeholder', (surface) => {
    const state = emptyStateFor(surface, { tenants: 0, role: 'admin' });
    expect(state.title.length).toBeGreaterThan(0);
    expect(state.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(state)).not.toMatch(/TODO|lorem|coming soon/i);
  });

  it('given an admin with nothing connected, content surfaces point to Integrations first', () => {
    for (const surface of ['content', 'search', 'activity', 'exports', 'verify', 'audit'] as const) {
      expect(emptyStateFor(surface, { tenants: 0, role: 'admin' }).next).toEqual({
        text: 'Connect a vendor key in Integrations to start capturing.',
        link: { surface: 'integrations', label: 'Go to Integrations' },
      });
    }
  });

  it('given a viewer, does not send them to do what only an admin can', () => {
    for (const surface of others) {
      expect(emptyStateFor(surface, { tenants: 0, role: 'viewer' }).next?.link?.surface).not.toBe('integrations');
    }
    expect(emptyStateFor('integrations', { tenants: 0, role: 'viewer' }).next?.text).toMatch(/Only an admin/);
  });

  it('given organisations connected, stops asking to connect one', () => {
    expect(emptyStateFor('integrations', { tenants: 2, role: 'admin' }).title).toBe('2 organisations connected');
    expect(emptyStateFor('exports', { tenants: 1, role: 'admin' }).next?.link?.surface).toBe('content');
    expect(emptyStateFor('content', { tenants: 1, role: 'admin' }).next?.text).toMatch(/Run a capture/);
  });
});
