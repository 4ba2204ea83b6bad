// Printing an entry, in each language, leaves out the site header and footer. With
// PRINT_PDF=/some/file.pdf the printed pages are also saved beside it (file-he.pdf, ...) for a
// person to look at.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { site, newContext, open } from '../lib/harness.mjs';

const PAGES = ['he', 'ar', 'en'].map((l) => `/${l}/initiatives/thriving-community/`);

describe('print', () => {
  for (const PAGE of PAGES) it(`${PAGE} prints without header and footer`, async (t) => {
    const s = await site();
    const context = await newContext();
    try {
      const page = await context.newPage();
      await open(page, s.url(PAGE));
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() => {
        const d = (sel) => {
          const el = document.querySelector(sel);
          return el ? getComputedStyle(el).display : 'missing';
        };
        return {
          printing: matchMedia('print').matches,
          header: d('header.site-header'),
          footer: d('footer.site-footer'),
          skip: d('a.skip-link'),
          main: d('main'),
          h1: document.querySelector('main h1')?.textContent.trim(),
        };
      });
      assert.ok(shown.printing, 'print media is emulated');
      assert.equal(shown.header, 'none', 'header.site-header display in print');
      assert.equal(shown.footer, 'none', 'footer.site-footer display in print');
      assert.equal(shown.skip, 'none', 'a.skip-link display in print');
      assert.notEqual(shown.main, 'none', 'main is printed');
      assert.ok(shown.h1, 'the entry has a heading');

      const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'page.pdf() gives a PDF');
      if (process.env.PRINT_PDF) {
        const out = path.resolve(process.env.PRINT_PDF);
        await fs.mkdir(path.dirname(out), { recursive: true });
        await fs.writeFile(out.replace(/\.pdf$/, `-${PAGE.slice(1, 3)}.pdf`), pdf);
        t.diagnostic(`printed ${PAGE} to ${out} (${pdf.length} bytes)`);
      }
    } finally {
      await context.close();
    }
  });
});
