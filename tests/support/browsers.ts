// Whether a real-browser suite can run here. A missing browser skips the suite with a loud line,
// except under CI=true, where it is a failure.
import { hasChromium, CHROMIUM_INSTALL_HINT } from '../../scripts/lib/chromium.ts';
import { hasFirefox } from '../../scripts/lib/firefox.ts';

function available(name: string, present: boolean, hint: string): boolean {
  if (present) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is required under CI=true. ${hint}`);
  console.warn(`\n!!!!! SKIPPED: ${name} browser tests — ${hint} !!!!!\n`);
  return false;
}

export const chromiumAvailable = available('Chromium', hasChromium(), CHROMIUM_INSTALL_HINT);
export const firefoxAvailable = available('Firefox ESR', hasFirefox(), 'install it with `sudo apt-get install -y firefox-esr`');
