import type { PiiSpan } from '../kinds';
import { isPlausibleSsn } from '../rules/ssn-rules';
import { before } from '../text';
import { startsGroup, type RunDetector } from './numeric-runs';

/**
 * US Social Security numbers: AAA-GG-SSSS or AAA GG SSSS (one separator, used twice),
 * anywhere; nine bare digits only when the words before them say SSN.
 */
const SSN = /(?<![\w.+-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|[./]\d)/y;
const SSN_CONTEXT = /\bssn|ss#|\bssa\b|social[ -]?security|soc\.? ?sec|sozialversicherung|sécurité sociale|seguro social|社会保障|ソーシャル|социальн/;

export const ssnDetector: RunDetector = {
  name: 'ssn',
  wants: (run) => run.digits >= 9,
  inspect(text: string, run, out: PiiSpan[]): void {
    for (let i = run.start; i < run.end; i++) {
      if (!startsGroup(text, i)) continue;
      SSN.lastIndex = i;
      const m = SSN.exec(text);
      if (!m) continue;
      i += m[0].length - 1;
      const [, area, sep, group, serial] = m as unknown as [string, string, string, string, string];
      if (!isPlausibleSsn(area, group, serial)) continue;
      if (sep === '' && !SSN_CONTEXT.test(before(text, m.index, 48))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'ssn', value: `${area}-${group}-${serial}` });
    }
  },
};
