// The web app in a real browser: Debian's Chromium (playwright-core) against the real
// `marsad serve` on a store built from the Arabic fixture articles in test/web/fixtures.
// Screenshots go to test-results/screenshots/ for a person to look at.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_FLAGS,
  browserAvailable,
  buildStore,
  buildWeb,
  CHROMIUM,
  type RunningServer,
  SCREENSHOTS,
  startServer,
  tempDir,
} from './harness.js';

const REQUIRED = process.env.MARSAD_REQUIRE_BROWSER === '1';
const HAVE_BROWSER = browserAvailable();
if (!HAVE_BROWSER && !REQUIRED) {
  console.warn(
    `web browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-core; MARSAD_REQUIRE_BROWSER=1 makes this a failure)`,
  );
}

if (!HAVE_BROWSER && REQUIRED) {
  describe('browser required', () => {
    it('finds Chromium', () => {
      expect.fail(`MARSAD_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
    });
  });
}

// Generous per-test limits: CI runs this file next to the rest of the suite on two cores.
describe.runIf(HAVE_BROWSER)('web app in Chromium', { timeout: 45_000 }, () => {
  let dir = '';
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const external: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
  const go = async (hash: string) => {
    await page.goto(`${server.url}/${hash}`);
  };

  beforeAll(async () => {
    dir = tempDir('marsad-web-');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const web = join(dir, 'dist');
    const db = join(dir, 'web.db');
    await buildWeb(web);
    buildStore(db);
    server = await startServer(db, web);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: BROWSER_FLAGS,
      viewport: { width: 1280, height: 900 },
      locale: 'ar',
    });
    // A missing element fails the test in seconds, with the selector, instead of at the test timeout.
    context.setDefaultTimeout(8000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Offline by design: fonts, map borders and scripts all come from the server itself.
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('search page lists the fixture articles and finds words with highlights', async () => {
    await go('#/search');
    await expect.poll(() => page.locator('.result').count()).toBe(5);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await page.fill('input[name="q"]', 'كيدال');
    await page.click('form.search-form button[type="submit"]');
    await expect.poll(() => page.locator('.result mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.result-title').first().textContent()).toContain('كيدال');
    await shot('search');
  });

  it('Arabic is drawn with the bundled Noto Sans Arabic and shaped (joined letters)', async () => {
    await go('#/search');
    await page.locator('.result').first().waitFor();
    await page.evaluate('document.fonts.ready');
    const bundled = await page.evaluate<boolean>(
      `[...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Sans Arabic' && f.status === 'loaded')`,
    );
    expect(bundled).toBe(true);
    const family = await page.evaluate<string>('getComputedStyle(document.body).fontFamily');
    expect(family.replace(/["']/g, '')).toMatch(/^Noto Sans Arabic/);
    // Joined (medial) forms of ب are narrower than isolated ones: the same letters kept apart by
    // ZERO WIDTH NON-JOINER come out wider. Unshaped text or missing glyphs (boxes) show no difference.
    const widths = await page.evaluate<[number, number]>(`(() => {
      const make = (s) => { const e = document.createElement('span'); e.textContent = s; e.style.fontSize = '40px'; document.body.append(e); const w = e.getBoundingClientRect().width; e.remove(); return w; };
      return [make('بببببب'), make('ب\\u200cب\\u200cب\\u200cب\\u200cب\\u200cب')];
    })()`);
    expect(widths[0]).toBeLessThan(widths[1] * 0.8);
  });

  it('reader → entity page → evidence: back in the reader, scrolled to the highlighted sentence', async () => {
    await go('#/search?q=%D9%83%D9%8A%D8%AF%D8%A7%D9%84');
    await page.locator('.result-title').first().click();
    const text = page.locator('.article-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('اندلعت اشتباكات عنيفة');
    // Every kind of mark is present and clickable.
    for (const kind of ['entity', 'date', 'event', 'claim']) {
      expect(await page.locator(`.article-text .m-${kind}`).count(), kind).toBeGreaterThan(0);
    }
    await page.locator('.article-text [data-kind="date"]').first().click();
    await expect.poll(() => page.locator('.detail-box').textContent()).toContain('2024');
    await page.locator('.article-text [data-kind="claim"]').first().click();
    await expect.poll(() => page.locator('.detail-box .badge').count()).toBeGreaterThan(0);
    await shot('reader');

    const mention = page.locator('.article-text a[data-kind="entity"][data-ref="ent-kidal"]').first();
    await mention.click();
    await expect.poll(() => page.url()).toContain('#/entity/ent-kidal');
    await expect.poll(() => page.locator('h1').textContent()).toContain('كيدال');
    await page.locator('.entity-page .evidence').first().waitFor();
    await shot('entity');

    // The last one: an event's sentence in the body, below the fold of a long page.
    const link = page.locator('.entity-page .sentence-link').last();
    const expected = await link.evaluate<string, unknown>(
      '(a) => a.closest(".evidence").querySelector(".quote")?.textContent ?? ""',
    );
    await link.click();
    await expect.poll(() => page.url()).toMatch(/#\/doc\/[^?]+\?s=\d+-\d+/);
    const target = page.locator('.article-text .m-target-span').first();
    await target.waitFor();
    const highlighted = (await page.locator('.article-text .m-target-span').allTextContents()).join('');
    // The sentence around the linked passage is marked too, and holds it.
    const sentence = (await page.locator('.article-text .m-target-sentence').allTextContents()).join('');
    expect(sentence).toContain(highlighted);
    expect(highlighted.length).toBeGreaterThan(10);
    if (typeof expected === 'string' && expected) expect(expected).toContain(highlighted.trim().slice(0, 20));
    const box = await target.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await shot('reader-evidence');
  });

  it('an event in the reader opens a side panel with its fields and its sentence', async () => {
    await go('#/search');
    await page.locator('.result-title', { hasText: 'غاو' }).first().click();
    // In this article every event passage is also a claim: one click opens both.
    await page.locator('.article-text .m-event[role="button"]').first().click();
    const panel = page.locator('.detail-box');
    await expect.poll(() => panel.locator('.badge-event').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toMatch(/عنف عن بعد|اشتباك مسلح/);
    expect(await panel.locator('.sentence-link').count()).toBeGreaterThan(0);
  });

  it('network graph draws, filters by type, and an edge shows its evidence sentences', async () => {
    await go('#/graph');
    await page.locator('.graph-canvas[data-ready="true"]').waitFor();
    const edges = await page.locator('.edge-pick').count();
    expect(edges).toBeGreaterThan(0);
    await shot('graph');
    await page.locator('.edge-pick').first().click();
    await page.locator('.graph-panel .evidence .quote').first().waitFor();
    expect(await page.locator('.graph-panel .sentence-link').count()).toBeGreaterThan(0);
    // Only `located_in` edges once that filter is on.
    await page.locator('input[name="type"][value="located_in"]').check();
    await expect.poll(() => page.url()).toContain('types=located_in');
    await page.locator('.graph-canvas[data-ready="true"]').waitFor();
    // data-ready may still be the previous graph's while the filtered one loads: wait for its rows
    await expect.poll(() => page.locator('.edge-table tbody tr').count()).toBeGreaterThan(0);
    const rows = await page.locator('.edge-table tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(edges);
    await page.locator('.graph-panel .sentence-link').count();
  });

  it('timeline lists dated events with their sentences and draws the chart', async () => {
    await go('#/timeline');
    await page.locator('.timeline-chart[data-ready="true"]').waitFor();
    expect(await page.locator('.timeline-list .card').count()).toBeGreaterThan(2);
    expect(await page.locator('.timeline-list .card .sentence-link').count()).toBeGreaterThan(0);
    await shot('timeline');
  });

  it('map shows country borders and markers for places, popups link to events', async () => {
    await go('#/map');
    await page.locator('.map-canvas[data-ready="true"]').waitFor();
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(100);
    const markers = page.locator('path.place-marker');
    expect(await markers.count()).toBeGreaterThan(0);
    expect(await page.locator('img.leaflet-tile').count()).toBe(0);
    await page.locator('.chips a', { hasText: 'كيدال' }).first().waitFor();
    await shot('map');
    await page.locator('path.place-marker.has-events').first().click({ force: true });
    const sentence = page.locator('.leaflet-popup .popup-events a.sentence-link').first();
    await sentence.click();
    await expect.poll(() => page.url()).toMatch(/#\/doc\/[^?]+\?s=\d+-\d+/);
    await page.locator('.article-text .m-target-span').first().waitFor();
  });

  it('contested claims put assertions and denials side by side with their sentences', async () => {
    await go('#/claims');
    await page.locator('.claim-group').first().waitFor();
    expect(await page.locator('.claim-group .assertions .claim').count()).toBeGreaterThan(0);
    expect(await page.locator('.claim-group .denials .claim').count()).toBeGreaterThan(0);
    expect(await page.locator('.claim-group .denials').first().textContent()).toContain('نف');
    expect(await page.locator('.claim-group .sentence-link').count()).toBeGreaterThan(1);
    await shot('claims');
  });

  it('pasting an article runs an ingest job to the end and the article is then searchable', async () => {
    await go('#/ingest');
    await page.fill('input[name="title"]', 'وصول قافلة إغاثة إلى ميناكا');
    await page.fill(
      'textarea[name="text"]',
      'وصلت قافلة إغاثة إلى مدينة ميناكا في شرق مالي يوم الخميس 6 يونيو 2024 بعد رحلة استمرت أسبوعاً.',
    );
    await page
      .locator('form', { has: page.locator('textarea[name="text"]') })
      .locator('button[type="submit"]')
      .click();
    await page.locator('.job-done').waitFor({ timeout: 30_000 });
    expect(await page.locator('.job progress').getAttribute('value')).toBe('1');
    await shot('ingest');
    await page.locator('.stored-docs a').click();
    await expect.poll(() => page.locator('.article-text').textContent()).toContain('وصلت قافلة إغاثة');
    await go('#/search?q=%D9%85%D9%8A%D9%86%D8%A7%D9%83%D8%A7');
    await expect
      .poll(() => page.locator('.result-title').allTextContents())
      .toContain('وصول قافلة إغاثة إلى ميناكا');
  });

  it('uploading a file runs an ingest job and reports what was stored', async () => {
    await go('#/ingest');
    await page.setInputFiles('input[type="file"]', {
      name: 'ansongo.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'استقبلت مدينة أنسونغو في شمال مالي يوم الأربعاء 5 يونيو 2024 مئات العائلات النازحة.\n',
        'utf8',
      ),
    });
    await page
      .locator('form', { has: page.locator('input[type="file"]') })
      .locator('button[type="submit"]')
      .click();
    await page.locator('.job-done').waitFor({ timeout: 30_000 });
    expect(await page.locator('.report .field', { hasText: /^خُزّنت/ }).locator('dd').textContent()).toBe('1');
    await page.locator('.stored-docs a').click();
    await expect.poll(() => page.locator('.article-text').textContent()).toContain('أنسونغو');
  });

  it('articles carrying <script> and onerror payloads are shown as inert text', async () => {
    for (const title of ['نص تجريبي يحمل شيفرة', 'صفحة تحمل شيفرة خبيثة']) {
      await go('#/search');
      await page.locator('.result-title', { hasText: title }).first().click();
      const text = page.locator('.article-text');
      await text.waitFor();
      const shown = (await text.textContent()) ?? '';
      expect(shown).toContain('<script>');
      expect(shown).toMatch(/<img src=x onerror=/);
      expect(await page.locator('.article-text script, .article-text img').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      await page.waitForTimeout(200);
      expect(await page.evaluate<unknown>('window.__marsadXss')).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await shot('xss-inert');
  });

  it('the English toggle switches the UI labels and direction, the article stays Arabic RTL', async () => {
    await go('#/search');
    await page.locator('.result').first().waitFor();
    expect(await page.locator('nav a[href="#/search"]').textContent()).toBe('بحث');
    await page.click('.lang-toggle');
    await expect.poll(() => page.locator('nav a[href="#/search"]').textContent()).toBe('Search');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.locator('h1').textContent()).toBe('Search articles');
    await page.locator('.result-title').first().click();
    await page.locator('.article-text').waitFor();
    expect(await page.getAttribute('.article-text', 'dir')).toBe('rtl');
    await shot('reader-english');
    await page.click('.lang-toggle');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
  });

  it('an unknown document shows the server’s error message, not a blank page', async () => {
    const before = problems.length;
    await go(`#/doc/sha256:${'0'.repeat(64)}`);
    const alert = page.locator('.error[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/sha256:0{8}|not found|no document/i);
    // Chromium reports the 404 response itself on the console: expected here, and only here.
    const added = problems.splice(before);
    expect(added.every((p) => /404/.test(p))).toBe(true);
  });

  it('no page logged a console error or threw, and nothing was fetched from another host', () => {
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
  });
});
