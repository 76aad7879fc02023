/**
 * Currency markers as news writes them, keyed by their lower-cased tokens joined with spaces ("us $", "hk $",
 * "u . s . dollars"). A value is an ISO 4217 code, "$" / "¥" for a symbol whose currency the page decides
 * (`MoneyContext`), or a code ending in "?" for a word several currencies share, read as the likeliest one
 * ("francs" as CHF): such figures are marked `currencyAssumed`.
 */

/** A lookup table without Object.prototype behind it: "constructor" in a text is not a currency. */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Dollar or yen, to be settled from context. */
export const DOLLAR = '$';
export const YEN = '¥';

/** ISO 4217 codes read as currency markers when written in capitals. */
const CODES =
  'USD CNY CNH RMB EUR GBP JPY INR KRW HKD SGD AUD CAD TWD BRL CHF NZD MXN SEK NOK DKK PLN CZK HUF RUB ZAR AED SAR ' +
  'QAR KWD BHD OMR ILS EGP NGN KES MYR IDR THB VND PHP PKR BDT LKR MNT UAH BGN RON ISK ARS CLP COP KZT LBP JOD MAD ' +
  'XOF XAF GHS TZS UGX ETB MOP';
/** Codes also read in lower case (tokenised newswire writes "rmb 10", "eur 125"); none of them is an English word. */
const LOWER_OK = new Set('usd cny rmb eur gbp jpy inr krw hkd sgd aud cad twd brl chf nzd mxn myr sek nok dkk zar aed sar qar kwd ils egp mnt uah bgn'.split(' '));
// "MAD" (Moroccan dirham) is kept only in capitals and never before a plain word; see isCode.

const CODE_SET = new Set(CODES.split(' '));

/** An ISO code written as a token: "USD", or "usd" for the common ones. RMB and CNH mean CNY. */
export function codeOf(raw: string): string | null {
  const up = raw.toUpperCase();
  if (!CODE_SET.has(up)) return null;
  if (raw !== up && !LOWER_OK.has(raw)) return null;
  if (up === 'RMB' || up === 'CNH') return 'CNY';
  return up;
}

/** Symbols and abbreviations written before (and, for most, after) the number. */
export const SYMBOLS: Record<string, string> = table({
  '$': DOLLAR,
  'us $': 'USD', 'u . s . $': 'USD', 'u . s $': 'USD', 'usd $': 'USD',
  'hk $': 'HKD', 'hkd $': 'HKD',
  's $': 'SGD', 'sg $': 'SGD', 'sgd $': 'SGD',
  'a $': 'AUD', 'au $': 'AUD', 'aud $': 'AUD',
  'c $': 'CAD', 'ca $': 'CAD', 'can $': 'CAD', 'cad $': 'CAD',
  'nt $': 'TWD', 'twd $': 'TWD',
  'r $': 'BRL',
  'nz $': 'NZD', 'nzd $': 'NZD',
  'mex $': 'MXN', 'mx $': 'MXN', 'mxn $': 'MXN',
  '€': 'EUR', '€ ur': 'EUR', '£': 'GBP', '¥': YEN, '￥': YEN, '元': 'CNY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB',
  '₺': 'TRY', '₪': 'ILS', '₫': 'VND', '฿': 'THB', '₱': 'PHP', '₦': 'NGN', '₡': 'CRC', '₾': 'GEL', '₭': 'LAK',
  '₴': 'UAH', 'ரூ': 'LKR',
  'rs': 'INR', 'rs .': 'INR',
  'rm': 'MYR', 'rp': 'IDR',
});

/** Abbreviations that are currencies only in this exact case: "RM 42" (ringgit), not "rm -rf"; "Rp" (rupiah). */
export const CASE_SENSITIVE_SYMBOLS = new Set(['rm', 'rp']);

