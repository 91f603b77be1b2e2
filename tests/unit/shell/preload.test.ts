import { describe, expect, it, vi } from 'vitest';
import { calls, events } from '../../../shared/api/contract';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake.module);

await import('../../../electron/preload');

type Call = (...args: unknown[]) => Promise<unknown>;
const ogma = fake.state.exposed.get('ogma') as Record<string, Record<string, Call>> & { on: (...args: unknown[]) => unknown };

/** Delivers a main-process event the way ipcRenderer does: (IpcRendererEvent, message). */
function deliver(message: unknown) {
  const ipcEvent = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
  for (const listener of fake.state.rendererListeners.get('ogma:event') ?? []) listener(ipcEvent, message);
}

describe('the preload', () => {
  it('exposes exactly one key, ogma, and never ipcRenderer', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['ogma']);
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(fake.ipcRenderer);
      for (const v of Object.values(value as object)) walk(v);
    };
    walk(ogma);
  });

  it('has one function per contract call, grouped by namespace, plus on()', () => {
    const expected: Record<string, string[]> = {};
    for (const method of Object.keys(calls)) {
      const [ns, fn] = method.split('.') as [string, string];
      (expected[ns] ??= []).push(fn);
    }
    expect(Object.keys(ogma).sort()).toEqual([...Object.keys(expected), 'on'].sort());
    for (const [ns, fns] of Object.entries(expected)) {
      expect(Object.keys(ogma[ns]!).sort()).toEqual([...fns].sort());
      for (const fn of fns) expect(typeof ogma[ns]![fn], `${ns}.${fn}`).toBe('function');
    }
    expect(typeof ogma.on).toBe('function');
  });

  it('calls go through ipcRenderer.invoke on ogma:call and resolve with the value', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { closed: true } });
    await expect(ogma.workspace!.close!()).resolves.toEqual({ closed: true });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('ogma:call', 'workspace.close', {});

    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await ogma.workspace!.open!({ path: '/cases/a.ogma', passphrase: 'p' });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('ogma:call', 'workspace.open', { path: '/cases/a.ogma', passphrase: 'p' });
  });

  it('rejects with code, message and where as plain data, which survives the contextBridge', async () => {
    const error = { code: 'VALIDATION_FAILED', message: 'Invalid request to workspace.open: field "path": Choose a folder.', where: { field: 'path' } };
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    const failure = await ogma.workspace!.open!({ path: '', passphrase: 'p' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toEqual({ name: 'OgmaError', ...error });
    expect(failure).not.toBeInstanceOf(Error); // an Error would lose code and where on the bridge
  });

  it('answers INTERNAL rather than a bare Electron error when the main process has no handler', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'ogma:call': No handler registered"));
    await expect(ogma.app!.info!()).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers events by name with the payload only, until unsubscribed', () => {
    const progress = vi.fn();
    const changed = vi.fn();
    const off = ogma.on('progress', progress) as () => void;
    ogma.on('workspace.changed', changed);
    expect(typeof off).toBe('function');

    const payload = { taskId: 't', title: 'Pull', phase: 'chats', done: 1, total: null, rate: null, state: 'running' };
    deliver({ event: 'progress', payload });
    expect(progress).toHaveBeenCalledExactlyOnceWith(payload); // never the IpcRendererEvent
    expect(changed).not.toHaveBeenCalled();

    deliver({ event: 'not-an-event', payload: {} });
    deliver(undefined);
    off();
    deliver({ event: 'progress', payload });
    expect(progress).toHaveBeenCalledOnce();
    expect(Object.keys(events)).toContain('progress');
  });

  it('ignores subscriptions to events the contract does not have', () => {
    const handler = vi.fn();
    const off = ogma.on('ogma:call', handler) as () => void;
    deliver({ event: 'ogma:call', payload: {} });
    expect(handler).not.toHaveBeenCalled();
    off();
  });
});
