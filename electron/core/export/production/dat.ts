/**
 * Concordance DAT load files, as Relativity and most review platforms read them:
 * UTF-8 with a byte order mark (Relativity sniffs the encoding from the BOM), a header row
 * of field names, every value wrapped in the quote character þ (U+00FE), values separated
 * by U+0014, a line break inside a value written as ® (U+00AE), CRLF at the end of each
 * record. These are Concordance's default delimiters (ASCII 254, 20, 174).
 */

export const DAT_QUOTE = '\u00fe';
export const DAT_SEPARATOR = '\u0014';
export const DAT_NEWLINE = '\u00ae';
export const DAT_RECORD_END = '\r\n';
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * One value as it goes between the quotes.
 * - Line breaks (CRLF, CR, LF) become ®: the Concordance convention; a reader turns ® back
 *   into a line break, so a literal ® in a value reads back as a line break (unavoidable in
 *   this format; the exact text is in TEXT/ and NATIVES/ anyway).
 * - A þ in a value is doubled (þþ), as RFC 4180 doubles its quote: a plain reader that
 *   does not undouble still keeps the record aligned, because the doubled quote sits
 *   inside an open value.
 * - Other C0 control characters (U+0014 among them) have no business in metadata and
 *   would break naive parsers: they become U+FFFD.
 */
export function escapeDatValue(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, DAT_NEWLINE)
    .replaceAll(DAT_QUOTE, DAT_QUOTE + DAT_QUOTE)
    .replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
}

export function datLine(values: readonly string[]): string {
  return values.map((v) => DAT_QUOTE + escapeDatValue(v) + DAT_QUOTE).join(DAT_SEPARATOR) + DAT_RECORD_END;
}

/** The whole DAT file: BOM, header row, one row per document. */
export function writeDat(header: readonly string[], rows: readonly (readonly string[])[]): Uint8Array {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`A DAT row has ${row.length} values for ${header.length} fields; this is a bug in the writer.`);
  }
  const text = datLine(header) + rows.map(datLine).join('');
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

export interface DatProblem {
  /** 1-based line of the DAT (the header is line 1). */
  line: number;
  field?: string;
  message: string;
}

export interface ParsedDat {
  header: string[];
  /** Each record with its 1-based line number; values unescaped (® -> \n, þþ -> þ). */
  records: { line: number; values: Record<string, string> }[];
  problems: DatProblem[];
}

/**
 * Strict parser for the DAT this module writes. It reports, rather than guesses around,
 * anything a Relativity import would trip on: no BOM, invalid UTF-8, a value not wrapped
 * in þ, a wrong number of values, a bare LF, a missing final CRLF.
 */
export function parseDat(bytes: Uint8Array): ParsedDat {
  const problems: DatProblem[] = [];
  const empty: ParsedDat = { header: [], records: [], problems };
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    problems.push({ line: 1, message: 'The DAT does not start with a UTF-8 byte order mark (EF BB BF); Relativity would not detect its encoding.' });
    return empty;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
  } catch {
    problems.push({ line: 1, message: 'The DAT is not valid UTF-8.' });
    return empty;
  }
  if (!text.endsWith(DAT_RECORD_END)) {
    problems.push({ line: text.split(DAT_RECORD_END).length, message: 'The DAT does not end with CRLF after its last record.' });
  }
  const lines = text.split(DAT_RECORD_END);
  if (lines[lines.length - 1] === '') lines.pop();
  const rows: { line: number; values: string[] }[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (/[\r\n]/.test(raw)) {
      problems.push({ line, message: 'A bare CR or LF inside a DAT record; line breaks inside a value must be written as ®.' });
      return;
    }
    const values = splitDatLine(raw);
    if (typeof values === 'string') problems.push({ line, message: values });
    else rows.push({ line, values });
  });
  const headerRow = rows[0];
  if (!headerRow || headerRow.line !== 1) {
    problems.push({ line: 1, message: 'The DAT has no readable header row.' });
    return empty;
  }
  const header = headerRow.values;
  const seen = new Set<string>();
  for (const name of header) {
    if (!/^[A-Z0-9_]+$/.test(name)) problems.push({ line: 1, field: name, message: `Header field ${JSON.stringify(name)} is not an upper-case field name.` });
    if (seen.has(name)) problems.push({ line: 1, field: name, message: `Header field ${name} appears twice.` });
    seen.add(name);
  }
  const records: ParsedDat['records'] = [];
  for (const row of rows.slice(1)) {
    if (row.values.length !== header.length) {
      problems.push({ line: row.line, message: `The record has ${row.values.length} values but the header names ${header.length} fields.` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, j) => (values[name] = row.values[j] ?? ''));
    records.push({ line: row.line, values });
  }
  return { header, records, problems };
}

/** Splits one record into unescaped values, or returns what is wrong with it. */
function splitDatLine(raw: string): string[] | string {
  const values: string[] = [];
  let i = 0;
  for (;;) {
    if (raw[i] !== DAT_QUOTE) return `Value ${values.length + 1} is not wrapped in the quote character þ (U+00FE).`;
    i++;
    let value = '';
    for (;;) {
      const q = raw.indexOf(DAT_QUOTE, i);
      if (q < 0) return `Value ${values.length + 1} has no closing þ.`;
      value += raw.slice(i, q);
      if (raw[q + 1] === DAT_QUOTE) {
        value += DAT_QUOTE;
        i = q + 2;
        continue;
      }
      i = q + 1;
      break;
    }
    values.push(value.replaceAll(DAT_NEWLINE, '\n'));
    if (i === raw.length) return values;
    if (raw[i] !== DAT_SEPARATOR) return `Value ${values.length} is followed by ${JSON.stringify(raw[i])} instead of the field separator U+0014.`;
    i++;
  }
}
