import { hasMixedClasses, type TokenRule } from './token-detector';

/**
 * OpenAI keys: sk-proj-..., sk-admin-..., sk-svcacct-..., and the legacy sk-<48>. A bare
 * 'sk-' prefix is common in identifiers, so without a known kind the body must be long
 * and mixed-case with digits.
 */
export const openaiKeyRule: TokenRule = {
  name: 'openai-key',
  kind: 'api_key',
  detail: 'OpenAI',
  prefix: 'sk-',
  pattern: /(?<![\w-])sk-(proj-|admin-|svcacct-|None-)?(?!ant-)(?<body>[A-Za-z0-9_-]{20,300})(?![\w-])/y,
  accept: (m) => {
    const body = m.groups!.body!;
    return m[1] !== undefined ? /[0-9]/.test(body) && /[A-Za-z]/.test(body) : body.length >= 32 && hasMixedClasses(body);
  },
};
