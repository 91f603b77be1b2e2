import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceService } from '../../../electron/services/workspace';
import { cleanup, connect, control, newWorkspace, pull, recordCounts, recordsOf, startSim, type Sim } from './helpers';
import { expectVaultEqualsTruth, truthMessages } from './truth';

/**
 * Changes upstream between two pulls, made through the simulator's control routes: a new
 * member with a new chat, a message added to a chat, an edited message, a chat soft-deleted
 * by its user, a chat hard-deleted through the Compliance API. The second pull captures
 * exactly those changes, each as what it is, and nothing else.
 */

let sim: Sim;
let ws: WorkspaceService;
let tenantId: string;

beforeAll(async () => {
  sim = await startSim({ seed: 'ogma-changes', sizes: { orgs: 2, users: 3, chats: 3, messages: 5 } });
  ws = await newWorkspace();
  tenantId = (await connect(ws, sim, 'anthropic-compliance', sim.keys.complianceFull)).tenantId;
});
afterAll(async () => {
  ws?.closeWorkspace();
  await sim?.close();
  cleanup();
});

describe('incremental capture', () => {
  it('given a captured tenant, when data is added, edited and deleted upstream, then the next pull captures only those changes, each correctly', async () => {
    expect((await pull(ws, tenantId)).status).toBe('complete');
    const before = sim.truth('text');
    const t = before.tenants.find((x) => x.plan === 'enterprise')!;
    const org = t.orgs![0]!;
    const live = t.orgs!.flatMap((o) => o.chats).filter((c) => !c.softDeleted && (c.messages ?? []).filter((m) => m.hasText).length >= 2);
    const [toAppend, toEdit, toSoftDelete, toHardDelete] = live;
    expect(toHardDelete).toBeDefined();
    const edited = toEdit!.messages!.find((m) => m.hasText)!;
    const kept = new Map(toSoftDelete!.messages!.filter((m) => m.hasText).map((m) => [m.id, m.text!] as const));
    const counts0 = recordCounts(ws, tenantId);

    sim.clock.advance(60_000);
    const user = await control(sim, 'POST', '/users', { org: org.uuid, fullName: 'Nora New', email: 'nora.new@acme-corp.com' });
    const chat = await control(sim, 'POST', '/chats', {
      userId: user.id,
      name: 'Vendor question',
      messages: [
        { role: 'user', text: 'Can you summarise the supplier contract terms?' },
        { role: 'assistant', text: 'The contract renews annually with a 60-day notice period.' },
        { role: 'user', files: ['contract.pdf'] },
      ],
    });
    await control(sim, 'POST', `/chats/${toAppend!.id}/messages`, { role: 'user', text: 'One more thing: what about the penalty clause?' });
    await control(sim, 'PATCH', `/chats/${toEdit!.id}/messages/${edited.id}`, { text: 'Edited: please use the revised figures from Q3.' });
    await control(sim, 'POST', `/chats/${toSoftDelete!.id}/soft-delete`, {});
    await control(sim, 'DELETE', `/chats/${toHardDelete!.id}`);

    const s = await pull(ws, tenantId);
    expect(s.status, JSON.stringify(s.errors)).toBe('complete');
    const counts1 = recordCounts(ws, tenantId);
    const delta = (type: string) => (counts1[type] ?? 0) - (counts0[type] ?? 0);
    // 2 texts of the new chat + 1 appended message + 1 new version of the edited one.
    expect(delta('message_captured')).toBe(4);
    expect(delta('message_superseded')).toBe(1);
    expect(delta('chat_flagged')).toBe(2);
    expect(delta('pull_completed')).toBe(1);
    expect(s.counts.messagesCaptured).toBe(3);
    expect(s.counts.messagesSuperseded).toBe(1);
    expect(s.counts.messagesSkipped).toEqual({ 'attachments-only': 1 });
    expect(s.counts.chatsNew).toBe(1);
    expect(s.counts.chatsSoftDeleted).toBe(1);
    expect(s.counts.chatsGone).toBe(1);
    // Only chats that changed were read again (new, appended, edited, soft-deleted).
    expect(s.counts.chatsFetched).toBe(4);

    // The edit: a new version pointing at the one it supersedes; the old one stays readable.
    const [sup] = recordsOf(ws, tenantId, 'message_superseded');
    expect(sup!.body).toMatchObject({ messageId: edited.id, supersededId: edited.id, newId: `${edited.id}~v2`, version: 2 });
    const old = ws.vault.getMessageText(tenantId, edited.id);
    expect(old).toEqual({ status: 'ok', text: edited.text });
    expect(ws.vault.db.prepare('SELECT superseded_by FROM messages WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, edited.id)).toBe(`${edited.id}~v2`);
    expect(ws.vault.getMessageText(tenantId, `${edited.id}~v2`)).toEqual({ status: 'ok', text: 'Edited: please use the revised figures from Q3.' });

    // The flags say what happened, and what was captured stays.
    const flags = recordsOf(ws, tenantId, 'chat_flagged').slice(-2).map((r) => r.body);
    expect(flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ chatId: toSoftDelete!.id, flag: 'soft_deleted', detectedBy: 'listing' }),
        expect.objectContaining({ chatId: toHardDelete!.id, flag: 'gone_at_source', detectedBy: 'reconcile' }),
      ]),
    );
    for (const m of toHardDelete!.messages!.filter((x) => x.hasText)) expect(ws.vault.getMessageText(tenantId, m.id)).toEqual({ status: 'ok', text: m.text });
    expect(truthMessages(sim.truth('text')).has(chat.messageIds[0])).toBe(true);

    expectVaultEqualsTruth(ws, tenantId, sim.truth('text'), { gone: [toHardDelete!.id], keptText: kept });

    // And a third pull with nothing new adds nothing.
    const counts2 = recordCounts(ws, tenantId);
    await pull(ws, tenantId);
    const counts3 = recordCounts(ws, tenantId);
    expect({ ...counts3, pull_completed: 0, activity_captured: 0 }).toEqual({ ...counts2, pull_completed: 0, activity_captured: 0 });
  });

  it('given a chat deleted upstream while it is being read (404), then it is flagged gone and what was captured stays', async () => {
    const t = sim.truth('text').tenants.find((x) => x.plan === 'enterprise')!;
    const target = t.orgs!.flatMap((o) => o.chats).find((c) => !c.softDeleted && (c.messages ?? []).some((m) => m.hasText))!;
    // The next list page still shows the chat (it changed), but the messages request finds it gone.
    sim.clock.advance(60_000);
    await control(sim, 'POST', `/chats/${target.id}/messages`, { role: 'assistant', text: 'A late reply.' });
    const realFetch = globalThis.fetch;
    let deleted = false;
    globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      if (!deleted && String(url).includes(`/apps/chats/${target.id}/messages`)) {
        deleted = true;
        await control(sim, 'DELETE', `/chats/${target.id}`);
      }
      return realFetch(url, init);
    }) as typeof fetch;
    try {
      const s = await pull(ws, tenantId);
      expect(s.status).toBe('complete');
      expect(s.counts.chatsGone).toBe(1);
    } finally {
      globalThis.fetch = realFetch;
    }
    const flag = recordsOf(ws, tenantId, 'chat_flagged').at(-1)!.body;
    expect(flag).toMatchObject({ chatId: target.id, flag: 'gone_at_source', detectedBy: 'not_found' });
    const row = ws.vault.db.prepare('SELECT gone_at_source FROM capture_chats WHERE tenant_id = ? AND id = ?').get(tenantId, target.id) as { gone_at_source: number };
    expect(row.gone_at_source).toBe(1);
    expect(ws.verifyChain().ok).toBe(true);
  });
});
