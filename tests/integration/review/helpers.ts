import { join } from 'node:path';
import { expect } from 'vitest';
import type { GroundTruth, MessageTruth, ChatTruth } from '../../../electron/core/sim';
import { createDispatcher, type CallContext } from '../../../electron/hosts/dispatch';
import { AppServices } from '../../../electron/services/api';
import type { Handlers } from '../../../electron/services/handlers';
import type { CallResult } from '../../../shared/api/client';
import { ADMIN, KDF, cleanup, connect, control, pull, startSim, tempDir, type Sim, connectAllKeys } from '../capture/helpers';

/**
 * A real workspace pulled from the simulator, reviewed through the dispatcher every host
 * uses (so requests and answers go through the contract's schemas, as from the renderer).
 */

export { cleanup, control, pull };
export type { Sim };

export const VIEWER = { name: 'victor', passphrase: 'victor passphrase 1' };

// Results are checked field by field, so they are read loosely typed here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Call = (method: string, payload?: unknown) => Promise<CallResult<any>>;

export interface App {
  services: AppServices;
  call: Call;
}

export function app(handlers?: (services: AppServices) => Partial<Handlers>): App {
  const services = new AppServices({ host: 'web', version: '0.0.0-test', home: tempDir('review-home'), workspace: { scrypt: KDF } });
  const dispatch = createDispatcher({ ...services.handlers(), ...(handlers ? handlers(services) : {}) } as Handlers, (line) => console.error(line));
  const ctx: CallContext = { host: 'web', emit: () => {} };
  return { services, call: (method, payload = {}) => dispatch(method, payload, ctx) };
}

export interface World {
  sim: Sim;
  app: App;
  path: string;
  tenantId: string;
  truth: GroundTruth;
}

/** A workspace with all three keys connected and pulled once, opened through the contract as the admin. */
export async function pulledWorld(opts: { seed?: string; sizes?: { orgs: number; users: number; chats: number; messages: number } } = {}): Promise<World> {
  const sim = await startSim({ seed: opts.seed ?? 'ogma-review', sizes: opts.sizes ?? { orgs: 2, users: 3, chats: 4, messages: 6 } });
  const a = app();
  const path = join(tempDir('review'), 'case.ogma');
  const created = await a.call('workspace.create', { path, name: 'Review case', memberName: ADMIN.name, passphrase: ADMIN.passphrase });
  expect(created.ok, JSON.stringify(created)).toBe(true);
  const ws = a.services.workspace;
  const tenantId = await connectAllKeys(ws, sim);
  const s = await pull(ws, tenantId);
  expect(s.status, JSON.stringify(s.errors)).toBe('complete');
  return { sim, app: a, path, tenantId, truth: sim.truth('text') };
}

export async function closeWorld(w: World | undefined): Promise<void> {
  if (!w) return;
  await w.app.services.dispose();
  await w.sim.close();
  cleanup();
}

/** The value of an ok result, or a failed expectation showing the error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ok(r: CallResult<any>): any {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function failed(r: CallResult<unknown>): { code: string; message: string; where?: { field?: string } } {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

export function enterprise(truth: GroundTruth) {
  return truth.tenants.find((t) => t.plan === 'enterprise')!;
}

export function truthChats(truth: GroundTruth): ChatTruth[] {
  return (enterprise(truth).orgs ?? []).flatMap((o) => o.chats);
}

export function truthTextMessages(truth: GroundTruth): Array<MessageTruth & { chat: ChatTruth }> {
  return truthChats(truth).flatMap((c) => (c.messages ?? []).filter((m) => m.hasText && m.text).map((m) => ({ ...m, chat: c })));
}

/** Every PII value the simulator planted in message text. */
export function truthPii(truth: GroundTruth): Array<{ kind: string; value: string; messageId: string }> {
  return truthChats(truth).flatMap((c) => (c.messages ?? []).flatMap((m) => (m.pii ?? []).map((p) => ({ kind: p.kind, value: p.value, messageId: m.id }))));
}

/** Every string anywhere in a value (keys too), for "does this answer contain X". */
export function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) allStrings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (out.push(k), allStrings(x, out));
  return out;
}

export function expectNoneOf(value: unknown, secrets: readonly string[], what: string): void {
  const strings = allStrings(value);
  const json = JSON.stringify(value);
  for (const s of secrets) {
    expect(strings.some((x) => x.includes(s)), `${what} contains "${s}"`).toBe(false);
    expect(json.includes(s), `${what} (JSON) contains "${s}"`).toBe(false);
  }
}

/** Pages through a paged call until everything is read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function allPages(call: Call, method: string, req: Record<string, unknown>, pick: (v: any) => unknown[], limit = 7): Promise<{ total: number; rows: any[] }> {
  const rows: unknown[] = [];
  let total = -1;
  for (let offset = 0; ; offset += limit) {
    const v = ok(await call(method, { ...req, offset, limit }));
    if (total < 0) total = v.total;
    expect(v.total, `total is stable while paging ${method}`).toBe(total);
    const page = pick(v);
    rows.push(...page);
    if (page.length < limit) break;
  }
  return { total, rows };
}

/** Opens the same workspace in a fresh app as the viewer (added by the admin first). */
export async function asViewer(w: World): Promise<App> {
  const added = await w.app.call('members.add', { name: VIEWER.name, role: 'viewer', passphrase: VIEWER.passphrase });
  expect(added.ok, JSON.stringify(added)).toBe(true);
  const v = app();
  ok(await v.call('workspace.open', { path: w.path, passphrase: VIEWER.passphrase, memberName: VIEWER.name }));
  return v;
}
