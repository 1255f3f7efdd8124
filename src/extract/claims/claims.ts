// Attributed claims: reporting verbs (VSO «قال المتحدث باسم الجيش إن…», SVO «الجيش قال…»,
// pronoun subjects), prepositional sources («بحسب X», «نقلاً عن X»), circumstantial participles
// («مؤكداً», «متهمةً») and claim nouns («اتهامات», «نفي»); unattributed sources give a null speaker.
//
// Stance comes from the cue class, then:
//  - a negated cue («لم يؤكد», «لم ينفِ») is a HEDGE: the speaker did not commit either way;
//  - an assertion whose content opens with a negation («قال إنه ليس…», «أكد أنه لا…») is a DENY;
//  - an assertion whose content opens with a hedge («ربما», «من المرجح», «قد») is a HEDGE;
//  - a passive opinion verb («يُعتقد أن», «يُرجَّح أن») and «بحسب ما ورد» are unattributed hedges.
import type { AnalysedDocument, Claim, EntityKind, Stance } from '../../model/index.js';
import { DEMONSTRATIVES } from '../../text/index.js';
import { isActor, type MentionRef, matchingAt, mentionAt, type SentenceView, type Tok } from './context.js';
import { type ClaimLexicon, fold, type Phrase } from './lexicon.js';

const QUOTE_OPEN = new Set(['«', '"', '“', '”']);
const QUOTE_CLOSE: Record<string, string> = { '«': '»', '"': '"', '“': '”', '”': '“' };
const RIGHT_WINDOW = 12;
const LEFT_WINDOW = 7;

interface Cue {
  stance: Stance;
  /** Token index range of the cue (inclusive). */
  first: number;
  last: number;
  kind: 'verb' | 'source' | 'participle' | 'noun' | 'reported-hedge' | 'passive';
}

/** Internal form of a claim: the export shape plus the sentence it sits in. */
export interface FoundClaim extends Claim {
  sentence: number;
}

function hasForm(t: Tok | undefined, set: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
  if (t?.kind !== 'word') return false;
  return t.forms.some((f) => set.has(f));
}

function stanceOf(t: Tok, map: ReadonlyMap<string, Stance>): Stance | undefined {
  // The word itself, or with a conjunction (و ف) stripped; never deeper (a verb takes no article).
  const [w, ...rest] = t.forms;
  if (w && map.has(w)) return map.get(w);
  const bare = rest.find((f) => w && w.length - f.length === 1 && 'وف'.includes(w[0]!));
  return bare ? map.get(bare) : undefined;
}

function phraseAt(tokens: readonly Tok[], i: number, list: readonly Phrase[]): Phrase | undefined {
  return matchingAt(tokens, i, list, (p) => p)[0];
}

function findCue(v: SentenceView, i: number, lx: ClaimLexicon): Cue | undefined {
  const t = v.tokens[i]!;
  if (t.kind !== 'word' || mentionAt(v, i)) return undefined;
  const rh = phraseAt(v.tokens, i, lx.reportedHedges);
  if (rh) return { stance: 'hedge', first: i, last: i + rh.length - 1, kind: 'reported-hedge' };
  const src = phraseAt(v.tokens, i, lx.sources);
  if (src) {
    const next = v.tokens[i + src.length];
    if (next && next.norm === 'ما') return undefined; // «بحسب ما ذكرت X»: the verb is the cue
    return { stance: 'assert', first: i, last: i + src.length - 1, kind: 'source' };
  }
  const verb = stanceOf(t, lx.verbs);
  if (verb) {
    const next = v.tokens[i + 1];
    if (hasForm(t, lx.passiveHedges) && next && hasForm(next, lx.complementizers))
      return { stance: 'hedge', first: i, last: i, kind: 'passive' };
    return { stance: verb, first: i, last: i, kind: 'verb' };
  }
  const part = stanceOf(t, lx.participles);
  if (part) return { stance: part, first: i, last: i, kind: 'participle' };
  const noun = matchingAt(v.tokens, i, lx.nouns, (n) => n.phrase)[0];
  // «نفت الحكومة تلك الاتهامات»: the accusations reported before, not a new claim
  if (noun && i > 0 && v.tokens[i - 1]!.forms.some((f) => DEMONSTRATIVES.has(f))) return undefined;
  if (noun) return { stance: noun.stance, first: i, last: i + noun.phrase.length - 1, kind: 'noun' };
  return undefined;
}

