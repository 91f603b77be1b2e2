import type { TokenRule } from './token-detector';

/**
 * JSON Web Tokens (JWS compact form): three base64url parts, the first of which decodes
 * to a JSON object naming its algorithm. Every JWT header starts '{"', which is why
 * every token starts 'eyJ'; the decode check rejects look-alikes.
 */
export const jwtRule: TokenRule = {
  name: 'jwt',
  kind: 'secret',
  detail: 'JWT',
  prefix: 'eyJ',
  pattern: /(?<![\w-])(?<head>eyJ[A-Za-z0-9_-]{8,})\.(?<body>[A-Za-z0-9_-]{2,})\.[A-Za-z0-9_-]*(?![\w-])/y,
  accept: (m) => headerNamesAlgorithm(m.groups!.head!),
};

function headerNamesAlgorithm(part: string): boolean {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
}
