import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { distDir } from './paths';

export interface EntrySize {
  page: string;
  files: string[];
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/**
 * What a first visit to a page downloads before it can render: the entry
 * script, its modulepreloads and stylesheets, as named in the built HTML.
 * Lazy chunks are left out on purpose: they load on demand.
 */
export async function measureEntry(page: 'index.html' | 'console.html'): Promise<EntrySize> {
  const html = await readFile(`${distDir}${page}`, 'utf8');
  const files = [...new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
  let jsGzipBytes = 0;
  let cssGzipBytes = 0;
  for (const file of files) {
    const size = gzipSync(await readFile(`${distDir}${file}`), { level: 9 }).length;
    if (file.endsWith('.js')) jsGzipBytes += size;
    else cssGzipBytes += size;
  }
  return { page, files, jsGzipBytes, cssGzipBytes };
}
