// `sulam serve` in a browser: a mistake saved while a page is open shows the box over the page
// (the file, the line, the words), the page keeps the last good build, and fixing the file
// takes the box away and reloads the page with the new text. Runs on a copy of the basic
// fixture; needs SULAM_BIN (run.sh sets it).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HERE, newContext } from '../lib/harness.mjs';

const FIXTURE = path.join(HERE, '..', 'fixtures', 'basic');

/** `sulam serve --port 0` on a copy of the fixture; resolves with its address once it serves. */
async function startServe() {
  const bin = process.env.SULAM_BIN;
  if (!bin) throw new Error('SULAM_BIN is not set: run tests/browser/run.sh');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sulam-serve-'));
  fs.cpSync(FIXTURE, root, { recursive: true });
  const child = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  const address = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${said}`)), 60_000);
    child.stderr.on('data', (b) => {
      said += b;
      const m = said.match(/serving (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${said}`)));
  });
  return {
    root,
    address,
    stop() { child.kill(); fs.rmSync(root, { recursive: true, force: true }); },
  };
}

describe('sulam serve in a browser', () => {
  let server;
  after(() => server?.stop());

  it('shows a saved mistake over the page with its file and line, and a fix reloads the page', async () => {
    server = await startServe();
    const file = path.join(server.root, 'content/initiatives/alpha/en.md');
    const good = fs.readFileSync(file, 'utf8');
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.address}en/initiatives/alpha/`, { waitUntil: 'load' });
      const before = await page.locator('h1').innerText();

      // A title with an unclosed quote: front matter that does not parse.
      fs.writeFileSync(file, good.replace(/^title: .*$/m, 'title: "Alpha'));
      const box = page.locator('#sulam-problems[role="alert"]');
      await box.waitFor({ state: 'visible', timeout: 20_000 });
      const text = await box.innerText();
      assert.match(text, /1 mistake/, text);
      assert.match(text, /content\/initiatives\/alpha\/en\.md:\d+/, `the file and line: ${text}`);
      assert.match(text, /quote/i, `the words name the quote: ${text}`);
      assert.equal(await box.getAttribute('lang'), 'en');
      assert.equal(await page.locator('h1').innerText(), before, 'the page still shows the last good build');
      // The box is inside the window on a phone too, and its button hides it by keyboard.
      await page.setViewportSize({ width: 360, height: 800 });
      const b = await box.boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 360 + 0.5, `box within 360 px: ${JSON.stringify(b)}`);

      // The fix: the box goes and the page reloads with the new title.
      const reloaded = page.waitForEvent('load', { timeout: 20_000 });
      fs.writeFileSync(file, good.replace(/^title: .*$/m, 'title: Alpha renamed in serve'));
      await reloaded;
      await page.locator('h1', { hasText: 'Alpha renamed in serve' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('#sulam-problems').count(), 0, 'no box after the fix');
    } finally {
      await context.close();
    }
  });
});
