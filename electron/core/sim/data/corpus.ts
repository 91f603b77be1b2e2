import type { Lang } from './names';
import { DE, EN, ES, FR } from './corpus-latin';
import { AR, EL, HE, JA, RU, ZH } from './corpus-other';

/** Templates for one language: chat titles, user turns, assistant turns, short notes beside uploads. */
export interface LangCorpus {
  titles: readonly string[];
  user: readonly string[];
  assistant: readonly string[];
  fileNotes: readonly string[];
}

export const CORPUS: Record<Lang, LangCorpus> = { en: EN, de: DE, fr: FR, es: ES, ru: RU, el: EL, zh: ZH, ja: JA, ar: AR, he: HE };

/** Emoji including ZWJ sequences and skin-tone modifiers, which break naive string slicing. */
export const EMOJI: readonly string[] = ['🙂', '🚀', '✅', '🔥', '👍🏽', '👨‍👩‍👧', '🇩🇪', '🤔', '📎', '🧾'];
