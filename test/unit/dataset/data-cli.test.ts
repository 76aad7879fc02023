import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microsoftLike } from './fixtures';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

async function data(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/data.ts', ...args], { cwd: path.resolve('.') });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let good: string;
let bad: string;

async function writeDataDir(companies: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'footnote-data-'));
  await mkdir(path.join(dir, 'companies'));
  await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ version: '2026.11.26', published: '2026-11-26T00:00:00Z' }));
  await writeFile(path.join(dir, 'fx.json'), JSON.stringify({ rates: [] }));
  for (const [name, value] of Object.entries(companies)) await writeFile(path.join(dir, 'companies', name), typeof value === 'string' ? value : JSON.stringify(value));
  return dir;
}

beforeAll(async () => {
  good = await writeDataDir({ 'contoso.json': microsoftLike() });
  const wrongYearEnd = microsoftLike();
  wrongYearEnd.facts = wrongYearEnd.facts!.map((f) => (f.metric === 'capex' ? { ...f, currency: 'CNY', periodEnd: '2025-12-31', source: { ...f.source, published: '2026-02-01' } } : f));
  bad = await writeDataDir({ 'contoso.json': wrongYearEnd, 'broken.json': '{' });
});

afterAll(async () => {
  await rm(good, { recursive: true, force: true });
  await rm(bad, { recursive: true, force: true });
});

describe('npm run data', () => {
  it('check exits 0 on a consistent dataset', async () => {
    const result = await data('check', '--data', good);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('data check: 1 company file, 0 errors, 0 warnings');
  });

  it('check exits 1 and names the file and the point of every error', async () => {
    const result = await data('check', '--data', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/companies\/contoso\.json: facts\[3\] capex FY2025: periodEnd 2025-12-31 does not fit FY2025/);
    expect(result.stderr).toMatch(/fx\.json: CNY: no FX rate for CNY/);
    expect(result.stderr).toMatch(/companies\/broken\.json: not valid JSON/);
  });

  it('facts writes one JSON line per data point', async () => {
    const result = await data('facts', '--data', good);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.companyId === 'contoso' && typeof l.source === 'object')).toBe(true);
  });
});
