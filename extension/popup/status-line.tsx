/** The dataset's version, where it lives and the last sync's outcome, with the way to the options page. */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { StatusReply } from '../options/feed-section';

export function StatusLine() {
  const [status, setStatus] = useState<StatusReply | null>(null);
  useEffect(() => {
    ask<StatusReply>({ type: 'get-status' }).then(setStatus, () => setStatus(null));
  }, []);
  const outcome = status?.sync?.lastOutcome;
  return (
    <footer class="status">
      <div>
        <span class="dataset-version">
          {status ? `Dataset ${status.version} (${status.origin === 'feed' ? 'from the feed' : 'bundled'})` : 'Dataset: …'}
        </span>
        {status?.storage === 'memory' ? <span class="warn"> · notes cannot be saved in this browser mode</span> : null}
        {outcome?.status === 'failed' ? (
          <p class="sync-error" role="status">
            Last sync failed: {outcome.message}
          </p>
        ) : null}
      </div>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Options
      </button>
    </footer>
  );
}
