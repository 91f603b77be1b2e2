import { useCallback, useSyncExternalStore } from 'react';
import { hrefFor, parseRoute, type Route, type SurfaceId } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current route from location.hash, and a way to go elsewhere (which the back button undoes). */
export function useHashRoute(): [Route, (surface: SurfaceId, ...rest: string[]) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const navigate = useCallback((surface: SurfaceId, ...rest: string[]) => {
    window.location.hash = hrefFor(surface, ...rest);
  }, []);
  return [parseRoute(hash), navigate];
}
