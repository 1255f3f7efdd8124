// Trigger matching over the words of a sentence, clitics and all: «وهاجمت» (و + هاجمت), «بالهجوم»
// (ب + ال + هجوم), «وتدرّبهم» (و + تدرب + هم), «سيهاجم» (س + يهاجم: future), «هجوماً» (tanween).
import type { Span } from '../../model/index.js';
import { cliticAnalyses, DEMONSTRATIVES, normalizeForMatch, type Token, tokenize } from '../../text/index.js';
import type { EventLexicon, Tense, TriggerPattern } from './lexicon.js';

export interface Word {
  start: number;
  end: number;
  /** Folded readings of the word: whole, without proclitics, without a pronoun suffix … */
  forms: string[];
  /** Readings behind a future س («سيهاجم» → يهاجم). */
  futureForms: string[];
  /** A clause boundary (، ؛ : . …) rather than a word. */
  boundary: boolean;
}

export interface TriggerHit {
  pattern: TriggerPattern;
  /** First and last word index (inclusive). */
  from: number;
  to: number;
  span: Span;
  tense: Tense;
  /** The verb carried a future س. */
  future: boolean;
  /** The reading of the first word that matched («للانسحاب» → انسحاب). */
  form: string;
}

/** Clause boundaries; quotes and brackets are not («مهمة "برخان"» stays one clause). */
const BOUNDARY = new Set([',', '،', ';', '؛', ':', '.', '!', '?', '؟']);
/** Words a phrase may skip between two of its slots («قطعت مالي العلاقات», «سيطر الجيش على السلطة»). */
const MAX_GAP = 2;

function readings(tok: Token): { forms: string[]; futureForms: string[] } {
  const forms = new Set<string>([tok.norm]);
  for (const a of cliticAnalyses(tok.text)) {
    const stem = normalizeForMatch(tok.text.slice(a.stem.start, a.stem.end));
    if (stem.length < 2) continue;
    forms.add(stem);
    // the whole word after its proclitics, suffix kept: «وتدربهم» → تدربهم
    if (a.suffix) {
      forms.add(normalizeForMatch(tok.text.slice(a.stem.start)));
      // «زيارته»: ة is written ت before a pronoun
      if (stem.endsWith('ت') && stem.length > 3) forms.add(`${stem.slice(0, -1)}ه`);
    }
  }
  // «وقد», «فلم», «ويمكن»: the conjunction on a short particle the clitic reader keeps whole
  if (tok.norm.length >= 3 && (tok.norm[0] === 'و' || tok.norm[0] === 'ف')) forms.add(tok.norm.slice(1));
  for (const f of [...forms]) if (f.length > 3 && f.endsWith('ا')) forms.add(f.slice(0, -1));
  const futureForms: string[] = [];
  for (const f of forms)
    if (f.length > 3 && f.startsWith('س') && 'يتنا'.includes(f[1]!)) futureForms.push(f.slice(1));
  return { forms: [...forms], futureForms };
}

/** The words of text[span], with their readings. */
export function wordsOf(text: string, span: Span): Word[] {
  const out: Word[] = [];
  for (const t of tokenize(text.slice(span.start, span.end))) {
    const start = span.start + t.start;
    const end = span.start + t.end;
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if ([...t.text].some((c) => BOUNDARY.has(c)))
        out.push({ start, end, forms: [], futureForms: [], boundary: true });
      continue;
    }
    out.push({ start, end, ...readings(t), boundary: false });
  }
  return out;
}

function slotTense(
  slot: ReadonlyMap<string, Tense>,
  w: Word,
): { tense: Tense; future: boolean; form: string } | null {
  for (const f of w.forms) {
    const t = slot.get(f);
    if (t) return { tense: t, future: false, form: f };
  }
  for (const f of w.futureForms)
    if (slot.get(f) === 'present') return { tense: 'present', future: true, form: f };
  return null;
}

/** Every trigger in `words`; where two overlap, the longer one wins (« سيطر على السلطة » is a coup,
 * not a town taken). */
export function findTriggers(words: readonly Word[], lex: EventLexicon): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.boundary) continue;
    const cands = new Set<TriggerPattern>();
    for (const f of [...w.forms, ...w.futureForms]) for (const p of lex.byFirst.get(f) ?? []) cands.add(p);
    for (const p of cands) {
      const first = slotTense(p.words[0]!, w);
      if (!first) continue;
      let j = i;
      let ok = true;
      for (let k = 1; k < p.words.length && ok; k++) {
        ok = false;
        for (let g = 0; g <= (p.gapBefore[k] ? MAX_GAP : 0); g++) {
          const next = words[j + 1 + g];
          if (!next || next.boundary) break;
          if (slotTense(p.words[k]!, next)) {
            j = j + 1 + g;
            ok = true;
            break;
          }
        }
      }
      if (!ok) continue;
      hits.push({
        pattern: p,
        from: i,
        to: j,
        span: { start: w.start, end: words[j]!.end },
        tense: first.tense,
        future: first.future,
        form: first.form,
      });
    }
  }
  hits.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const kept: TriggerHit[] = [];
  for (const h of hits) if (!kept.some((k) => k.from <= h.to && h.from <= k.to)) kept.push(h);
  return kept.sort((a, b) => a.from - b.from);
}

