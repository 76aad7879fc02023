/** `npm run --silent annotate -- --jsonl -` as DESIGN.md's "Stable interfaces" describes it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function annotate(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/annotate.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('annotate CLI', () => {
  it('reads JSON lines from stdin and writes one line per input with the stable fields', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Alibaba will invest RMB 380 billion (US$53bn) over three years.' }),
      JSON.stringify({ id: 7, text: 'Nothing here.' }),
    ].join('\n');
    const r = annotate(['--jsonl', '-', '--date', '2025-02-25'], input);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 7]);
    const first = lines[0] as { companies: Record<string, unknown>[]; money: Record<string, unknown>[]; percents: unknown[] };
    expect(first.companies[0]).toMatchObject({ surface: 'Alibaba', start: 0, end: 7, companyId: 'alibaba', name: expect.any(String) });
    expect(first.money.map((m) => [m.surface, m.start, m.end, m.amount, m.currency])).toEqual([
      ['RMB 380 billion', 20, 35, 380e9, 'CNY'],
      ['US$53bn', 37, 44, 53e9, 'USD'],
    ]);
    expect(first.money[1]!.usd).toBe(53e9);
    expect(typeof first.money[0]!.usd).toBe('number');
    expect(lines[1]).toMatchObject({ companies: [], money: [], percents: [] });
  }, 60_000);

  it('annotates a .txt file as one document, and fails with a message on a bad line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'footnote-annotate-'));
    const txt = path.join(dir, 'note.txt');
    writeFileSync(txt, 'AWS revenue rose 19% to $29.3bn.');
    const r = annotate([txt]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { percents: { surface: string; value: number }[]; money: { surface: string }[] };
    expect(out.percents.map((p) => [p.surface, p.value])).toEqual([['19%', 19]]);
    expect(out.money.map((m) => m.surface)).toEqual(['$29.3bn']);
    const bad = annotate(['--jsonl', '-'], '{"id": 1}\n');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/line 1: "text" must be a string/);
  }, 60_000);
});
