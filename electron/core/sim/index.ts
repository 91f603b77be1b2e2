/** The vendor-API simulator: Anthropic Compliance + Admin APIs and the OpenAI Admin API. See docs/simulator.md. */
export { startSimulator, type RunningSimulator, type StartOptions } from './start';
export { ManualClock, RealClock, type SimClock } from './clock';
export type { GroundTruth, TruthCounts, TruthDetail, TenantTruth, OrgTruth, ChatTruth, MessageTruth, UserTruth } from './model/truth';
export type { SimKeys, SimSizes, Plan } from './types';
export { DEFAULT_SIZES, COMPLIANCE_SCOPES } from './types';
export { FAULT_KINDS, type FaultKind, type FaultSettings } from './http/faults';
export type { PiiKind, NegativeKind } from './data/pii';
