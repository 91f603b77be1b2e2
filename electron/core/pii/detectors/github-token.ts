import type { TokenRule } from './token-detector';

/** GitHub tokens: classic (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_), fine-grained (github_pat_). */
export const githubTokenRule: TokenRule = {
  name: 'github-token',
  kind: 'api_key',
  detail: 'GitHub',
  prefix: 'gh[pousr]_|github_pat_',
  pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_(?<body>[A-Za-z0-9]{36,251})|github_pat_[A-Za-z0-9_]{22,244})(?![A-Za-z0-9_])/y,
};
