import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '../core/sim';
import type { WorkspaceService } from './workspace';
import type { IntegrationsService } from './integrations';
import type { CaptureService } from './capture';

/**
 * The embedded demo: the built-in simulator of the vendor APIs, and a demo workspace
 * connected to it, so a newcomer sees a capture happen within seconds. The demo's data is
 * synthetic and its passphrase is published here on purpose; it is never a real case.
 */
export const DEMO_PASSPHRASE = 'ogma demo workspace: synthetic data only';
export const DEMO_MEMBER = 'Demo investigator';
const DEMO_SEED = 7;
const DEMO_SIZES = { orgs: 2, users: 5, chats: 4, messages: 8 };

export interface DemoDeps {
  home: string;
  workspace: WorkspaceService;
  integrations: IntegrationsService;
  capture: CaptureService;
}

export class DemoService {
  private sim: RunningSimulator | null = null;

  constructor(private readonly deps: DemoDeps) {}

  get folder(): string {
    return join(this.deps.home, 'demo', 'Demo case.ogma');
  }

  /** Opens (or first creates) the demo workspace, points it at a running simulator, and starts a pull. */
  async open(): Promise<void> {
    const sim = await this.simulator();
    const { workspace, integrations, capture } = this.deps;
    if (existsSync(this.folder)) {
      await workspace.openWorkspace(this.folder, DEMO_PASSPHRASE, DEMO_MEMBER);
      // The simulator listens on a new port each launch; its seeded keys stay the same, so
      // the sealed keys still work and only the address changes.
      for (const t of integrations.list()) {
        for (const s of t.slots) integrations.setBaseUrl({ tenantId: t.tenantId, slot: s.slot, baseUrl: sim.baseUrl });
      }
    } else {
      await workspace.createWorkspace({ dir: this.folder, name: 'Demo case (synthetic data)', memberName: DEMO_MEMBER, passphrase: DEMO_PASSPHRASE });
      // The Admin key belongs to the same Anthropic organisation as the Compliance key; the
      // OpenAI organisation is a tenant of its own.
      const anthropic = await integrations.connectKey({ slot: 'anthropic-compliance', key: sim.keys.complianceFull, baseUrl: sim.baseUrl });
      await integrations.connectKey({ slot: 'anthropic-admin', key: sim.keys.anthropicAdmin, baseUrl: sim.baseUrl, tenantId: anthropic.tenantId });
      await integrations.connectKey({ slot: 'openai', key: sim.keys.openaiAdmin, baseUrl: sim.baseUrl });
    }
    capture.startPulls();
  }

  private async simulator(): Promise<RunningSimulator> {
    // One simulator per app process, with the real clock so the Activity Feed moves on.
    this.sim ??= await startSimulator({ seed: DEMO_SEED, sizes: DEMO_SIZES, clock: 'real' });
    return this.sim;
  }

  async dispose(): Promise<void> {
    await this.sim?.close();
    this.sim = null;
  }
}
