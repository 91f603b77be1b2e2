import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, startSim, type Sim } from './helpers';

let sim: Sim;
beforeAll(async () => {
  sim = await startSim({ sizes: { orgs: 2, users: 8, chats: 6, messages: 10 } });
});
afterAll(async () => {
  await sim.close();
});

const key = (): string => sim.keys.complianceFull;

describe('chat content shapes', () => {
  it('a soft-deleted chat stays listed with deleted_at, empty name, and messages with content [] and null file arrays', async () => {
    const chats = sim.truth('chats').tenants[0]?.orgs?.flatMap((o) => o.chats) ?? [];
    const gone = chats.find((c) => c.softDeleted);
    expect(gone).toBeDefined();
    const list = await call(sim, `/v1/compliance/apps/chats?user_ids[]=${gone?.userId}`, { key: key() });
    const listed = list.json.data.find((c: { id: string }) => c.id === gone?.id);
    expect(listed).toMatchObject({ name: '', deleted_at: gone?.deletedAt });
    const msgs = await call(sim, `/v1/compliance/apps/chats/${gone?.id}/messages`, { key: key() });
    expect(msgs.status).toBe(200);
    expect(msgs.json.chat_messages).toHaveLength(10);
    for (const m of msgs.json.chat_messages) expect(m).toEqual({ id: m.id, role: m.role, created_at: m.created_at, content: [], files: null, generated_files: null, artifacts: null });
  });

  it('legacy mode keeps a soft-deleted chat readable', async () => {
    const gone = sim.truth('chats').tenants[0]?.orgs?.flatMap((o) => o.chats).find((c) => c.softDeleted);
    await control(sim, 'POST', '/config', { softDeleteMode: 'legacy' });
    try {
      const msgs = await call(sim, `/v1/compliance/apps/chats/${gone?.id}/messages`, { key: key() });
      expect(msgs.json.name).toBe(gone?.name);
      expect(msgs.json.chat_messages.some((m: { content: unknown[] }) => m.content.length > 0)).toBe(true);
    } finally {
      await control(sim, 'POST', '/config', { softDeleteMode: 'empty' });
    }
  });

  it('file-only user messages come back with content [] (or no text block) and files set, as the truth says', async () => {
    const truth = sim.truth('hash');
    const chats = truth.tenants[0]?.orgs?.flatMap((o) => o.chats) ?? [];
    const target = chats.find((c) => !c.softDeleted && c.messages?.some((m) => m.kind === 'user_files_only'));
    const truthMsg = target?.messages?.find((m) => m.kind === 'user_files_only');
    const r = await call(sim, `/v1/compliance/apps/chats/${target?.id}/messages`, { key: key() });
    const m = r.json.chat_messages.find((x: { id: string }) => x.id === truthMsg?.id);
    expect(m.role).toBe('user');
    expect(m.content).toEqual([]);
    expect(m.files.map((f: { id: string }) => f.id)).toEqual(truthMsg?.fileIds);
    expect(m.files[0]).toEqual({ id: expect.stringMatching(/^claude_file_01/), filename: expect.any(String), mime_type: expect.any(String), size_bytes: expect.any(Number), md5: expect.stringMatching(/^[0-9a-f]{32}$/), created_at: expect.any(String) });
    const noTextBlock = chats.flatMap((c) => c.messages ?? []).find((x) => x.kind === 'user_files_tool_result');
    expect(noTextBlock?.fileOnly).toBe(true);
  });

  it('every message text the API returns hashes to the truth (text blocks joined by a blank line)', async () => {
    const truth = sim.truth('hash');
    const chat = truth.tenants[0]?.orgs?.[0]?.chats.find((c) => !c.softDeleted);
    const r = await call(sim, `/v1/compliance/apps/chats/${chat?.id}/messages`, { key: key() });
    for (const m of r.json.chat_messages) {
      const text = m.content.filter((b: { type: string }) => b.type === 'text').map((b: { text: string }) => b.text).join('\n\n');
      const t = chat?.messages?.find((x) => x.id === m.id);
      expect(t?.textSha256 ?? null).toBe(text === '' ? null : createHash('sha256').update(text).digest('hex'));
    }
  });

  it('assistant tool-only turns carry tool_use with a JSON-string input; long inputs are cut at the cap with truncated: true', async () => {
    const truth = sim.truth('text');
    const all = truth.tenants[0]?.orgs?.flatMap((o) => o.chats).filter((c) => !c.softDeleted) ?? [];
    const chat = all.find((c) => c.messages?.some((m) => m.kind === 'assistant_tools_only'));
    const r = await call(sim, `/v1/compliance/apps/chats/${chat?.id}/messages`, { key: key() });
    const tool = r.json.chat_messages.flatMap((m: { content: Array<{ type: string }> }) => m.content).find((b: { type: string }) => b.type === 'tool_use');
    expect(typeof tool.input).toBe('string');
    expect(tool).toMatchObject({ type: 'tool_use', truncated: expect.any(Boolean) });
    const capped = await call(sim, `/v1/compliance/apps/chats/${chat?.id}/messages?tool_use_input_max_chars=5`, { key: key() });
    const cut = capped.json.chat_messages.flatMap((m: { content: Array<{ type: string }> }) => m.content).find((b: { type: string }) => b.type === 'tool_use');
    expect(cut.input).toHaveLength(5);
    expect(cut.truncated).toBe(true);
  });

  it('an unknown chat is a 404 with the documented message', async () => {
    const r = await call(sim, '/v1/compliance/apps/chats/claude_chat_01nope/messages', { key: key() });
    expect(r.status).toBe(404);
    expect(r.json.error).toEqual({ type: 'not_found_error', message: 'Chat claude_chat_01nope not found.' });
  });
});

