import type { EventName, EventPayload } from '../../shared/api/contract';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Services announce progress and state changes here; each host forwards what it hears to
 * its clients (Electron windows, WebSocket connections, the CLI's stderr).
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
