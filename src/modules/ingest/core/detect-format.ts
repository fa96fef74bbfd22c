/**
 * What a file is, from its first bytes rather than its name: clerks rename
 * files, browsers send `application/octet-stream`, and an `.xlsx` saved by an
 * old tool is sometimes really an `.xls`.
 */
import {
  binaryFile,
  fileEmpty,
  formatMismatch,
  notXlsx,
  utf16Unsupported,
  xlsUnsupported,
  xlsxEncrypted,
  type TableReadError,
} from './table-errors';

export type TableFormat = 'csv' | 'xlsx';

/** Bytes enough to tell the formats apart (and to find an OLE directory in small files). */
export const SNIFF_BYTES = 64 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE2 compound file: Excel 97-2003 workbooks, and also password-protected XLSX. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An encrypted OOXML package is an OLE file with these streams (MS-OFFCRYPTO); names are UTF-16LE.
const ENCRYPTED_STREAM_NAMES = ['EncryptionInfo', 'EncryptedPackage'].map((n) => Buffer.from(n, 'utf16le'));

const startsWith = (bytes: Buffer, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

type Sniffed = 'zip' | 'ole_encrypted' | 'ole' | 'utf16' | 'binary' | 'text' | 'empty';

/**
 * Where the first sector of an OLE file's directory is (MS-CFB §2.2): the
 * stream names are there, wherever the file is large. Null when not OLE.
 */
export function oleDirectorySector(prefix: Buffer): { offset: number; length: number } | null {
  if (!startsWith(prefix, OLE_MAGIC) || prefix.length < 0x34) return null;
  const sectorShift = prefix.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const length = 2 ** sectorShift;
  const first = prefix.readUInt32LE(0x30);
  // Header occupies sector "-1"; sector n starts at (n + 1) × sector size.
  return first >= 0xfffffffa ? null : { offset: (first + 1) * length, length };
}

function sniff(prefix: Buffer, directory: Buffer | undefined): Sniffed {
  if (prefix.length === 0) return 'empty';
  if (startsWith(prefix, ZIP_MAGIC) || startsWith(prefix, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(prefix, OLE_MAGIC)) {
    const encrypted = ENCRYPTED_STREAM_NAMES.some((name) => prefix.includes(name) || directory?.includes(name));
    return encrypted ? 'ole_encrypted' : 'ole';
  }
  if (startsWith(prefix, [0xff, 0xfe]) || startsWith(prefix, [0xfe, 0xff])) return 'utf16';
  // Neither UTF-8 nor GB18030 text ever contains NUL; binaries almost always do early on.
  if (prefix.includes(0)) return 'binary';
  return 'text';
}

const describe: Record<Sniffed, string> = {
  zip: 'XLSX/zip',
  ole_encrypted: 'encrypted Office',
  ole: 'Excel 97-2003 (.xls)',
  utf16: 'UTF-16 text',
  binary: 'binary',
  text: 'CSV text',
  empty: 'empty',
};

/**
 * The format of a file from its first bytes, or the error that refuses it.
 * `expected`, when given, must agree with the content. `oleDirectory` is the
 * sector `oleDirectorySector` points at, to tell an encrypted XLSX from an .xls.
 */
export function detectFormat(prefix: Buffer, expected?: TableFormat, oleDirectory?: Buffer): TableFormat {
  const kind = sniff(prefix, oleDirectory);
  const refuse = (): TableReadError | null => {
    switch (kind) {
      case 'empty':
        return fileEmpty();
      case 'ole_encrypted':
        return xlsxEncrypted();
      case 'ole':
        return xlsUnsupported();
      case 'utf16':
        return expected === 'xlsx' ? notXlsx() : utf16Unsupported();
      case 'binary':
        return expected === 'xlsx' ? notXlsx() : binaryFile();
      case 'zip':
        return expected === 'csv' ? formatMismatch('csv', describe.zip) : null;
      case 'text':
        return expected === 'xlsx' ? notXlsx() : null;
    }
  };
  const error = refuse();
  if (error) throw error;
  return kind === 'zip' ? 'xlsx' : 'csv';
}
