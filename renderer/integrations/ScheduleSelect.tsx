import { useId, useState } from 'react';
import { useApi } from '../api-context';
import { toFailure, type Failure } from '../errors/failure';
import { scheduleOptions, scheduleValue } from './captureFormat';
import { refreshCapture } from './captureStore';

/** How often the app pulls this organisation while it runs; saved as soon as it is chosen. */
export function ScheduleSelect({ tenantId, everyMinutes, disabled }: { tenantId: string; everyMinutes: number | null; disabled: boolean }) {
  const api = useApi();
  const id = useId();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const options = scheduleOptions(everyMinutes);

  const change = async (value: string) => {
    const minutes = options.find((o) => o.value === value)?.minutes ?? null;
    setSaving(true);
    setFailure(null);
    try {
      await api.capture.schedule({ tenantId, everyMinutes: minutes });
      await refreshCapture(api);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="schedule">
      <label htmlFor={id} className="schedule__label">
        Automatic pull
      </label>
      <select
        id={id}
        className="select"
        value={scheduleValue(everyMinutes)}
        onChange={(e) => void change(e.target.value)}
        disabled={disabled || saving}
        title={disabled ? 'Only an admin can change the schedule.' : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {failure && (
        <span className="schedule__error" role="alert">
          {failure.message}
        </span>
      )}
    </div>
  );
}
