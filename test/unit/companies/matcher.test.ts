import { describe, expect, it } from 'vitest';
import { compileAliasTable, createCompanyMatcher, type AliasSource } from '../../../src/companies';
import { foldPattern } from '../../../src/companies/matcher';

/** Small company records in the dataset's shape: the alias rules under test, not the dataset's contents. */
const COMPANIES: AliasSource[] = [
  {
    id: 'alibaba', name: 'Alibaba', legalName: 'Alibaba Group Holding Limited', country: 'CN',
    aliases: [
      { text: 'Alibaba Cloud', kind: 'subsidiary' },
      { text: 'Aliyun', kind: 'subsidiary' },
    ],
    tickers: [{ symbol: 'BABA', exchange: 'NYSE' }, { symbol: '9988', exchange: 'HKEX' }],
  },
  {
    id: 'amazon', name: 'Amazon', legalName: 'Amazon.com, Inc.', country: 'US',
    aliases: [
      { text: 'Amazon', kind: 'name', ambiguous: true, excludeContexts: ['amazon (rainforest|river)'] },
      { text: 'AWS', kind: 'subsidiary', caseSensitive: true },
      { text: 'Amazon Web Services', kind: 'subsidiary' },
    ],
  },
  {
    id: 'alphabet', name: 'Alphabet', legalName: 'Alphabet Inc.', country: 'US',
    aliases: [
      { text: 'Google', kind: 'subsidiary' },
      { text: 'Google Cloud', kind: 'subsidiary' },
      { text: 'DeepMind', kind: 'subsidiary' },
      { text: 'Gemini', kind: 'product', caseSensitive: true, ambiguous: true },
    ],
  },
  {
    id: 'microsoft', name: 'Microsoft', legalName: 'Microsoft Corporation', country: 'US',
    aliases: [{ text: 'Azure', kind: 'product', caseSensitive: true }],
    tickers: [{ symbol: 'MSFT', exchange: 'NASDAQ' }],
  },
  { id: 'bytedance', name: 'ByteDance', legalName: 'ByteDance Ltd.', country: 'CN', aliases: [{ text: 'TikTok', kind: 'subsidiary' }, { text: 'Volcano Engine', kind: 'subsidiary' }] },
  { id: 'oracle', name: 'Oracle', legalName: 'Oracle Corporation', country: 'US', aliases: [{ text: 'Oracle', kind: 'name', caseSensitive: true, ambiguous: true }, { text: 'OCI', kind: 'product', caseSensitive: true }] },
  { id: 'apple', name: 'Apple', legalName: 'Apple Inc.', country: 'US', aliases: [{ text: 'Apple', kind: 'name', caseSensitive: true }] },
  { id: 'grab', name: 'Grab', legalName: 'Grab Holdings Limited', country: 'SG', aliases: [{ text: 'Grab', kind: 'name', caseSensitive: true }], tickers: [{ symbol: 'GRAB', exchange: 'NASDAQ' }] },
  { id: 'meta', name: 'Meta', legalName: 'Meta Platforms, Inc.', country: 'US', aliases: [{ text: 'Meta', kind: 'name', caseSensitive: true }] },
  { id: 'prudential', name: 'Prudential', legalName: 'Prudential plc', country: 'GB', aliases: [{ text: 'Prudential', kind: 'name', caseSensitive: true }] },
  { id: 'arm', name: 'Arm', legalName: 'Arm Holdings plc', country: 'GB', aliases: [{ text: 'Arm', kind: 'name', caseSensitive: true, ambiguous: true }] },
  { id: 'intel', name: 'Intel', legalName: 'Intel Corporation', country: 'US', aliases: [{ text: 'Intel', kind: 'name', caseSensitive: true }] },
  { id: 'tesla', name: 'Tesla', legalName: 'Tesla, Inc.', country: 'US', aliases: [{ text: 'Tesla', kind: 'name' }] },
  { id: 'mistral-ai', name: 'Mistral AI', legalName: 'Mistral AI SAS', country: 'FR', aliases: [{ text: 'Mistral', kind: 'name', caseSensitive: true }] },
  { id: 'shell', name: 'Shell', legalName: 'Shell plc', country: 'GB', aliases: [{ text: 'Shell', kind: 'name', caseSensitive: true }] },
];

