// Markdown's components on the page of components of the long-title site (components-page/),
// in he, ar and en: no request leaves for YouTube or Vimeo before the reader presses play;
// the play button (named "Play video: <title>" in the page's language) then makes the player
// at the privacy-enhanced address and takes the focus; an author's own markup cannot make a
// player; without JavaScript each video is a link to its page; axe (WCAG A/AA and best
// practices) in the light and dark schemes; print shows a video's title and address. Every
// request to a video host is recorded and aborted, so the check never needs the network.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HERE, longTitleSite, newContext, open } from '../lib/harness.mjs';

const AXE_SOURCE = fs.readFileSync(path.join(HERE, 'node_modules/axe-core/axe.min.js'), 'utf8');
const HOSTS = /youtube|youtu\.be|ytimg|googlevideo|vimeo/i;
const YOUTUBE_TITLE = {
  he: 'איך התחילה התוכנית, בעיני מי שהקימו אותה בדרום, לאורך שלוש שנים ארוכות של עבודה',
  ar: 'كيف بدأ البرنامج، كما يرويه من أسسوه في الجنوب، على مدى ثلاث سنوات طويلة من العمل',
  en: 'How the programme began, told by the people who started it in the south, over three long years of work',
};
const PLAY = { he: 'הפעלת הסרטון: ', ar: 'تشغيل الفيديو: ', en: 'Play video: ' };

/** A page of the components site whose requests to video hosts are recorded and aborted. */
async function openComponents(context, code) {
  const s = await longTitleSite();
  const page = await context.newPage();
  const asked = [];
  await page.route((url) => HOSTS.test(url.hostname), (route) => {
    asked.push(route.request().url());
    return route.abort();
  });
  await open(page, s.url(`/${code}/pages/components/`));
  return { page, asked };
}

