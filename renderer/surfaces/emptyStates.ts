import type { Role } from '../../shared/api/schemas';
import type { SurfaceId } from '../routing/routes';

export interface EmptyState {
  title: string;
  /** What this surface is for, once there is something to show. */
  body: string;
  listTitle: string;
  /** What will appear here (or, for Integrations, what can be connected), concretely. */
  items: string[];
  /** The first thing to do, and where, when there is a place to go for it. */
  next: { text: string; link?: { surface: SurfaceId; label: string } } | null;
}

export interface WorkspaceFacts {
  tenants: number;
  role: Role;
}

const WILL_APPEAR = 'What will appear here';

/** Nothing is captured until an organisation is connected, and only an admin can connect one. */
function captureFirst(facts: WorkspaceFacts): EmptyState['next'] {
  if (facts.role !== 'admin') {
    return { text: 'An admin of this workspace connects the vendor keys and runs captures; this fills in after that.' };
  }
  if (facts.tenants === 0) {
    return { text: 'Connect a vendor key in Integrations to start capturing.', link: { surface: 'integrations', label: 'Go to Integrations' } };
  }
  return { text: 'Run a capture from Integrations; results appear as each page is sealed.', link: { surface: 'integrations', label: 'Go to Integrations' } };
}

/** The purposeful empty state of every surface but Workspace: what will be here and what to do first. */
export function emptyStateFor(surface: Exclude<SurfaceId, 'workspace'>, facts: WorkspaceFacts): EmptyState {
  switch (surface) {
    case 'integrations':
      return {
        title: facts.tenants > 0 ? `${facts.tenants} organisation${facts.tenants === 1 ? '' : 's'} connected` : 'No vendor connected yet',
        body: 'The vendor keys this case captures with. Each key is checked live against the vendor, sealed in the workspace vault, and never shown again.',
        listTitle: 'Keys you can connect',
        items: [
          'Anthropic Compliance Access Key (sk-ant-api01-…), made in claude.ai > Organization settings > API: organisations, users, chats, messages and the Activity Feed',
          'Anthropic Admin key (sk-ant-admin01-…), made in Claude Console > Settings > Admin keys: usage and cost, members, workspaces, API key metadata',
          'OpenAI Admin key (sk-admin-…), made by an Organization Owner: costs and audit-log events, never content',
        ],
        next:
          facts.role === 'admin'
            ? { text: 'Have the key ready to paste: the vendor shows it only once, when it is made.' }
            : { text: 'Only an admin can connect or remove keys; you will see here which ones are connected.' },
      };
    case 'content':
      return {
        title: 'Nothing captured yet',
        body: 'Captured conversations, by organisation, user and chat. Message text stays masked until a reveal, and every reveal is recorded in the audit log.',
        listTitle: WILL_APPEAR,
        items: ['Chats with their messages, model and timestamps', 'Masked personal data, with logged reveal', 'Selection of messages for an export'],
        next: captureFirst(facts),
      };
    case 'search':
      return {
        title: 'Nothing to search yet',
        body: 'Search across captured messages by words, user, model and date. The index is built inside the encrypted vault as content is captured.',
        listTitle: WILL_APPEAR,
        items: ['Matching messages with their chat and user', 'Filters for organisation, user, model and time window'],
        next: captureFirst(facts),
      };
    case 'activity':
      return {
        title: 'No usage or activity yet',
        body: 'Usage and cost reports, member and API key metadata, and the vendors’ activity and audit-log events. None of it includes message content.',
        listTitle: WILL_APPEAR,
        items: ['Usage and cost over time, per workspace and model', 'Activity Feed and audit-log events', 'Members and API keys of the connected organisations'],
        next: captureFirst(facts),
      };
    case 'exports':
      return {
        title: 'No exports yet',
        body: 'An export is a self-verifying evidence bundle: the selected messages with their chain records, inclusion proofs and signed checkpoints, Bates-numbered for production.',
        listTitle: WILL_APPEAR,
        items: ['Every bundle produced from this workspace, who made it and when', 'Its Bates range and checkpoint, to hand over with it'],
        next:
          facts.tenants > 0
            ? { text: 'Select messages in Content to build the first bundle.', link: { surface: 'content', label: 'Go to Content' } }
            : captureFirst(facts),
      };
    case 'verify':
      return {
        title: 'Nothing verified yet',
        body: 'Check this workspace’s tamper-evident chain, or an export bundle received from someone else, entirely offline. Any problem found names the record and what it affects.',
        listTitle: WILL_APPEAR,
        items: ['A verdict per organisation: records checked, signed checkpoints, Merkle root', 'The first broken record, if any, and what it affects'],
        next: facts.tenants > 0 ? null : captureFirst(facts),
      };
    case 'audit':
      return {
        title: 'No recorded actions yet',
        body: 'Every capture, reveal, deletion, export and membership change is appended to a per-organisation log that cannot be edited without detection.',
        listTitle: WILL_APPEAR,
        items: ['Who did what, when, and to which records', 'The checkpoint that seals each entry'],
        next: facts.tenants > 0 ? null : captureFirst(facts),
      };
  }
}