/** Mentions joined to `m` by «و» or «،» right after it («مالي وبوركينا فاسو»). */
function chain(v: SentenceView, m: MentionRef): MentionRef[] {
  const out = [m];
  let cur = m;
  for (;;) {
    const next = v.mentions.find((n) => n.first > cur.last && n.first <= cur.last + 2);
    if (!next) break;
    const between = v.tokens.slice(cur.last + 1, next.first);
    const joined =
      (between.length === 0 && v.tokens[next.first]!.norm.startsWith('و')) ||
      (between.length === 1 &&
        (between[0]!.text === '،' || between[0]!.text === ',' || between[0]!.norm === 'و'));
    if (!joined || !isActor(next)) break;
    out.push(next);
    cur = next;
  }
  return out;
}

interface Resolution {
  speakers: (string | null)[];
  /** Token index where the content starts. */
  contentFrom: number;
  /** A complementizer, colon or quote opens the content. */
  comp: boolean;
  /** How the speaker was found: a named subject, an anonymous one, an unknown noun, a pronoun. */
  subject: 'named' | 'anonymous' | 'unknown' | 'pronoun';
}

/** What the resolver may look back on: the text and the mentions of earlier sentences. */
interface ResolveCtx {
  text: string;
  history: readonly MentionRef[];
}

/** A definite common noun standing for an entity («الجماعة», «المركز») at token k: its key. */
function descriptiveAt(v: SentenceView, k: number, lx: ClaimLexicon): string | undefined {
  const t = v.tokens[k];
  if (t?.kind !== 'word' || mentionAt(v, k)) return undefined;
  return t.forms.find((f) => lx.descriptive.has(f) && t.forms.includes(`ال${f}`));
}

/** The last entity mentioned before token `before` (earlier sentences included) that `noun` can
 *  stand for: one whose name holds the noun first («المركز» → «مركز الدراسات…»), else any of its kinds. */
function antecedent(
  v: SentenceView,
  before: number,
  noun: string,
  lx: ClaimLexicon,
  ctx: ResolveCtx,
): MentionRef | undefined {
  const kinds = lx.descriptive.get(noun) ?? [];
  const fits = (m: MentionRef) =>
    kinds.includes('person') ? m.type === 'person' : kinds.includes(m.kind as EntityKind);
  const pool = [...ctx.history, ...v.mentions.filter((m) => m.last < before)].filter(fits);
  const named = pool.filter((m) => fold(ctx.text.slice(m.start, m.end)).includes(noun));
  return named[named.length - 1] ?? pool[pool.length - 1];
}

/** The owner of an anonymous source noun at k: «تقرير لمجلة X», «تقديرات وزارة الخارجية». */
function ownerOf(v: SentenceView, k: number, lx: ClaimLexicon): MentionRef | undefined {
  const m = v.mentions.find((x) => x.first > k && x.first <= k + 3);
  if (!m || !isActor(m)) return undefined;
  const between = v.tokens.slice(k + 1, m.first);
  const ok = between.every(
    (t) =>
      t.kind === 'punct' ||
      (t.norm.startsWith('ل') && t.norm.length >= 4 && !t.forms.some((f) => lx.negation.has(f))),
  );
  return ok ? m : undefined;
}

