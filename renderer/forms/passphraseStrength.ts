/**
 * A quick, honest estimate of how hard a passphrase is to guess, shown while typing. It is a
 * hint for people, not a gate: the contract's minimum length is the only rule enforced.
 * The estimate counts the character pool and discounts repeats, keyboard-style sequences
 * and very common words, which is what makes most "long" passwords weak.
 */

export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface PassphraseStrength {
  score: StrengthScore;
  label: 'Too short' | 'Weak' | 'Fair' | 'Strong' | 'Very strong';
  hint: string;
  meetsMinimum: boolean;
  /** Rough guessing entropy in bits, after discounts. */
  bits: number;
}

const COMMON_FRAGMENTS = [
  'password', 'passwort', 'passphrase', 'qwerty', 'azerty', 'letmein', 'welcome', 'admin', 'login',
  'iloveyou', 'monkey', 'dragon', 'secret', 'ogma', 'compliance', 'anthropic', 'openai', 'changeme',
];

function poolSize(chars: readonly string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[\x20-\x7e]/.test(c) && !/[a-zA-Z0-9]/.test(c))) pool += 33;
  if (chars.some((c) => c.codePointAt(0)! > 0x7e)) pool += 100;
  return Math.max(pool, 1);
}

/** Characters that add little: a repeat of the previous one, or the next step of a run like abc / 321. */
function predictableCount(chars: readonly string[]): number {
  let count = 0;
  for (let i = 1; i < chars.length; i++) {
    const prev = chars[i - 1]!.toLowerCase().codePointAt(0)!;
    const cur = chars[i]!.toLowerCase().codePointAt(0)!;
    if (cur === prev || cur === prev + 1 || cur === prev - 1) count++;
  }
  return count;
}

function commonFragmentDiscount(passphrase: string): number {
  const lower = passphrase.toLowerCase();
  let discount = 0;
  for (const fragment of COMMON_FRAGMENTS) {
    if (lower.includes(fragment)) discount += fragment.length - 1;
  }
  return discount;
}

export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  const chars = Array.from(passphrase);
  const length = chars.length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    const missing = MIN_PASSPHRASE_LENGTH - length;
    return {
      score: 0,
      label: 'Too short',
      hint:
        length === 0
          ? `At least ${MIN_PASSPHRASE_LENGTH} characters. Four or more unrelated words are strong and easy to remember.`
          : `${missing} more character${missing === 1 ? '' : 's'} needed (minimum ${MIN_PASSPHRASE_LENGTH}).`,
      meetsMinimum: false,
      bits: 0,
    };
  }
  const effectiveLength = Math.max(1, length - predictableCount(chars) - commonFragmentDiscount(passphrase));
  const bits = Math.round(effectiveLength * Math.log2(poolSize(chars)));
  if (bits < 50) {
    return { score: 1, label: 'Weak', hint: 'Easy to guess. Use four or more unrelated words, or make it longer.', meetsMinimum: true, bits };
  }
  if (bits < 70) {
    return { score: 2, label: 'Fair', hint: 'Acceptable. One more unrelated word would make it much stronger.', meetsMinimum: true, bits };
  }
  const keepSafe = 'Keep it safe: without it, or another member’s, the workspace cannot be opened.';
  if (bits < 90) return { score: 3, label: 'Strong', hint: keepSafe, meetsMinimum: true, bits };
  return { score: 4, label: 'Very strong', hint: keepSafe, meetsMinimum: true, bits };
}