describe('video: nothing from the host before play', () => {
  for (const code of ['he', 'ar', 'en']) {
    it(`/${code}/pages/components/: the play button makes the privacy-enhanced player, and only then`, async () => {
      const context = await newContext();
      try {
        const { page, asked } = await openComponents(context, code);
        // video.js (loaded by sulam.js) has shown the buttons in the links' place.
        const button = page.getByRole('button', { name: PLAY[code] + YOUTUBE_TITLE[code], exact: true });
        await button.waitFor({ state: 'visible' });
        assert.equal(await page.locator('div.video[data-video-host] > a.video-poster:visible').count(), 0, 'the links are hidden once the buttons show');
        await page.waitForLoadState('networkidle');
        assert.deepEqual(asked, [], 'requests to a video host before play');
        assert.equal(await page.locator('iframe').count(), 0, 'a frame before play');

        const player = page.waitForRequest((r) => r.url().startsWith('https://www.youtube-nocookie.com/'));
        await button.click();
        await player;
        const frame = page.locator('div.video[data-video-id="dQw4w9WgXcQ"] iframe');
        await frame.waitFor({ state: 'attached' });
        const f = await frame.evaluate((el) => ({
          src: el.src,
          title: el.title,
          allow: el.getAttribute('allow'),
          fullscreen: el.allowFullscreen,
          focused: document.activeElement === el,
        }));
        assert.equal(f.src, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
        assert.equal(f.title, YOUTUBE_TITLE[code]);
        assert.equal(f.allow, 'autoplay; encrypted-media; picture-in-picture; fullscreen');
        assert.ok(f.fullscreen, 'allowfullscreen');
        assert.ok(f.focused, 'the focus moves into the player');
        // The press asked for the player (aborted here), and for nothing else of any host.
        assert.ok(asked.length >= 1 && asked.every((u) => u.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')), asked.join('\n'));

        // Vimeo: its player, with Do Not Track.
        await page.locator('div.video[data-video-host="vimeo"] button.video-poster').click();
        const vimeo = await page.locator('div.video[data-video-host="vimeo"] iframe').getAttribute('src');
        assert.equal(vimeo, 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1');

        // The author's own box (a made-up id, an address in a data- attribute): no player.
        const own = page.locator('div.video[data-video-id="../../evil.example/x"] button');
        await own.click();
        assert.equal(await page.locator('div.video[data-video-id="../../evil.example/x"] iframe').count(), 0);
        assert.equal(await page.locator('iframe').count(), 2, 'only the two players');
        assert.ok(asked.every((u) => !u.includes('evil')), asked.join('\n'));
      } finally {
        await context.close();
      }
    });
  }

  it('video.js builds a player address only from a host it knows and an id it checks', async () => {
    const context = await newContext();
    try {
      const { page } = await openComponents(context, 'en');
      await page.waitForFunction(() => window.SulamVideo);
      const got = await page.evaluate(() => {
        const a = window.SulamVideo.playerAddress;
        return [
          a('youtube', 'dQw4w9WgXcQ'), a('vimeo', '76979871'),
          a('youtube', 'dQw4w9WgXc'), a('youtube', 'dQw4w9WgXcQ?x=1'), a('youtube', '../../evil/x'),
          a('vimeo', '7697a871'), a('vimeo', '1234567890123'), a('evil', 'dQw4w9WgXcQ'),
          a('__proto__', 'dQw4w9WgXcQ'), a('constructor', 'dQw4w9WgXcQ'), a('youtube', null), a(null, null),
        ];
      });
      assert.deepEqual(got, [
        'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
        'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1',
        null, null, null, null, null, null, null, null, null, null,
      ]);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript each video is a link to its page, and nothing is asked of the hosts', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const { page, asked } = await openComponents(context, 'he');
      const links = await page.locator('div.video[data-video-host] > a.video-poster').evaluateAll((as) =>
        as.map((a) => ({ href: a.href, shown: a.checkVisibility() })));
      assert.deepEqual(links, [
        { href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', shown: true },
        { href: 'https://vimeo.com/76979871', shown: true },
      ]);
      assert.equal(await page.locator('button.video-poster[hidden]').count(), 2, 'the play buttons stay hidden');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(asked, []);
    } finally {
      await context.close();
    }
  });
});

describe('components: axe in both schemes, and print', () => {
  for (const code of ['he', 'ar', 'en']) {
    for (const scheme of ['light', 'dark']) {
      it(`/${code}/pages/components/ in the ${scheme} scheme: no axe violation`, async () => {
        const context = await newContext({ colorScheme: scheme });
        try {
          const { page } = await openComponents(context, code);
          await page.getByRole('button', { name: PLAY[code] + YOUTUBE_TITLE[code], exact: true }).waitFor();
          await page.addScriptTag({ content: AXE_SOURCE });
          const r = await page.evaluate(async () => {
            const res = await window.axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
              resultTypes: ['violations', 'incomplete'],
            });
            const pick = (list) => list.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
            return { violations: pick(res.violations), incomplete: pick(res.incomplete) };
          });
          assert.deepEqual(r.violations, []);
          assert.deepEqual(r.incomplete, [], 'what axe could not decide');
        } finally {
          await context.close();
        }
      });
    }
  }

  it('print: a video shows its title and address, callouts their border', async () => {
    const context = await newContext();
    try {
      const { page } = await openComponents(context, 'en');
      await page.getByRole('button', { name: PLAY.en + YOUTUBE_TITLE.en, exact: true }).waitFor();
      await page.emulateMedia({ media: 'print' });
      const p = await page.evaluate(() => {
        const link = document.querySelector('div.video[data-video-id="dQw4w9WgXcQ"] > a.video-poster');
        const button = document.querySelector('div.video[data-video-id="dQw4w9WgXcQ"] > button.video-poster');
        const callout = getComputedStyle(document.querySelector('.callout-note'));
        return {
          link: link.checkVisibility(),
          button: button.checkVisibility(),
          address: getComputedStyle(link, '::after').content,
          text: link.innerText,
          border: callout.borderTopStyle,
          file: document.querySelector('.video-file video').checkVisibility(),
          fileAddress: getComputedStyle(document.querySelector('.video-file figcaption a'), '::after').content,
        };
      });
      assert.ok(p.link, 'the link prints');
      assert.ok(!p.button, 'the button does not');
      assert.match(p.address, /https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ/);
      assert.match(p.text, /How the programme began/);
      assert.equal(p.border, 'solid');
      assert.ok(!p.file, 'a file video prints as its caption');
      assert.match(p.fileAddress, /clip\.webm/);
    } finally {
      await context.close();
    }
  });
});
