import { useMemo } from 'react';
import { chipAccessibleName, chipText } from '../common/piiNames';
import type { SpanRef } from '../common/segments';
import { snippetSegments } from './snippetSegments';

/** A masked snippet with the matched words marked and each mask drawn as a chip naming what it hides. */
export function SnippetText({ text, highlights, spans }: { text: string; highlights: readonly { start: number; end: number }[]; spans: readonly SpanRef[] }) {
  const segments = useMemo(() => snippetSegments(text, highlights, spans), [text, highlights, spans]);
  return (
    <span className="snippet">
      {segments.map((s) => {
        if (s.kind === 'text') return s.hit ? <mark key={s.start} className="snippet__hit">{s.text}</mark> : <span key={s.start}>{s.text}</span>;
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
