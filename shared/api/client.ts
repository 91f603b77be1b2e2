import { calls, type EventName, type EventPayload, type Method, type Req, type Res } from './contract';
import { OgmaError, type ErrorPayload } from './errors';

/** What travels back over any host for one call: a value or an error, never a thrown exception. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** How a client reaches the services: IPC in Electron, a WebSocket in the browser host. */
export interface Transport {
  call(method: Method, payload: unknown): Promise<CallResult>;
  subscribe(event: EventName, handler: (payload: unknown) => void): () => void;
}

type Namespace<M extends string> = M extends `${infer NS}.${string}` ? NS : never;
type FnName<M extends string, NS extends string> = M extends `${NS}.${infer Fn}` ? Fn : never;
type CallFn<M extends Method> = {} extends Req<M> ? (request?: Req<M>) => Promise<Res<M>> : (request: Req<M>) => Promise<Res<M>>;

/** `window.ogma`: one function per call of the contract, grouped by namespace (`ogma.workspace.open(...)`). */
export type OgmaApi = {
  [NS in Namespace<Method>]: { [M in Method as FnName<M, NS>]: CallFn<M> };
} & {
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the typed API object from the contract's method names. Failures arrive as values
 * and are rethrown here as OgmaError, so UI code can `try/catch` and read `code`/`where`.
 */
export function createApi(transport: Transport): OgmaApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const method of Object.keys(calls) as Method[]) {
    const [ns, fn] = method.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][fn] = async (request?: unknown) => {
      const result = await transport.call(method, request ?? {});
      if (result.ok) return result.value;
      throw OgmaError.from(result.error);
    };
  }
  const on = (event: EventName, handler: (payload: unknown) => void) => transport.subscribe(event, handler);
  return Object.assign(api, { on }) as unknown as OgmaApi;
}
