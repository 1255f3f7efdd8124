// Relations between entities: cue phrases (data/lexicons/relations.json) between or around two
// mentions of one sentence, with a direction per cue; KB links support typing of adjacent
// mentions («زعيم مالي أسيمي غويتا»). A relation inside a claim's content rests on that claim.
import type { KnowledgeBase } from '../../kb/index.js';
import type { DateRange, Relation, RelationType } from '../../model/index.js';
import { SYMMETRIC_RELATIONS } from '../../model/index.js';
import type { FoundClaim } from './claims.js';
import { isActor, type MentionRef, matchAt, matchingAt, mentionAt, type SentenceView } from './context.js';
import { fold, loadRelationWords, type RelationCue, type RelationWords } from './lexicon.js';

const LEFT = 6;
const RIGHT = 4;

/** A relation plus the claim it rests on (when it sits inside someone's statement). */
export interface FoundRelation extends Relation {
  claim: string | null;
}

const PLACE_KINDS = new Set(['city', 'region', 'facility', 'geographic_feature']);

function typeOk(type: RelationType, s: MentionRef, t: MentionRef): boolean {
  if (s.entity === t.entity) return false;
  switch (type) {
    case 'located_in':
      return (
        s.type === 'location' && t.type === 'location' && PLACE_KINDS.has(s.kind ?? '') && s.kind !== t.kind
      );
    case 'leader_of':
    case 'spokesperson_of':
      return s.type === 'person' && isActor(t);
    case 'member_of':
      // A person may belong to a country («وزير خارجية مالي P»); anything else to a body.
      return isActor(s) && (t.type === 'organization' || (s.type === 'person' && t.kind === 'country'));
    default:
      return isActor(s) && isActor(t);
  }
}

/** An adjectival cue («الموالية لـ», «المدعومة من») describes the noun right before it. */
function adjectival(cue: RelationCue): boolean {
  return cue.direction !== 'title' && cue.direction !== 'between' && cue.phrase[0]!.startsWith('ال');
}
/** The mention ending right before token i (a closing quote or comma between). */
function adjacentBefore(v: SentenceView, i: number): MentionRef | undefined {
  let k = i - 1;
  while (k >= 0 && v.tokens[k]!.kind === 'punct' && k >= i - 2) k--;
  return v.mentions.find((m) => m.last === k);
}

function nextMention(v: SentenceView, from: number, max: number): MentionRef | undefined {
  return v.mentions.find((m) => m.first >= from && m.first < from + max);
}
function prevMention(v: SentenceView, before: number, max: number): MentionRef | undefined {
  const c = v.mentions.filter((m) => m.last < before && m.last >= before - max);
  return c[c.length - 1];
}
/** Punctuation and bare numbers do not count in the distance to a subject («مالي، الأحد 4 أغسطس، قطع…»). */
const filler = (t: { kind: string; norm: string }) => t.kind === 'punct' || /^[\d٠-٩]+$/.test(t.norm);
function prevSubject(v: SentenceView, before: number, max: number): MentionRef | undefined {
  let words = 0;
  let k = before - 1;
  for (; k >= 0 && words < max; k--) {
    if (mentionAt(v, k)) break;
    if (!filler(v.tokens[k]!)) words++;
  }
  return v.mentions.find((m) => m.last === k);
}
const PRONOUN_SUBJECT = new Set(['انها', 'انه', 'انهم', 'بانها', 'بانه', 'بانهم', 'انهما']);

/** Mentions listed with «و» / «،» after `m`, `m` included. */
function listFrom(v: SentenceView, m: MentionRef): MentionRef[] {
  const out = [m];
  let cur = m;
  for (;;) {
    const n = v.mentions.find((x) => x.first > cur.last && x.first <= cur.last + 2);
    if (!n) break;
    const gap = v.tokens.slice(cur.last + 1, n.first);
    const ok =
      (gap.length === 0 && v.tokens[n.first]!.norm.startsWith('و')) ||
      (gap.length === 1 && ['،', ',', 'و'].includes(gap[0]!.norm));
    if (!ok) break;
    out.push(n);
    cur = n;
  }
  return out;
}
/** The list ending with `m`. */
function listTo(v: SentenceView, m: MentionRef): MentionRef[] {
  const idx = v.mentions.indexOf(m);
  let head = idx;
  while (head > 0 && listFrom(v, v.mentions[head - 1]!).includes(v.mentions[head]!)) head--;
  return v.mentions.slice(head, idx + 1).filter((x) => listFrom(v, v.mentions[head]!).includes(x));
}

