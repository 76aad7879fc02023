/**
 * axe-core in the end-to-end run: injected into the page under test (a news page, or an extension page),
 * run there, and its violations brought back as plain data. The card is in an open shadow root, which axe
 * enters through a `fromShadowDom` selector.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** Each failing node's selector and axe's summary of what is wrong with it. */
  nodes: Array<{ target: string; summary: string }>;
}

/** The open card's dialog, inside the host's shadow root. */
export const CARD_CONTEXT = { include: [{ fromShadowDom: ['footnote-card', '[role="dialog"]'] }] };

/** Playwright's and Puppeteer's pages both evaluate a function with one argument, or a script. */
interface Evaluates {
  evaluate(script: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

declare const axe: {
  run(context: unknown, options: unknown): Promise<{
    violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
  }>;
};

/** Runs axe-core in the page on `context` (the whole document when omitted) and returns its violations. */
export async function axeViolations(page: Evaluates, context: unknown = null): Promise<AxeFinding[]> {
  const present = await page.evaluate((_: null) => typeof (globalThis as { axe?: unknown }).axe === 'object', null);
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (ctx: unknown) => {
      const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary ?? '' })),
      }));
    },
    context as unknown,
  );
}

/** Violations as readable lines, for an assertion message that says what is wrong. */
export function describeViolations(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.id} (${f.impact}): ${f.help}\n${f.nodes.map((n) => `  ${n.target}: ${n.summary}`).join('\n')}`).join('\n');
}
