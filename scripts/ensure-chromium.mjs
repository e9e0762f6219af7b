// The end-to-end tests drive Debian's Chromium. Install it when we can (root on Debian), otherwise
// stop with a one-line instruction. Playwright's own browser download cannot work on this network.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const bin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(bin)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian Chromium for the end-to-end tests…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error(`Chromium not found at ${bin}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and retry.`);
    process.exit(1);
  }
}
