import { useRef, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../ui/Icon';

export type WelcomeAction = 'create' | 'open' | 'demo';

const ACTIONS: readonly { id: WelcomeAction; label: string; icon: IconName }[] = [
  { id: 'create', label: 'Create a workspace', icon: 'plus' },
  { id: 'open', label: 'Open a workspace', icon: 'folderOpen' },
  { id: 'demo', label: 'Open the demo', icon: 'flask' },
];

export const tabId = (action: WelcomeAction) => `welcome-tab-${action}`;
export const panelId = (action: WelcomeAction) => `welcome-panel-${action}`;

/** The three ways in, as WAI-ARIA tabs: arrow keys move between them, Tab goes into the form. */
export function WelcomeActionTabs({ selected, onSelect }: { selected: WelcomeAction; onSelect(action: WelcomeAction): void }) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = ACTIONS.findIndex((a) => a.id === selected);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % ACTIONS.length
      : event.key === 'ArrowLeft' ? (index - 1 + ACTIONS.length) % ACTIONS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? ACTIONS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    const action = ACTIONS[next]!.id;
    onSelect(action);
    listRef.current?.querySelector<HTMLButtonElement>(`#${tabId(action)}`)?.focus();
  };

  return (
    <div ref={listRef} className="tabs" role="tablist" aria-label="Get started" onKeyDown={onKeyDown}>
      {ACTIONS.map((action) => (
        <button
          key={action.id}
          id={tabId(action.id)}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={selected === action.id}
          aria-controls={panelId(action.id)}
          tabIndex={selected === action.id ? 0 : -1}
          onClick={() => onSelect(action.id)}
        >
          <Icon name={action.icon} />
          {action.label}
        </button>
      ))}
    </div>
  );
}
