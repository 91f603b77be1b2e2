import type { PiiKind, PiiSpan } from '../kinds';
import { looksLikePlaceholder } from '../rules/placeholder';
import type { Detector } from './detector';

/**
 * Vendor keys and tokens share a shape: a literal prefix, a pattern, and a random body
 * that must not be a placeholder. Each vendor's file gives its rule; this detector finds
 * every rule's prefix in one pass (one alternation of literals) and runs a rule's pattern
 * only where its prefix stands.
 */
export interface TokenRule {
  name: string;
  kind: Extract<PiiKind, 'api_key' | 'secret'>;
  /** Shown in the mask: [API KEY: Anthropic]. */
  detail: string;
  /** Regex source of the literal prefix the pattern starts with. */
  prefix: string;
  /** Sticky pattern, tried where the prefix stands; the named group `body`, when present, is checked for placeholders. */
  pattern: RegExp;
  /** Further checks on a match (context words, structure). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
}

export function tokenDetector(name: string, rules: readonly TokenRule[]): Detector {
  for (const r of rules) if (!r.pattern.sticky) throw new Error(`token rule ${r.name}: the pattern must be sticky (flag y)`);
  // One capturing group per rule, in order; which group matched says which rule to try.
  const locate = new RegExp(rules.map((r) => `(${r.prefix})`).join('|'), 'g');
  return {
    name,
    find(text: string, out: PiiSpan[]): void {
      locate.lastIndex = 0;
      let hit: RegExpExecArray | null;
      while ((hit = locate.exec(text)) !== null) {
        let i = 1;
        while (hit[i] === undefined) i++;
        const rule = rules[i - 1]!;
        rule.pattern.lastIndex = hit.index;
        const m = rule.pattern.exec(text);
        if (!m || looksLikePlaceholder(m.groups?.body ?? m[0]) || (rule.accept && !rule.accept(m, text))) continue;
        const end = m.index + m[0].length;
        out.push({ start: m.index, end, kind: rule.kind, detail: rule.detail });
        locate.lastIndex = end;
      }
    },
  };
}

/** Upper case, lower case and a digit: what a random base62/base64 body has and a word or identifier lacks. */
export function hasMixedClasses(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);
}