/** Nationality adjective (folded: مالي، المالية، الروسي) → KB country id. */
function demonymIndex(kb: KnowledgeBase): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of kb.byKind('country')) {
    const d = c.demonyms_ar;
    if (!d) continue;
    for (const v of Object.values(d))
      for (const w of typeof v === 'string' ? [v] : (v ?? [])) out.set(fold(w), c.id);
  }
  return out;
}
const demonymCache = new WeakMap<KnowledgeBase, Map<string, string>>();

/** «وزير الدفاع المالي P», «نائب وزير الخارجية الروسي P», «نظيره الروسي P»: the person's country
 *  from a nationality adjective or a country mention; the ministry when the document names it. */
function titleLinks(
  v: SentenceView,
  words: RelationWords,
  kb: KnowledgeBase,
  docEntities: ReadonlySet<string>,
  add: (type: RelationType, s: MentionRef, t: MentionRef) => void,
): void {
  let demonyms = demonymCache.get(kb);
  if (!demonyms) {
    demonyms = demonymIndex(kb);
    demonymCache.set(kb, demonyms);
  }
  const toks = v.tokens;
  for (const p of v.mentions) {
    if (p.type !== 'person') continue;
    // The title sits at most five words before the person, with no other mention but a country.
    let title = -1;
    let role: 'minister' | 'deputy' | 'counterpart' | undefined;
    for (let k = p.first - 1; k >= Math.max(0, p.first - 5); k--) {
      const m = mentionAt(v, k);
      if (m && m.kind !== 'country') break;
      const f = toks[k]!.forms;
      if (f.some((x) => words.counterpart.has(x))) {
        [title, role] = [k, 'counterpart'];
        break;
      }
      if (f.some((x) => words.minister.has(x))) {
        const prev = toks[k - 1];
        [title, role] = [k, prev?.forms.some((x) => words.deputy.has(x)) ? 'deputy' : 'minister'];
        break;
      }
    }
    if (title < 0 || !role) continue;
    let country: string | undefined;
    let at = p.first;
    for (let k = title + 1; k < p.first; k++) {
      const m = mentionAt(v, k);
      const id = m?.kind === 'country' ? m.entity.replace(/^ent-/, '') : undefined;
      const dem = m ? undefined : toks[k]!.forms.map((f) => demonyms.get(f)).find(Boolean);
      if (id || dem) {
        country = id ?? dem;
        at = k;
        break;
      }
    }
    if (!country) continue;
    const ref = (id: string): MentionRef => ({
      ...p,
      entity: `ent-${id}`,
      type: 'location',
      kind: 'country',
    });
    const body = (id: string): MentionRef => ({
      ...p,
      entity: `ent-${id}`,
      type: 'organization',
      kind: 'government_body',
    });
    if (role === 'minister') {
      // The portfolio words between the title and the country: «الدفاع», «الخارجية».
      const portfolio = toks
        .slice(title + 1, at)
        .filter((t) => t.kind === 'word')
        .map((t) => t.forms[t.forms.length - 1]!);
      const ministry = portfolio.length
        ? kb
            .byKind('government_body')
            .find(
              (b) =>
                b.country === country &&
                docEntities.has(`ent-${b.id}`) &&
                portfolio.every((w) => fold(b.name_ar).includes(w)),
            )
        : undefined;
      if (ministry) {
        add('leader_of', p, body(ministry.id));
        continue;
      }
    }
    if (docEntities.has(`ent-${country}`)) add('member_of', p, ref(country));
  }
}

/** «كيدال شمال البلاد», «مورا بمالي»: a place in its KB country, or in the country attached to it. */
function countryLinks(
  v: SentenceView,
  words: RelationWords,
  kb: KnowledgeBase,
  docEntities: ReadonlySet<string>,
  add: (type: RelationType, s: MentionRef, t: MentionRef) => void,
): void {
  const toks = v.tokens;
  for (const p of v.mentions) {
    if (!PLACE_KINDS.has(p.kind ?? '')) continue;
    const next = v.mentions.find((m) => m.first === p.last + 1);
    if (next?.kind === 'country' && toks[next.first]!.norm.startsWith('ب')) {
      add('located_in', p, next);
      continue;
    }
    let k = p.last + 1;
    if (toks[k]?.kind === 'punct' && toks[k]!.text !== '،' && toks[k]!.text !== ',') k++; // «"سيجو" وسط البلاد»
    const dir = words.directions.find((d) => matchAt(toks, k, d));
    const ref = dir ? toks[k + dir.length] : undefined;
    if (!ref || mentionAt(v, k + dir!.length) || !ref.forms.some((f) => words.country.has(f))) continue;
    const country = kb.get(p.entity.replace(/^ent-/, ''))?.country;
    if (country && docEntities.has(`ent-${country}`))
      add('located_in', p, { ...p, entity: `ent-${country}`, type: 'location', kind: 'country' });
  }
}

