/** Money and percent recognition (browser-free). */
import { findMoneyInTokens } from './money';
import { findPercentsInTokens } from './percents';
import { tokenize } from './tokens';
import type { MoneyContext, MoneyMatch, PercentMatch } from './types';

export { findMoney } from './money';
export { findPercents } from './percents';
export type { FigureMatch, MoneyContext, MoneyMatch, PercentMatch, QualifierBound } from './types';

/** Money and percentages of one text, tokenised once. */
export function findFigures(text: string, context: MoneyContext = {}): { money: MoneyMatch[]; percents: PercentMatch[] } {
  const tokens = tokenize(text);
  return { money: findMoneyInTokens(tokens, context), percents: findPercentsInTokens(tokens) };
}
