/**
 * Reading a .docx or .xlsx archive without trusting it. Only the central directory is parsed up front;
 * an entry is inflated when asked for, by Node's zlib with a hard ceiling on its output, so a zip bomb
 * (a few hundred kilobytes that inflate to gigabytes) stops at FILE_LIMITS.unpackedBytes for the whole
 * archive, whatever sizes the archive declares. Entries are counted before anything else is read.
 */
import zlib from 'node:zlib';
import { AppError } from '../../db/errors';
import { FILE_LIMITS, formatLimit } from '../../shared/limits';

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private unpacked = 0;

  /** `damaged` is the caller's message for a broken file; `tail` ends the limit messages («Ничего не импортировано.»). */
  constructor(
    private readonly data: Buffer,
    private readonly fileName: string,
    private readonly damaged: () => AppError,
    private readonly tail = 'Ничего не импортировано.',
  ) {
    const end = this.findEnd();
    const count = data.readUInt16LE(end + 10);
    if (count > FILE_LIMITS.zipEntries)
      throw this.limit('zip_entries', `в нём больше ${formatLimit(FILE_LIMITS.zipEntries)} вложенных частей`);
    let at = data.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw this.damaged();
      const nameLength = data.readUInt16LE(at + 28);
      const entry: Entry = {
        flags: data.readUInt16LE(at + 8),
        method: data.readUInt16LE(at + 10),
        compressedSize: data.readUInt32LE(at + 20),
        size: data.readUInt32LE(at + 24),
        offset: data.readUInt32LE(at + 42),
        name: data.toString('utf8', at + 46, at + 46 + nameLength),
      };
      // 0xFFFFFFFF means ZIP64: sizes beyond 4 GB, which no office file of ours can honestly have.
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) throw this.damaged();
      this.entries.set(entry.name, entry);
      at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, or null when the archive has no such entry. */
  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    if (e.flags & 1)
      throw new AppError('encrypted', `«${this.fileName}» защищён паролем. Снимите пароль и сохраните файл заново. ${this.tail}`);
    const d = this.data;
    if (e.offset + 30 > d.length || d.readUInt32LE(e.offset) !== LOCAL) throw this.damaged();
    const start = e.offset + 30 + d.readUInt16LE(e.offset + 26) + d.readUInt16LE(e.offset + 28);
    if (start + e.compressedSize > d.length) throw this.damaged();
    const raw = d.subarray(start, start + e.compressedSize);
    const room = FILE_LIMITS.unpackedBytes - this.unpacked;
    // Entries never read (pictures) cost nothing; one that is read is checked by what it claims and by what it gives.
    if (e.size > room) throw this.bomb();
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        // The ceiling is what is left of the whole archive's budget, not the size the entry declares.
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw this.bomb();
        throw this.damaged();
      }
    } else throw this.damaged();
    this.unpacked += out.length;
    if (this.unpacked > FILE_LIMITS.unpackedBytes) throw this.bomb();
    return out;
  }

  private findEnd(): number {
    const d = this.data;
    // The end record is 22 bytes plus a comment of at most 65 535.
    for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) if (d.readUInt32LE(i) === EOCD) return i;
    throw this.damaged();
  }

  private bomb(): AppError {
    return this.limit('unpacked_size', `он распаковывается больше чем в ${FILE_LIMITS.unpackedBytes / MB} МБ`);
  }

  private limit(code: string, what: string): AppError {
    return new AppError(code, `«${this.fileName}»: ${what} — похоже, файл повреждён или составлен нарочно. ${this.tail}`);
  }
}
