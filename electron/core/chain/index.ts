/**
 * Tamper-evidence core: canonical record encoding, RFC 9162 Merkle trees, salted text
 * commitments, signed checkpoints (C2SP signed-note) and verification of a tenant's log.
 * Pure: no I/O, no database, no Electron. Callers (the vault's chain store, the bundle
 * verifier, the CLI) own storage and hand bytes in.
 */
export { canonicalize, type JsonValue } from './canonical';
export {
  leafHash,
  nodeHash,
  merkleRoot,
  inclusionProof,
  verifyInclusion,
  consistencyProof,
  verifyConsistency,
  MerkleFrontier,
  MerkleTree,
  EMPTY_ROOT,
} from './merkle';
export {
  RECORD_TYPES,
  type RecordType,
  type ChainRecord,
  ChainRecordSchema,
  encodeRecord,
  recordLeafHash,
  GENESIS_PREV,
  isRecordTime,
} from './record';
export { messageSalt, textCommitment, checkCommitment } from './commitment';
export {
  type Checkpoint,
  type SigningKey,
  type CheckpointResult,
  generateSigningKey,
  signingKeyFromPkcs8,
  publicKeyFingerprint,
  signCheckpoint,
  verifyCheckpoint,
  readUnverifiedCheckpoint,
} from './checkpoint';
export {
  type ChainProblem,
  type ChainProblemCode,
  type VerifyState,
  type ChainVerdict,
  type VerifyRecordStreamInput,
  verifyRecordStream,
} from './verify';
export { verifyRecordStreamParallel, type ParallelOptions } from './parallel';
export { LeafHashPool } from './leaf-pool';