const matcher = createCompanyMatcher(compileAliasTable(COMPANIES));

function found(text: string, options = {}): [string, string][] {
  return matcher.find(text, options).map((m) => [m.surface, m.companyId]);
}

describe('compileAliasTable', () => {
  it('is plain JSON that survives a round trip (the build precomputes it for the content script)', () => {
    const table = compileAliasTable(COMPANIES);
    const copy = JSON.parse(JSON.stringify(table)) as typeof table;
    expect(copy).toEqual(table);
    expect(createCompanyMatcher(copy).find('AWS and Azure').map((m) => m.companyId)).toEqual(['amazon', 'microsoft']);
  });

  it('adds names, legal names and tickers; a numeric symbol only in its exchange forms', () => {
    const texts = compileAliasTable(COMPANIES).aliases.filter((a) => a.company === 0).map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining(['Alibaba', 'Alibaba Group Holding Limited', 'BABA', '9988.HK', 'HKEX: 9988']));
    expect(texts).not.toContain('9988');
  });

  it('keeps the dataset rule for a spelling: a case-sensitive "Grab" is not undone by the name, the ticker "GRAB" stays', () => {
    const grab = compileAliasTable(COMPANIES).aliases.filter((a) => a.text.toLowerCase() === 'grab');
    expect(grab.map((a) => [a.text, a.kind, a.caseSensitive])).toEqual([['Grab', 'name', true], ['GRAB', 'ticker', true]]);
  });
});

