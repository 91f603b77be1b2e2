import type { Handlers, HostKind } from './handlers';
import { OgmaError } from '../../shared/api/errors';
import type { WorkspaceSummary as WorkspaceSummaryDto } from '../../shared/api/schemas';
import { EventBus } from './events';
import { RecentWorkspaces } from './recent';
import { appHome } from './app-home';
import { WorkspaceService, type WorkspaceServiceDeps } from './workspace';
import { WORKSPACE_TENANT, type KeychainProtector } from '../core/vault';
import { maskText } from '../core/pii';
import { IntegrationsService } from './integrations';
import { CaptureService } from './capture';
import { DemoService } from './demo';
import { ReviewService } from './review';

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
  readonly integrations: IntegrationsService;
  readonly capture: CaptureService;
  readonly demo: DemoService;
  readonly review: ReviewService;
  private isDemo = false;

  constructor(readonly options: AppOptions) {
    this.recent = new RecentWorkspaces(options.home ?? appHome());
    this.clock = options.clock ?? (() => new Date());
    // Text leaves the main process masked by the PII engine unless a logged reveal allowed it.
    this.workspace = new WorkspaceService({
      maskText: (text) => maskText(text).masked,
      ...options.workspace,
      ...(options.keychain ? { keychain: options.keychain } : {}),
    });
    this.integrations = new IntegrationsService(this.workspace);
    this.capture = new CaptureService({ workspace: this.workspace, events: this.events });
    this.demo = new DemoService({ home: options.home ?? appHome(), workspace: this.workspace, integrations: this.integrations, capture: this.capture });
    this.review = new ReviewService({ workspace: this.workspace });
  }

  /** Stops what runs in the background (pulls, the schedule, the demo simulator). */
  async dispose(): Promise<void> {
    this.capture.dispose();
    this.workspace.closeWorkspace();
    await this.demo.dispose();
  }

  /** Opens the embedded demo; what `workspace.openDemo` and `npm start` do. */
  async openDemo(): Promise<WorkspaceSummaryDto> {
    this.capture.dispose();
    await this.demo.open();
    return this.entered(true);
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
    return { path: s.dir, name: s.name, id: s.workspaceId, member: s.member, isDemo: this.isDemo, tenants };
  }

  private entered(isDemo: boolean): WorkspaceSummaryDto {
    this.isDemo = isDemo;
    this.capture.startScheduler();
    const summary = this.currentSummary();
    if (!summary) throw new OgmaError('INTERNAL', 'The workspace closed while it was being opened.');
    this.recent.remember({ path: summary.path, name: summary.name, isDemo }, this.clock());
    this.events.emit('workspace.changed', { workspace: summary });
    return summary;
  }

  handlers(): Handlers {
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
      'workspace.openDemo': () => this.openDemo(),
      'workspace.close': () => {
        const wasOpen = this.currentSummary() !== null;
        this.capture.dispose();
        this.workspace.closeWorkspace();
        this.isDemo = false;
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
      'integrations.list': () => this.integrations.list(),
      'integrations.connect': (req) => this.integrations.connectKey(req),
      'integrations.forget': (req) => this.integrations.forgetKey(req),
      'capture.pullNow': (req) => ({ tasks: this.capture.startPulls(req.tenantId ? { tenantId: req.tenantId } : {}).map(({ done: _done, ...t }) => t) }),
      'capture.cancel': (req) => ({ cancelled: this.capture.cancel(req.taskId) }),
      'capture.schedule': (req) => this.capture.setSchedule(req.tenantId, req.everyMinutes),
      'capture.status': () => this.capture.status(),
      'content.chats': (req) => this.review.chats(req),
      'content.facets': (req) => this.review.facets(req),
      'content.transcript': (req) => this.review.transcript(req),
      'content.reveal': (req) => this.review.reveal(req),
      'content.record': (req) => this.review.record(req),
      'search.query': (req) => this.review.searchMessages(req),
      'audit.records': (req) => this.review.auditRecords(req),
      'activity.query': (req) => this.review.activity(req),
      'activity.keyUsage': (req) => this.review.keyUsage(req),
      'usage.summary': (req) => this.review.usage(req),
    };
  }
}
