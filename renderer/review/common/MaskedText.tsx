import { useMemo } from 'react';
import { chipAccessibleName, chipText } from './piiNames';
import { highlightSegments, toSegments, type SpanRef } from './segments';

/**
 * Text as the main process sent it, with each mask drawn as a chip that says what kind of
 * personal data it hides (and is read out that way). With `revealed`, the spans mark real
 * values instead, shown with a dashed outline so revealed data never looks like ordinary text.
 */
export function MaskedText({ text, spans, highlight = '', revealed = false, className }: { text: string; spans: readonly SpanRef[]; highlight?: string; revealed?: boolean; className?: string }) {
  const segments = useMemo(() => highlightSegments(toSegments(text, spans), highlight), [text, spans, highlight]);
  return (
    // dir=auto: a Hebrew or Arabic message reads right to left, an English one left to right.
    <span className={className} dir="auto">
      {segments.map((s) => {
        if (s.kind === 'text') return s.hit ? <mark key={s.start} className="find-hit">{s.text}</mark> : <span key={s.start}>{s.text}</span>;
        if (revealed) {
          return (
            <span key={s.start} className={`pii-revealed pii-revealed--${s.pii}`} title={`Revealed ${chipText(s.label).toLowerCase()}`}>
              {s.text}
            </span>
          );
        }
        const name = chipAccessibleName(s.pii, s.label);
        return (
          <span key={s.start} className={`pii-chip pii-chip--${s.pii}`} role="img" aria-label={name} title={name}>
            {chipText(s.label)}
          </span>
        );
      })}
    </span>
  );
}
