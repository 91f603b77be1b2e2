import type { AppInfo } from '../session/sessionStore';
import { Icon } from '../ui/Icon';

const HOST_LABELS: Record<AppInfo['host'], { label: string; title: string }> = {
  electron: { label: 'Desktop app', title: 'Running in the Ogma Desk desktop app' },
  web: { label: 'Browser host', title: 'Served to this browser by the local Ogma Desk browser host (127.0.0.1)' },
  cli: { label: 'Command line', title: 'Served by the ogma command' },
};

/** Where the services run for this window: the desktop app or the local browser host. */
export function HostBadge({ host }: { host: AppInfo['host'] }) {
  const { label, title } = HOST_LABELS[host];
  return (
    <span className="badge badge--outline" title={title}>
      <Icon name="monitor" size={13} />
      {label}
    </span>
  );
}
