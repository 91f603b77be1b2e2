import { useSession } from '../session/sessionStore';
import { Icon, type IconName } from '../ui/Icon';
import type { ThemePreference } from './themePreference';

const OPTIONS: readonly { value: ThemePreference; label: string; icon: IconName }[] = [
  { value: 'system', label: 'Match system theme', icon: 'monitor' },
  { value: 'light', label: 'Light theme', icon: 'sun' },
  { value: 'dark', label: 'Dark theme', icon: 'moon' },
];

/** Three pressed-state buttons: follow the system, or always light, or always dark. Remembered across restarts. */
export function ThemeToggle() {
  const preference = useSession((s) => s.themePreference);
  const setPreference = useSession((s) => s.setThemePreference);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segmented__button"
          aria-pressed={preference === option.value}
          aria-label={option.label}
          title={option.label}
          onClick={() => setPreference(option.value)}
        >
          <Icon name={option.icon} size={15} />
        </button>
      ))}
    </div>
  );
}
