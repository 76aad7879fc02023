/** What issue #2 says a reader sees on the sample article (../shared/fixtures/pages/alibaba-bets-53bn.html). */
export const ARTICLE = 'alibaba-bets-53bn.html';

export const EXPECTED_COMPANIES = ['Alibaba', 'Alibaba Cloud', 'Apple', 'AWS', 'Google', 'Grab', 'Prudential'];

export const EXPECTED_FIGURES = {
  money: ['RMB 380 billion', 'US$53bn', '$80bn'],
  percent: ['11%'],
};

/** Text that must not be inside any highlight. */
export const NOT_HIGHLIGHTED = ['Grab a coffee', 'Meta-analysis', 'Meta', 'triple-digit', 'I doubt Alibaba'];
