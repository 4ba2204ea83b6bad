// The language switcher takes the reader to the same entry in each other language, from each
// language; the root chooser sends a reader on to the language of their browser, or to the one
// they chose before, and stays when it knows neither.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { site, fixture, newContext, open } from '../lib/harness.mjs';

const ENTRY = 'initiatives/municipal-mobility/';
const DIR = { he: 'rtl', ar: 'rtl', en: 'ltr' };
const CASES = Object.keys(DIR).flatMap((from) => Object.keys(DIR).filter((to) => to !== from).map((to) => ({ from, to })));

describe('language switcher', () => {
  for (const { from, to } of CASES) {
    const FROM = `/${from}/${ENTRY}`;
    const TO = `/${to}/${ENTRY}`;
    it(`${FROM} → ${to} lands on ${TO} with <html lang="${to}">`, async () => {
      const s = await site();
      const context = await newContext();
      try {
        const page = await context.newPage();
        await open(page, s.url(FROM));
        const link = page.locator(`nav.languages a[hreflang="${to}"]`);
        assert.equal(await link.count(), 1, `one nav.languages link with hreflang="${to}"`);
        const answered = page.waitForEvent('response',
          (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame());
        await link.click();
        const res = await answered;
        await page.waitForURL((u) => u.pathname !== s.base + FROM.slice(1), { waitUntil: 'load' });
        assert.equal(res.status(), 200, `status of ${res.url()}`);
        assert.equal(new URL(page.url()).pathname, TO);
        const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        assert.equal(html.lang, to, '<html lang>');
        assert.equal(html.dir, DIR[to], '<html dir>');
        // The current language is marked in the switcher of the new page.
        const current = await page.getAttribute('nav.languages a[aria-current]', 'hreflang');
        assert.equal(current, to, 'aria-current language link');
        // And the choice is remembered for the root chooser.
        assert.equal(await page.evaluate(() => localStorage.getItem('sulam-lang')), to, 'remembered language');
      } finally {
        await context.close();
      }
    });
  }
});

describe('root language chooser', () => {
  for (const { locale, lang } of [
    { locale: 'ar-IL', lang: 'ar' },
    { locale: 'he-IL', lang: 'he' },
    { locale: 'en-GB', lang: 'en' },
  ]) {
    it(`a first visit with a browser in ${locale} goes on to /kb/${lang}/`, async () => {
      const f = await fixture();
      const context = await newContext({ locale });
      try {
        const page = await context.newPage();
        await page.goto(f.url('/'), { waitUntil: 'load' });
        await page.waitForURL((u) => u.pathname === `${f.base}${lang}/`, { waitUntil: 'load' });
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      } finally {
        await context.close();
      }
    });
  }

  it('a browser in no language of the site stays on the chooser; a choice is remembered', async () => {
    const f = await fixture();
    const context = await newContext(); // de-DE
    try {
      const page = await context.newPage();
      await open(page, f.url('/'));
      assert.equal(await page.locator('[data-sulam-chooser] a[data-lang]').count(), 3);
      await Promise.all([
        page.waitForURL((u) => u.pathname === `${f.base}ar/`),
        page.locator('[data-sulam-chooser] a[data-lang="ar"]').click(),
      ]);
      assert.equal(await page.evaluate(() => localStorage.getItem('sulam-lang')), 'ar');
      // The next visit to the root goes straight to the language chosen.
      await page.goto(f.url('/'), { waitUntil: 'load' });
      await page.waitForURL((u) => u.pathname === `${f.base}ar/`, { waitUntil: 'load' });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    } finally {
      await context.close();
    }
  });
});
