import type { TokenRule } from './token-detector';

/** AWS access key ids: AKIA (long-term) and ASIA (temporary, STS) followed by 16 upper-case characters. */
export const awsAccessKeyRule: TokenRule = {
  name: 'aws-access-key',
  kind: 'api_key',
  detail: 'AWS',
  prefix: 'AKIA|ASIA',
  // AWS's documentation id AKIAIOSFODNN7EXAMPLE is caught as a placeholder.
  pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)(?<body>[A-Z0-9]{16})(?![A-Za-z0-9])/y,
};
