// The language switcher takes the reader to the same entry in the other language.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { site, newContext, open } from '../lib/harness.mjs';

const FROM = '/he/initiatives/municipal-mobility/';
const CASES = [
  { code: 'ar', dir: 'rtl', to: '/ar/initiatives/municipal-mobility/' },
  { code: 'en', dir: 'ltr', to: '/en/initiatives/municipal-mobility/' },
];

describe('language switcher', () => {
  for (const { code, dir, to } of CASES) {
    it(`${FROM} → ${code} lands on ${to} with <html lang="${code}">`, async () => {
      const s = await site();
      const context = await newContext();
      try {
        const page = await context.newPage();
        await open(page, s.url(FROM));
        const link = page.locator(`nav.languages a[hreflang="${code}"]`);
        assert.equal(await link.count(), 1, `one nav.languages link with hreflang="${code}"`);
        const answered = page.waitForEvent('response',
          (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame());
        await link.click();
        const res = await answered;
        await page.waitForURL((u) => u.pathname !== s.base + FROM.slice(1), { waitUntil: 'load' });
        assert.equal(res.status(), 200, `status of ${res.url()}`);
        assert.equal(new URL(page.url()).pathname, to);
        const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
        assert.equal(html.lang, code, '<html lang>');
        assert.equal(html.dir, dir, '<html dir>');
        // The current language is marked in the switcher of the new page.
        const current = await page.getAttribute('nav.languages a[aria-current]', 'hreflang');
        assert.equal(current, code, 'aria-current language link');
        // And the choice is remembered for the root chooser.
        assert.equal(await page.evaluate(() => localStorage.getItem('sulam-lang')), code, 'remembered language');
      } finally {
        await context.close();
      }
    });
  }
});
