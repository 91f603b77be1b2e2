/**
 * Opticon (OPT) image load files: one comma-separated line per page,
 *   ImageKey,Volume,ImagePath,DocBreak,FolderBreak,BoxBreak,PageCount
 * ImageKey is the page's Bates number, DocBreak is "Y" on a document's first page and empty
 * otherwise, PageCount is given on that first page only. Folder and box breaks are unused.
 *
 * Our images are one Bates-stamped PDF per document, so every page line of a document points
 * at the same PDF (RelativityOne's Import/Export takes single- and multi-page PDFs in an
 * Opticon file). Written as UTF-8 without BOM (every value is ASCII: Bates numbers and our
 * own paths) with CRLF line ends.
 */

export interface OptLine {
  bates: string;
  volume: string;
  /** Backslash path, as written in the DAT's IMAGEPATH. */
  imagePath: string;
  docBreak: boolean;
  /** Only on the document's first page. */
  pageCount: number | null;
}

export function optLine(l: OptLine): string {
  for (const v of [l.bates, l.volume, l.imagePath]) {
    if (/[,\r\n]/.test(v) || /[^\x20-\x7e]/.test(v)) throw new Error(`OPT value ${JSON.stringify(v)} is not comma-free printable ASCII; this is a bug in the writer.`);
  }
  return [l.bates, l.volume, l.imagePath, l.docBreak ? 'Y' : '', '', '', l.pageCount === null ? '' : String(l.pageCount)].join(',') + '\r\n';
}

export function writeOpt(lines: readonly OptLine[]): Uint8Array {
  return new TextEncoder().encode(lines.map(optLine).join(''));
}

export interface OptProblem {
  line: number;
  field?: string;
  message: string;
}

export function parseOpt(bytes: Uint8Array): { lines: (OptLine & { line: number })[]; problems: OptProblem[] } {
  const problems: OptProblem[] = [];
  const lines: (OptLine & { line: number })[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { lines, problems: [{ line: 1, message: 'The OPT is not valid UTF-8/ASCII.' }] };
  }
  if (text.length > 0 && !text.endsWith('\r\n')) problems.push({ line: text.split('\r\n').length, message: 'The OPT does not end with CRLF.' });
  const raw = text.split('\r\n');
  if (raw[raw.length - 1] === '') raw.pop();
  raw.forEach((s, i) => {
    const line = i + 1;
    const f = s.split(',');
    if (f.length !== 7) {
      problems.push({ line, message: `An OPT line has ${f.length} comma-separated values; Opticon needs exactly 7.` });
      return;
    }
    const [bates = '', volume = '', imagePath = '', brk = '', , , count = ''] = f;
    if (brk !== 'Y' && brk !== '') problems.push({ line, field: 'DocBreak', message: `DocBreak is ${JSON.stringify(brk)}; it must be "Y" or empty.` });
    if (count !== '' && !/^[1-9][0-9]*$/.test(count)) problems.push({ line, field: 'PageCount', message: `PageCount ${JSON.stringify(count)} is not a positive whole number.` });
    if (brk === 'Y' && count === '') problems.push({ line, field: 'PageCount', message: 'The first page of a document (DocBreak Y) must give the PageCount.' });
    if (brk === '' && count !== '') problems.push({ line, field: 'PageCount', message: 'PageCount is only given on the first page of a document.' });
    lines.push({ line, bates, volume, imagePath, docBreak: brk === 'Y', pageCount: count === '' ? null : Number(count) });
  });
  return { lines, problems };
}
