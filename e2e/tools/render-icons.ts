/**
 * Renders the PWA's PNG icons from the SVG sources with the test Chromium, so
 * the icons stay in step with one drawing. Run after editing an SVG:
 *   npx tsx e2e/tools/render-icons.ts
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser';

const iconsDir = fileURLToPath(new URL('../../web/public/icons/', import.meta.url));

const targets = [
  { source: 'icon.svg', size: 192, output: 'icon-192.png' },
  { source: 'icon.svg', size: 512, output: 'icon-512.png' },
  { source: 'icon-maskable.svg', size: 512, output: 'icon-maskable-512.png' },
] as const;

const browser = await launchBrowser();
try {
  for (const target of targets) {
    const svg = await readFile(`${iconsDir}${target.source}`, 'utf8');
    const page = await browser.newPage({ viewport: { width: target.size, height: target.size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${svg}`,
    );
    await page.screenshot({ path: `${iconsDir}${target.output}`, omitBackground: true });
    await page.close();
    console.log(`wrote ${target.output}`);
  }
} finally {
  await browser.close();
}
