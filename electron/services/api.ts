import type { Handlers, HostKind } from './handlers';
import { OgmaError } from '../../shared/api/errors';
import { EventBus } from './events';
import { RecentWorkspaces } from './recent';
import { appHome } from './app-home';

export interface AppOptions {
  host: HostKind;
  version: string;
  home?: string;
  clock?: () => Date;
  keychainAvailable?: boolean;
}

/**
 * The services of one running app (one Electron main process, one browser host, one CLI
 * invocation), and the binding of the contract's calls to them. Hosts only dispatch.
 */
export class AppServices {
  readonly events = new EventBus();
  readonly recent: RecentWorkspaces;
  readonly clock: () => Date;

  constructor(readonly options: AppOptions) {
    this.recent = new RecentWorkspaces(options.home ?? appHome());
    this.clock = options.clock ?? (() => new Date());
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
        keychainAvailable: this.options.keychainAvailable ?? false,
      }),
      'workspace.recent': () => this.recent.list(),
      'workspace.current': () => null,
      'workspace.create': notYet('Creating a workspace'),
      'workspace.open': notYet('Opening a workspace'),
      'workspace.openDemo': notYet('The demo workspace'),
      'workspace.close': () => ({ closed: false }),
      'members.list': notYet('Listing members'),
      'members.add': notYet('Adding members'),
      'chain.verify': notYet('Chain verification'),
    };
  }
}
