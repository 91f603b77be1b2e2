/** The series of a chart, each with its swatch. */
export function ChartLegend({ items }: { items: readonly { id: string; label: string; series: number }[] }) {
  return (
    <ul className="act-legend" aria-label="Legend">
      {items.map((i) => (
        <li key={i.id} className="act-legend__item">
          <span className={`act-swatch act-series-${i.series}`} aria-hidden="true" />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
