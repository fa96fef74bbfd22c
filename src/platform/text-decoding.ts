import iconv from 'iconv-lite';

/**
 * Text files from departments arrive as UTF-8 (with or without BOM) or as
 * GB18030, which Excel on Chinese Windows writes. Valid UTF-8 is taken as
 * UTF-8; anything else is decoded as GB18030.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}
