import type { RawData, WebSocket } from 'ws';
import { events as eventSchemas, type EventName } from '../../../shared/api/contract';
import type { CallContext, Dispatch } from '../dispatch';
import { WEB_RPC_MAX_MESSAGE_BYTES } from '../../../shared/api/limits';

/**
 * JSON-RPC 2.0 over one WebSocket. A request `{jsonrpc, id, method, params}` gets
 * `{jsonrpc, id, result: CallResult}`: failures of the call itself (validation, a service's
 * OgmaError) travel inside `result` exactly as over Electron IPC. Only protocol faults use
 * JSON-RPC's own error object. Events are notifications `{jsonrpc, method: 'event', params:
 * {event, payload}}`.
 */

export const RPC_PARSE_ERROR = -32700;
export const RPC_INVALID_REQUEST = -32600;

/** Largest message a client may send; ws closes the socket (1009) past it. */
export const MAX_MESSAGE_BYTES = WEB_RPC_MAX_MESSAGE_BYTES;
/** A client that keeps this many calls unanswered is flooding us. */
export const MAX_IN_FLIGHT = 64;
/** A client that stops reading while we queue this much is dropped rather than buffered forever. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type RpcId = string | number | null;

function isRpcId(v: unknown): v is string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/**
 * The notification for one event, or null when the payload breaks the contract: parsing it
 * through the event's schema drops any field the contract does not declare.
 */
export function eventNotification(event: EventName, payload: unknown, log: (line: string) => void): string | null {
  const parsed = eventSchemas[event].safeParse(payload);
  if (!parsed.success) {
    log(`event ${event} broke the contract and was not sent`);
    return null;
  }
  return JSON.stringify({ jsonrpc: '2.0', method: 'event', params: { event, payload: parsed.data } });
}

export class RpcSession {
  private inFlight = 0;

  constructor(
    private readonly socket: WebSocket,
    private readonly dispatch: Dispatch,
    private readonly log: (line: string) => void,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
  }

  /** Push an event, already turned into a notification by `eventNotification`, to this client. */
  pushEvent(notification: string): void {
    this.sendText(notification);
  }

  private send(message: unknown): void {
    this.sendText(JSON.stringify(message));
  }

  private sendText(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log('dropping a WebSocket client that stopped reading');
      this.socket.terminate();
      return;
    }
    this.socket.send(text);
  }

  private fault(id: RpcId, code: number, message: string): void {
    this.send({ jsonrpc: '2.0', id, error: { code, message } });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return this.fault(null, RPC_PARSE_ERROR, 'Parse error: send JSON text frames.');
    let msg: unknown;
    try {
      msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'));
    } catch {
      return this.fault(null, RPC_PARSE_ERROR, 'Parse error: the message is not valid JSON.');
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      return this.fault(null, RPC_INVALID_REQUEST, 'Invalid Request: expected one JSON-RPC request object (batches are not supported).');
    }
    const req = msg as Record<string, unknown>;
    const id: RpcId = isRpcId(req.id) ? req.id : null;
    if (req.jsonrpc !== '2.0' || typeof req.method !== 'string' || ('id' in req && !isRpcId(req.id) && req.id !== null)) {
      return this.fault(id, RPC_INVALID_REQUEST, 'Invalid Request: need {"jsonrpc":"2.0","id":…,"method":"…","params":{…}}.');
    }
    if (!('id' in req) || req.id === null) {
      // A notification expects no answer; every call of the contract has one, so it is a client bug.
      this.log(`ignored a JSON-RPC notification for ${req.method}`);
      return;
    }
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.log('closing a WebSocket client with too many calls in flight');
      this.socket.close(1008, 'Too many calls in flight.');
      return;
    }
    void this.call(id as string | number, req.method, req.params);
  }

  private async call(id: string | number, method: string, params: unknown): Promise<void> {
    this.inFlight++;
    const ctx: CallContext = {
      host: 'web',
      emit: (event, payload) => {
        const note = eventNotification(event, payload, this.log);
        if (note) this.pushEvent(note);
      },
    };
    try {
      const result = await this.dispatch(method, params === undefined ? {} : params, ctx);
      this.send({ jsonrpc: '2.0', id, result });
    } catch (e) {
      // The dispatcher turns every failure into a value; reaching here is a bug, not the client's fault.
      this.log(`dispatch of ${method} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.send({ jsonrpc: '2.0', id, result: { ok: false, error: { code: 'INTERNAL', message: `${method} failed unexpectedly; the details are in the log.` } } });
    } finally {
      this.inFlight--;
    }
  }
}
