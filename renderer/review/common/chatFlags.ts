import type { ChatRowDto } from '../../../shared/api/review-schemas';

/**
 * A chat's flags as badges: short text for a table cell, a full sentence for its accessible
 * name and tooltip. Order is by weight: content destroyed in the vault first, then what
 * happened at the vendor.
 */

export interface FlagBadge {
  key: 'deleted' | 'softDeleted' | 'goneAtSource' | 'hasSuperseded';
  short: string;
  full: string;
  tone: 'danger' | 'notice' | 'accent';
}

export function chatFlagBadges(flags: ChatRowDto['flags']): FlagBadge[] {
  const out: FlagBadge[] = [];
  if (flags.deleted) out.push({ key: 'deleted', short: 'Deleted', full: `Content deleted in this vault: ${flags.deleted.label}`, tone: 'danger' });
  if (flags.softDeleted) out.push({ key: 'softDeleted', short: 'Deleted at source', full: 'Deleted at source: the user deleted this chat at the vendor; what was captured before stays.', tone: 'notice' });
  if (flags.goneAtSource) out.push({ key: 'goneAtSource', short: 'Gone', full: 'Gone at source: the vendor no longer returns this chat; what was captured before stays.', tone: 'notice' });
  if (flags.hasSuperseded) out.push({ key: 'hasSuperseded', short: 'Edited', full: 'Edited upstream: a message was changed after it was captured; every version is kept.', tone: 'accent' });
  return out;
}
