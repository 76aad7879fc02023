/** Number and money formatting for cards and summaries, in the reader's locale. */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat('en', options);
    }
    formatters.set(key, f);
  }
  return f;
}

/** "US$53B", "CN¥380B", "€5.2M": compact money with three significant digits. */
export function formatMoney(value: number, currency: string, locale = 'en'): string {
  const abs = Math.abs(value);
  const options: Intl.NumberFormatOptions =
    abs >= 1000
      ? { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }
      : { style: 'currency', currency, maximumFractionDigits: 2 };
  try {
    return formatter(locale, options).format(value);
  } catch {
    // An unknown currency code: write the number and the code.
    return `${formatNumber(value, locale)} ${currency}`;
  }
}

/** "380B", "1.2K", "17.6": compact number with three significant digits. */
export function formatNumber(value: number, locale = 'en'): string {
  return formatter(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** "11%", "-3.5%", "12.5 pp" for percentage points. */
export function formatPercent(value: number, locale = 'en', unit: 'percent' | 'points' = 'percent'): string {
  const n = formatter(locale, { maximumFractionDigits: 1 }).format(value);
  return unit === 'points' ? `${n} pp` : `${n}%`;
}

/** "2.0x", "0.45x": a ratio with two significant digits. */
export function formatRatio(ratio: number, locale = 'en'): string {
  return `${formatter(locale, { maximumSignificantDigits: 2, minimumSignificantDigits: 2 }).format(ratio)}x`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/** "15 May 2025" from an ISO date, in the reader's locale. Formatters are made once per locale: making one is slow. */
export function formatDate(iso: string, locale = 'en'): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  if (!dateFormats.has(locale)) {
    try {
      dateFormats.set(locale, new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
    } catch {
      dateFormats.set(locale, null);
    }
  }
  return dateFormats.get(locale)?.format(date) ?? iso.slice(0, 10);
}

const currencyNames = new Map<string, Intl.DisplayNames | null>();

/** "US Dollar", "Chinese Yuan": a currency's name in the reader's language, or its code. */
export function currencyName(code: string, locale = 'en'): string {
  if (!currencyNames.has(locale)) {
    try {
      currencyNames.set(locale, new Intl.DisplayNames([locale], { type: 'currency' }));
    } catch {
      currencyNames.set(locale, null);
    }
  }
  try {
    return currencyNames.get(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}
