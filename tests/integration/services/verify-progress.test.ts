import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../electron/hosts/dispatch';
import type { Handlers } from '../../../electron/services/handlers';
import type { EventPayload } from '../../../shared/api/contract';
import { closeWorld, failed, ok, pulledWorld, type Call, type World } from '../review/helpers';

/**
 * chain.verify reports real progress: the logs are verified one at a time with a turn of
 * the event loop before each, so progress reaches the UI (and other calls are answered)
 * while verification runs, not all at the end. What is verified stays exactly what the
 * one-shot verifier checks.
 */

type Progress = EventPayload<'progress'>;

let w: World;

beforeAll(async () => {
  w = await pulledWorld({ seed: 'ogma-verify-progress', sizes: { orgs: 2, users: 3, chats: 4, messages: 6 } });
}, 120_000);

afterAll(async () => {
  await closeWorld(w);
});

/** A dispatcher like every host's, whose context records each event with what happened before it. */
function recorder() {
  const log: { kind: 'event' | 'answer'; what: string; progress?: Progress }[] = [];
  const dispatch = createDispatcher(w.app.services.handlers() as Handlers, (line) => console.error(line));
  const ctx: CallContext = {
    host: 'web',
    emit: (event, payload) => {
      if (event === 'progress') log.push({ kind: 'event', what: 'progress', progress: payload as Progress });
    },
  };
  const call: Call = (method, payload = {}) => dispatch(method, payload, ctx);
  return { log, call };
}

describe('chain.verify progress', () => {
  it('given a workspace with several logs, when the chain is verified, then running progress arrives before the result and the loop answers other calls meanwhile', async () => {
    const { log, call } = recorder();
    const v = w.app.services.workspace.vault;
    const logs = v.tenants.list();
    expect(logs.length).toBeGreaterThan(1);
    const records = logs.reduce((n, t) => n + v.chain.head(t.id).size, 0);

    let otherAnswered = false;
    let verifyAnswered = false;
    let asked = false;
    const verifying = call('chain.verify', { mode: 'full' }).then((r) => {
      verifyAnswered = true;
      log.push({ kind: 'answer', what: 'chain.verify' });
      return r;
    });
    // Asked from a timer once the first progress event is out: with a verifier that blocks the
    // event loop the timer could only fire, and the call be answered, after the verdict.
    let other: Promise<unknown> | null = null;
    const timer = setInterval(() => {
      if (asked || !log.some((e) => e.kind === 'event')) return;
      asked = true;
      clearInterval(timer);
      other = call('app.info').then((r) => {
        otherAnswered = !verifyAnswered;
        log.push({ kind: 'answer', what: 'app.info' });
        return ok(r);
      });
    }, 0);
    const report = ok(await verifying);
    clearInterval(timer);
    expect(other).not.toBeNull();
    await other;
    expect(report.ok).toBe(true);

    const events = log.filter((e) => e.kind === 'event').map((e) => e.progress!);
    const running = events.filter((e) => e.state === 'running');
    // One event at least per log as it starts, all before the answer, counting up to the total.
    expect(running.length).toBeGreaterThanOrEqual(logs.length);
    const answerAt = log.findIndex((e) => e.what === 'chain.verify');
    expect(log.slice(0, answerAt).filter((e) => e.kind === 'event').length).toBe(events.length);
    expect(running.every((e) => e.total === records && e.taskId === events[0]!.taskId)).toBe(true);
    const dones = running.map((e) => e.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: records, total: records });
    expect(otherAnswered).toBe(true);
    expect(log.findIndex((e) => e.what === 'app.info')).toBeLessThan(answerAt);
  });

  it('given the same workspace, the stepwise report holds the same verdicts as the one-shot verifier', async () => {
    const { call } = recorder();
    const stepwise = ok(await call('chain.verify', { mode: 'full' }));
    const oneShot = w.app.services.workspace.verifyChain({ mode: 'full' });
    expect(stepwise.ok).toBe(oneShot.ok);
    expect(stepwise.workspace).toEqual(oneShot.workspace);
    expect(stepwise.tenants.map((t: { tenantId: string; size: number; root: string; messagesChecked: number }) => [t.tenantId, t.size, t.root, t.messagesChecked])).toEqual(
      oneShot.tenants.map((t) => [t.tenantId, t.size, t.root, t.messagesChecked]),
    );
  });

  it('given a record altered in one log, the report names that log and record, and the last event says the run failed', async () => {
    const v = w.app.services.workspace.vault;
    const seq = 3;
    const original = v.db.prepare('SELECT bytes, leaf_hash FROM chain_records WHERE tenant_id = ? AND seq = ?').get(w.tenantId, seq) as { bytes: Buffer; leaf_hash: string };
    const forged = Buffer.from(original.bytes.toString().replace('"at":"2', '"at":"1'));
    expect(forged.equals(original.bytes)).toBe(false);
    const put = v.db.prepare('UPDATE chain_records SET bytes = ? WHERE tenant_id = ? AND seq = ?');
    put.run(forged, w.tenantId, seq);
    try {
      const { log, call } = recorder();
      const report = ok(await call('chain.verify', { mode: 'full' }));
      expect(report.ok).toBe(false);
      const bad = report.tenants.find((t: { ok: boolean }) => !t.ok);
      expect(bad).toMatchObject({ tenantId: w.tenantId, problem: { seq } });
      expect(report.tenants.filter((t: { ok: boolean }) => t.ok).length).toBe(report.tenants.length - 1);
      expect(log.at(-1)?.progress?.state).toBe('failed');
    } finally {
      put.run(original.bytes, w.tenantId, seq);
    }
    expect(w.app.services.workspace.verifyChain({ mode: 'full' }).ok).toBe(true);
  });

  it('given one organisation asked for, only its log is verified, and an unknown one is NOT_FOUND', async () => {
    const { log, call } = recorder();
    const report = ok(await call('chain.verify', { mode: 'full', tenantId: w.tenantId }));
    expect(report.tenants.map((t: { tenantId: string }) => t.tenantId)).toEqual([w.tenantId]);
    expect(log.at(-1)?.progress).toMatchObject({ state: 'done', total: w.app.services.workspace.vault.chain.head(w.tenantId).size });
    expect(failed(await call('chain.verify', { mode: 'full', tenantId: 't_nope' })).code).toBe('NOT_FOUND');
  });

  it('given the workspace is closed while verification waits its turn, the call fails with NOT_OPEN and the bar is closed as failed', async () => {
    const ws = w.app.services.workspace;
    const events: Progress[] = [];
    const dispatch = createDispatcher(w.app.services.handlers() as Handlers, (line) => console.error(line));
    const ctx: CallContext = {
      host: 'web',
      emit: (event, payload) => {
        if (event !== 'progress') return;
        events.push(payload as Progress);
        // Another window closes the workspace while the first log waits for its turn.
        if (events.length === 1) ws.closeWorkspace();
      },
    };
    expect(failed(await dispatch('chain.verify', { mode: 'full' }, ctx)).code).toBe('NOT_OPEN');
    expect(events.map((e) => e.state)).toEqual(['running', 'failed']);
    expect(events[1]!.message).toMatch(/closed while its chain was being verified/);
  });
});