/** Currency words written after the number ("5 billion dollars"); a few also before it ("ringgit 42"). */
export const WORDS: Record<string, string> = table({
  'dollar': DOLLAR, 'dollars': DOLLAR, 'bucks': DOLLAR,
  'us dollar': 'USD', 'us dollars': 'USD', 'u . s . dollars': 'USD', 'u . s . dollar': 'USD', 'american dollars': 'USD',
  'australian dollar': 'AUD', 'australian dollars': 'AUD',
  'canadian dollar': 'CAD', 'canadian dollars': 'CAD',
  'hong kong dollar': 'HKD', 'hong kong dollars': 'HKD',
  'singapore dollar': 'SGD', 'singapore dollars': 'SGD',
  'new taiwan dollar': 'TWD', 'new taiwan dollars': 'TWD', 'taiwan dollars': 'TWD', 'taiwanese dollars': 'TWD',
  'new zealand dollar': 'NZD', 'new zealand dollars': 'NZD',
  'yuan': 'CNY', 'chinese yuan': 'CNY', 'renminbi': 'CNY', 'yuan renminbi': 'CNY', 'kuai': 'CNY',
  'euro': 'EUR', 'euros': 'EUR',
  'pound': 'GBP', 'pounds': 'GBP', 'sterling': 'GBP', 'pounds sterling': 'GBP', 'british pounds': 'GBP',
  'yen': 'JPY', 'japanese yen': 'JPY',
  'rupee': 'INR', 'rupees': 'INR', 'indian rupees': 'INR', 'pakistani rupees': 'PKR', 'sri lankan rupees': 'LKR',
  'won': 'KRW', 'korean won': 'KRW', 'south korean won': 'KRW',
  'ringgit': 'MYR', 'ringgits': 'MYR', 'malaysian ringgit': 'MYR', 'malaysian ringgits': 'MYR',
  'malaysia ringgit': 'MYR', 'malaysia ringgits': 'MYR',
  'rupiah': 'IDR', 'baht': 'THB', 'vietnamese dong': 'VND',
  'mexican pesos': 'MXN', 'philippine pesos': 'PHP', 'pesos': 'MXN?',
  'reais': 'BRL', 'brazilian real': 'BRL', 'brazilian reais': 'BRL',
  'swiss franc': 'CHF', 'swiss francs': 'CHF', 'francs': 'CHF?', 'french francs': 'FRF',
  'swedish kronor': 'SEK', 'kronor': 'SEK', 'norwegian kroner': 'NOK', 'danish kroner': 'DKK',
  'rand': 'ZAR', 'dirhams': 'AED', 'uae dirhams': 'AED',
  'saudi riyal': 'SAR', 'saudi riyals': 'SAR', 'saudiriyal': 'SAR', 'qatari riyal': 'QAR', 'qatari riyals': 'QAR',
  'kuwaiti dinar': 'KWD', 'kuwaiti dinars': 'KWD', 'lebanese pounds': 'LBP', 'egyptian pounds': 'EGP',
  'egyptianpound': 'EGP', 'egyptian pound': 'EGP',
  'shekel': 'ILS', 'shekels': 'ILS', 'turkish lira': 'TRY', 'lira': 'TRY?', 'riyals': 'SAR?', 'riyal': 'SAR?',
  'roubles': 'RUB', 'rubles': 'RUB', 'zloty': 'PLN', 'tugrik': 'MNT', 'tugriks': 'MNT', 'mongolian tugrik': 'MNT',
  'hryvnia': 'UAH', 'hryvnias': 'UAH', 'bulgarian lev': 'BGN', 'naira': 'NGN', 'kenyan shillings': 'KES',
  'finnish markka': 'FIM', 'markka': 'FIM', 'pesetas': 'ESP', 'dutch guilders': 'NLG', 'guilders': 'NLG',
  'deutsche marks': 'DEM', 'taka': 'BDT',
});

/** Words that may also come before the number ("ringgit 42", "malaysian ringgit 42"). */
export const PREFIX_WORDS = new Set(['ringgit', 'ringgits', 'malaysian ringgit', 'malaysian ringgits', 'malaysia ringgit', 'malaysia ringgits']);

/** Hundredths, after a number ("50 cents", "470 pence") and as the minor part of an amount ("$20 and 43c"). */
export const MINOR: Record<string, string> = table({
  'cent': DOLLAR, 'cents': DOLLAR, '¢': DOLLAR, 'penny': 'GBP', 'pennies': 'GBP', 'pence': 'GBP',
  'sen': 'MYR', 'sens': 'MYR', 'paise': 'INR', 'kopiyka': 'UAH', 'kopiykas': 'UAH', 'kopecks': 'RUB', 'kopeks': 'RUB',
});

/** Magnitudes after a number. One-letter forms count only when attached ("$4.5B", "$750m", "$10K"). */
export const MAGNITUDES: Record<string, number> = table({
  thousand: 1e3, thousands: 1e3, k: 1e3,
  million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, mio: 1e6, mm: 1e6,
  billion: 1e9, billions: 1e9, b: 1e9, bn: 1e9, bln: 1e9,
  trillion: 1e12, trillions: 1e12, t: 1e12, tn: 1e12, trn: 1e12, tr: 1e12,
  crore: 1e7, crores: 1e7, cr: 1e7, lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5,
});
export const ONE_LETTER_MAGNITUDES = new Set(['k', 'm', 'b', 't']);

/** Longest number of tokens in any key above. */
export const MAX_PHRASE_TOKENS = 5;

const lastToken = (k: string): string => k.slice(k.lastIndexOf(' ') + 1);
const firstToken = (k: string): string => k.split(' ')[0]!;
/** Tokens a currency marker before a number can end with; anything else is ruled out at once. */
export const PREFIX_LAST = new Set([...Object.keys(SYMBOLS).map(lastToken), ...[...PREFIX_WORDS].map(lastToken)]);
const prefixKeys = [...Object.keys(SYMBOLS), ...PREFIX_WORDS];
const suffixKeys = [...Object.keys(SYMBOLS), ...Object.keys(WORDS), ...Object.keys(MINOR)];
/** Every run of last tokens of a marker before a number ("$", "s $", ". s $"): reading further back is pointless otherwise. */
export const PREFIX_TAILS = new Set(prefixKeys.flatMap((k) => k.split(' ').map((_, i, a) => a.slice(i).join(' '))));
/** Every run of first tokens of a marker after a number ("hong", "hong kong"). */
export const SUFFIX_HEADS = new Set(suffixKeys.flatMap((k) => k.split(' ').map((_, i, a) => a.slice(0, i + 1).join(' '))));
/** Tokens a currency marker after a number can start with. */
export const SUFFIX_FIRST = new Set([...Object.keys(SYMBOLS), ...Object.keys(WORDS), ...Object.keys(MINOR)].map(firstToken));
