// Relations the knowledge base already knows, where the text names both sides in one sentence
// (findRelations takes KB links only between mentions a few words apart):
// «انسحاب بعثة مينوسما التابعة للأمم المتحدة» (MINUSMA member_of UN), «جماعة نصرة الإسلام
// والمسلمين الموالية للقاعدة» (affiliated_with). Structural links the KB lists (membership,
// leadership, affiliation, place), current ones only; allegiances and hostilities change and must
// come from the text itself. A place's country alone is not enough: every town of an article
// would be «in» its country, which the text rarely says.
import type { KnowledgeBase } from '../../kb/index.js';
import type { RelationType } from '../../model/index.js';
import type { SentenceView } from './context.js';
import type { FoundRelation } from './relations.js';

const STRUCTURAL: ReadonlySet<RelationType> = new Set([
  'member_of',
  'leader_of',
  'spokesperson_of',
  'affiliated_with',
  'located_in',
]);

export function kbRelations(views: readonly SentenceView[], kb: Pick<KnowledgeBase, 'get'>): FoundRelation[] {
  const out = new Map<string, FoundRelation>();
  for (const v of views) {
    const here = new Set(v.mentions.map((m) => m.entity));
    if (here.size < 2) continue;
    for (const id of here) {
      const e = kb.get(id.replace(/^ent-/, ''));
      if (!e) continue;
      for (const l of e.links) {
        if (!STRUCTURAL.has(l.type) || l.until) continue;
        const target = `ent-${l.target}`;
        if (!here.has(target) || target === id) continue;
        const key = `${l.type}|${id}|${target}`;
        const found = out.get(key);
        if (found) found.evidence.push({ start: v.span.start, end: v.span.end });
        else
          out.set(key, {
            type: l.type,
            source: id,
            target,
            date: null,
            evidence: [{ start: v.span.start, end: v.span.end }],
            claim: null,
          });
      }
    }
  }
  return [...out.values()];
}
