import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../electron/core/sim';
import { AnthropicAdminClient } from '../../../electron/core/sources/anthropic-admin';
import { AnthropicComplianceClient } from '../../../electron/core/sources/anthropic-compliance';
import type { Chat, Organization } from '../../../electron/core/sources/anthropic-compliance-schemas';
import type { Clock } from '../../../electron/core/sources/clock';
import type { Exchange } from '../../../electron/core/sources/http';
import { checkKeyPlacement, classifyKey } from '../../../electron/core/sources/keys';
import {
  checkAnthropicAdminKey,
  checkAnthropicComplianceKey,
  checkOpenAIAdminKey,
  NOT_ENTERPRISE,
} from '../../../electron/core/sources/live-check';
import { messageText } from '../../../electron/core/sources/message-text';
import { OpenAIAdminClient } from '../../../electron/core/sources/openai-admin';
import { RateGovernor } from '../../../electron/core/sources/rate';
import { isSourceError } from '../../../electron/core/sources/source-error';

/**
 * The source clients against the real simulator (electron/core/sim) over HTTP on
 * 127.0.0.1. Client-side waits run on a clock 200× faster than real time, so a 25 s
 * retry-after costs 125 ms and the whole file stays quick.
 */

const SCALE = 200;
function fastClock(): Clock {
  const realStart = Date.now();
  return {
    now: () => realStart + (Date.now() - realStart) * SCALE,
    sleep: (ms, signal) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(resolve, Math.max(0, ms / SCALE));
        signal?.addEventListener('abort', () => {
          clearTimeout(t);
          reject(new Error('cancelled'));
        }, { once: true });
      }),
  };
}

