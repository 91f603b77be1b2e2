/**
 * The two IPC channels between the preload and the main process. Nothing else crosses:
 * calls go renderer -> main on CALL_CHANNEL (invoke/handle, answered with a CallResult
 * envelope), events go main -> renderer on EVENT_CHANNEL.
 */
export const CALL_CHANNEL = 'ogma:call';
export const EVENT_CHANNEL = 'ogma:event';

/** What travels on EVENT_CHANNEL: the contract's event name and its (schema-checked) payload. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
