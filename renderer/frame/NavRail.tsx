import { hrefFor, SURFACES, type SurfaceDef, type SurfaceId } from '../routing/routes';
import { BrandMark } from '../ui/BrandMark';
import { Icon } from '../ui/Icon';
import { useSession } from '../session/sessionStore';

const GROUPS: readonly SurfaceDef['group'][] = ['Case', 'Capture', 'Review', 'Evidence'];

/** The fixed-width rail: every surface, grouped in the order an investigation runs. */
export function NavRail({ current }: { current: SurfaceId }) {
  const appInfo = useSession((s) => s.appInfo);
  return (
    <nav className="rail" aria-label="Surfaces">
      <div className="rail__brand">
        <BrandMark />
      </div>
      <div className="rail__groups">
        {GROUPS.map((group) => (
          <div key={group} className="rail__group" role="group" aria-labelledby={`rail-group-${group}`}>
            <p id={`rail-group-${group}`} className="rail__group-title">
              {group}
            </p>
            <ul className="rail__list">
              {SURFACES.filter((s) => s.group === group).map((surface) => (
                <li key={surface.id}>
                  <a className="rail__link" href={hrefFor(surface.id)} aria-current={surface.id === current ? 'page' : undefined}>
                    <Icon name={surface.id} size={17} />
                    {surface.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p className="rail__footer">{appInfo ? `Version ${appInfo.version}` : '\u00a0'}</p>
    </nav>
  );
}
