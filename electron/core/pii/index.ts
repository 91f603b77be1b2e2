/**
 * The PII engine: finds personal data and secrets in captured message text and masks
 * them for display. Pure and synchronous: no I/O, no state between calls. See README.md
 * for what each detector accepts and rejects, and why.
 */
export { PII_KINDS, PiiKind, type PiiSpan, type MaskedSpan, type MaskResult } from './kinds';
export { detectPii } from './detect';
export { maskText, maskLabel } from './mask';
export { luhnValid } from './rules/luhn';
export { cardIssuer } from './rules/card-issuers';
export { isPlausibleSsn } from './rules/ssn-rules';
export { parseIPv4, parseIPv6, formatIPv6, type IPv6 } from './rules/ip';
