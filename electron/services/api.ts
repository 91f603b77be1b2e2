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
import { ExportService } from './export';
import { verifyExportFile } from './verify';

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
  readonly exports: ExportService;
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
    this.exports = new ExportService({ workspace: this.workspace, clock: this.clock });
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
      'chain.verify': async (req, ctx) => {
        const taskId = `verify-${this.clock().getTime()}`;
        const title = 'Verifying the chain';
        let last = -Infinity;
        let lastTotal: number | null = null;
        let lastLog = '';
        let report;
        try {
          report = await this.workspace.verifyChainInSteps({
            mode: req.mode,
            ...(req.tenantId ? { tenantId: req.tenantId } : {}),
            onProgress: (p) => {
              lastTotal = p.total;
              // Throttled to about a hundred steps of the bar (and every new log), not one event per record.
              const step = Math.max(256, Math.floor((p.total ?? 0) / 100));
              if (p.done - last < step && p.tenantId === lastLog) return;
              last = p.done;
              lastLog = p.tenantId;
              ctx.emit('progress', { taskId, title, phase: `log ${p.index + 1} of ${p.of} (${p.tenantId}): ${p.phase}`, done: p.done, total: p.total, rate: null, state: 'running' });
            },
          });
        } catch (e) {
          // A bar left "running" would wait forever; the call's own error says why it stopped.
          ctx.emit('progress', { taskId, title, phase: 'stopped', done: Math.max(0, last), total: lastTotal, rate: null, state: 'failed', message: e instanceof OgmaError ? e.message : 'Verification stopped unexpectedly.' });
          throw e;
        }
        const done = report.tenants.reduce((n, t) => n + t.size - t.fromSeq, 0);
        ctx.emit('progress', { taskId, title, phase: 'done', done, total: lastTotal === null ? null : Math.max(lastTotal, done), rate: null, state: report.ok ? 'done' : 'failed' });
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
      'export.create': async (req, ctx) => {
        const taskId = req.taskId ?? `export-${this.clock().getTime()}`;
        const title = `Exporting (${req.format})`;
        let last = 0;
        try {
          const result = await this.exports.create(
            { ...req, taskId },
            {
              onProgress: (p) => {
                // Throttled: one event per 1,000 messages (and every phase change) is plenty for a bar.
                if (p.phase === 'reading' && p.done - last < 1000 && p.done !== p.total) return;
                last = p.done;
                ctx.emit('progress', { taskId, title, phase: p.phase, done: p.done, total: p.total, rate: null, state: 'running' });
              },
            },
          );
          ctx.emit('progress', { taskId, title, phase: 'done', done: result.counts.messages, total: result.counts.messages, rate: null, state: 'done' });
          return result;
        } catch (e) {
          const cancelled = e instanceof OgmaError && e.code === 'CANCELLED';
          ctx.emit('progress', { taskId, title, phase: cancelled ? 'cancelled' : 'failed', done: last, total: null, rate: null, state: cancelled ? 'cancelled' : 'failed', message: e instanceof Error ? e.message : String(e) });
          throw e;
        }
      },
      'export.cancel': (req) => ({ cancelled: this.exports.cancel(req.taskId) }),
      'verify.file': (req) => verifyExportFile(req),
    };
  }
}
