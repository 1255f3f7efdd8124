// RSS 2.0 / Atom (and RSS 1.0) feeds → one article per item, via @rowanmanning/feed-parser.
// An item's content:encoded (or Atom <content>) is HTML and goes through the HTML path; an item
// that only has a <description> summary still yields that summary.
import { parseFeed } from '@rowanmanning/feed-parser';
import { MarsadError, toMarsadError } from '../model/index.js';
import { toIsoDate } from './dates.js';
import { finishArticle } from './finish.js';
import { htmlToArticle } from './html/article.js';
import type { IngestItem } from './types.js';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

/**
 * The item's date as written in the feed ("Wed, 07 Aug 2024 23:30:00 +0300" is 7 August where it
 * was published), falling back to the parser's Date (UTC).
 */
function itemDate(item: FeedItem): string | null {
  for (const name of ['pubDate', 'published', 'dc:date', 'updated']) {
    try {
      const raw = item.element.findElementWithName(name)?.textContent;
      const iso = toIsoDate(raw);
      if (iso) return iso;
    } catch {
      // fall through to the parsed date
    }
  }
  return toIsoDate(item.published ?? item.updated);
}

/** Parse a feed; E_FEED when the text is not XML or not RSS/Atom. */
export function parseFeedOrFail(xml: string, source: string): Feed {
  const head = xml.replace(/^\ufeff/, '').trimStart();
  if (!head.startsWith('<'))
    throw new MarsadError('E_FEED', `${source}: not XML, so not a feed`, { input: source });
  try {
    return parseFeed(xml);
  } catch (e) {
    throw new MarsadError('E_FEED', `${source}: not an RSS or Atom feed (${(e as Error).message})`, {
      cause: e,
      input: source,
    });
  }
}

export function* feedItems(xml: string, source: string, encoding: string | null): Generator<IngestItem> {
  let feed: Feed;
  try {
    feed = parseFeedOrFail(xml, source);
  } catch (e) {
    yield { ok: false, source, error: toMarsadError(e, 'E_FEED', source) };
    return;
  }
  const items = feed.items;
  if (items.length === 0) {
    yield {
      ok: false,
      source,
      error: new MarsadError('E_EMPTY', `${source}: the feed has no items`, { input: source }),
    };
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ref = `${source}#${i + 1}`;
    let itemSource = ref;
    try {
      const url = item.url;
      itemSource = url ?? ref;
      const html = item.content ?? item.description;
      if (!html?.trim()) {
        yield {
          ok: false,
          source: itemSource,
          error: new MarsadError('E_EMPTY', `${ref}: item has no content or description`, {
            input: itemSource,
          }),
        };
        continue;
      }
      const page = htmlToArticle(html, { source: itemSource, url, fragment: true });
      const warnings = [...page.warnings];
      if (!item.content) warnings.push('feed item has only a summary (description)');
      yield {
        ok: true,
        article: finishArticle({
          source: itemSource,
          kind: 'feed',
          title: item.title,
          published: itemDate(item),
          url,
          body: page.body,
          encoding,
          warnings,
        }),
      };
    } catch (e) {
      yield { ok: false, source: itemSource, error: toMarsadError(e, 'E_FEED', itemSource) };
    }
  }
}
