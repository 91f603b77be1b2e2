import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Rng } from '../random/prng';
import { documentText } from './text';
import type { ArtifactSpec, FileSpec } from './chat-gen';

/**
 * The bytes behind a file id. As the newest docs warn, the stored copy may differ from the
 * upload: Office/PDF files come back as extracted text under the original name and MIME
 * type, so their metadata md5/size describe the original while `Content-MD5` describes the
 * bytes served. Text files and images are served as uploaded (md5s agree).
 */
export interface FileBody {
  bytes: Buffer;
  metaMd5: string; // lowercase hex, as the metadata reports it
  metaSize: number;
}

const EXTRACTED = /pdf|officedocument|msword|ms-excel|ms-powerpoint/;

function md5Hex(b: Buffer | string): string {
  return createHash('md5').update(b).digest('hex');
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid 1x1 RGB PNG of a seed-chosen colour. */
function tinyPng(r: Rng): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, r.int(256), r.int(256), r.int(256)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function fileBody(seed: string, spec: FileSpec): FileBody {
  const r = new Rng(`${seed}|file|${spec.id}`);
  if (spec.mimeType === 'image/png') {
    const bytes = tinyPng(r);
    return { bytes, metaMd5: md5Hex(bytes), metaSize: bytes.length };
  }
  if (spec.mimeType === 'text/csv') {
    const rows = ['name,email,phone,card_last4,order'];
    const n = r.range(3, 8);
    for (let i = 0; i < n; i++) {
      const line = documentText(r, spec.lang, 1);
      rows.push(`"row ${i + 1}","${line.pii[0]?.value ?? ''}","${r.range(100, 999)}","${r.range(1000, 9999)}","${line.negatives[0]?.value ?? ''}"`);
    }
    const bytes = Buffer.from(rows.join('\n') + '\n', 'utf8');
    return { bytes, metaMd5: md5Hex(bytes), metaSize: bytes.length };
  }
  const bytes = Buffer.from(documentText(r, spec.lang, r.range(4, 12)).text + '\n', 'utf8');
  if (EXTRACTED.test(spec.mimeType)) {
    return { bytes, metaMd5: md5Hex(`original|${spec.id}`), metaSize: bytes.length * r.range(4, 30) + r.int(4096) };
  }
  return { bytes, metaMd5: md5Hex(bytes), metaSize: bytes.length };
}

export function artifactBody(seed: string, spec: ArtifactSpec): Buffer {
  const r = new Rng(`${seed}|artifact|${spec.versionId}`);
  const head = spec.artifactType === 'application/vnd.ant.code' ? '```python\n' : `# ${spec.title}\n\n`;
  const tail = spec.artifactType === 'application/vnd.ant.code' ? '\n```\n' : '\n';
  return Buffer.from(head + documentText(r, spec.lang, r.range(3, 8)).text + tail, 'utf8');
}

export { md5Hex };
