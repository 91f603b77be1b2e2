import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../electron/hosts/dispatch';
import { AppServices } from '../../../electron/services/api';
import type { EventName } from '../../../shared/api/contract';
import type { CallResult } from '../../../shared/api/client';

/**
 * The contract's workspace calls, end to end through the dispatcher every host uses, on a
 * real encrypted workspace in a temp folder.
 */

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'ogma-api-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function app() {
  const home = temp();
  const services = new AppServices({ host: 'web', version: '9.9.9', home, workspace: { scrypt: { N: 1024, r: 8, p: 1 } } });
  const dispatch = createDispatcher(services.handlers());
  const emitted: { event: EventName; payload: unknown }[] = [];
  services.events.subscribe((event, payload) => emitted.push({ event, payload }));
  const ctx: CallContext = { host: 'web', emit: (event, payload) => emitted.push({ event, payload }) };
  // Results are checked field by field below, so they are read loosely typed here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = (method: string, payload: unknown = {}) => dispatch(method, payload, ctx) as Promise<CallResult<any>>;
  return { services, call, emitted, home };
}

const ADMIN = { memberName: 'Dana Reyes', passphrase: 'correct horse battery staple' };

describe('the workspace calls of the contract', () => {
  it('given no workspace, when one is created, then it is open, listed as recent and announced', async () => {
    const { call, emitted } = app();
    const path = join(temp(), 'acme.ogma');
    const created = await call('workspace.create', { path, name: 'Acme review', ...ADMIN });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ path, name: 'Acme review', isDemo: false, tenants: 0, member: { name: 'Dana Reyes', role: 'admin' } });

    const current = await call('workspace.current');
    expect(current).toEqual({ ok: true, value: created.value });
    const recent = await call('workspace.recent');
    expect(recent.ok && recent.value.map((r: { path: string }) => r.path)).toEqual([path]);
    expect(emitted.some((e) => e.event === 'workspace.changed')).toBe(true);
  });

  it('given a workspace, when it is opened with a wrong passphrase, then WRONG_PASSPHRASE and nothing is open', async () => {
    const first = app();
    const path = join(temp(), 'case.ogma');
    await first.call('workspace.create', { path, name: 'Case', ...ADMIN });
    await first.call('workspace.close');

    const second = app();
    const wrong = await second.call('workspace.open', { path, passphrase: 'not the passphrase at all' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(await second.call('workspace.current')).toEqual({ ok: true, value: null });

    const right = await second.call('workspace.open', { path, passphrase: ADMIN.passphrase });
    expect(right.ok && right.value.member.name).toBe('Dana Reyes');
  });

  it('given a viewer, when they add a member or their request is malformed, then FORBIDDEN or VALIDATION_FAILED', async () => {
    const admin = app();
    const path = join(temp(), 'case.ogma');
    await admin.call('workspace.create', { path, name: 'Case', ...ADMIN });
    const added = await admin.call('members.add', { name: 'Victor', role: 'viewer', passphrase: 'viewer passphrase 2026' });
    expect(added.ok && added.value).toMatchObject({ name: 'Victor', role: 'viewer' });
    await admin.call('workspace.close');

    const viewer = app();
    const opened = await viewer.call('workspace.open', { path, passphrase: 'viewer passphrase 2026', memberName: 'Victor' });
    expect(opened.ok && opened.value.member.role).toBe('viewer');
    const refused = await viewer.call('members.add', { name: 'Mallory', role: 'admin', passphrase: 'mallory passphrase 1' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');

    const malformed = await viewer.call('members.add', { name: 'X', role: 'owner', passphrase: 'long enough passphrase' });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.error).toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'role' } });

    const members = await viewer.call('members.list');
    expect(members.ok && members.value.map((m: { name: string }) => m.name).sort()).toEqual(['Dana Reyes', 'Victor']);
  });

  it('given an open workspace, when the chain is verified, then every log is intact and a progress event closes the task', async () => {
    const { call, emitted } = app();
    await call('workspace.create', { path: join(temp(), 'v.ogma'), name: 'V', ...ADMIN });
    const verdict = await call('chain.verify', { mode: 'full' });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.value.ok).toBe(true);
    expect(verdict.value.tenants.length).toBeGreaterThan(0);
    expect(verdict.value.tenants.every((t: { ok: boolean; size: number }) => t.ok && t.size > 0)).toBe(true);
    expect(emitted.some((e) => e.event === 'progress' && (e.payload as { state: string }).state === 'done')).toBe(true);
  });

  it('given no workspace, when a call needs one, then NOT_OPEN says what to do', async () => {
    const { call } = app();
    const r = await call('members.list');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'NOT_OPEN' });
    if (!r.ok) expect(r.error.message).toMatch(/open or create/i);
  });
});
