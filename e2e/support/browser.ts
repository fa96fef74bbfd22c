import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, since Playwright cannot download its own browser here.
 * The flags keep it from phoning home: on a closed network those background
 * connections fail by the dozen and slow every start.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
