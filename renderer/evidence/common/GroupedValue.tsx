import { Fragment } from 'react';
import { readingGroups } from './readable';

/**
 * A hash or fingerprint in monospace, shown in short groups so two people can compare it
 * over the phone. The groups are inline spans spaced by CSS margins with <wbr> between them
 * (a place to wrap, but no character), so selecting and copying yields the exact value.
 */
export function GroupedValue({ value }: { value: string }) {
  const { prefix, groups } = readingGroups(value);
  return (
    <span className="grouped" title={value}>
      {prefix && <span className="grouped__prefix">{prefix}</span>}
      {groups.map((g, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="grouped__group">{g}</span>
        </Fragment>
      ))}
    </span>
  );
}
