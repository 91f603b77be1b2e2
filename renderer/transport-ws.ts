import type { CallResult, Transport } from '../shared/api/client';
import type { EventName, Method } from '../shared/api/contract';

/**
 * The renderer's Transport when it is served by the browser host (electron/hosts/web.ts):
 * JSON-RPC 2.0 over a WebSocket to /rpc on the page's own origin.
 *
 * Authentication needs nothing from script: the host set an HttpOnly cookie when it served
 * the page with `?token=`, and the browser sends that cookie on the WebSocket upgrade. The
 * token is then wiped from the address bar, so it does not linger in history or screenshots.
 *
 * A dropped socket is reopened with backoff. Calls that were in flight fail with UNAVAILABLE
 * (they may or may not have run, so they are never silently repeated); calls made while the
 * socket is down wait for the next attempt and fail with UNAVAILABLE if it fails too.
 */

export type ConnectionState = 'connecting' | 'open' | 'down';

export interface WebTransport extends Transport {
  readonly state: ConnectionState;
  /** Told about every change of connection state (e.g. to show "reconnecting…"). */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Close for good: no more reconnects; pending calls fail. */
  close(): void;
}

export interface WebTransportOptions {
  /** Defaults to ws(s)://<page host>/rpc. */
  url?: string;
  /** Opens the socket; tests outside a browser pass one built on the `ws` package. */
  createSocket?: (url: string) => WebSocket;
  /** First reconnect delay, doubled on each failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

type Pending = { method: Method; resolve: (r: CallResult) => void };
type Queued = { method: Method; payload: unknown; resolve: (r: CallResult) => void };

const OPEN = 1; // WebSocket.OPEN, without relying on a global in tests

function unavailable(message: string): CallResult {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}

function defaultUrl(): string {
  const loc = globalThis.location;
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/rpc`;
}

/** Removes ?token= from the address bar: the cookie has taken over by the time script runs. */
function forgetTokenInAddressBar(): void {
  const loc = globalThis.location;
  if (!loc || !globalThis.history) return;
  const url = new URL(loc.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  globalThis.history.replaceState(globalThis.history.state, '', url.pathname + url.search + url.hash);
}

export function connectWebTransport(options: WebTransportOptions = {}): WebTransport {
  const url = options.url ?? defaultUrl();
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u));
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 10_000;
  if (!options.url) forgetTokenInAddressBar();

  const pending = new Map<number, Pending>();
  let queue: Queued[] = [];
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  let socket: WebSocket | null = null;
  let state: ConnectionState = 'down';
  let nextId = 1;
  let delay = minDelay;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const hostName = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();

  function setState(s: ConnectionState): void {
    if (s === state) return;
    state = s;
    for (const l of stateListeners) l(s);
  }

  function send(id: number, method: Method, payload: unknown): void {
    socket!.send(JSON.stringify({ jsonrpc: '2.0', id, method, params: payload }));
  }

  function flushQueue(): void {
    const q = queue;
    queue = [];
    for (const item of q) {
      const id = nextId++;
      pending.set(id, { method: item.method, resolve: item.resolve });
      send(id, item.method, item.payload);
    }
  }

  function failAll(message: string): void {
    const inFlight = [...pending.values()];
    pending.clear();
    const waiting = queue;
    queue = [];
    for (const p of inFlight) p.resolve(unavailable(`${message} The call ${p.method} may not have finished; check before repeating it.`));
    for (const q of waiting) q.resolve(unavailable(`${message} ${q.method} was not sent.`));
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    const wait = delay * (0.75 + Math.random() * 0.5);
    delay = Math.min(delay * 2, maxDelay);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, wait);
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: { id?: unknown; result?: unknown; error?: { message?: unknown }; method?: unknown; params?: unknown };
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg.method === 'event') {
      const params = msg.params as { event?: EventName; payload?: unknown } | undefined;
      const set = params?.event ? handlers.get(params.event) : undefined;
      for (const h of set ?? []) {
        try {
          h(params!.payload);
        } catch (e) {
          console.error(`Ogma Desk: a handler of "${params!.event}" failed`, e);
        }
      }
      return;
    }
    if (typeof msg.id !== 'number') return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    const result = msg.result as CallResult | undefined;
    if (result && typeof result === 'object' && typeof result.ok === 'boolean') p.resolve(result);
    else {
      const why = typeof msg.error?.message === 'string' ? msg.error.message : 'an unreadable answer';
      p.resolve({ ok: false, error: { code: 'INTERNAL', message: `The Ogma Desk host refused ${p.method}: ${why}` } });
    }
  }

  function open(): void {
    if (closed) return;
    setState('connecting');
    let ws: WebSocket;
    try {
      ws = createSocket(url);
    } catch {
      failAll(`Cannot reach Ogma Desk at ${hostName}.`);
      setState('down');
      scheduleReconnect();
      return;
    }
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      delay = minDelay;
      setState('open');
      flushQueue();
    };
    ws.onmessage = (ev: MessageEvent) => onMessage(ev.data);
    ws.onerror = () => {
      /* onclose follows and does the work */
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setState('down');
      failAll(
        opened
          ? `Lost the connection to Ogma Desk at ${hostName}; reconnecting.`
          : `Cannot reach Ogma Desk at ${hostName}: is \`ogma serve\` still running? If it was restarted, open the new address it printed.`,
      );
      scheduleReconnect();
    };
  }

  open();

  return {
    get state() {
      return state;
    },
    call(method: Method, payload: unknown): Promise<CallResult> {
      if (closed) return Promise.resolve(unavailable('The connection to Ogma Desk was closed.'));
      return new Promise<CallResult>((resolve) => {
        if (socket && socket.readyState === OPEN) {
          const id = nextId++;
          pending.set(id, { method, resolve });
          send(id, method, payload);
          return;
        }
        queue.push({ method, payload, resolve });
        // Someone needs the host now: try at once instead of waiting out the backoff.
        if (state === 'down' && retryTimer) {
          clearTimeout(retryTimer);
          retryTimer = null;
          open();
        }
      });
    },
    subscribe(event: EventName, handler: (payload: unknown) => void): () => void {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      socket = null;
      setState('down');
      failAll('The connection to Ogma Desk was closed.');
      ws?.close();
    },
  };
}