function resolve(
  v: SentenceView,
  cue: Cue,
  lx: ClaimLexicon,
  previous: (string | null) | undefined,
  sameSentence: boolean,
  ctx: ResolveCtx,
): Resolution {
  const toks = v.tokens;
  const after = cue.last + 1;
  // The complementizer (أن، إن، بأن، عن) or colon or quote opening the content.
  let comp = -1;
  for (let k = after; k < Math.min(toks.length, after + RIGHT_WINDOW); k++) {
    const t = toks[k]!;
    if (mentionAt(v, k)) continue;
    if (t.kind === 'word' && hasForm(t, lx.complementizers)) {
      comp = k + 1;
      break;
    }
    if (QUOTE_OPEN.has(t.text) && quotedName(v, k)) continue;
    if (t.text === ':' || (QUOTE_OPEN.has(t.text) && quoteLength(toks, k) >= 4)) {
      comp = t.text === ':' ? k + 1 : k;
      break;
    }
    if (t.text === '.' || t.text === '؟') break;
  }
  const windowEnd = comp >= 0 ? comp : Math.min(toks.length, after + 5);
  const hasComp = comp >= 0;
  const R = (
    speakers: (string | null)[],
    contentFrom: number,
    subject: Resolution['subject'],
  ): Resolution => ({
    speakers,
    contentFrom,
    comp: hasComp,
    subject,
  });
  if (cue.kind === 'reported-hedge' || cue.kind === 'passive') return R([null], after, 'anonymous');

  if (cue.kind === 'participle') return R([previous ?? null], comp >= 0 ? comp : after, 'pronoun');

  // Right side: VSO subject, or the source after «بحسب».
  const first = toks[after];
  const anonymous = (k: number) => {
    const t = toks[k];
    return !!t && !mentionAt(v, k) && hasForm(t, lx.unattributed);
  };
  // A descriptive subject stands for the last entity of its kind: «قالت الجماعة» → the armed group.
  const desc = cue.kind === 'noun' ? undefined : descriptiveAt(v, after, lx);
  const ante = desc ? antecedent(v, cue.first, desc, lx, ctx) : undefined;
  if (ante) return R([ante.entity], cue.kind === 'source' ? 0 : comp >= 0 ? comp : after + 1, 'named');
  if (first && (anonymous(after) || anonymous(after + 1)) && !mentionAt(v, after)) {
    const owner = ownerOf(v, anonymous(after) ? after : after + 1, lx);
    if (owner)
      return R(
        chain(v, owner).map((m) => m.entity),
        cue.kind === 'source' ? 0 : comp >= 0 ? comp : owner.last + 1,
        'named',
      );
    return R([null], comp >= 0 ? comp : after + 1, 'anonymous');
  }
  const prevTok = toks[cue.first - 1];
  const subjectNext = !!mentionAt(v, after) || !!mentionAt(v, after + 1);
  if (cue.kind === 'verb' && prevTok && !subjectNext) {
    // «فرنسا، التي أعلنت…»: the antecedent of the relative pronoun.
    if (hasForm(prevTok, lx.relatives)) {
      const rel = v.mentions.filter(
        (m) =>
          m.last < cue.first - 1 &&
          m.last >= cue.first - 8 &&
          isActor(m) &&
          appositive(toks.slice(m.last + 1, cue.first - 1)),
      );
      const m = rel[rel.length - 1];
      if (m) return R([m.entity], comp >= 0 ? comp : after, 'named');
    }
    // «وكان الجيش قد أعلن…», «وسبق لمالي أن أكدت…»: the subject right after «كان» / «سبق».
    if (prevTok.forms.includes('قد') || prevTok.norm === 'ان') {
      for (let k = cue.first - 2; k >= Math.max(0, cue.first - 9); k--) {
        if (!hasForm(toks[k], lx.auxiliaries)) continue;
        const m = v.mentions.find(
          (x) => x.first > k && x.first <= k + 2 && x.last < cue.first - 1 && isActor(x),
        );
        if (m)
          return R(
            chain(v, m).map((x) => x.entity),
            comp >= 0 ? comp : after,
            'named',
          );
        break;
      }
    }
  }
  const right = v.mentions.filter((m) => m.first >= after && m.first < windowEnd && isActor(m));
  if (right.length && (cue.kind !== 'noun' || right[0]!.first <= after + 1)) {
    const person = right.find((m) => m.type === 'person');
    const head = person ?? right[0]!;
    const speakers = chain(v, head).map((m) => m.entity);
    const last = Math.max(...right.map((m) => m.last));
    const from = cue.kind === 'source' ? 0 : comp >= 0 ? comp : last + 1;
    return R(speakers, from, 'named');
  }
  if (cue.kind === 'source') return R([null], 0, 'unknown');
  if (cue.kind === 'noun') return R([null], after, 'unknown');
  // «تقارير تشير إلى…»: an anonymous subject before the verb.
  if (prevTok && !mentionAt(v, cue.first - 1) && hasForm(prevTok, lx.unattributed))
    return R([null], comp >= 0 ? comp : after, 'anonymous');
  // Left side: SVO subject «الجيش قال».
  const left = v.mentions.filter(
    (m) =>
      m.last < cue.first &&
      m.last >= cue.first - LEFT_WINDOW &&
      isActor(m) &&
      leftClear(v, m.last + 1, cue.first),
  );

  if (left.length) {
    const nearest = left[left.length - 1]!;
    const head = chainHead(v, nearest, left);
    return R(
      chain(v, head).map((m) => m.entity),
      comp >= 0 ? comp : after,
      unknownNext(v, after, lx) ? 'unknown' : 'named',
    );
  }
  // A pronoun subject: the actor of the previous claim or sentence — unless an unknown noun
  // subject follows the verb («قال مسؤول…», «أظهرت المقاطع…»).
  if (unknownNext(v, after, lx)) {
    if (!sameSentence) return R([null], comp >= 0 ? comp : after, 'unknown');
    return R([previous ?? null], comp >= 0 ? comp : after, 'unknown');
  }
  return R([previous ?? null], comp >= 0 ? comp : after, 'pronoun');
}

