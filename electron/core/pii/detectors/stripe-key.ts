import type { TokenRule } from './token-detector';

/** Stripe secret (sk_), restricted (rk_) and publishable (pk_) keys, live and test mode. */
export const stripeKeyRule: TokenRule = {
  name: 'stripe-key',
  kind: 'api_key',
  detail: 'Stripe',
  prefix: '[spr]k_(?:live|test)_',
  pattern: /(?<![A-Za-z0-9_])[spr]k_(?:live|test)_(?<body>[A-Za-z0-9]{10,247})(?![A-Za-z0-9_])/y,
};