describe('createCompanyMatcher', () => {
  it('maps brands, subsidiaries and products to their parent', () => {
    expect(found('AWS, Amazon Web Services, Azure, Google, Google Cloud, DeepMind, Alibaba Cloud, Aliyun, TikTok, Volcano Engine, OCI')).toEqual([
      ['AWS', 'amazon'], ['Amazon Web Services', 'amazon'], ['Azure', 'microsoft'], ['Google', 'alphabet'],
      ['Google Cloud', 'alphabet'], ['DeepMind', 'alphabet'], ['Alibaba Cloud', 'alibaba'], ['Aliyun', 'alibaba'],
      ['TikTok', 'bytedance'], ['Volcano Engine', 'bytedance'], ['OCI', 'oracle'],
    ]);
  });

  it('prefers the longest alias: "Alibaba Cloud" over "Alibaba"', () => {
    const [m] = matcher.find('Alibaba Cloud revenue rose.');
    expect([m!.surface, m!.aliasKind, m!.alias]).toEqual(['Alibaba Cloud', 'subsidiary', 'Alibaba Cloud']);
  });

  it('finds tickers, with their exchange when written: BABA, 9988.HK, NASDAQ: MSFT', () => {
    expect(found('BABA 132.45 ▲2.1% 9988.HK HK$129.30 MSFT 408.21 ▼0.4%')).toEqual([['BABA', 'alibaba'], ['9988.HK', 'alibaba'], ['MSFT', 'microsoft']]);
    expect(found('Microsoft (NASDAQ: MSFT) and Alibaba (HKEX: 9988)')).toEqual([
      ['Microsoft', 'microsoft'], ['NASDAQ: MSFT', 'microsoft'], ['Alibaba', 'alibaba'], ['HKEX: 9988', 'alibaba'],
    ]);
  });

  it('matches whole words only, with possessives and typographic apostrophes', () => {
    expect(found('Alibaba’s cloud and Alibaba\'s stock')).toEqual([['Alibaba', 'alibaba'], ['Alibaba', 'alibaba']]);
    expect(found('The lawsuits and draws were Alibabas')).toEqual([]);
    const [m] = matcher.find('Alibaba’s cloud');
    expect([m!.start, m!.end]).toEqual([0, 7]);
  });

  it('reads headline case: "Grab Names AWS As Preferred Cloud Provider"', () => {
    expect(found('Grab Names AWS As Preferred Cloud Provider')).toEqual([['Grab', 'grab'], ['AWS', 'amazon']]);
    expect(found('Southeast Asian super app Grab names AWS as its preferred cloud provider')).toEqual([['Grab', 'grab'], ['AWS', 'amazon']]);
  });

  it.each([
    'Apple pie sales soared over Thanksgiving.',
    'He is regarded as an oracle of markets.',
    'Grab a coffee and catch up on this week’s cloud outages',
    'Grab your copy of the report.',
    'Meta-analysis: are AI pilots paying off for APAC banks?',
    'Fires in the Amazon rainforest hit a record.',
    'The bank took a prudential approach to lending.',
    'The Prudential Regulation Authority fined the lender.',
    'Arm wrestling is an unusual team-building exercise.',
    'The report was based on intel from analysts.',
    'Intel from analysts suggests a slowdown.',
    'Nikola Tesla, the inventor, died in 1943.',
    'Tesla the inventor was born in 1856.',
    'The mistral wind blew hard across Provence.',
    'Hermit crabs move into a bigger shell as they grow.',
    'Shell out for the premium plan.',
    'Gemini season starts in late May, astrologers say.',
    'GRAB A BARGAIN: CLOUD CREDITS FOR STARTUPS',
  ])('reads a common word as a word: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('still finds those companies where the context says so', () => {
    expect(found('Apple will invest more than $500 billion in the US.')).toEqual([['Apple', 'apple']]);
    expect(found('Meta-owned WhatsApp and Arm-based chips')).toEqual([['Meta', 'meta'], ['Arm', 'arm']]);
    expect(found('Prudential is leveraging AI across its operations.')).toEqual([['Prudential', 'prudential']]);
    expect(found('Shell said it would cut spending.')).toEqual([['Shell', 'shell']]);
    expect(found('Nearly half a million civil servants will get Google Workspace with Gemini.')).toEqual([['Google', 'alphabet'], ['Gemini', 'alphabet']]);
    expect(found('Apple will pay for a custom Gemini model.')).toEqual([['Apple', 'apple'], ['Gemini', 'alphabet']]);
  });

  it('lets the page vouch for a common word in shouting text', () => {
    expect(found('GRAB SHARES JUMP')).toEqual([]);
    expect(found('GRAB SHARES JUMP', { knownCompanyIds: ['grab'] })).toEqual([['GRAB', 'grab']]);
  });

  it('reports UTF-16 offsets into the text as given', () => {
    const text = '🚀 Alibaba Cloud — AWS';
    for (const m of matcher.find(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('applies exclusion patterns in any case against text in any case, escapes keeping their meaning', () => {
    const xylo = createCompanyMatcher(
      compileAliasTable([
        { id: 'x', name: 'Xylo', legalName: 'Xylo Inc', country: 'US', aliases: [{ text: 'Xylo', kind: 'name', excludeContexts: ['Xylo\\W+Phones?', '\\d+ ?xylos\\b', 'XYLO \\S+ DRUM'] }] },
      ]),
    );
    const ids = (text: string) => xylo.find(text).map((m) => m.companyId);
    expect(ids('the xylo-phone played on')).toEqual([]);
    expect(ids('A XYLO PHONE solo')).toEqual([]);
    expect(ids('a xylo big drum')).toEqual([]);
    // \W, \S and \d are still classes, not lower-cased into the letters w, s and d.
    expect(ids('Xylo wphone sales rose')).toEqual(['x']);
    expect(ids('Xylo said its drum unit grew')).toEqual(['x']);
    expect(ids('Xylo raised money')).toEqual(['x']);
  });

  it('folds a pattern for the lower-cased text: letters lowered, escapes kept', () => {
    expect(foldPattern('Amazon (Rain ?Forest|River)\\B\\W[A-Z]')).toBe('amazon (rain ?forest|river)\\B\\W[a-z]');
  });

  it('survives a bad exclusion pattern in a data file', () => {
    const broken = createCompanyMatcher(compileAliasTable([{ id: 'x', name: 'Xylo', legalName: 'Xylo Inc', country: 'US', aliases: [{ text: 'Xylo', kind: 'name', excludeContexts: ['(unclosed'] }] }]));
    expect(broken.find('Xylo raised money').map((m) => m.companyId)).toEqual(['x']);
  });
});
