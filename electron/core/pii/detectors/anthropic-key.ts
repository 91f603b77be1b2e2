import type { TokenRule } from './token-detector';

/** Anthropic API, admin and OAuth keys: sk-ant-api03-..., sk-ant-admin01-..., sk-ant-oat01-... */
export const anthropicKeyRule: TokenRule = {
  name: 'anthropic-key',
  kind: 'api_key',
  detail: 'Anthropic',
  prefix: 'sk-ant-',
  pattern: /(?<![\w-])sk-ant-(?:[a-z]{2,8}\d{0,3}-)?(?<body>[A-Za-z0-9_-]{20,300})(?![\w-])/y,
};
