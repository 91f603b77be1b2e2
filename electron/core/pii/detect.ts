import { anthropicKeyRule } from './detectors/anthropic-key';
import { awsAccessKeyRule } from './detectors/aws-access-key';
import { awsSecretKeyDetector } from './detectors/aws-secret-key';
import { cardDetector } from './detectors/card';
import { KIND_PRIORITY, type Detector } from './detectors/detector';
import { emailDetector } from './detectors/email';
import { githubTokenRule } from './detectors/github-token';
import { ipv4Detector } from './detectors/ipv4';
import { ipv6Detector } from './detectors/ipv6';
import { jwtRule } from './detectors/jwt';
import { numericRunsDetector } from './detectors/numeric-runs';
import { openaiKeyRule } from './detectors/openai-key';
import { phoneDetector } from './detectors/phone';
import { privateKeyDetector } from './detectors/private-key';
import { slackTokenRule } from './detectors/slack-token';
import { slackWebhookRule } from './detectors/slack-webhook';
import { ssnDetector } from './detectors/ssn';
import { stripeKeyRule } from './detectors/stripe-key';
import { tokenDetector } from './detectors/token-detector';
import type { PiiSpan } from './kinds';
import { resolveOverlaps } from './overlap';

/**
 * The passes over a text. Vendor tokens share one pass (their literal prefixes in one
 * alternation), and so do the values made of digits (one pass over runs of digits).
 * Order does not matter: overlaps are resolved by kind priority afterwards.
 */
export const DETECTORS: readonly Detector[] = [
  privateKeyDetector,
  // Anthropic before OpenAI: both keys start 'sk-'.
  tokenDetector('vendor-tokens', [anthropicKeyRule, openaiKeyRule, awsAccessKeyRule, githubTokenRule, slackTokenRule, slackWebhookRule, stripeKeyRule, jwtRule]),
  awsSecretKeyDetector,
  emailDetector,
  ipv6Detector,
  numericRunsDetector([cardDetector, ssnDetector, ipv4Detector, phoneDetector]),
];

/** Every piece of personal data and every secret in `text`: non-overlapping, sorted by start. */
export function detectPii(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const d of DETECTORS) d.find(text, spans);
  return resolveOverlaps(spans, KIND_PRIORITY);
}