/** A definite noun that is no known entity right after the verb: an unknown subject or object. */
function unknownNext(v: SentenceView, after: number, lx: ClaimLexicon): boolean {
  const next = v.tokens[after];
  return (
    !!next &&
    next.kind === 'word' &&
    !mentionAt(v, after) &&
    next.norm.startsWith('ال') &&
    !hasForm(next, lx.complementizers)
  );
}

/** A weak verb («تشير», «أظهرت») counts only with a complementizer or an anonymous subject, and
 *  never after «ما/مما» («مما يشير إلى…») or with an unknown noun subject. */
function weakRejected(v: SentenceView, cue: Cue, r: Resolution, lx: ClaimLexicon): boolean {
  const t = v.tokens[cue.first]!;
  if (cue.kind !== 'verb' || !t.forms.slice(0, 2).some((f) => lx.weakVerbs.has(f))) return false;
  const prev = v.tokens[cue.first - 1];
  if (prev && ['ما', 'مما', 'بما', 'لما'].includes(prev.norm)) return true;
  if (r.subject === 'unknown') return true;
  return !r.comp && r.subject !== 'anonymous';
}

/** Only words that can sit between an SVO subject and its verb: a comma, «في بيان», «أمس». */
function leftClear(v: SentenceView, from: number, to: number): boolean {
  return to - from <= 3 && v.tokens.slice(from, to).every((t) => t.kind === 'punct' || t.norm.length <= 5);
}

/** The first mention of a «و»-joined list that ends with `m`. */
function chainHead(v: SentenceView, m: MentionRef, left: MentionRef[]): MentionRef {
  let head = m;
  for (let k = left.indexOf(m) - 1; k >= 0; k--) {
    const c = left[k]!;
    if (!chain(v, c).includes(head)) break;
    head = c;
  }
  return head;
}

/** A quote holding just a name («قالت "جماعة نصرة الإسلام"…») opens no content. */
function quotedName(v: SentenceView, k: number): boolean {
  const m = mentionAt(v, k + 1);
  const close = v.tokens[(m?.last ?? -2) + 1];
  return !!m && m.first === k + 1 && !!close && close.text === QUOTE_CLOSE[v.tokens[k]!.text];
}

/** Definite words and punctuation only: an appositive («فرنسا، الحليف التقليدي…»). */
function appositive(toks: readonly Tok[]): boolean {
  return toks.every((t) => t.kind === 'punct' || t.forms.some((f) => f.startsWith('ال')));
}

/** Words inside the quote opening at token k (Infinity when it does not close). */
function quoteLength(toks: readonly Tok[], k: number): number {
  const close = QUOTE_CLOSE[toks[k]!.text]!;
  for (let j = k + 1; j < toks.length; j++) if (toks[j]!.text === close) return j - k - 1;
  return Number.POSITIVE_INFINITY;
}

