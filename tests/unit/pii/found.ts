import { detectPii, type PiiKind } from '../../../electron/core/pii/index';

/** What the engine finds in `text`, as [kind, the matched text] pairs: easy to read in a failing test. */
export function found(text: string): Array<[PiiKind, string]> {
  return detectPii(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
}

/** The texts found of one kind. */
export function foundOf(kind: PiiKind, text: string): string[] {
  return found(text)
    .filter(([k]) => k === kind)
    .map(([, t]) => t);
}