const BETWEEN_STATES = new Set<RelationType>(['allied_with', 'hostile_to', 'supports', 'severed_ties_with']);
const isCountry = (m: MentionRef | undefined): m is MentionRef => m?.kind === 'country';
const BODY_KINDS = new Set(['political_alliance', 'international_org']);

/** «دول (A، B، C) … تحالف X» and «الدول الثلاث أعضاء في X»: countries members of a body. */
function memberLists(
  views: readonly SentenceView[],
  words: RelationWords,
  add: (type: RelationType, s: MentionRef, t: MentionRef, v: SentenceView) => void,
): void {
  let lastList: MentionRef[] = [];
  for (const v of views) {
    const toks = v.tokens;
    const bodies = v.mentions.filter((m) => BODY_KINDS.has(m.kind ?? ''));
    for (let i = 0; i < toks.length; i++) {
      if (mentionAt(v, i) || !toks[i]!.forms.some((f) => words.states.has(f))) continue;
      // A parenthesised list within three words: «دول منطقة الساحل (مالي، بوركينا فاسو، النيجر)».
      for (let k = i + 1; k <= i + 4 && k < toks.length; k++) {
        if (toks[k]!.text !== '(') continue;
        const first = v.mentions.find((m) => m.first === k + 1);
        const list = isCountry(first) ? listFrom(v, first).filter(isCountry) : [];
        if (list.length >= 2 && toks[list[list.length - 1]!.last + 1]?.text === ')') {
          const near = bodies.filter((b) => Math.abs(b.first - i) <= 15);
          for (const c of list) for (const b of near) add('member_of', c, b, v);
        }
        break;
      }
      // «الدول الثلاث أعضاء في X»: the last list of countries.
      const num = toks[i + 1];
      const count = num?.forms.map((f) => words.numbers.get(f)).find((n) => n !== undefined);
      if (count !== undefined && lastList.length === count) {
        let k = i + 2;
        while (k < i + 4 && toks[k] && !words.memberCues.some((p) => matchAt(toks, k, p))) k++;
        const cue = words.memberCues.find((p) => matchAt(toks, k, p));
        if (cue) {
          const body = v.mentions.find(
            (m) => m.first >= k + cue.length && m.first <= k + cue.length + 6 && BODY_KINDS.has(m.kind ?? ''),
          );
          if (body) for (const c of lastList) add('member_of', c, body, v);
        }
      }
    }
    for (const m of v.mentions) {
      if (!isCountry(m)) continue;
      const list = listFrom(v, m).filter(isCountry);
      if (list.length >= 2 && !lastList.includes(m)) lastList = list;
    }
  }
}

function yearOf(text: string): DateRange | null {
  const m = /(?:^|[^\d])(19[5-9]\d|20[0-4]\d)(?:[^\d]|$)/.exec(text);
  return m ? { start: m[1]!, end: m[1]!, precision: 'year' } : null;
}

