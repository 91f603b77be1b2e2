import { useEffect, useState } from 'react';
import type { RecentWorkspace } from '../../shared/api/schemas';
import { HostBadge } from '../frame/HostBadge';
import { ThemeToggle } from '../theme/ThemeToggle';
import { Icon } from '../ui/Icon';
import { CreateWorkspaceForm } from './CreateWorkspaceForm';
import { OpenDemoPanel } from './OpenDemoPanel';
import { OpenWorkspaceForm } from './OpenWorkspaceForm';
import { RecentWorkspaces } from './RecentWorkspaces';
import { WelcomeActionTabs, panelId, tabId, type WelcomeAction } from './WelcomeActionTabs';
import { useSession } from '../session/sessionStore';

/** The first screen when no workspace is open: what the product is, and the three ways in. */
export function WelcomeScreen() {
  const appInfo = useSession((s) => s.appInfo);
  const [action, setAction] = useState<WelcomeAction>('create');
  const [openPath, setOpenPath] = useState('');
  const [focusPassphraseToken, setFocusPassphraseToken] = useState(0);

  useEffect(() => {
    document.title = 'Ogma Desk';
  }, []);

  const pickRecent = (workspace: RecentWorkspace) => {
    setOpenPath(workspace.path);
    setAction('open');
    setFocusPassphraseToken((t) => t + 1);
  };

  return (
    <div className="welcome">
      <main className="welcome__main" aria-labelledby="welcome-title">
        <header className="welcome__intro">
          <div>
            <h1 id="welcome-title" className="welcome__title">
              <Icon name="mark" size={30} className="welcome__mark" />
              Ogma Desk
            </h1>
            <p className="welcome__purpose">
              Capture what your organisation’s people said to AI vendors, seal it in an encrypted, tamper-evident case
              vault, and review, export and verify it offline.
            </p>
          </div>
          <div className="welcome__controls">
            {appInfo && <HostBadge host={appInfo.host} />}
            <ThemeToggle />
          </div>
        </header>
        <div className="welcome__grid">
          <section className="panel welcome__actions" aria-label="Get started">
            <WelcomeActionTabs selected={action} onSelect={setAction} />
            {/* All three stay mounted (hidden when not selected) so switching tabs keeps what was typed. */}
            <div className="welcome__panel" role="tabpanel" id={panelId('create')} aria-labelledby={tabId('create')} hidden={action !== 'create'}>
              <CreateWorkspaceForm />
            </div>
            <div className="welcome__panel" role="tabpanel" id={panelId('open')} aria-labelledby={tabId('open')} hidden={action !== 'open'}>
              <OpenWorkspaceForm path={openPath} onPathChange={setOpenPath} focusPassphraseToken={focusPassphraseToken} />
            </div>
            <div className="welcome__panel" role="tabpanel" id={panelId('demo')} aria-labelledby={tabId('demo')} hidden={action !== 'demo'}>
              <OpenDemoPanel />
            </div>
          </section>
          <RecentWorkspaces onPick={pickRecent} />
        </div>
      </main>
      <footer className="welcome__footer">
        {appInfo ? `${appInfo.name} ${appInfo.version} · ${appInfo.platform}` : '\u00a0'}
        {appInfo?.host === 'electron' && !appInfo.keychainAvailable && ' · OS keychain unavailable: workspaces unlock with a passphrase only'}
      </footer>
    </div>
  );
}
