import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../electron/core/pii/index';
import { found } from './found';

// Synthetic, random-looking bodies (not real credentials).
const B = 'Zq3xK9mP2vR7tW1yB4nC8dF6gH0jL5sA';
const ANTHROPIC = `sk-ant-api03-${B}${B}${B}-Qx7AA`;
const ANTHROPIC_ADMIN = `sk-ant-admin01-${B}${B}-AA`;
const OPENAI_PROJ = `sk-proj-${B}T3BlbkFJ${B}`;
const OPENAI_LEGACY = `sk-${B.slice(0, 20)}T3BlbkFJ${B.slice(0, 20)}`;
const AWS_ID = 'AKIAZ7Q2M4N6P8R3T5V7';
const AWS_TEMP = 'ASIAQ3W5E7R2T4Y6U8I2';
const AWS_SECRET = 'k7Hq2Zr9Xw4Lm8Np3Vt6Bc1Df5Gh0Js+Ya/Ee2Rr';
const GITHUB = `ghp_${B}Ab12`;
const GITHUB_PAT = `github_pat_11ABCDEFG0123456789XYZ_${B}${B.slice(0, 27)}`;
const SLACK = 'xoxb-123456789012-1234567890123-Zq3xK9mP2vR7tW1yB4nC8dF6';
const WEBHOOK = 'https://hooks.slack.com/services/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';
const STRIPE = `sk_live_${B.slice(0, 24)}`;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '1234567890', iat: 1767225600 })}.${B}Xy12-_ab9`;
const PEM_BODY = `${B}${B}\n${B}${B}\n${B.slice(0, 20)}==`;

describe('vendor keys', () => {
  it.each([
    [ANTHROPIC, 'api_key', 'Anthropic'],
    [ANTHROPIC_ADMIN, 'api_key', 'Anthropic'],
    [OPENAI_PROJ, 'api_key', 'OpenAI'],
    [OPENAI_LEGACY, 'api_key', 'OpenAI'],
    [`sk-admin-${B}${B}`, 'api_key', 'OpenAI'],
    [AWS_ID, 'api_key', 'AWS'],
    [AWS_TEMP, 'api_key', 'AWS'],
    [GITHUB, 'api_key', 'GitHub'],
    [`gho_${B}Zz99`, 'api_key', 'GitHub'],
    [`ghs_${B}Zz99`, 'api_key', 'GitHub'],
    [GITHUB_PAT, 'api_key', 'GitHub'],
    [SLACK, 'api_key', 'Slack'],
    [STRIPE, 'api_key', 'Stripe'],
    [`rk_test_${B.slice(0, 24)}`, 'api_key', 'Stripe'],
    [`pk_live_${B.slice(0, 24)}`, 'api_key', 'Stripe'],
    [WEBHOOK, 'secret', 'Slack webhook'],
    [JWT, 'secret', 'JWT'],
  ])('given %s in a sentence, then it is found whole as %s (%s)', (key, kind, detail) => {
    const text = `here: "${key}", ok`;
    const spans = detectPii(text);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind, detail, start: 7, end: 7 + key.length });
    expect(spans[0]!.value).toBeUndefined(); // no second copy of a secret
  });

  it('finds an AWS secret access key only with AWS context', () => {
    expect(found(`aws_secret_access_key = ${AWS_SECRET}`)).toEqual([['secret', AWS_SECRET]]);
    expect(found(`"SecretAccessKey": "${AWS_SECRET}"`)).toEqual([['secret', AWS_SECRET]]);
    expect(found(`${AWS_ID}\n${AWS_SECRET}`)).toEqual([
      ['api_key', AWS_ID],
      ['secret', AWS_SECRET],
    ]);
    expect(found(`random blob ${AWS_SECRET}`)).toEqual([]);
  });

  it('does not cut an AWS-secret-shaped piece out of a longer token', () => {
    expect(found(`key ${OPENAI_PROJ}`)).toEqual([['api_key', OPENAI_PROJ]]);
    expect(found(`aws secret ${AWS_SECRET}abc`)).toEqual([]);
  });

  it.each([
    ['YOUR_API_KEY'],
    ['sk-ant-xxxx...'],
    ['sk-ant-api03-...'],
    ['sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['sk-ant-api03-REPLACE_ME_WITH_YOUR_KEY_000000000000'],
    ['<API_KEY>'],
    ['sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    ['sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'],
    ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['xoxb-your-token-here'],
    ['AKIAIOSFODNN7EXAMPLE'],
    ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['${ANTHROPIC_API_KEY}'],
    ['eyJhbGciOi...'],
    ['task-manager-for-everyone-in-the-team-v2'],
    ['sk-learn is a library'],
    ['aws secret 3f786850e387550fdab836ed7e6dc881de23001b'],
  ])('given the placeholder or look-alike %j, then nothing is found', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('JWT', () => {
  it('needs a header that decodes to JSON naming an algorithm', () => {
    const noAlg = `${b64({ typ: 'JWT' })}.${b64({ sub: 'x' })}.${B}`;
    const notJson = `eyJub3QganNvbg.${b64({ sub: 'x' })}.${B}`;
    expect(found(noAlg)).toEqual([]);
    expect(found(notJson)).toEqual([]);
  });

  it('accepts an unsigned token (alg none, empty signature)', () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64({ sub: 'x', admin: true })}.`;
    expect(found(`token ${unsigned} end`)).toEqual([['secret', unsigned]]);
  });
});

describe('private key blocks', () => {
  it.each(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'])('finds a multi-line %s block whole', (label) => {
    const block = `-----BEGIN ${label}-----\n${PEM_BODY}\n-----END ${label}-----`;
    const text = `key:\n${block}\nthanks`;
    expect(found(text)).toEqual([['private_key', block]]);
  });

  it('finds a PGP private key block with its armour headers', () => {
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${PEM_BODY}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(found(block)).toEqual([['private_key', block]]);
  });

  it('finds a block written with \\n escapes inside JSON', () => {
    const block = `-----BEGIN PRIVATE KEY-----\\n${PEM_BODY.replace(/\n/g, '\\n')}\\n-----END PRIVATE KEY-----\\n`.replace(/\\n$/, '');
    expect(found(`{"private_key": "${block}"}`)).toEqual([['private_key', block]]);
  });

  it('masks a block pasted without its END line up to the last line of key text', () => {
    const partial = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}`;
    expect(found(`${partial}\n\nwhat is this?`)).toEqual([['private_key', partial]]);
  });

  it('leaves public keys, certificates and placeholder blocks alone', () => {
    expect(found(`-----BEGIN PUBLIC KEY-----\n${PEM_BODY}\n-----END PUBLIC KEY-----`)).toEqual([]);
    expect(found(`-----BEGIN CERTIFICATE-----\n${PEM_BODY}\n-----END CERTIFICATE-----`)).toEqual([]);
    expect(found('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toEqual([]);
    expect(found('-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----')).toEqual([]);
  });
});
