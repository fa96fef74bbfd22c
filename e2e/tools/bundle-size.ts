/** Prints the first-visit download of each page: `npx tsx e2e/tools/bundle-size.ts` (after a build). */
import { measureEntry } from '../support/bundle-size';

for (const page of ['index.html', 'console.html'] as const) {
  const size = await measureEntry(page);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `${page}: JS ${kb(size.jsGzipBytes)} gzip, CSS ${kb(size.cssGzipBytes)} gzip (${size.files.length} files)`,
  );
}
