/**
 * `npm start`: builds Footnote, serves the sample article, and opens Chromium with the extension loaded on
 * it. Where there is no display (or no Chromium), it builds and serves, and prints how to load the unpacked
 * extension and the article's address. Ctrl+C stops it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { buildExtension } from './build';
import { ROOT } from './lib/load-dataset';
import { startFixtureServer } from '../test/e2e/support/fixture-server';
import { NEWS_HOST } from '../test/e2e/support/paths';

const ARTICLE = 'alibaba-bets-53bn.html';

function findChromium(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  await buildExtension();
  // A fixed port (PORT, else 8731) keeps the article's address the same from one start to the next.
  const wanted = Number(process.env.PORT ?? 8731);
  const server = await startFixtureServer(undefined, wanted).catch(() => startFixtureServer());
  const local = server.url(ARTICLE);
  const mapped = server.url(ARTICLE, NEWS_HOST);
  const chromium = findChromium();
  const chromeDir = path.join(ROOT, 'dist', 'chrome');
  const firefoxDir = path.join(ROOT, 'dist', 'firefox');

  const howTo = `
Load Footnote by hand:
  Chrome / Chromium: open chrome://extensions, turn on "Developer mode", "Load unpacked", choose
      ${chromeDir}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…", choose
      ${path.join(firefoxDir, 'manifest.json')}

The sample article is served at
      ${local}
Footnote runs on news sites by default; on this local address, click Footnote's toolbar button and
choose "Enable on this site" once. Then hover "US$53bn".`;

  if (!chromium || !hasDisplay() || process.env.CI) {
    console.log(!chromium ? '\nNo Chromium found (set CHROME_PATH to use one).' : '\nNo display here, so no browser is opened.');
    console.log(howTo);
    console.log('\nServing until you press Ctrl+C.');
  } else {
    const profile = path.join(ROOT, '.footnote-tmp', 'chromium-profile');
    await rm(profile, { recursive: true, force: true });
    await mkdir(profile, { recursive: true });
    const args = [
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-sync',
      `--disable-extensions-except=${chromeDir}`,
      `--load-extension=${chromeDir}`,
      // The article is served locally under a news site's name, where Footnote runs by default.
      `--host-resolver-rules=MAP ${NEWS_HOST} 127.0.0.1`,
      // Chromium refuses to run as root with its sandbox (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      mapped,
    ];
    console.log(`\nOpening Chromium with Footnote on ${mapped}`);
    console.log(`(the article is also at ${local}; close the browser or press Ctrl+C to stop)`);
    const started = Date.now();
    const child = spawn(chromium, args, { stdio: 'ignore' });
    child.on('exit', (code) => {
      if (Date.now() - started < 5_000 && code !== 0) {
        // It could not start (no usable display, a missing library): fall back to loading it by hand.
        console.log(`\nChromium exited at once (code ${code}).`);
        console.log(howTo);
        console.log('\nServing until you press Ctrl+C.');
        return;
      }
      void server.close().then(() => process.exit(0));
    });
    child.on('error', (error) => {
      console.error(`Could not start ${chromium}: ${error.message}`);
      console.log(howTo);
    });
  }
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
