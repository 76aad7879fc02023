/** Reading and changing the reader's settings in `browser.storage.local` (extension pages and background). */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../src/settings/settings';

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await getSettings();
  const next = parseSettings({ ...current, ...change(current) });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
