import { lightNormalizeWord, stripProclitics } from './normalize.js';

/**
 * A name list for the tagger's optional gazetteer features: multi-word entries, matched longest
 * first on normalised words. The first word may carry proclitics («وبغداد», «للأمم المتحدة»)
 * and entries are stored with and without the article, so «الأردن» also matches «أردن».
 */
export interface Gazetteer {
  /** first word → entries starting with it (word arrays, longest first) with their type */
  byFirst: Map<string, { words: string[]; type: string }[]>;
  maxLen: number;
}

const noVocab = () => 0;
const bareArticle = (w: string) => {
  const s = stripProclitics(w, noVocab);
  return s.article && s.clitic === 'ال' ? s.stem : w;
};

export function buildGazetteer(entries: Iterable<{ name: string; type: string }>): Gazetteer {
  const byFirst = new Map<string, { words: string[]; type: string }[]>();
  const seen = new Set<string>();
  let maxLen = 0;
  for (const { name, type } of entries) {
    const words = name.split(/\s+/).filter(Boolean).map(lightNormalizeWord);
    if (!words.length) continue;
    for (const first of new Set([words[0]!, bareArticle(words[0]!)])) {
      const ws = [first, ...words.slice(1)];
      const key = `${ws.join(' ')}\t${type}`;
      if (seen.has(key) || first.length < 2) continue;
      seen.add(key);
      let list = byFirst.get(first);
      if (!list) {
        list = [];
        byFirst.set(first, list);
      }
      list.push({ words: ws, type });
      maxLen = Math.max(maxLen, ws.length);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, maxLen };
}

/** What matching needs of one word: its normalised form and the entry lists it may start. */
interface WordKeys {
  norm: string;
  /** byFirst lists of the word's readings (whole, article off, bare clitic off), in that order */
  lists: readonly (readonly { words: string[]; type: string }[])[];
}
const NO_LISTS: WordKeys['lists'] = [];
const keyMemo = new WeakMap<Gazetteer, Map<string, WordKeys>>();
const KEY_MEMO_MAX = 100_000;

function wordKeys(gaz: Gazetteer, memo: Map<string, WordKeys>, word: string): WordKeys {
  let k = memo.get(word);
  if (k) return k;
  const w = lightNormalizeWord(word);
  const s = stripProclitics(w, noVocab);
  const firsts = new Set([w, s.stem]);
  // bare clitics (و ب ل ك ف) before a name: «وبغداد» → «بغداد»
  if (!s.clitic && w.length > 3 && /^[وفبلك]/.test(w)) {
    firsts.add(w.slice(1));
    if (/^[وف][بلك]/.test(w) && w.length > 4) firsts.add(w.slice(2));
  }
  const lists: (readonly { words: string[]; type: string }[])[] = [];
  for (const f of firsts) {
    const list = gaz.byFirst.get(f);
    if (list) lists.push(list);
  }
  k = { norm: w, lists: lists.length ? lists : NO_LISTS };
  if (memo.size >= KEY_MEMO_MAX) memo.clear();
  memo.set(word, k);
  return k;
}

/** Per-word flags 'B-TYPE'/'I-TYPE' or null, from a greedy longest match left to right. */
export function matchGazetteer(gaz: Gazetteer, words: readonly string[]): (string | null)[] {
  let memo = keyMemo.get(gaz);
  if (!memo) {
    memo = new Map();
    keyMemo.set(gaz, memo);
  }
  const keys = words.map((w) => wordKeys(gaz, memo, w));
  const out: (string | null)[] = new Array(words.length).fill(null);
  let i = 0;
  while (i < keys.length) {
    let hit: { words: string[]; type: string } | undefined;
    for (const list of keys[i]!.lists) {
      for (const e of list) {
        if (hit && hit.words.length >= e.words.length) break;
        let ok = true;
        for (let k = 1; k < e.words.length; k++) {
          if (keys[i + k]?.norm !== e.words[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          hit = e;
          break;
        }
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    for (let k = 0; k < hit.words.length; k++) out[i + k] = `${k ? 'I' : 'B'}-${hit.type}`;
    i += hit.words.length;
  }
  return out;
}

const KB_TYPE: Record<string, string> = { person: 'PERS', organization: 'ORG', location: 'LOC' };

/**
 * Gazetteer entries from knowledge-base entities (data/kb): every Arabic name and alias, typed
 * PERS / ORG / LOC, so the tagger's gazetteer features can use what the KB knows.
 */
export function kbNameEntries(
  entities: Iterable<{
    readonly type: string;
    readonly name_ar: string;
    readonly aliases_ar: readonly string[];
  }>,
): { name: string; type: string }[] {
  const out: { name: string; type: string }[] = [];
  for (const e of entities) {
    const type = KB_TYPE[e.type];
    if (!type) continue;
    for (const name of [e.name_ar, ...e.aliases_ar]) out.push({ name, type });
  }
  return out;
}

/**
 * Reads a list in ANERGazet's format (one name per line; `====` lines separate groups of
 * variants) into gazetteer entries of one type.
 */
export function parseNameList(text: string, type: string): { name: string; type: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^=+$/.test(l))
    .map((name) => ({ name, type }));
}

/**
 * Entity spans of labelled sentences as gazetteer entries (the "training-span gazetteer"):
 * every span's surface form with its majority type, minus one-word forms that are tagged O in
 * at least half of their occurrences («أمل», «سعيد» as ordinary words). The trainer builds one
 * list per jackknife fold from the other folds, so the feature is as unreliable in training as
 * it is on new text; the list from all training data is stored in the model.
 */
export function trainSpanEntries(
  sentences: readonly { words: readonly string[]; tags: readonly string[] }[],
): { name: string; type: string }[] {
  const spans = new Map<string, Map<string, number>>();
  const tokenCount = new Map<string, number>();
  for (const s of sentences) {
    const norm = s.words.map(lightNormalizeWord);
    for (const w of norm) tokenCount.set(w, (tokenCount.get(w) ?? 0) + 1);
    let i = 0;
    while (i < s.tags.length) {
      const t = s.tags[i]!;
      if (t === 'O') {
        i++;
        continue;
      }
      const type = t.slice(2);
      let j = i + 1;
      while (j < s.tags.length && s.tags[j] === `I-${type}`) j++;
      const name = norm.slice(i, j).join(' ');
      let m = spans.get(name);
      if (!m) {
        m = new Map();
        spans.set(name, m);
      }
      m.set(type, (m.get(type) ?? 0) + 1);
      i = j;
    }
  }
  const out: { name: string; type: string }[] = [];
  for (const [name, m] of spans) {
    let type = '';
    let best = 0;
    let total = 0;
    for (const [t, c] of m) {
      total += c;
      if (c > best) {
        best = c;
        type = t;
      }
    }
    if (!name.includes(' ') && total < 0.5 * (tokenCount.get(name) ?? 0)) continue;
    out.push({ name, type });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
