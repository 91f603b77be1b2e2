import { toSegments, type Segment, type SpanRef } from '../common/segments';

/**
 * A search snippet cut into what the reader sees: plain runs, matched runs (the backend's
 * highlight offsets, already placed outside every mask) and mask chips. Offsets that run
 * backwards, overlap a mask or fall outside the text are ignored rather than trusted, so a
 * bad offset can never split a label or show text twice.
 */
export function snippetSegments(text: string, highlights: readonly { start: number; end: number }[], spans: readonly SpanRef[]): Segment[] {
  const ranges = [...highlights].filter((h) => h.start >= 0 && h.end > h.start && h.end <= text.length).sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  for (const seg of toSegments(text, spans)) {
    if (seg.kind !== 'text') {
      out.push(seg);
      continue;
    }
    const segEnd = seg.start + seg.text.length;
    let pos = seg.start;
    for (const r of ranges) {
      // Only highlights wholly inside this plain run: one that crosses into a mask is dropped.
      if (r.start < pos || r.end > segEnd) continue;
      if (r.start > pos) out.push({ kind: 'text', text: text.slice(pos, r.start), start: pos, hit: false });
      out.push({ kind: 'text', text: text.slice(r.start, r.end), start: r.start, hit: true });
      pos = r.end;
    }
    if (pos < segEnd) out.push({ kind: 'text', text: text.slice(pos, segEnd), start: pos, hit: false });
  }
  return out;
}
