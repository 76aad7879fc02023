/** Where the built extension, the fixtures and the browsers are. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CHROME_DIST = path.join(ROOT, 'dist', 'chrome');
export const FIREFOX_DIST = path.join(ROOT, 'dist', 'firefox');
/** The shared sample pages, read in place (not copied). */
export const SHARED_PAGES = path.join(ROOT, '..', 'shared', 'fixtures', 'pages');
/** Footnote's own test pages. */
export const OWN_PAGES = path.join(ROOT, 'test', 'fixtures', 'pages');

/** A hostname from the default news list; the tests map it to the local fixture server. */
export const NEWS_HOST = 'www.computerweekly.com';

function findBrowser(envName: string, candidates: string[], name: string, apt: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envName}=${fromEnv}, but there is no such file.`);
    return fromEnv;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `${name} was not found (looked for ${candidates.join(', ')}). Install it (sudo apt-get install ${apt}) or set ${envName} to its path.`,
    );
  }
  return found;
}

export const chromePath = () => findBrowser('CHROME_PATH', ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], 'Chromium', 'chromium');
export const firefoxPath = () => findBrowser('FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], 'Firefox', 'firefox-esr');

export function assertBuilt(): void {
  for (const dir of [CHROME_DIST, FIREFOX_DIST]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json: run "npm run build" first (npm run test:e2e does).`);
  }
}
