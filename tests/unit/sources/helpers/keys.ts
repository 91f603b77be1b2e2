import { classifyKey } from '../../../../electron/core/sources/keys';
import type { SecretKey } from '../../../../electron/core/sources/secret';

/** Test keys: realistic prefixes and lengths, obviously fake bodies. */
export const COMPLIANCE_KEY = 'sk-ant-api01-TESTcomplianceKEYbodyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-Wx9z';
export const ADMIN_KEY = 'sk-ant-admin01-TESTadminKEYbodyBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB-Qr7t';
export const CLAUDE_API_KEY = 'sk-ant-api03-TESTclaudeApiKEYbodyCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC-Jk2m';
export const OPENAI_ADMIN_KEY = 'sk-admin-TESTopenaiAdminKEYbodyDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD-Lp4n';
export const OPENAI_PROJECT_KEY = 'sk-proj-TESTopenaiProjectKEYbodyEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE-Zz1a';
export const OPENAI_USER_KEY = 'sk-TESTopenaiLegacyUserKEYbodyFFFFFFFFFFFFFFFFFFFF9b8c';

export function secretOf(raw: string): SecretKey {
  return classifyKey(raw).key;
}
