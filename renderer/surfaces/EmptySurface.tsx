import { hrefFor, type SurfaceId } from '../routing/routes';
import { Icon } from '../ui/Icon';
import type { EmptyState } from './emptyStates';

/** A surface with nothing in it yet: says what will appear and the first step, not "coming soon". */
export function EmptySurface({ surface, state }: { surface: SurfaceId; state: EmptyState }) {
  return (
    <section className="empty panel" aria-labelledby="empty-title">
      <div className="empty__icon" aria-hidden="true">
        <Icon name={surface} size={22} />
      </div>
      <h2 id="empty-title" className="empty__title">
        {state.title}
      </h2>
      <p className="empty__body">{state.body}</p>
      <h3 className="empty__subtitle">{state.listTitle}</h3>
      <ul className="checklist">
        {state.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      {state.next && (
        <div className="empty__next">
          <Icon name="info" size={18} className="empty__next-icon" />
          <p>{state.next.text}</p>
          {state.next.link && (
            <a className="button button--secondary" href={hrefFor(state.next.link.surface)}>
              {state.next.link.label}
              <Icon name="arrowRight" size={15} />
            </a>
          )}
        </div>
      )}
    </section>
  );
}