/** Does the cue phrase occur at word index i (each of its words one of the word's readings)? */
export function cueAt(words: readonly Word[], i: number, cue: readonly string[]): boolean {
  for (let k = 0; k < cue.length; k++) {
    const w = words[i + k];
    if (!w || w.boundary || !w.forms.includes(cue[k]!)) return false;
  }
  return true;
}

function anyCueIn(words: readonly Word[], from: number, to: number, cues: readonly string[][]): boolean {
  for (let i = Math.max(0, from); i < to; i++) for (const c of cues) if (cueAt(words, i, c)) return true;
  return false;
}

export type Factuality = 'asserted' | 'negated' | 'future' | 'modal' | 'purpose' | 'denied' | 'rumoured';

/** «تعرّضت القافلة لهجوم»: after these, ل + noun is what happened, not a purpose. */
const UNDERGO = /^[يت]?تعرض(ت|وا|ت|ان|ون)?$/;

/** The proclitics written before the matched reading: «وللانسحاب» → ولل. */
function proclitics(w: Word, form: string): string {
  const whole = w.forms[0] ?? '';
  const at = whole.indexOf(form);
  return at > 0 ? whole.slice(0, at) : '';
}

/** A demonstrative before the trigger («هذه التدريبات», «تلك الهجمات»): it points back to an event already reported. */
export function isAnaphoric(words: readonly Word[], hit: TriggerHit): boolean {
  const prev = words[hit.from - 1];
  return !!prev && prev.forms.some((f) => DEMONSTRATIVES.has(f));
}

/**
 * Whether the text reports the trigger as having happened (PLOVER's factuality): «لم تهاجم»,
 * «سيهاجم», «من المتوقع أن تهاجم», «قد يهاجم», «نفت أن تكون هاجمت», «شائعات عن هجوم» are not events.
 * Negation governs the next two or three words; future and modal cues the rest of their clause
 * (up to `window` words); denial and rumour the rest of the sentence.
 */
export function clauseOf(words: readonly Word[], i: number): { from: number; to: number } {
  let from = 0;
  let to = words.length - 1;
  for (let k = i - 1; k >= 0; k--)
    if (words[k]!.boundary) {
      from = k + 1;
      break;
    }
  for (let k = i + 1; k < words.length; k++)
    if (words[k]!.boundary) {
      to = k - 1;
      break;
    }
  return { from, to };
}

export function factuality(words: readonly Word[], hit: TriggerHit, lex: EventLexicon): Factuality {
  if (hit.future) return 'future';
  const i = hit.from;
  // «لاستعادة القاعدة», «للانسحاب»: ل on a verbal noun states a purpose, not a fact
  if (hit.tense !== 'past' && /^[وف]?ل/.test(proclitics(words[i]!, hit.form))) {
    // «تعرّضت قافلة الجيش لهجوم»: undergoing it, a few words back, makes it a fact
    let undergone = false;
    for (let k = i - 1; k >= Math.max(0, i - 4) && !undergone && !words[k]!.boundary; k--)
      undergone = words[k]!.forms.some((f) => UNDERGO.test(f));
    if (!undergone) return 'purpose';
  }
  let clauseStart = 0;
  for (let k = i - 1; k >= 0; k--)
    if (words[k]!.boundary) {
      clauseStart = k + 1;
      break;
    }
  const verb = hit.tense !== 'noun';
  const negFrom = Math.max(clauseStart, i - (verb ? 2 : 3));
  if (anyCueIn(words, negFrom, i, lex.negation)) return 'negated';
  if (verb && anyCueIn(words, Math.max(clauseStart, i - 1), i, lex.negationBeforeVerb)) return 'negated';
  const winFrom = Math.max(clauseStart, i - lex.window);
  if (anyCueIn(words, winFrom, i, lex.future)) return 'future';
  if (anyCueIn(words, winFrom, i, lex.modal)) return 'modal';
  if (hit.tense === 'present' && anyCueIn(words, Math.max(clauseStart, i - 2), i, lex.present))
    return 'modal';
  // «وقد يتزايد عدد الهجمات»: قد before a present verb makes the clause modal
  for (let k = winFrom; k < i - 1; k++)
    if (lex.present.some((c) => cueAt(words, k, c)) && /^[يت][^م]/.test(words[k + 1]!.forms[0] ?? ''))
      return 'modal';
  for (let k = hit.to + 1; k < Math.min(words.length, hit.to + 4); k++) {
    const w = words[k]!;
    if (w.boundary) break;
    if (w.forms.some((f) => lex.futureAfter.has(f))) return 'future';
  }
  if (anyCueIn(words, 0, i, lex.denial)) return 'denied';
  if (anyCueIn(words, 0, i, lex.rumour)) return 'rumoured';
  return 'asserted';
}
