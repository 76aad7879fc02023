/** Which tab the popup speaks of: `popup.html?tab=ID`, else the active tab of the current window. */
import browser, { type Tabs } from 'webextension-polyfill';

export async function targetTab(search = location.search): Promise<Tabs.Tab | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    try {
      return await browser.tabs.get(Number(param));
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}
