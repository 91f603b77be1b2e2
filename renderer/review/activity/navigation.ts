import { hrefFor } from '../../routing/routes';

/** Opens the investigation of one key (a hash route, so Back returns to where the reader was). */
export function navigateToKey(keyId: string): void {
  window.location.hash = hrefFor('activity', 'key', keyId);
}
