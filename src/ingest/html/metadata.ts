// Title, publication date and canonical URL from a page's <head> and markup. Read before
// Readability runs (it rewrites the document).
import { toIsoDate } from '../dates.js';
import type { DomDocument, DomElement } from './dom.js';

function attr(doc: DomDocument, selector: string, name: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
}

function meta(doc: DomDocument, key: string): string | null {
  // property= (Open Graph) and name= are both used in the wild for the same keys; match either,
  // case-insensitively for name= ("DC.date.issued" vs "dc.date.issued").
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const k = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    if (k === key.toLowerCase()) {
      const v = el.getAttribute('content')?.trim();
      if (v) return v;
    }
  }
  return null;
}

const textOf = (el: DomElement | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

// ---- title ----

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » ', ' · '];

/**
 * "عنوان الخبر - اسم الموقع" → "عنوان الخبر", conservatively: only when the suffix is the site
 * name the page declares, or equals the host's name, or is short (≤ 3 words) after a head of ≥ 4
 * words — a title like "مالي - أوكرانيا: قطع العلاقات" keeps its dash.
 */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const t = title.trim();
  for (const sep of TITLE_SEPARATORS) {
    const at = t.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = t.slice(0, at).trim();
    const tail = t.slice(at + sep.length).trim();
    if (!head || !tail) continue;
    if (siteName && tail.toLowerCase() === siteName.trim().toLowerCase()) return head;
    const tailWords = tail.split(/\s+/).length;
    const headWords = head.split(/\s+/).length;
    if (!siteName && tailWords <= 3 && headWords >= 4 && tail.length * 2 < head.length) return head;
  }
  // The site name first: "اسم الموقع | عنوان الخبر".
  if (siteName) {
    for (const sep of TITLE_SEPARATORS) {
      const prefix = `${siteName.trim()}${sep}`;
      if (t.toLowerCase().startsWith(prefix.toLowerCase()) && t.length > prefix.length) {
        return t.slice(prefix.length).trim();
      }
    }
  }
  return t;
}

export function extractTitle(doc: DomDocument): string | null {
  const siteName = meta(doc, 'og:site_name') ?? meta(doc, 'application-name');
  const og = meta(doc, 'og:title') ?? meta(doc, 'twitter:title');
  const titleTag = textOf(doc.querySelector('title'));
  const h1 = textOf(doc.querySelector('h1'));
  const raw = og ?? (titleTag || null) ?? (h1 || null);
  if (!raw) return null;
  let title = stripSiteSuffix(raw.replace(/\s+/g, ' '), siteName);
  // The <title> with an unknown suffix, but the page's own <h1> is exactly its head: use that.
  if (title === raw && h1 && raw !== h1 && raw.startsWith(h1)) title = h1;
  return title || null;
}

// ---- publication date ----

const META_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'DC.date.issued',
  'dcterms.issued',
  'DC.date',
  'dcterms.date',
  'parsely-pub-date',
  'sailthru.date',
  'article.published',
  'citation_publication_date',
];

/** datePublished anywhere in JSON-LD: top level, arrays, @graph, nested objects. */
function jsonLdDates(doc: DomDocument): string[] {
  const found: string[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; it must not break the page
    }
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length && guard++ < 10_000) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.datePublished === 'string') found.push(o.datePublished);
        for (const [k, child] of Object.entries(o)) if (k !== 'datePublished') stack.push(child);
      }
    }
  }
  return found;
}

export interface MetaDate {
  date: string;
  from: string;
}

/** Metadata dates in order of trust: article:published_time, JSON-LD, <meta name=…>, <time>. */
export function extractPublished(doc: DomDocument): MetaDate | null {
  const og = meta(doc, 'article:published_time');
  const ogDate = toIsoDate(og);
  if (ogDate) return { date: ogDate, from: 'article:published_time' };
  for (const d of jsonLdDates(doc)) {
    const iso = toIsoDate(d);
    if (iso) return { date: iso, from: 'JSON-LD datePublished' };
  }
  for (const key of META_DATE_KEYS) {
    const iso = toIsoDate(meta(doc, key));
    if (iso) return { date: iso, from: `<meta ${key}>` };
  }
  const itemprop =
    attr(doc, '[itemprop="datePublished"]', 'datetime') ?? attr(doc, '[itemprop="datePublished"]', 'content');
  const ip = toIsoDate(itemprop);
  if (ip) return { date: ip, from: 'itemprop=datePublished' };
  // <time pubdate> first, then the first <time datetime> (often the article's own byline).
  const time = attr(doc, 'time[pubdate][datetime]', 'datetime') ?? attr(doc, 'time[datetime]', 'datetime');
  const t = toIsoDate(time);
  if (t) return { date: t, from: '<time datetime>' };
  return null;
}

// ---- canonical URL ----

function absoluteHttp(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** <link rel=canonical>, then og:url, then the URL the page was fetched from. */
export function extractCanonicalUrl(doc: DomDocument, fetchedUrl: string | null): string | null {
  for (const el of Array.from(doc.querySelectorAll('link[rel]'))) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) {
      const u = absoluteHttp(el.getAttribute('href'), fetchedUrl);
      if (u) return u;
    }
  }
  return absoluteHttp(meta(doc, 'og:url'), fetchedUrl) ?? fetchedUrl;
}
