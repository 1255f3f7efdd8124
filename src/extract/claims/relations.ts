// Relations between entities: cue phrases (data/lexicons/relations.json) between or around two
// mentions of one sentence, with a direction per cue; KB links support typing of adjacent
// mentions («زعيم مالي أسيمي غويتا»). A relation inside a claim's content rests on that claim.
import type { KnowledgeBase } from '../../kb/index.js';
import type { DateRange, Relation, RelationType } from '../../model/index.js';
import { SYMMETRIC_RELATIONS } from '../../model/index.js';
import type { FoundClaim } from './claims.js';
import { isActor, type MentionRef, matchAt, mentionAt, type SentenceView } from './context.js';
import type { RelationCue } from './lexicon.js';

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
      return isActor(s) && t.type === 'organization';
    default:
      return isActor(s) && isActor(t);
  }
}

function nextMention(v: SentenceView, from: number, max: number): MentionRef | undefined {
  return v.mentions.find((m) => m.first >= from && m.first < from + max);
}
function prevMention(v: SentenceView, before: number, max: number): MentionRef | undefined {
  const c = v.mentions.filter((m) => m.last < before && m.last >= before - max);
  return c[c.length - 1];
}

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
): FoundRelation[] {
  const byKey = new Map<string, FoundRelation>();
  const add = (type: RelationType, s: MentionRef, t: MentionRef, v: SentenceView) => {
    if (!typeOk(type, s, t)) return;
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
      for (const cue of cues) {
        if (matched.has(cue.type) || !matchAt(toks, i, cue.phrase)) continue;
        const end = i + cue.phrase.length; // first token after the cue
        const before = prevMention(v, i, cue.type === 'located_in' ? 1 : LEFT);
        const after = nextMention(v, end, cue.type === 'located_in' ? 2 : RIGHT);
        let hit = false;
        if (cue.direction === 'forward' && before && after) {
          for (const s of cue.type === 'member_of' ? listTo(v, before) : [before])
            for (const t of listFrom(v, after)) {
              const ok = typeOk(cue.type, s, t);
              add(cue.type, s, t, v);
              hit ||= ok;
            }
        } else if (cue.direction === 'forward' && !before && after && cue.type !== 'located_in') {
          // VSO: «زودت روسيا الجيش المالي…» — the subject, then the object.
          const object = nextMention(v, after.last + 1, 2);
          if (object) {
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
  return [...byKey.values()];
}
