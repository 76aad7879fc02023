/**
 * The everyday senses of company names that are also common words, as context patterns (case-insensitive, tested
 * against the sentence; an occurrence they cover is not the company). The dataset's own `excludeContexts` come on
 * top of these; these hold for any dataset, so that "the Amazon rainforest" never waits for a data file to say so.
 */
import { table } from '../figures/currencies';

export const COMMON_SENSES: Record<string, string[]> = table({
  apple: [
    'apple[- ](pies?|juice|cider|trees?|orchards?|sauce|crumble|strudel|tart|blossoms?|harvest|growers?|picking)',
    'apples? (and|to) oranges', 'big apple', "adam'?s apple", 'an apple a day', 'toffee apple', 'candy apple',
  ],
  amazon: ['amazon (rainforest|rain forest|river|basin|jungle|region|forest|delta|biome|tribes?|deforestation)', 'amazonian'],
  oracle: ['oracles? of', 'delphic oracle', 'the oracle at'],
  grab: [
    'grab[- ](a|an|the|your|my|our|some|this|that) (coffee|seat|bite|drink|cup|copy|snack|lunch|dinner|breakfast|look|chance|spot)',
    'grab[- ](and|&)[- ]go', 'grab bag', 'grab hold',
  ],
  meta: ['meta[- ]?(analysis|analyses|analytic|data|description|tags?|learning|narrative|physics|cognition)'],
  prudential: [
    'prudential (approach|regulation|regulators?|supervision|supervisor|authority|standards?|rules?|requirements?|limits?|policy|policies|measures?|ratios?|framework|banking|management|manner|behaviou?r|norms?|oversight|buffer|capital)',
    'australian prudential', 'prudential regulation authority',
  ],
  arm: [
    'arm[- ]?wrestl\\w*', "arms?(['’]s)? (race|length|deal|sales|control|dealers?|embargo)", 'strong[- ]arm', '(right|left) arm',
    'arm (and|or) a leg', 'twist(ed|ing)? (the|his|her|their|its) arm',
  ],
  intel: ['intel (from|gathered|suggests|suggested|gleaned|on the ground)', '(military|battlefield|market|insider) intel'],
  tesla: ['nikola tesla', 'tesla,? (the|an?) (inventor|engineer|scientist|physicist)', 'tesla coils?', '\\d+(\\.\\d+)? ?teslas?\\b'],
  mistral: ['mistral winds?', 'the mistral (blows|blew|wind)', 'mistral,? (a|the) (cold|strong|northerly) wind'],
  shell: ['shell[- ](company|companies|corporations?|game|shock(ed)?|out|casings?|suits?)', 'sea ?shells?', 'in a nutshell'],
  snowflake: ['snowflakes? (fell|falling|fall)'],
});