let sim: RunningSimulator;
const fetchFn = (url: string, init: RequestInit) => fetch(url, init);

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const r = await fetch(`${sim.baseUrl}/_sim${path}`, {
    method,
    headers: { 'x-sim-control-token': sim.controlToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`control ${method} ${path} -> ${r.status} ${text}`);
  return JSON.parse(text) as unknown;
}

function opts(key: string, exchanges?: Exchange[]) {
  return {
    key: classifyKey(key).key,
    fetch: fetchFn,
    baseUrl: sim.baseUrl,
    clock: fastClock(),
    timeoutMs: 400_000, // 2 s of real time: generous on a loaded machine
    retry: { maxAttempts: 5 },
    ...(exchanges ? { onExchange: (e: Exchange) => exchanges.push(e) } : {}),
  };
}

const compliance = (key: string, exchanges?: Exchange[]) => new AnthropicComplianceClient(opts(key, exchanges));

beforeAll(async () => {
  sim = await startSimulator({ seed: 'ogma-sources', sizes: { orgs: 2, users: 3, chats: 3, messages: 5 } });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(async () => {
  await control('DELETE', '/faults');
});

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('against the simulator: live checks', () => {
  it('the built-in keys classify as the simulator made them', () => {
    expect(classifyKey(sim.keys.complianceFull).kind).toBe('anthropic-compliance');
    expect(classifyKey(sim.keys.anthropicAdmin).kind).toBe('anthropic-admin');
    expect(classifyKey(sim.keys.claudeApi).kind).toBe('anthropic-api');
    expect(classifyKey(sim.keys.openaiAdmin).kind).toBe('openai-admin');
    expect(checkKeyPlacement('anthropic-compliance', classifyKey(sim.keys.claudeApi))?.code).toBe('KEY_REJECTED');
  });

  it('a full Compliance key is accepted with both scopes and the Enterprise tenant\'s organisations', async () => {
    const r = await checkAnthropicComplianceKey(compliance(sim.keys.complianceFull), { classified: classifyKey(sim.keys.complianceFull) });
    const t1 = sim.truth('chats').tenants.find((t) => t.plan === 'enterprise')!;
    expect(r.orgs.map((o) => o.uuid).sort()).toEqual(t1.orgs!.map((o) => o.uuid).sort());
    expect(r.scopesFound).toEqual(expect.arrayContaining(['read:compliance_org_data', 'read:compliance_user_data']));
    expect(r.parentOrgLabel).toContain('(+1 linked organisation)');
    expect(JSON.stringify(r)).not.toContain(sim.keys.complianceFull);
  });

  it('half-scoped keys are refused naming the missing scope', async () => {
    const orgOnly = await checkAnthropicComplianceKey(compliance(sim.keys.complianceOrgOnly)).catch((e: unknown) => e);
    expect(isSourceError(orgOnly) && orgOnly.code).toBe('KEY_REJECTED');
    expect((orgOnly as Error).message).toContain('read:compliance_user_data');
    const userOnly = await checkAnthropicComplianceKey(compliance(sim.keys.complianceUserOnly)).catch((e: unknown) => e);
    expect((userOnly as Error).message).toContain('missing the scope read:compliance_org_data');
  });

  it('a non-Enterprise organisation is told the Compliance API is Enterprise-only', async () => {
    const e = await checkAnthropicComplianceKey(compliance(sim.keys.nonEnterpriseCompliance)).catch((x: unknown) => x);
    expect((e as Error).message.startsWith(NOT_ENTERPRISE)).toBe(true);
  });

  it('a revoked key is KEY_REJECTED, revoked or invalid', async () => {
    const made = (await control('POST', '/keys', { kind: 'compliance', scopes: ['read:compliance_org_data', 'read:compliance_user_data'], name: 'to revoke' })) as { key: string; id: string };
    const secret = made.key;
    expect(classifyKey(secret).kind).toBe('anthropic-compliance');
    await checkAnthropicComplianceKey(compliance(secret));
    await control('POST', '/keys/revoke', { key: made.id });
    const e = await checkAnthropicComplianceKey(compliance(secret)).catch((x: unknown) => x);
    expect(isSourceError(e) && e.code).toBe('KEY_REJECTED');
    expect((e as Error).message).toContain('revoked or is invalid');
    expect((e as Error).message).not.toContain(secret);
  });

  it('a Claude API key forced onto the Compliance API is KEY_REJECTED', async () => {
    const e = await checkAnthropicComplianceKey(compliance(sim.keys.claudeApi)).catch((x: unknown) => x);
    expect(isSourceError(e) && e.code).toBe('KEY_REJECTED');
  });

  it('the Admin key check reports the Console organisation', async () => {
    const r = await checkAnthropicAdminKey(new AnthropicAdminClient(opts(sim.keys.anthropicAdmin)), { nowMs: Date.parse('2026-09-20T00:00:00Z') });
    expect(r.org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.usageReportReadable).toBe(true);
  });

  it('the OpenAI Admin key check reads audit logs and costs', async () => {
    const r = await checkOpenAIAdminKey(new OpenAIAdminClient(opts(sim.keys.openaiAdmin)), { nowMs: Date.parse('2026-09-20T00:00:00Z') });
    expect(r.costsReadable).toBe(true);
    expect(r.auditLogsReadable).toBe(true);
  });
});

describe('against the simulator: capture walk', () => {
  it('walks every chat of the tenant exactly once and extracts exactly the text the ground truth holds', async () => {
    const client = compliance(sim.keys.complianceFull);
    const truth = sim.truth('hash');
    const t1 = truth.tenants.find((t) => t.plan === 'enterprise')!;
    const truthChats = new Map(t1.orgs!.flatMap((o) => o.chats).map((c) => [c.id, c]));

    const seen: Chat[] = [];
    for await (const page of client.walkChats({ limit: 4 })) seen.push(...page.items);
    expect(seen.map((c) => c.id).sort()).toEqual([...truthChats.keys()].sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);

    let texts = 0;
    let noText = 0;
    for (const chat of seen) {
      const { chat: full } = await client.getChatWithMessages(chat.id);
      const expected = truthChats.get(chat.id)!;
      expect(full.chat_messages.map((m) => m.id)).toEqual(expected.messages!.map((m) => m.id));
      for (const [i, msg] of full.chat_messages.entries()) {
        const want = expected.messages![i]!;
        const got = messageText(msg, full);
        if (want.hasText) {
          expect(got.kind).toBe('text');
          if (got.kind === 'text') expect(sha256(got.text)).toBe(want.textSha256);
          texts++;
        } else {
          expect(got.kind).toBe('no-text');
          if (got.kind === 'no-text') {
            if (want.contentRemoved) expect(got.reason).toBe('deleted-chat');
            if (want.fileOnly) expect(got.reason).toBe('attachments-only');
          }
          noText++;
        }
      }
    }
    expect(texts).toBe(t1.counts.textMessages);
    expect(noText).toBe(t1.counts.noTextMessages);
  });

  it('long chats page by page give the same messages as one whole-chat read', async () => {
    const client = compliance(sim.keys.complianceFull);
    let chatId = '';
    for await (const page of client.walkChats({ limit: 1 })) {
      chatId = page.items[0]!.id;
      break;
    }
    const { chat } = await client.getChatWithMessages(chatId);
    const paged: string[] = [];
    for await (const p of client.walkChatMessages(chatId, { limit: 2 })) paged.push(...p.items.map((m) => m.id));
    expect(paged).toEqual(chat.chat_messages.map((m) => m.id));
  });

  it('resuming from a stored chats cursor yields the rest, never a repeat', async () => {
    const client = compliance(sim.keys.complianceFull);
    const all: string[] = [];
    for await (const p of client.walkChats({ limit: 3 })) all.push(...p.items.map((c) => c.id));
    let cursor: string | null = null;
    const first: string[] = [];
    for await (const p of client.walkChats({ limit: 3 })) {
      first.push(...p.items.map((c) => c.id));
      cursor = p.cursor;
      break;
    }
    const rest: string[] = [];
    for await (const p of client.walkChats({ limit: 3, from: cursor! })) rest.push(...p.items.map((c) => c.id));
    expect([...first, ...rest]).toEqual(all);
  });

  it('organisations and users walk by page token', async () => {
    const client = compliance(sim.keys.complianceFull);
    const orgs: Organization[] = [];
    for await (const p of client.walkOrganizations({ limit: 1 })) orgs.push(...p.items);
    expect(orgs).toHaveLength(2);
    const users: string[] = [];
    for await (const p of client.walkOrgUsers(orgs[0]!.uuid, { limit: 2 })) users.push(...p.items.map((u) => u.id));
    const t1 = sim.truth('chats').tenants.find((t) => t.plan === 'enterprise')!;
    const org = t1.orgs!.find((o) => o.uuid === orgs[0]!.uuid)!;
    expect(users.sort()).toEqual(org.users.filter((u) => u.active).map((u) => u.id).sort());
  });
});

describe('against the simulator: faults', () => {
  it.each(['429', '500', '502', '503', '504', '529', 'reset', 'truncated', 'malformed'])('a %s is retried and the page still arrives', async (kind) => {
    await control('POST', '/faults', { queue: [kind, kind], pathPrefix: '/v1/compliance/' });
    const exchanges: Exchange[] = [];
    const client = compliance(sim.keys.complianceFull, exchanges);
    const orgs = [];
    for await (const p of client.walkOrganizations()) orgs.push(...p.items);
    expect(orgs).toHaveLength(2);
    expect(exchanges.map((e) => e.outcome)).toEqual(['retry', 'retry', 'ok']);
  });

  it('a slow answer times out and is retried', async () => {
    await control('POST', '/faults', { queue: ['slow'], slowMs: 4000, pathPrefix: '/v1/compliance/' });
    const exchanges: Exchange[] = [];
    const client = compliance(sim.keys.complianceFull, exchanges);
    for await (const _ of client.walkOrganizations()) break;
    expect(exchanges.map((e) => [e.outcome, e.reason ?? null])).toEqual([
      ['retry', 'timeout'],
      ['ok', null],
    ]);
  });

  it('a 500 with x-should-retry: false is not retried', async () => {
    await control('POST', '/faults', { queue: ['500_no_retry'], pathPrefix: '/v1/compliance/' });
    const exchanges: Exchange[] = [];
    const e = await compliance(sim.keys.complianceFull, exchanges).walkOrganizations().next().catch((x: unknown) => x);
    expect(isSourceError(e) && e.code).toBe('UPSTREAM');
    expect(exchanges).toHaveLength(1);
  });

  it('a persistent outage surfaces UPSTREAM after the bounded number of attempts', async () => {
    await control('POST', '/faults', { queue: Array.from({ length: 5 }, () => '503'), pathPrefix: '/v1/compliance/' });
    const exchanges: Exchange[] = [];
    const e = await compliance(sim.keys.complianceFull, exchanges).walkOrganizations().next().catch((x: unknown) => x);
    expect(isSourceError(e) && e.code).toBe('UPSTREAM');
    expect(exchanges).toHaveLength(5);
  });

  it('the governor learns the budget from the simulator\'s rate-limit headers', async () => {
    await control('POST', '/rate-limit', { perMinute: 100 });
    try {
      const clock = fastClock();
      const governor = new RateGovernor({ clock });
      const client = new AnthropicComplianceClient({ ...opts(sim.keys.complianceFull), clock, governor });
      for await (const _ of client.walkOrganizations()) break;
      expect(governor.status().budget).toBe(100);
      expect(governor.allowedPerWindow).toBe(50);
    } finally {
      await control('POST', '/rate-limit', { perMinute: 600 });
    }
  });
});

describe('against the simulator: activity feed, delete, admin reports', () => {
  it('the feed walks to older rows with after_id, each row once', async () => {
    const client = compliance(sim.keys.complianceFull);
    const ids: string[] = [];
    let pages = 0;
    for await (const p of client.walkActivities({ follow: 'after_id', limit: 50 })) {
      ids.push(...p.items.map((a) => a.id));
      if (++pages === 4) break;
    }
    expect(ids.length).toBeGreaterThan(50);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a hard delete is confirmed by the typed answer, and the chat is gone afterwards', async () => {
    const made = (await control('POST', '/keys', { kind: 'compliance', scopes: ['read:compliance_user_data', 'delete:compliance_user_data'], name: 'deleter' })) as { key: string };
    const client = compliance(made.key);
    let chatId = '';
    for await (const p of client.walkChats({ limit: 1 })) {
      chatId = p.items[0]!.id;
      break;
    }
    const done = await client.deleteChat(chatId);
    expect(done).toMatchObject({ id: chatId, type: 'claude_chat_deleted' });
    await expect(client.getChatWithMessages(chatId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Admin cost amounts stay decimal strings; OpenAI cost amounts get exact micro-dollars', async () => {
    const admin = new AnthropicAdminClient(opts(sim.keys.anthropicAdmin));
    const amounts: string[] = [];
    for await (const p of admin.walkCostReport({ startingAt: '2026-09-01T00:00:00Z', endingAt: '2026-09-08T00:00:00Z', groupBy: ['description'] })) {
      amounts.push(...p.items.flatMap((b) => b.results.map((r) => r.amount)));
    }
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => typeof a === 'string' && /^-?\d+(\.\d+)?$/.test(a))).toBe(true);

    const openai = new OpenAIAdminClient(opts(sim.keys.openaiAdmin));
    const results = [];
    for await (const p of openai.walkCosts({ startTime: Date.parse('2026-09-01T00:00:00Z') / 1000, endTime: Date.parse('2026-09-08T00:00:00Z') / 1000 })) {
      results.push(...p.items.flatMap((b) => b.results));
    }
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(Number.isInteger(r.amount.micro_units)).toBe(true);
  });

  it('OpenAI audit logs walk with after=<last_id>, each event once', async () => {
    const openai = new OpenAIAdminClient(opts(sim.keys.openaiAdmin));
    const ids: string[] = [];
    for await (const p of openai.walkAuditLogs({ limit: 7 })) ids.push(...p.items.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(7);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
