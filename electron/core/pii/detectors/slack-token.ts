import type { TokenRule } from './token-detector';

/** Slack tokens: bot (xoxb-), user (xoxp-), app-level configuration (xoxa-), refresh (xoxr-), legacy workspace (xoxs-). */
export const slackTokenRule: TokenRule = {
  name: 'slack-token',
  kind: 'api_key',
  detail: 'Slack',
  prefix: 'xox[baprs]-',
  pattern: /(?<![\w-])xox[baprs]-(?<body>[A-Za-z0-9-]{10,250})(?![\w-])/y,
  accept: (m) => /[0-9]/.test(m.groups!.body!),
};
