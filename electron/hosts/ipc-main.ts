import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { events as eventSchemas, isEventName, type EventName } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/client';
import type { AppServices } from '../services/api';
import { isAppUrl } from '../shell/app-origin';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventMessage } from '../shell/channels';
import { createDispatcher, type CallContext } from './dispatch';

/** The Electron host of the contract: one invoke channel in, one event channel out. */
export interface IpcHost {
  /** Accept calls from this window's top frame (on the app origin) and send it events. */
  trust(contents: WebContents): void;
  dispose(): void;
}

const FORBIDDEN: CallResult = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This page is not part of Ogma Desk and may not call it.' },
};

/**
 * Why a call must be refused, or null when it comes from the top frame of a window we
 * created, showing our app origin. A subframe, a page that navigated elsewhere, or a
 * webContents we never created (a devtools page, say) gets nothing.
 */
function refusal(event: IpcMainInvokeEvent, trusted: ReadonlySet<WebContents>): string | null {
  if (!trusted.has(event.sender)) return 'a window Ogma Desk did not create';
  const frame = event.senderFrame;
  if (!frame) return 'a frame that no longer exists';
  if (frame.parent !== null) return 'a subframe';
  if (!isAppUrl(frame.url)) return `a page outside the app (${safeScheme(frame.url)})`;
  return null;
}

/** Only the scheme of a foreign URL goes to the log: a URL can carry tokens or names. */
function safeScheme(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? `${m[1]!.toLowerCase()}:` : 'no url';
}

/**
 * An event as it may leave the main process: parsed through its contract schema, so a
 * field that is not declared (a secret, say) is stripped, and an event that breaks the
 * contract is dropped (and logged) rather than sent.
 */
function eventMessage(event: EventName, payload: unknown, log: (line: string) => void): EventMessage | null {
  if (!isEventName(event)) {
    log(`dropped an event with an unknown name`);
    return null;
  }
  const parsed = eventSchemas[event].safeParse(payload);
  if (!parsed.success) {
    log(`dropped a ${event} event that broke the contract: ${parsed.error.issues[0]?.message ?? ''}`);
    return null;
  }
  return { event, payload: parsed.data };
}

export function serveIpc(services: Pick<AppServices, 'handlers' | 'events'>, log: (line: string) => void): IpcHost {
  const dispatch = createDispatcher(services.handlers(), log);
  const trusted = new Set<WebContents>();

  const send = (contents: WebContents, message: EventMessage) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
  };

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown): Promise<CallResult> => {
    const why = refusal(event, trusted);
    if (why) {
      log(`refused ${CALL_CHANNEL} "${String(method).slice(0, 80)}" from ${why}`);
      return FORBIDDEN;
    }
    const ctx: CallContext = {
      host: 'electron',
      emit: (name, eventPayload) => {
        const message = eventMessage(name, eventPayload, log);
        if (message) send(event.sender, message);
      },
    };
    try {
      return await dispatch(method, payload, ctx);
    } catch (e) {
      // The dispatcher turns failures into envelopes already; this is the last guard so an
      // exception never crosses IPC (Electron would hand the renderer a bare, prefixed Error).
      log(`ipc dispatch failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'The call failed unexpectedly; the details are in the log.' } };
    }
  });

  const unsubscribe = services.events.subscribe((name, payload) => {
    const message = eventMessage(name, payload, log);
    if (message) for (const contents of trusted) send(contents, message);
  });

  return {
    trust(contents) {
      trusted.add(contents);
      contents.once('destroyed', () => trusted.delete(contents));
    },
    dispose() {
      ipcMain.removeHandler(CALL_CHANNEL);
      unsubscribe();
      trusted.clear();
    },
  };
}
