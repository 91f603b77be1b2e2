/**
 * IP address parsers: the engine masks what parses, not what merely looks dotted or
 * colon-separated. IPv4 is strict dotted decimal (four parts, each 0-255, no leading
 * zeros, which some parsers read as octal). IPv6 follows RFC 4291 section 2.2: eight
 * groups of 1-4 hex digits, at most one `::`, an optional trailing dotted IPv4, and an
 * optional zone id (RFC 6874: `%eth0`, or `%25eth0` inside a URL).
 */

export function parseIPv4(s: string): number[] | null {
  const out: number[] = [];
  let n = 0;
  let len = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      // an empty part, a part over 255 or with a leading zero ("01"), or a fifth part
      if (len === 0 || n > 255 || (len > 1 && s.charCodeAt(i - len) === 48) || out.length === 4) return null;
      out.push(n);
      n = 0;
      len = 0;
    } else if (c >= 48 && c <= 57 && len < 3) {
      n = n * 10 + (c - 48);
      len++;
    } else return null;
  }
  return out.length === 4 ? out : null;
}

export interface IPv6 {
  /** Eight 16-bit groups. */
  groups: number[];
  /** The last 32 bits were written as dotted IPv4. */
  dottedTail: boolean;
  zone?: string;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const ZONE = /^[0-9A-Za-z_.~-]{1,64}$/;

export function parseIPv6(input: string): IPv6 | null {
  let s = input;
  let zone: string | undefined;
  const pct = s.indexOf('%');
  if (pct >= 0) {
    zone = s.slice(pct + 1);
    if (zone.startsWith('25') && zone.length > 2) zone = zone.slice(2); // URL-encoded '%'
    if (!ZONE.test(zone)) return null;
    s = s.slice(0, pct);
  }
  let tail: number[] = [];
  if (s.includes('.')) {
    const lastColon = s.lastIndexOf(':');
    if (lastColon < 0) return null;
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail = [(v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!];
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const need = 8 - tail.length;
  const dbl = s.indexOf('::');
  let groups: number[];
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    const head = hexGroups(s.slice(0, dbl));
    const rest = hexGroups(s.slice(dbl + 2));
    if (!head || !rest || head.length + rest.length > need - 1) return null; // '::' stands for at least one group
    groups = [...head, ...new Array<number>(need - head.length - rest.length).fill(0), ...rest, ...tail];
  } else {
    const all = hexGroups(s);
    if (!all || all.length !== need) return null;
    groups = [...all, ...tail];
  }
  const dottedTail = tail.length > 0;
  return zone === undefined ? { groups, dottedTail } : { groups, dottedTail, zone };
}

function hexGroups(part: string): number[] | null {
  if (part === '') return [];
  const out: number[] = [];
  for (const g of part.split(':')) {
    if (!HEX_GROUP.test(g)) return null;
    out.push(parseInt(g, 16));
  }
  return out;
}

/** RFC 5952 text form: lower case, no leading zeros, the longest run of two or more zero groups as '::'. */
export function formatIPv6(ip: IPv6): string {
  const g = ip.groups;
  const hexCount = ip.dottedTail ? 6 : 8;
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < hexCount; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < hexCount && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) => g.slice(from, to).map((n) => n.toString(16));
  let text: string;
  if (bestLen >= 2) {
    const left = hex(0, bestStart).join(':');
    const right = hex(bestStart + bestLen, hexCount).join(':');
    text = `${left}::${right}`;
  } else {
    text = hex(0, hexCount).join(':');
  }
  if (ip.dottedTail) {
    const v4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
    text = text.endsWith(':') ? text + v4 : `${text}:${v4}`;
  }
  return ip.zone === undefined ? text : `${text}%${ip.zone}`;
}
