import type { Handlers, HostKind } from './handlers';
import { OgmaError } from '../../shared/api/errors';
import type { WorkspaceSummary as WorkspaceSummaryDto } from '../../shared/api/schemas';
import { EventBus } from './events';
import { RecentWorkspaces } from './recent';
import { appHome } from './app-home';
import { WorkspaceService, type WorkspaceServiceDeps } from './workspace';
import { WORKSPACE_TENANT, type KeychainProtector } from '../core/vault';
import { maskText } from '../core/pii';

export interface AppOptions {
  host: HostKind;
  version: string;
  home?: string;
  clock?: () => Date;
  /** The OS keychain, where the host has one (Electron's safeStorage). */
  keychain?: KeychainProtector;
  /** Passed to the workspace service (tests lower the scrypt cost here). */
  workspace?: Omit<WorkspaceServiceDeps, 'keychain'>;
}

/**
 * The services of one running app (one Electron main process, one browser host, one CLI
 * invocation), and the binding of the contract's calls to them. Hosts only dispatch.
 */
export class AppServices {
  readonly events = new EventBus();
  readonly recent: RecentWorkspaces;
  readonly clock: () => Date;
  readonly workspace: WorkspaceService;
  private demo = false;

  constructor(readonly options: AppOptions) {
    this.recent = new RecentWorkspaces(options.home ?? appHome());
    this.clock = options.clock ?? (() => new Date());
    // Text leaves the main process masked by the PII engine unless a logged reveal allowed it.
    this.workspace = new WorkspaceService({
      maskText: (text) => maskText(text).masked,
      ...options.workspace,
      ...(options.keychain ? { keychain: options.keychain } : {}),
    });
  }

  /** The open workspace as the contract describes it, or null. */
  currentSummary(): WorkspaceSummaryDto | null {
    let s;
    try {
      s = this.workspace.summary();
    } catch (e) {
      if (e instanceof OgmaError && e.code === 'NOT_OPEN') return null;
      throw e;
    }
    // The workspace's own log is kept as a pseudo-tenant; it is not a connected organisation.
    const tenants = this.workspace.vault.tenants.list().filter((t) => t.id !== WORKSPACE_TENANT).length;
    return { path: s.dir, name: s.name, id: s.workspaceId, member: s.member, isDemo: this.demo, tenants };
  }

  private entered(isDemo: boolean): WorkspaceSummaryDto {
    this.demo = isDemo;
    const summary = this.currentSummary();
    if (!summary) throw new OgmaError('INTERNAL', 'The workspace closed while it was being opened.');
    this.recent.remember({ path: summary.path, name: summary.name, isDemo }, this.clock());
    this.events.emit('workspace.changed', { workspace: summary });
    return summary;
  }

  handlers(): Handlers {
    const notYet = (what: string) => () => {
      throw new OgmaError('UNAVAILABLE', `${what} is not available in this build yet.`);
    };
    return {
      'app.info': () => ({
        name: 'Ogma Desk',
        version: this.options.version,
        host: this.options.host,
        platform: process.platform,
        keychainAvailable: this.options.keychain !== undefined && this.options.keychain.backend() !== 'basic_text',
      }),
      'workspace.recent': () => this.recent.list(),
      'workspace.current': () => this.currentSummary(),
      'workspace.create': async (req) => {
        await this.workspace.createWorkspace({ dir: req.path, name: req.name, memberName: req.memberName, passphrase: req.passphrase });
        return this.entered(false);
      },
      'workspace.open': async (req) => {
        await this.workspace.openWorkspace(req.path, req.passphrase, req.memberName);
        return this.entered(false);
      },
      'workspace.openDemo': notYet('The demo workspace'),
      'workspace.close': () => {
        const wasOpen = this.currentSummary() !== null;
        this.workspace.closeWorkspace();
        this.demo = false;
        if (wasOpen) this.events.emit('workspace.changed', { workspace: null });
        return { closed: wasOpen };
      },
      'members.list': () => this.workspace.listMembers().map((m) => ({ id: m.id, name: m.name, role: m.role })),
      'members.add': async (req) => {
        const m = await this.workspace.addMember(req);
        return { id: m.id, name: m.name, role: m.role };
      },
      'chain.verify': (req, ctx) => {
        const taskId = `verify-${this.clock().getTime()}`;
        let last = 0;
        const report = this.workspace.verifyChain({
          mode: req.mode,
          ...(req.tenantId ? { tenantId: req.tenantId } : {}),
          onProgress: (p) => {
            // Throttled: a progress event per 2,000 records is plenty for a bar.
            if (p.done - last < 2000) return;
            last = p.done;
            ctx.emit('progress', { taskId, title: 'Verifying the chain', phase: `${p.tenantId}: ${p.phase}`, done: p.done, total: null, rate: null, state: 'running' });
          },
        });
        ctx.emit('progress', { taskId, title: 'Verifying the chain', phase: 'done', done: report.tenants.reduce((n, t) => n + t.size, 0), total: null, rate: null, state: report.ok ? 'done' : 'failed' });
        return report;
      },
    };
  }
}
