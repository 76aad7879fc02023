/**
 * The terms mark.js is given: every company name and figure Footnote recognises in a page, found in Node with the
 * same recognition the content script runs (block by block, the dataset's alias table), as distinct strings.
 * (In the browser a long page only paints what is near the viewport, so its highlights do not list them all.)
 */
import { compileAliasTable, createCompanyMatcher } from '../../src/companies';
import { recognizeBlock } from '../../src/context/block-items';
import { extractHtmlText } from '../annotate';
import { loadDataset } from '../lib/load-dataset';

export async function recognisedTerms(htmlPages: readonly string[]): Promise<{ terms: string[]; matches: number }> {
  const dataset = await loadDataset();
  const matcher = createCompanyMatcher(compileAliasTable(dataset.companies));
  const terms = new Set<string>();
  let matches = 0;
  // As the content script does: one page, the companies seen so far carried from block to block.
  const knownCompanyIds = new Set<string>();
  for (const html of htmlPages) {
    for (const block of extractHtmlText(html).text.split('\n')) {
      for (const item of recognizeBlock(block, matcher, { knownCompanyIds })) {
        terms.add(item.surface);
        matches++;
      }
    }
  }
  return { terms: [...terms], matches };
}
