/**
 * PROOF/README.txt: what the receiving party reads first. It is listed in the signed
 * files manifest, so it cannot be swapped for instructions that point elsewhere.
 */
export interface ReadmeInput {
  volume: string;
  firstBates: string;
  lastBates: string;
  documents: number;
  pages: number;
  producedAt: string;
}

export function readmeText(r: ReadmeInput): string {
  const v = r.volume;
  const lines = [
    `Production volume ${v}`,
    `Bates ${r.firstBates} to ${r.lastBates}: ${r.documents} document(s), ${r.pages} page(s). Produced ${r.producedAt}.`,
    '',
    'WHAT IS IN THIS VOLUME',
    ...table([
      [`${v}/DATA/${v}.dat`, 'Concordance load file: UTF-8 with BOM; quote U+00FE, separator U+0014,', 'line break inside a value U+00AE; CRLF records; header row.'],
      [`${v}/DATA/${v}.opt`, 'Opticon image load file, one line per page.'],
      [`${v}/IMAGES/`, 'one Bates-stamped PDF per document (each chat is one document).'],
      [`${v}/TEXT/`, 'extracted text per document (UTF-8 with BOM).'],
      [`${v}/NATIVES/`, 'each document as JSON: every message with its id, role, model, time,', 'text (masked where PII was masked) and text commitment.'],
      [`${v}/PROOF/`, 'bundle.json (the signed evidence bundle), checkpoint-N.txt (signed', 'tree heads), manifest.json (path, size, MD5, SHA-256 of every file', 'above), and this file.'],
    ]),
    '',
    'HOW TO VERIFY WITH THE OPEN VERIFIER',
    `  ogma verify ${v}.zip            (or: ogma verify ${v}.zip --json)`,
    '  Exit 0 means verified, 1 not verified (the report names the file, DAT line, field, Bates',
    '  number or message that failed), 2 unreadable. The report prints the producing',
    "  tenant's signing-key fingerprint: compare it with the producing party by phone or another",
    '  channel you trust. A valid signature from a key you have not confirmed proves nothing.',
    '',
    'HOW TO VERIFY BY HAND',
    '  1. For every entry of PROOF/manifest.json, compute the MD5 and SHA-256 of the file at',
    `     ${v}/<path> (e.g. sha256sum, md5sum, or certutil -hashfile FILE SHA256 on Windows) and`,
    '     compare with the entry. Every file of the volume outside PROOF/ is listed, and so is',
    '     this README; nothing else may be present.',
    "  2. Check that manifest.json's entries equal the `files` section of PROOF/bundle.json, and",
    "     that the DAT's MD5HASH/SHA256HASH (native), TEXTMD5HASH/TEXTSHA256HASH and",
    '     IMAGEMD5HASH/IMAGESHA256HASH fields equal the manifest entries for NATIVEPATH, TEXTPATH',
    '     and IMAGEPATH.',
    "  3. The bundle's export signature (Ed25519, by the tenant's signing key whose public key is in",
    '     the bundle) covers the files section and the Bates map, so steps 1-2 tie every file to it.',
    '     Verifying that signature, each message\'s commitment and inclusion proof, and the',
    '     checkpoint signatures is described in the bundle format specification',
    '     (docs/export-format.md of Ogma Desk); `ogma verify` does all of it.',
    '  4. Bates numbers run without gaps: each document\'s BEGBATES is the previous ENDBATES + 1,',
    '     and the OPT lists every page in that order with Y on each first page.',
    '',
    'LOADING INTO A REVIEW PLATFORM',
    `  Extract the ZIP, then load DATA/${v}.dat as the document load file (Unicode UTF-8; Concordance`,
    `  default delimiters; paths are relative to the folder that contains ${v}) and DATA/${v}.opt`,
    '  as the image load file (PDF images).',
    '',
  ];
  return lines.join('\r\n');
}

/** Two-column rows: the path, then its description, continuation lines aligned under it. */
function table(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => (r[0] ?? '').length)) + 2;
  return rows.flatMap(([path = '', ...text]) => text.map((t, i) => `  ${(i === 0 ? path : '').padEnd(width)}${t}`));
}
