import { createContext, useContext, type ReactNode } from 'react';
import type { OgmaApi } from '../shared/api/client';

const ApiContext = createContext<OgmaApi | null>(null);

/** Hands the API to components, so a screen can be rendered against any implementation of the contract. */
export function ApiProvider({ api, children }: { api: OgmaApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): OgmaApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
