import type { SurfaceId } from '../routing/routes';

/** One line under each surface's title: what the surface is for. */
export const SURFACE_DESCRIPTIONS: Record<SurfaceId, string> = {
  workspace: 'The case open in this session, and who you are in it.',
  integrations: 'Vendor keys this case captures with.',
  content: 'Captured conversations, masked until a logged reveal.',
  search: 'Find messages across everything captured in this case.',
  activity: 'Usage, cost and activity reported by the vendors.',
  exports: 'Evidence bundles produced from this case.',
  verify: 'Prove the record has not been altered, offline.',
  audit: 'Every capture and sensitive action, in order.',
};