describe('files', () => {
  it('file content streams chunked with RFC 5987 disposition and a Content-MD5 of the bytes served', async () => {
    const truth = sim.truth('hash');
    const fileId = truth.tenants[0]?.orgs?.flatMap((o) => o.chats).flatMap((c) => c.messages ?? []).flatMap((m) => m.fileIds)[0];
    const meta = await call(sim, `/v1/compliance/apps/chats/files/${fileId}`, { key: key() });
    expect(meta.status).toBe(200);
    expect(meta.json).toMatchObject({ id: fileId, message_ids: [expect.any(String)], claude_chat_ids: [expect.any(String)] });
    const r = await fetch(`${sim.baseUrl}/v1/compliance/apps/chats/files/${fileId}/content`, { headers: { 'x-api-key': key() } });
    expect(r.status).toBe(200);
    expect(r.headers.get('transfer-encoding')).toBe('chunked');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename\*=utf-8''[\w%.\-!~]+$/);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(r.headers.get('content-md5')).toBe(createHash('md5').update(bytes).digest('base64'));
    expect(r.headers.get('content-type')).toBe(meta.json.mime_type);
  });

  it('files of a hard-deleted chat 404 with the documented message', async () => {
    const made = await control(sim, 'POST', '/chats', { userId: sim.truth('chats').tenants[0]?.orgs?.[0]?.users[0]?.id, messages: [{ role: 'user', files: ['scan.pdf'] }] });
    const chat = await call(sim, `/v1/compliance/apps/chats/${made.id}/messages`, { key: key() });
    const fileId = chat.json.chat_messages[0].files[0].id;
    expect((await call(sim, `/v1/compliance/apps/chats/files/${fileId}`, { key: key() })).status).toBe(200);
    await control(sim, 'DELETE', `/chats/${made.id}`);
    const r = await call(sim, `/v1/compliance/apps/chats/files/${fileId}`, { key: key() });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toBe('No file found with provided id, or it has already been deleted.');
  });
});

describe('projects, directory, settings', () => {
  it('a project with chats cannot be deleted (409), an empty one can', async () => {
    const projects = sim.world.tenants[0]?.orgs.flatMap((o) => o.projects) ?? [];
    const used = projects.find((p) => [...(sim.world.tenants[0]?.chats.all() ?? [])].some((c) => c.projectId === p.id));
    const r = await call(sim, `/v1/compliance/apps/projects/${used?.id}`, { key: key(), method: 'DELETE' });
    expect(r.status).toBe(409);
    expect(r.json.error).toEqual({ type: 'conflict_error', message: `The "${used?.id}" project cannot be deleted as it has chats attached to it. Delete or detach all chats, and try deleting the project again.` });
    const detail = await call(sim, `/v1/compliance/apps/projects/${used?.id}`, { key: key() });
    expect(detail.json.chats_count).toBeGreaterThan(0);
  });

  it('settings: bare UUID in organization_id; org_ ids, unknown uuids and garbage share one 404 body', async () => {
    const org = sim.truth('chats').tenants[0]?.orgs?.[0];
    const ok = await call(sim, `/v1/compliance/organizations/${org?.uuid}/settings`, { key: key() });
    expect(ok.json).toMatchObject({ type: 'effective_organization_settings', organization_id: org?.uuid });
    expect(ok.json.api_keys.every((k: { type: string }) => k.type === 'compliance_api_key')).toBe(true);
    expect(JSON.stringify(ok.json)).not.toContain(key());
    for (const v of [org?.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
      const r = await call(sim, `/v1/compliance/organizations/${v}/settings`, { key: key() });
      expect(r.status).toBe(404);
      expect(r.json.error.message).toBe(`organization \`${v}\` not found in this organization's hierarchy`);
    }
  });

  it('role and group lookups 404 with their own messages', async () => {
    const org = sim.truth('chats').tenants[0]?.orgs?.[0];
    expect((await call(sim, `/v1/compliance/organizations/${org?.uuid}/roles/rbac_role_01nope`, { key: key() })).json.error.message).toBe('Role not found.');
    expect((await call(sim, '/v1/compliance/groups/rbac_group_01nope', { key: key() })).json.error.message).toBe('Group not found.');
  });
});
