import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, parseSettings } from '../../../src/settings/settings';
import { hostMatchesSite, isSiteDisabled } from '../../../src/settings/site-rules';
import { isNewsSite, NEWS_SITE_PATTERNS } from '../../../src/sites/news-sites';

describe('settings', () => {
  it('defaults to US dollars and a hover delay', () => {
    expect(DEFAULT_SETTINGS.displayCurrency).toBe('USD');
    expect(DEFAULT_SETTINGS.hoverDelayMs).toBeGreaterThan(0);
  });

  it('keeps the valid fields of damaged stored settings and defaults the rest', () => {
    const s = parseSettings({ displayCurrency: 'EUR', hoverDelayMs: -5, disabledSites: 'nope' });
    expect(s.displayCurrency).toBe('EUR');
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.disabledSites).toEqual([]);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('runs on default news sites and their subdomains unless turned off, elsewhere only when turned on', () => {
    expect(isNewsSite('www.reuters.com')).toBe(true);
    expect(isNewsSite('asia.nikkei.com')).toBe(true);
    expect(isNewsSite('notreuters.com')).toBe(false);
    const s = parseSettings({ disabledSites: ['cnbc.com'], enabledSites: ['example.org'] });
    expect(isSiteEnabled(s, 'www.cnbc.com', true)).toBe(false);
    expect(isSiteEnabled(s, 'blog.example.org', false)).toBe(true);
    expect(isSiteEnabled(s, 'other.net', false)).toBe(false);
  });

  it('matches hosts by whole labels', () => {
    expect(hostMatchesSite('ft.com', 'ft.com')).toBe(true);
    expect(hostMatchesSite('www.ft.com.', 'ft.com')).toBe(true);
    expect(hostMatchesSite('microsoft.com', 'ft.com')).toBe(false);
  });

  it('reads the disabled-site list without trusting its shape', () => {
    expect(isSiteDisabled({ disabledSites: ['ft.com', 42] }, 'www.ft.com')).toBe(true);
    expect(isSiteDisabled({ disabledSites: 'ft.com' }, 'www.ft.com')).toBe(false);
    expect(isSiteDisabled(undefined, 'www.ft.com')).toBe(false);
  });

  it('gives every default site a pattern for the site and its subdomains', () => {
    expect(NEWS_SITE_PATTERNS).toContain('*://*.computerweekly.com/*');
    expect(NEWS_SITE_PATTERNS).toContain('*://restofworld.org/*');
  });
});
