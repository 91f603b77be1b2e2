import { Icon } from './Icon';

/** The product mark and name, as it appears at the top of the rail and the Welcome screen. */
export function BrandMark() {
  return (
    <span className="brand">
      <Icon name="mark" size={20} className="brand__icon" />
      <span className="brand__name">Ogma Desk</span>
    </span>
  );
}
