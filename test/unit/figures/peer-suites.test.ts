import { describe, expect, it } from 'vitest';
import {
  formatResult, outOfScope, runDuckling, runDucklingNegative, runRecognizersCurrency, runRecognizersPercent,
  type SuiteResult,
} from './peer-harness';

/** The bar: at least 90% of the in-scope cases of each peer suite. */
const BAR = 0.9;

function check(r: SuiteResult): void {
  console.info(formatResult(r));
  for (const f of r.failures) console.info(`  fails: ${f}`);
  expect(r.inScope, `${r.name}: no case in scope`).toBeGreaterThan(0);
  expect(r.passed / r.inScope, `${r.name}\n${r.failures.join('\n')}`).toBeGreaterThanOrEqual(BAR);
}

describe('peer suites (../shared/peer-tests, read in place)', () => {
  it("passes at least 90% of Duckling's English money inputs in scope", () => check(runDuckling()));
  it("passes at least 90% of Duckling's negative examples", () => check(runDucklingNegative()));
  it("passes at least 90% of Recognizers-Text's English currency cases in scope", () => check(runRecognizersCurrency()));
  it("passes at least 90% of Recognizers-Text's English percent cases in scope", () => check(runRecognizersPercent()));

  it('gives a reason for every case held out of scope', () => {
    const all = [...outOfScope.duckling, ...outOfScope.recognizersCurrency, ...outOfScope.recognizersPercent];
    expect(all.length).toBeGreaterThan(0);
    for (const o of all) expect(o.reason.length, JSON.stringify(o)).toBeGreaterThan(20);
  });
});
