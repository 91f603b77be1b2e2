import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type CallResult, type Transport } from '../shared/api/client';
import { isEventName, type EventName } from '../shared/api/contract';
import { bridgeSafe } from './shell/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventMessage } from './shell/channels';

/**
 * The sandboxed preload: it exposes exactly one object, `window.ogma`, built from the
 * contract by shared/api/client.ts, and nothing else. ipcRenderer itself and the IPC
 * event objects (which reference it) never reach the page.
 */
function ipcTransport(): Transport {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();

  ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage | undefined) => {
    if (!message || !isEventName(message.event)) return;
    for (const handler of handlers.get(message.event) ?? []) {
      try {
        handler(message.payload);
      } catch (e) {
        console.error(`ogma: a ${message.event} handler failed`, e);
      }
    }
  });

  return {
    async call(method, payload) {
      try {
        return (await ipcRenderer.invoke(CALL_CHANNEL, method, payload)) as CallResult;
      } catch {
        // Only when the main process has no handler (starting up or shutting down).
        return { ok: false, error: { code: 'INTERNAL', message: 'Ogma Desk did not answer. Restart the app and try again.' } };
      }
    },
    subscribe(event, handler) {
      if (!isEventName(event) || typeof handler !== 'function') return () => {};
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
  };
}

contextBridge.exposeInMainWorld('ogma', bridgeSafe(createApi(ipcTransport())));
