import { createApi, type OgmaApi } from '../shared/api/client';
import { connectWebTransport } from './transport-ws';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the browser host serves the renderer. */
    ogma?: OgmaApi;
  }
}

let api: OgmaApi | undefined;

/**
 * The one way the renderer reaches the services: the preload's `window.ogma` inside
 * Electron, otherwise the browser host's WebSocket transport. Both speak the same contract.
 */
export function getApi(): OgmaApi {
  api ??= window.ogma ?? createApi(connectWebTransport());
  return api;
}
