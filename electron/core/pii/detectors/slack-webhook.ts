import type { TokenRule } from './token-detector';

/** Slack incoming-webhook and workflow URLs: anyone holding the URL can post to the channel. */
export const slackWebhookRule: TokenRule = {
  name: 'slack-webhook',
  kind: 'secret',
  detail: 'Slack webhook',
  prefix: String.raw`https?://hooks\.slack\.com/`,
  pattern: /https?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<body>[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{8,})(?![\w/-])/y,
};
