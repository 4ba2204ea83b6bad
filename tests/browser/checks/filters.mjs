// The initiative filters, with JavaScript and without: ticking a town shrinks the list at once,
// announces the new count, and puts the choice in the address; reloading that address shows
// the same choice. Without JavaScript the form stays hidden and its links lead to plain pages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { site, fixture, newContext, open } from '../lib/harness.mjs';

/** Runs in the page: the cards shown, the count sentence and the ticked boxes. */
function state() {
  const cards = [...document.querySelectorAll('[data-sulam-filter-list] > li')];
  return {
    shown: cards.filter((c) => !c.hidden && c.offsetParent !== null).length,
    total: cards.length,
    count: document.querySelector('[data-sulam-count]')?.textContent.replace(/[\u2068\u2069]/g, '').trim(),
    header: document.querySelector('.entry-header .count')?.textContent.replace(/[\u2068\u2069]/g, '').trim(),
    ticked: [...document.querySelectorAll('[data-sulam-filters] input:checked')].map((b) => `${b.name}=${b.value}`),
    formShown: !document.querySelector('[data-sulam-filters]').hidden,
    browseShown: !document.querySelector('[data-sulam-browse]').hidden,
  };
}

describe('initiative filters', () => {
  it('with JavaScript: a town filters the list, the address keeps it, a reload restores it', async () => {
    const s = await site();
    const context = await newContext();
    try {
      const page = await context.newPage();
      await open(page, s.url('/en/initiatives/'));
      const before = await page.evaluate(state);
      assert.ok(before.formShown && !before.browseShown, 'the form replaces the links');
      assert.equal(before.shown, before.total);
      assert.ok(before.total > 5, `${before.total} initiatives`);

      await page.locator('[data-sulam-filters] details:has(input[name=town]) summary').click();
      await page.locator('[data-sulam-filters] input[name=town][value=sderot]').check();
      const after = await page.evaluate(state);
      assert.equal(after.shown, 1, 'one initiative runs in Sderot');
      assert.equal(after.count, 'One initiative');
      assert.equal(after.header, 'One initiative', 'the count under the heading follows');
      assert.equal(new URL(page.url()).search, '?town=sderot');
      assert.equal(await page.locator('[data-sulam-count]').getAttribute('role'), 'status');

      // A second facet narrows further: nothing runs in Sderot with that status… or widens
      // within the same facet.
      await page.locator('[data-sulam-filters] input[name=town][value=tiberias]').check();
      const two = await page.evaluate(state);
      assert.equal(two.shown, 2);
      assert.equal(two.count, '2 initiatives');
      assert.equal(new URL(page.url()).search, '?town=sderot&town=tiberias');

      await page.reload({ waitUntil: 'load' });
      const reloaded = await page.evaluate(state);
      assert.deepEqual(reloaded.ticked, ['town=sderot', 'town=tiberias']);
      assert.equal(reloaded.shown, 2);
      assert.equal(reloaded.count, '2 initiatives');

      await page.locator('.filters-clear').click();
      await page.waitForFunction(() => location.search === '');
      assert.equal((await page.evaluate(state)).shown, before.total);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript: two facets combine with AND, values of one facet with OR', async () => {
    const s = await site();
    const context = await newContext();
    try {
      const page = await context.newPage();
      await open(page, s.url('/en/initiatives/'));
      // From the cards' own data: the town with the most initiatives, and a value of another
      // facet that some but not all of them have.
      const pick = await page.evaluate(() => {
        const cards = [...document.querySelectorAll('[data-sulam-filter-list] > li')];
        const values = (c, facet) => (c.dataset[facet] || '').split(' ').filter(Boolean);
        const towns = new Map();
        for (const c of cards) for (const t of values(c, 'town')) towns.set(t, (towns.get(t) || 0) + 1);
        for (const [town] of [...towns].sort((a, b) => b[1] - a[1])) {
          const inTown = cards.filter((c) => values(c, 'town').includes(town));
          for (const facet of ['status', 'domain', 'partner', 'sector']) {
            for (const value of new Set(inTown.flatMap((c) => values(c, facet)))) {
              const both = inTown.filter((c) => values(c, facet).includes(value)).length;
              if (both > 0 && both < inTown.length) return { town, facet, value, inTown: inTown.length, both };
            }
          }
        }
        return null;
      });
      assert.ok(pick, 'the example site has a town whose initiatives differ in another facet');
      const { town, facet, value } = pick;
      await page.locator('[data-sulam-filters] details:has(input[name=town]) summary').click();
      await page.locator(`[data-sulam-filters] input[name=town][value="${town}"]`).check();
      assert.equal((await page.evaluate(state)).shown, pick.inTown, `town=${town}`);
      await page.locator(`[data-sulam-filters] details:has(input[name=${facet}]) summary`).click();
      await page.locator(`[data-sulam-filters] input[name=${facet}][value="${value}"]`).check();
      const both = await page.evaluate(state);
      assert.equal(both.shown, pick.both, `town=${town} and ${facet}=${value} narrows ${pick.inTown} to ${pick.both}`);
      assert.equal(both.count, pick.both === 1 ? 'One initiative' : `${pick.both} initiatives`);
      const query = [...new URL(page.url()).searchParams].map(([k, v]) => `${k}=${v}`).sort();
      assert.deepEqual(query, [`${facet}=${value}`, `town=${town}`].sort(), 'both choices in the address');
    } finally {
      await context.close();
    }
  });

  for (const { lang, one, two } of [
    { lang: 'he', one: 'יוזמה אחת', two: 'שתי יוזמות' },
    { lang: 'ar', one: 'مبادرة واحدة', two: 'مبادرتان' },
  ]) {
    it(`with JavaScript in ${lang}: the count is said in the page's language`, async () => {
      const s = await site();
      const context = await newContext();
      try {
        const page = await context.newPage();
        await open(page, s.url(`/${lang}/initiatives/`));
        await page.locator('[data-sulam-filters] details:has(input[name=town]) summary').click();
        await page.locator('[data-sulam-filters] input[name=town][value=sderot]').check();
        const st = await page.evaluate(state);
        assert.equal(st.shown, 1);
        assert.equal(st.count, one);
        assert.equal(st.header, one);
        await page.locator('[data-sulam-filters] input[name=town][value=tiberias]').check();
        const after = await page.evaluate(state);
        assert.equal(after.shown, 2);
        assert.equal(after.count, two);
        await page.reload({ waitUntil: 'load' });
        assert.equal((await page.evaluate(state)).count, two, 'after a reload');
      } finally {
        await context.close();
      }
    });
  }

  it('with JavaScript, under a sub-path and in Arabic: a shared address opens filtered', async () => {
    const f = await fixture();
    const context = await newContext();
    try {
      const page = await context.newPage();
      await open(page, f.url('/ar/initiatives/?status=active'));
      const st = await page.evaluate(state);
      assert.deepEqual(st.ticked, ['status=active']);
      assert.equal(st.shown, 1, `${st.shown} of ${st.total}`);
      assert.equal(st.count, 'مبادرة واحدة');
      assert.equal(new URL(page.url()).pathname, f.base + 'ar/initiatives/');
    } finally {
      await context.close();
    }
  });

  it('without JavaScript: links to plain pages, which list the initiatives', async () => {
    const s = await site();
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await open(page, s.url('/en/initiatives/'));
      const st = await page.evaluate(state).catch(() => null);
      // evaluate() runs even with page scripts off.
      assert.ok(st && !st.formShown && st.browseShown, 'the links show, the form does not');
      await page.locator('[data-sulam-browse] details:has(a[href*="/filter/status/"]) summary').click();
      const link = page.locator('[data-sulam-browse] a[href$="/en/filter/status/active/"]');
      await Promise.all([page.waitForURL(/\/en\/filter\/status\/active\/$/), link.click()]);
      assert.equal(await page.locator('h1').innerText(), 'Active');
      assert.ok(await page.locator('ul.cards > li').count() > 5);
      // A town's own page lists its initiatives.
      await open(page, s.url('/en/initiatives/'));
      await page.locator('[data-sulam-browse] details:has(a[href*="/towns/"]) summary').click();
      await Promise.all([
        page.waitForURL(/\/en\/towns\/sderot\/$/),
        page.locator('[data-sulam-browse] a[href$="/en/towns/sderot/"]').click(),
      ]);
      assert.ok(await page.locator('a[href$="/en/initiatives/town-at-the-centre/"]').count() > 0);
    } finally {
      await context.close();
    }
  });
});
