/** Look up any company in the dataset by name, brand, subsidiary or ticker. */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { CompanyHit } from '../../src/dataset/search';

export function SearchBox({ onPick }: { onPick(id: string): void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CompanyHit[]>([]);

  useEffect(() => {
    if (!query.trim()) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      ask<CompanyHit[]>({ type: 'search-companies', query }).then(setHits, () => setHits([]));
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div class="search" role="search">
      <label>
        <span class="visually-hidden">Look up a company</span>
        <input
          type="search"
          placeholder="Look up a company or ticker"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) {
              onPick(hits[0].id);
              setQuery('');
            }
          }}
        />
      </label>
      {query.trim() ? (
        <ul class="search-results" aria-label="Search results">
          {hits.length === 0 ? <li class="muted">No company matches “{query}”.</li> : null}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(hit.id);
                  setQuery('');
                }}
              >
                <strong>{hit.name}</strong>
                {hit.matched ? <span class="muted"> ({hit.matched})</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
