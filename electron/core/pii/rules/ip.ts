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
  // Groups are read straight from the string (no split, no per-group regex): this runs for
  // every IPv6-shaped candidate in a text, and the allocations showed up as GC time.
  const read: number[] = [];
  const groups: number[] = [];
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    if (!readHexGroups(s, 0, dbl, read)) return null;
    const headLength = read.length;
    if (!readHexGroups(s, dbl + 2, s.length, read)) return null;
    const restLength = read.length - headLength;
    if (headLength + restLength > need - 1) return null; // '::' stands for at least one group
    for (let i = 0; i < headLength; i++) groups.push(read[i]!);
    for (let i = need - headLength - restLength; i > 0; i--) groups.push(0);
    for (let i = headLength; i < read.length; i++) groups.push(read[i]!);
  } else {
    if (!readHexGroups(s, 0, s.length, read) || read.length !== need) return null;
    for (let i = 0; i < read.length; i++) groups.push(read[i]!);
  }
  for (let i = 0; i < tail.length; i++) groups.push(tail[i]!);
  const dottedTail = tail.length > 0;
  return zone === undefined ? { groups, dottedTail } : { groups, dottedTail, zone };
}

/**
 * Appends the values of the ':'-separated groups of s[from, to) to `out`: each group 1-4
 * hex digits. An empty range is no groups; an empty group or any other character is false.
 */
function readHexGroups(s: string, from: number, to: number, out: number[]): boolean {
  if (from === to) return true;
  let value = 0;
  let length = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) {
      if (length === 0) return false;
      out.push(value);
      value = 0;
      length = 0;
      continue;
    }
    const d = hexValue(c);
    if (d < 0 || length === 4) return false;
    value = value * 16 + d;
    length++;
  }
  if (length === 0) return false;
  out.push(value);
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
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
  let text = bestLen >= 2 ? `${hexJoined(g, 0, bestStart)}::${hexJoined(g, bestStart + bestLen, hexCount)}` : hexJoined(g, 0, hexCount);
  if (ip.dottedTail) {
    const v4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
    text = text.endsWith(':') ? text + v4 : `${text}:${v4}`;
  }
  return ip.zone === undefined ? text : `${text}%${ip.zone}`;
}

/** groups[from, to) in lower-case hex without leading zeros, joined by ':'. */
function hexJoined(groups: readonly number[], from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += (i > from ? ':' : '') + groups[i]!.toString(16);
  return text;
}
