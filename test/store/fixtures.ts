import type { AnalysedDocument } from '../../src/model/index.js';
import { documentId } from '../../src/util/index.js';

// Short sentences written for these tests.

export interface DocInput {
  source: string;
  title?: string | null;
  body: string;
  published?: string | null;
  kind?: AnalysedDocument['kind'];
}

export function makeDoc(input: DocInput): AnalysedDocument {
  const title = input.title ?? null;
  const text = title === null ? input.body : `${title}\n\n${input.body}`;
  const bodyStart = title === null ? 0 : title.length + 2;
  return {
    id: documentId(text),
    source: input.source,
    kind: input.kind ?? 'text',
    url: input.source.startsWith('http') ? input.source : null,
    title,
    published: input.published ?? null,
    language: 'ar',
    encoding: 'utf-8',
    text,
    bodyStart,
    sentences: [{ start: bodyStart, end: text.length }],
    tokenCount: text.split(/\s+/).length,
    dates: [],
    entities: [],
    events: [],
    claims: [],
    relations: [],
    warnings: [],
  };
}

export const cairo = makeDoc({
  source: 'files/cairo-meeting.txt',
  title: 'اجتماع وزراء الخارجية في القاهرة',
  body: 'عقد وزراء الخارجية العرب اجتماعا طارئا في القاهرة لبحث الأزمة الإنسانية.',
  published: '2024-03-10',
});

export const rebels = makeDoc({
  source: 'https://news.example.org/rebels',
  kind: 'url',
  title: 'المتمردون يسيطرون على بلدة حدودية',
  body: 'أعلن المُتمرّدون سيطرتهم على بلدة حدودية بعد اشتباكات عنيفة مع الجيش.',
  published: '2024-05-02',
});

export const army = makeDoc({
  source: 'https://news.example.org/army',
  kind: 'url',
  title: 'الجيش يستعيد البلدة',
  body: 'قال الجيش إنه استعاد البلدة وطرد المتمردين منها، وأكد أن المنطقة الحدودية هادئة وأن الحياة عادت إلى البلدة.',
  published: '2024-05-20',
});

export const council = makeDoc({
  source: 'feeds/un.xml#3',
  kind: 'feed',
  title: 'بيان مجلس الأمن',
  body: 'دعا مجلس الأمن الدولي إلى وقف فوري لإطلاق النار في البلدة الحدودية.',
  published: null,
});

export const corpus = [cairo, rebels, army, council];

/** A long article: the match sits far from the start, so the snippet must be cut on both sides. */
export const longDoc = makeDoc({
  source: 'files/long.txt',
  title: 'تقرير مطول',
  body: [
    ...Array.from(
      { length: 12 },
      (_, i) => `تحدث التقرير في فقرته رقم ${i + 1} عن أوضاع الزراعة والمياه في الريف.`,
    ),
    'وفي الفقرة الأخيرة ذكر التقرير أن اللاجئين عادوا إلى قراهم بعد توقف القتال، وأن اللاجئين يحتاجون إلى مساعدات.',
    ...Array.from({ length: 8 }, (_, i) => `ثم عاد التقرير في الملحق ${i + 1} إلى الحديث عن الطرق والجسور.`),
  ].join(' '),
  published: '2024-06-01',
});

/** Two texts whose ids share their first 8 hex digits (379571ba), found by brute force. */
export const twinA = makeDoc({ source: 'files/twin-a.txt', body: 'نص تجريبي رقم 46361' });
export const twinB = makeDoc({ source: 'files/twin-b.txt', body: 'نص تجريبي رقم 81917' });

/** n small distinct documents, for paging, iteration and bulk tests. */
export function numbered(n: number, from = 0, prefix = 'files/n'): AnalysedDocument[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return makeDoc({
      source: `${prefix}${i}.txt`,
      title: `خبر رقم ${i}`,
      body: `أفادت مصادر محلية بأن الخبر رقم ${i} يتعلق بزيارة وفد رسمي إلى المدينة.`,
      published: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    });
  });
}
