import { describe, expect, it } from 'vitest';
import { call, startSim, type Sim } from './helpers';

async function transcript(sim: Sim): Promise<string[]> {
  const k = sim.keys.complianceFull;
  const out: string[] = [];
  const chats = await call(sim, '/v1/compliance/apps/chats?limit=4', { key: k });
  out.push(chats.text, chats.headers.get('request-id') ?? '');
  for (const c of chats.json.data) out.push((await call(sim, `/v1/compliance/apps/chats/${c.id}/messages`, { key: k })).text);
  out.push((await call(sim, '/v1/compliance/activities?limit=50', { key: k })).text);
  out.push((await call(sim, '/v1/compliance/organizations', { key: k })).text);
  out.push((await call(sim, '/v1/organizations/cost_report?starting_at=2026-09-01T00:00:00Z&group_by[]=description', { key: sim.keys.anthropicAdmin })).text);
  out.push((await call(sim, `/v1/organization/audit_logs?limit=20`, { bearer: sim.keys.openaiAdmin })).text);
  return out;
}

describe('determinism', () => {
  it('the same seed and sizes give byte-identical responses, keys and request ids; another seed does not', async () => {
    const a = await startSim({ seed: 'same' });
    const b = await startSim({ seed: 'same' });
    const c = await startSim({ seed: 'other' });
    try {
      expect(b.keys).toEqual(a.keys);
      const ta = await transcript(a);
      expect(await transcript(b)).toEqual(ta);
      expect(c.keys.complianceFull).not.toBe(a.keys.complianceFull);
      expect((await transcript(c))[0]).not.toBe(ta[0]);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('the control token is fresh per launch even with the same seed', async () => {
    const a = await startSim({ seed: 'same' });
    const b = await startSim({ seed: 'same' });
    try {
      expect(a.controlToken).not.toBe(b.controlToken);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
