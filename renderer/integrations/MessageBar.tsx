import { formatCount, messageSegments } from './captureFormat';
import type { PullSummary } from './captureStore';

/** What became of the messages a pull saw, as one stacked bar with a legend (no chart library). */
export function MessageBar({ counts }: { counts: PullSummary['counts'] }) {
  const segments = messageSegments(counts);
  const total = segments.reduce((a, s) => a + s.value, 0);
  if (total === 0) return <p className="muted msgbar__none">No messages seen in this pull.</p>;
  let x = 0;
  return (
    <figure className="msgbar">
      <svg className="msgbar__svg" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={segments.map((s) => `${s.label} ${s.value}`).join(', ')}>
        {segments.map((s) => {
          const w = (s.value / total) * 100;
          const rect = <rect key={s.key} x={x} y={0} width={w} height={8} className={`msgbar__seg msgbar__seg--${s.tone}`} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption className="msgbar__legend">
        {segments.map((s) => (
          <span key={s.key} className="msgbar__item">
            <span className={`msgbar__swatch msgbar__seg--${s.tone}`} aria-hidden="true" />
            {s.label} <span className="num msgbar__value">{formatCount(s.value)}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