/** The content runs to the end of the sentence: a quote is often followed by its context. */
function contentEnd(v: SentenceView, _from: number): number {
  return v.span.end;
}

function adjustStance(v: SentenceView, cue: Cue, from: number, lx: ClaimLexicon): Stance {
  let stance = cue.stance;
  const prev = v.tokens[cue.first - 1];
  if (cue.kind === 'verb' && prev && prev.kind === 'word' && prev.forms.some((f) => lx.negation.has(f)))
    return 'hedge';
  if (stance !== 'assert') return stance;
  const head = v.tokens.slice(from, from + 6).filter((t) => t.kind === 'word');
  for (let k = 0; k < head.length; k++)
    if (lx.hedges.some((p) => p.every((w, j) => head[k + j]?.norm === w))) {
      stance = 'hedge';
      break;
    }
  // «ما لا يقل عن…» is a quantity, not a negation.
  const idiom = (k: number) => lx.negationIdioms.some((p) => p.every((w, j) => head[k + j]?.norm === w));
  const negated = head
    .slice(0, 3)
    .some((t, k) => lx.contentNegation.has(t.norm) && head[k - 1]?.norm !== 'ما' && !idiom(k));
  if (stance === 'assert' && negated) stance = 'deny';
  return stance;
}

function firstActor(v: SentenceView | undefined): string | undefined {
  return v?.mentions.find((m) => isActor(m))?.entity;
}

export function findClaims(
  doc: AnalysedDocument,
  views: readonly SentenceView[],
  lx: ClaimLexicon,
): FoundClaim[] {
  const out: FoundClaim[] = [];
  const seen = new Set<string>();
  const prefix = doc.id.replace(/^sha256:/, '').slice(0, 8);
  let lastSpeaker: string | undefined;
  let lastSentence = -1;
  const history: MentionRef[] = [];
  views.forEach((v, si) => {
    if (si > 0) history.push(...views[si - 1]!.mentions);
    const toks = v.tokens;
    let sentenceSpeaker: string | undefined;
    let lastCueEnd = -10;
    for (let i = 0; i < toks.length; i++) {
      const cue = findCue(v, i, lx);
      if (!cue) continue;
      // A claim noun right after a reporting verb is its object («نفت مالي الاتهامات»).
      if (cue.kind === 'noun' && i - lastCueEnd <= 3) continue;
      lastCueEnd = cue.last;
      const recent = lastSpeaker && si - lastSentence <= 2 ? lastSpeaker : undefined;
      const previous = sentenceSpeaker ?? recent ?? firstActor(views[si - 1]);
      const r = resolve(v, cue, lx, previous, sentenceSpeaker !== undefined, { text: doc.text, history });
      if (weakRejected(v, cue, r, lx)) continue;
      const from = Math.max(r.contentFrom, 0);
      const startTok = toks[from];
      if (!startTok || startTok.start >= v.span.end) continue;
      // The content span opens one word before the cue («إذ زعمت…», «لكنه اعترف…»), so it
      // carries the cue and the speaker with what was said; a «بحسب» source covers the sentence.
      const lead = toks[Math.max(0, cue.first - 1)]!;
      const start = cue.kind === 'source' ? v.span.start : Math.max(v.span.start, lead.start);
      const end = contentEnd(v, from);
      if (end <= start) continue;
      const stance = adjustStance(v, cue, from, lx);
      const about = [
        ...new Set(v.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.entity)),
      ];
      const cueText = doc.text.slice(toks[cue.first]!.start, toks[cue.last]!.end);
      for (const speaker of r.speakers) {
        const key = `${speaker}|${stance}|${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          id: `cl-${prefix}-${out.length + 1}`,
          speaker,
          stance,
          cue: cueText,
          content: { start, end },
          about,
          sentence: si,
        });
      }
      const named = r.speakers.find((s): s is string => s !== null);
      if (named) {
        sentenceSpeaker = named;
        lastSpeaker = named;
        lastSentence = si;
      }
      i = cue.last;
    }
  });
  return out;
}
