/**
 * The shared-strings table of an XLSX file: every distinct text of the
 * workbook, which cells refer to by number. A file of a million rows holds
 * millions of them, so the table stays in memory only while it is small and
 * moves to a private temporary file beyond that: memory is then 8 bytes per
 * string (its offset), however long the strings are.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Characters kept in memory before the table moves to disk (~10–25 MB with
 * the strings' own overhead): small enough for a reader thread's bounded heap.
 */
const IN_MEMORY_CHARS = 4_000_000;
const WRITE_BUFFER_BYTES = 1 << 20;

export interface SharedStrings {
  /** Strings arrive in index order, 0, 1, 2… */
  add(index: number, text: string): void;
  /** The string at `index`; '' for an index the file never defined. */
  get(index: number): string;
  close(): void;
}

export function sharedStrings(inMemoryChars = IN_MEMORY_CHARS): SharedStrings {
  let memory: string[] | null = [];
  let chars = 0;
  let disk: {
    dir: string;
    fd: number;
    /** Byte offset of string i at [i], its end at [i + 1]. */
    offsets: Float64Array;
    count: number;
    pending: Buffer;
    pendingBytes: number;
    written: number;
  } | null = null;

  const flush = () => {
    if (!disk || disk.pendingBytes === 0) return;
    writeSync(disk.fd, disk.pending, 0, disk.pendingBytes, disk.written);
    disk.written += disk.pendingBytes;
    disk.pendingBytes = 0;
  };

  const append = (text: string) => {
    const d = disk!;
    if (d.count + 1 >= d.offsets.length) {
      const grown = new Float64Array(d.offsets.length * 2);
      grown.set(d.offsets);
      d.offsets = grown;
    }
    const bytes = Buffer.byteLength(text);
    if (d.pendingBytes + bytes > d.pending.length) flush();
    if (bytes > d.pending.length) {
      writeSync(d.fd, text, d.written, 'utf8');
      d.written += bytes;
    } else {
      d.pending.write(text, d.pendingBytes, 'utf8');
      d.pendingBytes += bytes;
    }
    d.count += 1;
    d.offsets[d.count] = d.offsets[d.count - 1]! + bytes;
  };

  const toDisk = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'xinyong-xlsx-'));
    const fd = openSync(path.join(dir, 'shared-strings'), 'w+');
    disk = {
      dir,
      fd,
      offsets: new Float64Array(Math.max(1024, memory!.length * 2)),
      count: 0,
      pending: Buffer.allocUnsafe(WRITE_BUFFER_BYTES),
      pendingBytes: 0,
      written: 0,
    };
    for (const text of memory!) append(text);
    memory = null;
  };

  return {
    add(index, text) {
      // Indices are sequential in a well-formed file; a gap is filled with empty strings.
      if (memory) {
        while (memory.length < index) memory.push('');
        memory.push(text);
        chars += text.length;
        if (chars > inMemoryChars) toDisk();
        return;
      }
      while (disk!.count < index) append('');
      append(text);
    },
    get(index) {
      if (memory) return memory[index] ?? '';
      const d = disk!;
      if (!(index >= 0 && index < d.count)) return '';
      flush();
      const start = d.offsets[index]!;
      const length = d.offsets[index + 1]! - start;
      if (length === 0) return '';
      const buffer = Buffer.allocUnsafe(length);
      readSync(d.fd, buffer, 0, length, start);
      return buffer.toString('utf8');
    },
    close() {
      const open = disk;
      disk = null;
      memory = [];
      chars = 0;
      if (!open) return;
      closeSync(open.fd);
      rmSync(open.dir, { recursive: true, force: true });
    },
  };
}