export function findRelations(
  text: string,
  views: readonly SentenceView[],
  cues: readonly RelationCue[],
  claims: readonly FoundClaim[],
  kb: KnowledgeBase,
  words: RelationWords = loadRelationWords(),
): FoundRelation[] {
  const byKey = new Map<string, FoundRelation>();
  const docEntities = new Set(views.flatMap((v) => v.mentions.map((m) => m.entity)));
  const firstMention = new Map<string, MentionRef>();
  for (const v of views)
    for (const m of v.mentions) if (!firstMention.has(m.entity)) firstMention.set(m.entity, m);
  /** The speaker (as a mention) of the claim whose content holds offset `at`. */
  const speakerAt = (at: number): MentionRef | undefined => {
    const c = claims.find((x) => x.speaker && x.content.start <= at && at < x.content.end);
    const m = c?.speaker ? firstMention.get(c.speaker) : undefined;
    return m && isActor(m) ? m : undefined;
  };
  // A state body is never hostile to, allied with or supporting its own state («مالي» / «الجيش المالي»).
  const own = (a: string, b: string) => kb.get(a.replace(/^ent-/, ''))?.country === b.replace(/^ent-/, '');
  const add = (type: RelationType, s: MentionRef, t: MentionRef, v: SentenceView) => {
    if (!typeOk(type, s, t)) return;
    if (BETWEEN_STATES.has(type) && (own(s.entity, t.entity) || own(t.entity, s.entity))) return;
    const sym = SYMMETRIC_RELATIONS.has(type);
    const [a, b] = sym && s.entity > t.entity ? [t.entity, s.entity] : [s.entity, t.entity];
    const key = `${type}|${a}|${b}`;
    const evidence = { start: Math.min(s.start, t.start), end: Math.max(s.end, t.end) };
    const found = byKey.get(key);
    if (found) {
      if (!found.evidence.some((e) => e.start === evidence.start)) found.evidence.push(evidence);
      return;
    }
    const claim = claims.find((c) => c.content.start <= evidence.start && evidence.end <= c.content.end);
    byKey.set(key, {
      type,
      source: a,
      target: b,
      date: yearOf(text.slice(v.span.start, v.span.end)),
      evidence: [evidence],
      claim: claim?.id ?? null,
    });
  };

  for (const v of views) {
    const toks = v.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.kind !== 'word' || mentionAt(v, i)) continue;
      const matched = new Set<RelationType>();
      for (const cue of matchingAt(toks, i, cues, (c) => c.phrase)) {
        if (matched.has(cue.type)) continue;
        const end = i + cue.phrase.length; // first token after the cue
        // «قالت X إنها قتلت…»: the pronoun subject is the speaker of the claim the cue sits in.
        const pronoun = toks[i - 1]?.kind === 'word' && PRONOUN_SUBJECT.has(toks[i - 1]!.norm);
        const said = pronoun ? speakerAt(toks[i]!.start) : undefined;
        const speaker = said && {
          ...said,
          start: toks[i - 1]!.start,
          end: toks[i - 1]!.end,
          first: i - 1,
          last: i - 1,
        };
        const before =
          speaker ??
          (adjectival(cue)
            ? adjacentBefore(v, i)
            : cue.type === 'located_in'
              ? prevMention(v, i, 1)
              : prevSubject(v, i, LEFT));
        const after = nextMention(v, end, cue.type === 'located_in' ? 2 : RIGHT);
        let hit = false;
        if (cue.direction === 'forward' && before && after) {
          // «مالي وبوركينا فاسو حليفتان لروسيا»: a listed subject; an adjective agrees with one noun.
          const listed = cue.type !== 'affiliated_with' && cue.type !== 'located_in' && !adjectival(cue);
          for (const s of listed && v.mentions.includes(before) ? listTo(v, before) : [before])
            for (const t of listFrom(v, after)) {
              const ok = typeOk(cue.type, s, t);
              add(cue.type, s, t, v);
              hit ||= ok;
            }
        } else if (cue.direction === 'forward' && !before && after && cue.type !== 'located_in') {
          // VSO: «زودت روسيا الجيش المالي…» — the subject, then the object.
          const object = nextMention(v, after.last + 1, 2);
          // «كبّدت القوات المالية وعناصر فاغنر…»: a coordinated noun is not the object.
          if (object && !listFrom(v, after).includes(object)) {
            hit = typeOk(cue.type, after, object);
            add(cue.type, after, object, v);
          }
        } else if (cue.direction === 'backward' && before && after) {
          hit = typeOk(cue.type, after, before);
          add(cue.type, after, before, v);
        } else if (cue.direction === 'between' && after) {
          const list = listFrom(v, after);
          for (let x = 0; x < list.length; x++)
            for (let y = x + 1; y < list.length; y++) {
              hit ||= typeOk(cue.type, list[x]!, list[y]!);
              add(cue.type, list[x]!, list[y]!, v);
            }
        } else if (cue.direction === 'title') {
          // «رئيس X [adj…] P» → P leads X; «P، رئيس X» → the same.
          const body = nextMention(v, end, 2);
          if (body) {
            const person = nextMention(v, body.last + 1, 4);
            const prior = prevMention(v, i, 2);
            if (person && person.type === 'person') {
              hit = typeOk(cue.type, person, body);
              add(cue.type, person, body, v);
            } else if (prior && prior.type === 'person') {
              hit = typeOk(cue.type, prior, body);
              add(cue.type, prior, body, v);
            }
          }
        }
        if (hit) matched.add(cue.type);
      }
    }
    const addHere = (type: RelationType, s: MentionRef, t: MentionRef) => add(type, s, t, v);
    titleLinks(v, words, kb, docEntities, addHere);
    countryLinks(v, words, kb, docEntities, addHere);
    // Adjacent mentions the KB links («زعيم مالي أسيمي غويتا», «كيدال شمال مالي»).
    for (let x = 0; x < v.mentions.length; x++)
      for (let y = 0; y < v.mentions.length; y++) {
        const s = v.mentions[x]!;
        const t = v.mentions[y]!;
        if (x === y || Math.abs(s.first - t.first) > 5) continue;
        const link = kb.get(s.entity.replace(/^ent-/, ''))?.links.find((l) => `ent-${l.target}` === t.entity);
        if (link) add(link.type, s, t, v);
      }
  }
  memberLists(views, words, add);
  return [...byKey.values()];
}
