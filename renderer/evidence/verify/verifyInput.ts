import type { Req } from '../../../shared/api/contract';
import { WEB_RPC_MAX_MESSAGE_BYTES } from '../../../shared/api/limits';

/**
 * Turning a picked file into a `verify.file` request. The page cannot give the service a
 * path to a file the user picked (neither a browser nor a sandboxed Electron window knows
 * it), so it sends the bytes as base64. The browser host's WebSocket refuses any message
 * over WEB_RPC_MAX_MESSAGE_BYTES by closing the connection (electron/hosts/web/rpc.ts), which
 * would drop the whole session; larger files are refused here first, with the path field
 * as the way out. Electron's IPC has no such limit, only the contract's own.
 */

export type Host = 'electron' | 'web' | 'cli';

const WEB_MESSAGE_LIMIT = WEB_RPC_MAX_MESSAGE_BYTES;
/** Room for the JSON-RPC envelope and the file name around the base64 text. */
const ENVELOPE_ALLOWANCE = 8 * 1024;
/** The contract's limit on bytesBase64 (shared/api/export-schemas.ts). */
const CONTRACT_BASE64_LIMIT = 200 * 1024 * 1024;

/** The largest file (in bytes) this host can take by upload. */
export function uploadLimit(host: Host): number {
  const base64Chars = host === 'web' ? WEB_MESSAGE_LIMIT - ENVELOPE_ALLOWANCE : CONTRACT_BASE64_LIMIT;
  return Math.floor(base64Chars / 4) * 3;
}

/** Base64 of the bytes, in chunks (String.fromCharCode over a whole large file would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export type UploadPlan = { ok: true; request: Req<'verify.file'> } | { ok: false; message: string };

export function uploadRequest(name: string, bytes: Uint8Array, host: Host): UploadPlan {
  if (bytes.length === 0) return { ok: false, message: `${name} is empty: there is nothing to verify. Choose the export file itself.` };
  const limit = uploadLimit(host);
  if (bytes.length > limit) {
    const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    return {
      ok: false,
      message:
        host === 'web'
          ? `${name} is ${mib(bytes.length)}; the browser host takes uploads up to ${mib(limit)}. Type the file's path on this computer below instead, or run "ogma verify" on it.`
          : `${name} is ${mib(bytes.length)}, more than the ${mib(limit)} an upload may carry. Type its path below instead.`,
    };
  }
  return { ok: true, request: { name: name.slice(0, 1024), bytesBase64: bytesToBase64(bytes) } };
}
