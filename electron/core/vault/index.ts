/**
 * The case vault: an encrypted workspace folder (keyslots, SQLCipher database, sealed
 * blobs, signed heads), its key hierarchy, sealed credentials, content store, search
 * index, deletion primitives and verification. See docs/vault.md.
 */
export { Vault, type VaultDeps, type Unlock, type CreateVaultInput, type VerifyReport, type WorkspaceProblem } from './vault';
export { type KeychainProtector, type Role, ROLES, REFUSED_KEYCHAIN_BACKENDS, MIN_PASSPHRASE_LENGTH, readKeyslots, unlockWithPassphrase } from './keyslots';
export { type Member, checkMemberName } from './members';
export { type TenantInfo, type SubjectInfo, logOrigin } from './tenants';
export {
  type DeletedContent,
  type DeletionKind,
  type MessageText,
  type CaptureMessageInput,
  type CapturedMessage,
  type MessageCapturedBody,
  describeDeleted,
} from './content';
export { type CredentialInfo } from './credentials';
export { type AppendedRecord, type StoredCheckpoint, type RecordBody } from './chainstore';
export { type SubjectDataEraser, type SubjectErasure, type TenantShredding } from './erasure';
export { type TenantVerdict, type VerifyProblem, type VaultProblemCode, type VerifyOptions } from './verify';
export { type Clock, systemClock, WORKSPACE_TENANT } from './context';
export { type RandomSource, type ScryptParams, DEFAULT_SCRYPT, systemRandom } from './crypto';
export { FILES, readManifest, workspacePaths, type Manifest } from './layout';
export { databaseKey, openDatabase } from './db';
