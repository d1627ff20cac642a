import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../test/support/chromium-flags.js';

/** Debian's Chromium (or CHROME_PATH), headless: tools that download their own browser fail here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}
