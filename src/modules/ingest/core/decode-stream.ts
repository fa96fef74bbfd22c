/**
 * Streams department CSV bytes as UTF-8 whatever they were saved in: UTF-8
 * (with or without BOM) or GB18030, which Excel on Chinese Windows writes for
 * "CSV (逗号分隔)". Nobody is asked which: ASCII is the same in both, so bytes
 * pass through until the first non-ASCII byte; from there a window is sniffed
 * — valid UTF-8 means UTF-8, anything else is GB18030 — and the rest of the
 * file is decoded accordingly. Memory stays at one window plus one chunk.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { SNIFF_BYTES } from './detect-format';

export type DetectedEncoding = 'utf-8' | 'gb18030';

/** Raised when a file that started as UTF-8 has invalid bytes later on. */
export class InvalidUtf8Error extends Error {
  /** 1-based line of the bad byte (counting line feeds, so quoted line breaks count too). */
  readonly line: number;

  constructor(line: number) {
    super(`invalid UTF-8 at line ${line}`);
    this.name = 'InvalidUtf8Error';
    this.line = line;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function firstNonAscii(chunk: Buffer): number {
  for (let i = 0; i < chunk.length; i += 1) if ((chunk[i] ?? 0) >= 0x80) return i;
  return -1;
}

function countLineFeeds(chunk: Buffer, end = chunk.length): number {
  let count = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1 && i < end; i = chunk.indexOf(0x0a, i + 1)) count += 1;
  return count;
}

/**
 * Index of the first byte that breaks UTF-8 (overlong forms and surrogates
 * included), skipping leading continuation bytes that belong to the previous chunk.
 */
export function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length && i < 3 && ((bytes[i] ?? 0) & 0xc0) === 0x80) i += 1;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return -1; // cut at the end: the next chunk decides
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** End of the last complete GB18030 character (1, 2 or 4 bytes) in `bytes`, which starts on a character. */
export function gb18030Boundary(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x81 || lead === 0xff) {
      i += 1;
      continue;
    }
    if (i + 1 >= bytes.length) break;
    const second = bytes[i + 1] ?? 0;
    // A digit in second place makes a four-byte sequence (GB18030's extension of GBK).
    const length = second >= 0x30 && second <= 0x39 ? 4 : 2;
    if (i + length > bytes.length) break;
    i += length;
  }
  return i;
}

function isUtf8(window: Buffer, complete: boolean): boolean {
  try {
    // `stream: true` lets a character cut at the end of the window wait for its last bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

export class DecodeToUtf8 extends Transform {
  /** Null until decided; a pure-ASCII file stays undecided (and is UTF-8 by any reading). */
  encoding: DetectedEncoding | null = null;
  private atStart = true;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private lineFeeds = 0;
  private utf8Check: TextDecoder | null = null;
  private gbDecoder: ReturnType<typeof iconv.getDecoder> | null = null;
  private gbCarry: Buffer = Buffer.alloc(0);

  constructor(private readonly windowBytes = SNIFF_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      let bytes = chunk;
      if (this.atStart) {
        // A BOM split across tiny first chunks is still read as UTF-8, as U+FEFF, which header hygiene drops.
        if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
          bytes = bytes.subarray(3);
          this.decide('utf-8');
        }
        this.atStart = false;
      }
      if (this.encoding === null && this.pending.length === 0) {
        const at = firstNonAscii(bytes);
        if (at === -1) {
          this.pass(bytes);
          return done();
        }
        this.pass(bytes.subarray(0, at));
        bytes = bytes.subarray(at);
      }
      if (this.encoding === null) {
        this.pending.push(bytes);
        this.pendingBytes += bytes.length;
        if (this.pendingBytes >= this.windowBytes) this.decideFromWindow(false);
        return done();
      }
      this.emitDecoded(bytes);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.encoding === null && this.pending.length > 0) this.decideFromWindow(true);
      if (this.utf8Check) {
        try {
          this.utf8Check.decode();
        } catch {
          throw new InvalidUtf8Error(this.lineFeeds + 1);
        }
      }
      if (this.gbDecoder) {
        const rest = this.gbDecoder.write(this.gbCarry) + (this.gbDecoder.end() ?? '');
        if (rest) this.push(Buffer.from(rest, 'utf8'));
      }
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private decide(encoding: DetectedEncoding): void {
    this.encoding = encoding;
    if (encoding === 'utf-8') this.utf8Check = new TextDecoder('utf-8', { fatal: true });
    else this.gbDecoder = iconv.getDecoder('gb18030');
  }

  private decideFromWindow(complete: boolean): void {
    const window = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.decide(isUtf8(window, complete) ? 'utf-8' : 'gb18030');
    this.emitDecoded(window);
  }

  private emitDecoded(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.gbDecoder) {
      // iconv-lite 0.7's GB18030 decoder drops bytes when a 4-byte character is split
      // across writes, so it is only ever given whole characters; the rest waits.
      const all = this.gbCarry.length > 0 ? Buffer.concat([this.gbCarry, bytes]) : bytes;
      const end = gb18030Boundary(all);
      this.gbCarry = Buffer.from(all.subarray(end));
      const text = this.gbDecoder.write(all.subarray(0, end));
      if (text) this.push(Buffer.from(text, 'utf8'));
      return;
    }
    // UTF-8 goes through untouched; the fatal decoder only proves it stays UTF-8.
    try {
      this.utf8Check?.decode(bytes, { stream: true });
    } catch {
      const bad = firstInvalidUtf8(bytes);
      throw new InvalidUtf8Error(this.lineFeeds + countLineFeeds(bytes, bad === -1 ? 0 : bad) + 1);
    }
    this.pass(bytes);
  }

  private pass(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.lineFeeds += countLineFeeds(bytes);
    this.push(bytes);
  }
}
