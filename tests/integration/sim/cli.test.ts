import { describe, expect, it } from 'vitest';
import { command } from '../../../electron/hosts/cli/sim';
import type { CliIO } from '../../../electron/hosts/cli/types';

function io(): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, isTTY: false, promptSecret: () => Promise.reject(new Error('no tty')) },
  };
}

async function waitFor<T>(fn: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}

describe('ogma sim', () => {
  it('prints exactly one JSON line with baseUrl, control token, the seven keys and the counts, serves, and stops on SIGTERM', async () => {
    const t = io();
    const running = command.run(['--seed', '5', '--orgs', '2', '--users', '3', '--chats', '2', '--messages', '4', '--no-rate-limit'], t.io);
    const line = await waitFor(() => t.out[0]);
    const info = JSON.parse(line);
    expect(Object.keys(info)).toEqual(['baseUrl', 'controlToken', 'keys', 'truth']);
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(info.keys).sort()).toEqual(['anthropicAdmin', 'claudeApi', 'complianceFull', 'complianceOrgOnly', 'complianceUserOnly', 'nonEnterpriseCompliance', 'openaiAdmin']);
    expect(info.keys.claudeApi).toMatch(/^sk-ant-api03-/);
    expect(info.keys.complianceFull).toMatch(/^sk-ant-api01-/);
    expect(info.keys.anthropicAdmin).toMatch(/^sk-ant-admin01-/);
    expect(info.keys.openaiAdmin).toMatch(/^sk-admin-/);
    expect(info.truth.counts).toMatchObject({ orgs: 3, chats: 12 + 6 });
    const r = await fetch(`${info.baseUrl}/v1/compliance/organizations`, { headers: { 'x-api-key': info.keys.complianceFull } });
    expect(r.status).toBe(200);
    const orgOnly = await fetch(`${info.baseUrl}/v1/compliance/apps/chats`, { headers: { 'x-api-key': info.keys.complianceOrgOnly } });
    expect(orgOnly.status).toBe(403);
    process.emit('SIGTERM', 'SIGTERM');
    await expect(running).resolves.toBe(0);
    expect(t.out).toHaveLength(1);
    await expect(fetch(`${info.baseUrl}/v1/compliance/organizations`)).rejects.toThrow();
  });

  it('refuses bad flags as usage errors', async () => {
    await expect(command.run(['--orgs', 'many'], io().io)).rejects.toMatchObject({ name: 'UsageError' });
    await expect(command.run(['--bogus'], io().io)).rejects.toMatchObject({ name: 'UsageError' });
    await expect(command.run(['--clock', 'sundial'], io().io)).rejects.toMatchObject({ name: 'UsageError' });
  });
});
