import { describe, expect, it } from 'vitest';
import { htmlToArticle, readArticleFromString } from '../../src/ingest/index.js';
import { AR } from './helpers.js';

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const ARTICLE = `<article><h1>انهيار جسر قديم فوق القناة</h1><p>${AR.sentence}</p><p>${AR.second}</p><p>${AR.third}</p></article>`;

describe('HTML → article', () => {
  it('keeps paragraph breaks, no markup, no script/style/noscript/template text', () => {
    const html = page(
      '<title>انهيار جسر قديم فوق القناة - جريدة المدينة</title><style>p{color:red}</style><script>var leaked = "سر";</script>',
      `<nav><a href="/">الرئيسية</a></nav><div onload="alert('x')">${ARTICLE}</div>` +
        '<script>document.write("نص مخفي")</script><noscript>فعّل جافاسكربت</noscript><template><p>قالب مخفي</p></template>',
    );
    const a = readArticleFromString(html, { source: 'page.html' });
    expect(a.kind).toBe('html');
    expect(a.body).toContain(`${AR.sentence}\n\n${AR.second}\n\n${AR.third}`);
    for (const junk of ['leaked', 'سر"', 'نص مخفي', 'جافاسكربت', 'قالب مخفي', 'alert', '<', 'color:red']) {
      expect(a.body).not.toContain(junk);
    }
    expect(a.title).toBe('انهيار جسر قديم فوق القناة');
  });

  it('title: og:title first; site-name suffix stripped only when it is the site name', () => {
    const a = htmlToArticle(
      page('<meta property="og:title" content="عنوان من og"><title>عنوان آخر | الموقع</title>', ARTICLE),
      { source: 's' },
    );
    expect(a.title).toBe('عنوان من og');
    const b = htmlToArticle(
      page(
        '<meta property="og:site_name" content="جريدة المدينة"><title>مالي - أوكرانيا | جريدة المدينة</title>',
        ARTICLE,
      ),
      { source: 's' },
    );
    expect(b.title).toBe('مالي - أوكرانيا');
    const c = htmlToArticle(page('<title>مالي - أوكرانيا</title>', '<p>نص</p>'), { source: 's' });
    expect(c.title).toBe('مالي - أوكرانيا');
    const d = htmlToArticle(page('', `<h1>عنوان في h1</h1><p>${AR.sentence}</p>`), { source: 's' });
    expect(d.title).toBe('عنوان في h1');
  });

  it.each([
    ['<meta property="article:published_time" content="2024-08-07T23:30:00+03:00">', '2024-08-07'],
    ['<meta name="pubdate" content="2024-08-06">', '2024-08-06'],
    ['<meta name="DC.date.issued" content="2024/08/05">', '2024-08-05'],
    ['<meta name="parsely-pub-date" content="2024-08-04T10:00:00Z">', '2024-08-04'],
    [
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-08-03T09:00:00+02:00"}</script>',
      '2024-08-03',
    ],
    [
      '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-08-02"}]}</script>',
      '2024-08-02',
    ],
  ])('metadata date %s', (head, iso) => {
    expect(htmlToArticle(page(head, ARTICLE), { source: 's' }).published).toBe(iso);
  });

  it('<time datetime>, broken JSON-LD ignored', () => {
    const html = page(
      '<script type="application/ld+json">{not json</script>',
      `<p>${AR.sentence}</p><time datetime="2024-08-01T08:00">1 أغسطس</time>`,
    );
    expect(htmlToArticle(html, { source: 's' }).published).toBe('2024-08-01');
  });

  it('metadata date beats a date line in the text; the text date is used when metadata has none', () => {
    const body = `<p>07 أغسطس، 2024</p>${ARTICLE}`;
    expect(
      readArticleFromString(page('<meta name="date" content="2024-08-09">', body), { source: 's.html' })
        .published,
    ).toBe('2024-08-09');
    expect(readArticleFromString(page('', body), { source: 's.html' }).published).toBe('2024-08-07');
  });

  it('canonical URL: <link rel=canonical>, then og:url, resolved against the page URL', () => {
    const a = htmlToArticle(
      page(
        '<link rel="canonical" href="/news/bridge"><meta property="og:url" content="https://og.example/x">',
        ARTICLE,
      ),
      {
        source: 's',
        url: 'https://example.org/a?utm=1',
      },
    );
    expect(a.url).toBe('https://example.org/news/bridge');
    const b = htmlToArticle(page('<meta property="og:url" content="https://og.example/x">', ARTICLE), {
      source: 's',
    });
    expect(b.url).toBe('https://og.example/x');
    expect(htmlToArticle(page('', ARTICLE), { source: 's' }).url).toBeNull();
  });

  it('falls back to the body text when Readability finds nothing', () => {
    const a = htmlToArticle(page('', '<span>سطر قصير</span><br><span>سطر آخر</span>'), { source: 's' });
    expect(a.body).toBe('سطر قصير\nسطر آخر');
  });

  it('5,000 nested elements: no crash, no hang', () => {
    const start = Date.now();
    const html = page('', `${'<div>'.repeat(5000)}نص عميق${'</div>'.repeat(5000)}<p>${AR.sentence}</p>`);
    const a = htmlToArticle(html, { source: 's' });
    expect(a.body).toContain('نص عميق');
    expect(a.body).toContain(AR.sentence);
    expect(a.warnings.join()).toMatch(/too deep/);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('unclosed tags: no crash, text kept', () => {
    const start = Date.now();
    const html = `<html><body>${'<div><p><b><i>'.repeat(3000)}${AR.sentence}`;
    expect(htmlToArticle(html, { source: 's' }).body).toContain(AR.sentence);
    const small = `<html><body><p>${AR.sentence}<p>${AR.second}<div>${AR.third}`;
    expect(htmlToArticle(small, { source: 's' }).body).toContain(AR.second);
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it('HTML with no text → E_HTML', () => {
    expect(() =>
      htmlToArticle(page('<title>x</title>', '<script>x()</script><img src=a.png>'), { source: 's' }),
    ).toThrow(expect.objectContaining({ code: 'E_HTML' }));
  });
});
