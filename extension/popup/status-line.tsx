/** The dataset's version and where it lives, with the way to the options page. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/ask';

interface Status {
  version: string;
  origin: 'bundled' | 'feed';
  storage: 'indexeddb' | 'memory';
}

export function StatusLine() {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    ask<Status>({ type: 'get-status' }).then(setStatus, () => setStatus(null));
  }, []);
  return (
    <footer class="status">
      <span>
        {status ? `Dataset ${status.version} (${status.origin === 'feed' ? 'from the feed' : 'bundled'})` : 'Dataset: …'}
        {status?.storage === 'memory' ? ' · notes cannot be saved in this browser mode' : ''}
      </span>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Options
      </button>
    </footer>
  );
}
