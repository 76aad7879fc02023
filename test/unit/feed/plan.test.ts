import { describe, expect, it } from 'vitest';
import type { FeedIndex } from '../../../src/feed/format';
import { planFeedUpdate } from '../../../src/feed/plan';

const hash = (c: string) => c.repeat(64);

const index: FeedIndex = {
  formatVersion: 1,
  datasetVersion: '2027.02.20',
  published: '2027-02-20T00:00:00Z',
  expires: '2027-03-22T00:00:00Z',
  files: [
    { path: 'meta.json', sha256: hash('a'), size: 60, kind: 'meta' },
    { path: 'fx.json', sha256: hash('b'), size: 900, kind: 'fx' },
    { path: 'companies/alibaba.json', sha256: hash('c'), size: 4000, kind: 'company' },
    { path: 'companies/tencent.json', sha256: hash('d'), size: 3000, kind: 'company' },
  ],
};

const paths = (entries: { path: string }[]) => entries.map((e) => e.path);

describe('planFeedUpdate', () => {
  it('downloads every file when nothing is held', () => {
    const plan = planFeedUpdate(index, { version: null, files: {} });
    expect(plan.action === 'update' && paths(plan.download)).toEqual(paths(index.files));
    expect(plan.action === 'update' && plan.keep).toEqual([]);
  });

  it('downloads only the files whose hash differs from the held one', () => {
    const plan = planFeedUpdate(index, {
      version: '2026.11.26',
      files: { 'meta.json': hash('0'), 'fx.json': hash('b'), 'companies/alibaba.json': hash('c'), 'companies/tencent.json': hash('9') },
    });
    expect(plan.action).toBe('update');
    if (plan.action !== 'update') return;
    expect(paths(plan.download)).toEqual(['meta.json', 'companies/tencent.json']);
    expect(paths(plan.keep)).toEqual(['fx.json', 'companies/alibaba.json']);
  });

  it('downloads a file new in this version', () => {
    const plan = planFeedUpdate(index, { version: '2026.11.26', files: { 'fx.json': hash('b'), 'companies/alibaba.json': hash('c') } });
    expect(plan.action === 'update' && paths(plan.download)).toEqual(['meta.json', 'companies/tencent.json']);
  });

  it('does nothing for the version already held', () => {
    expect(planFeedUpdate(index, { version: '2027.02.20', files: {} })).toEqual({ action: 'none' });
  });

  it('refuses an older version than the one held', () => {
    expect(planFeedUpdate(index, { version: '2027.02.20.1', files: {} })).toEqual({
      action: 'refuse',
      error: { kind: 'rollback', held: '2027.02.20.1', offered: '2027.02.20' },
    });
  });
});
