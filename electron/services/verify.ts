import { readFile, stat } from 'node:fs/promises';
import { OgmaError } from '../../shared/api/errors';
import type { VerifyFileRequest, VerifyReport } from '../../shared/api/export-schemas';
import { verifyFile } from '../core/verify';

/**
 * Verifying an export someone sent: the file's bytes go to the pure verifier. By path for
 * the Electron app and the CLI (the file is on this machine); by bytes for the browser
 * host, whose page reads the file the user picked. No workspace is needed: a recipient
 * verifies with the bundle alone.
 */

/** Larger inputs are refused rather than read into memory whole. */
export const MAX_VERIFY_BYTES = 2 * 1024 * 1024 * 1024;

export async function verifyExportFile(req: VerifyFileRequest): Promise<VerifyReport> {
  let bytes: Uint8Array;
  if ('path' in req) {
    let size: number;
    try {
      const st = await stat(req.path);
      if (!st.isFile()) throw new OgmaError('UNREADABLE', `${req.path} is not a file.`, { field: 'path' });
      size = st.size;
    } catch (e) {
      if (e instanceof OgmaError) throw e;
      throw new OgmaError('NOT_FOUND', `Cannot read ${req.path}: ${(e as NodeJS.ErrnoException).code ?? 'not found'}.`, { field: 'path' });
    }
    if (size > MAX_VERIFY_BYTES) throw new OgmaError('UNREADABLE', `${req.path} is larger than 2 GiB; the verifier does not read files that large.`, { field: 'path' });
    bytes = await readFile(req.path);
  } else {
    bytes = Buffer.from(req.bytesBase64, 'base64');
  }
  return verifyFile(bytes);
}
