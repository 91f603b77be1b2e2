import { hrefFor } from '../../routing/routes';

/**
 * The views inside Usage & Activity, by the hash segments after `#/activity`:
 * `#/activity` usage, `#/activity/feed` the Activity Feed, `#/activity/key/<id>` what one
 * API key did. Anything else falls back to usage rather than a blank screen.
 */
export type ActivityView = { view: 'usage' } | { view: 'feed' } | { view: 'key'; keyId: string };

export function parseActivityView(rest: readonly string[]): ActivityView {
  const [first, second] = rest;
  if (first === 'feed') return { view: 'feed' };
  if (first === 'key' && second !== undefined && second.trim().length > 0) return { view: 'key', keyId: second };
  return { view: 'usage' };
}

export function activityHref(view: ActivityView): string {
  switch (view.view) {
    case 'usage':
      return hrefFor('activity');
    case 'feed':
      return hrefFor('activity', 'feed');
    case 'key':
      return hrefFor('activity', 'key', view.keyId);
  }
}

export const keyHref = (keyId: string) => activityHref({ view: 'key', keyId });
