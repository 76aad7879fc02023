/** Mozilla's linter (the one addons.mozilla.org runs) finds no errors in the Firefox build. */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { assertBuilt, FIREFOX_DIST, ROOT } from './support/paths';

const run = promisify(execFile);

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string; file?: string }>;
  warnings: Array<{ code: string; message: string; file?: string }>;
}

describe('web-ext lint of dist/firefox', () => {
  it('reports no errors', async () => {
    assertBuilt();
    const bin = path.join(ROOT, 'node_modules', '.bin', 'web-ext');
    const { stdout } = await run(bin, ['lint', '--source-dir', FIREFOX_DIST, '--output', 'json', '--no-input'], { maxBuffer: 20 * 1024 * 1024 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as LintReport;
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
