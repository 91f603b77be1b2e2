import type { EventName, EventPayload, Method, ParsedReq, ResIn } from '../../shared/api/contract';

export type HostKind = 'electron' | 'web' | 'cli';

export interface CallContext {
  host: HostKind;
  /** Push an event to the caller's channel (its window, its socket). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** What the services provide for the contract: one function per call, given a validated request. */
export type Handlers = {
  [M in Method]: (request: ParsedReq<M>, ctx: CallContext) => Promise<ResIn<M>> | ResIn<M>;
};
