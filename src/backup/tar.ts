// The backup archive is a plain POSIX tar (ustar) of a few regular files, readable with `tar -xf`.
// Written and read here in a few lines rather than through a dependency; entries are copied in
// chunks (a database dump can be larger than memory) and hashed on the way.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const BLOCK = 512;
const CHUNK = 1 << 20;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  const put = (value: string, offset: number, length: number) => h.write(value, offset, length, 'utf8');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0');
  put(name, 0, 100);
  put(octal(0o600, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put('        ', 148, 8); // checksum is computed with this field as spaces
  put('0', 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return h;
}

export interface TarEntryInfo {
  bytes: number;
  sha256: string;
}

/** Appends entries to a file descriptor; `finish()` writes the end-of-archive blocks. */
export class TarWriter {
  private readonly now = new Date();
  constructor(private readonly fd: number) {}

  addBuffer(name: string, data: Buffer): TarEntryInfo {
    fs.writeSync(this.fd, header(name, data.length, this.now));
    fs.writeSync(this.fd, data);
    this.pad(data.length);
    return { bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  addFile(name: string, file: string): TarEntryInfo {
    const size = fs.statSync(file).size;
    fs.writeSync(this.fd, header(name, size, this.now));
    const hash = createHash('sha256');
    const src = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      let done = 0;
      while (done < size) {
        const n = fs.readSync(src, buf, 0, Math.min(CHUNK, size - done), done);
        if (n === 0) throw new Error(`${file} shrank while being archived`);
        fs.writeSync(this.fd, buf, 0, n);
        hash.update(buf.subarray(0, n));
        done += n;
      }
    } finally {
      fs.closeSync(src);
    }
    this.pad(size);
    return { bytes: size, sha256: hash.digest('hex') };
  }

  finish(): void {
    fs.writeSync(this.fd, Buffer.alloc(BLOCK * 2, 0));
  }

  private pad(size: number): void {
    const rest = size % BLOCK;
    if (rest) fs.writeSync(this.fd, Buffer.alloc(BLOCK - rest, 0));
  }
}

/**
 * Extracts every regular file of the archive into `dir` (flat names only: an entry with a path is
 * refused) and returns their sizes and hashes.
 */
export function extractTar(archive: string, dir: string): Map<string, TarEntryInfo> {
  const entries = new Map<string, TarEntryInfo>();
  const fd = fs.openSync(archive, 'r');
  try {
    const total = fs.fstatSync(fd).size;
    const h = Buffer.alloc(BLOCK);
    let pos = 0;
    while (pos + BLOCK <= total) {
      fs.readSync(fd, h, 0, BLOCK, pos);
      pos += BLOCK;
      if (h.every((b) => b === 0)) break;
      const field = (offset: number, length: number) =>
        h.toString('utf8', offset, offset + length).replace(/\0.*$/s, '');
      const name = field(0, 100);
      const size = Number.parseInt(field(124, 12).trim() || '0', 8);
      const type = field(156, 1) || '0';
      if (!Number.isSafeInteger(size) || size < 0 || pos + size > total) {
        throw new Error('备份文件已损坏或不完整 / the archive is damaged or truncated');
      }
      if (type === '0') {
        if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) {
          throw new Error(`备份文件含有意外条目 / unexpected archive entry: ${name}`);
        }
        const out = fs.openSync(`${dir}/${name}`, 'wx', 0o600);
        const hash = createHash('sha256');
        try {
          const buf = Buffer.alloc(CHUNK);
          let done = 0;
          while (done < size) {
            const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, size - done), pos + done);
            fs.writeSync(out, buf, 0, n);
            hash.update(buf.subarray(0, n));
            done += n;
          }
        } finally {
          fs.closeSync(out);
        }
        entries.set(name, { bytes: size, sha256: hash.digest('hex') });
      }
      pos += Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    fs.closeSync(fd);
  }
  return entries;
}
