import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, createPipeline } from '../../../src/extract/index.js';
import type { RawArticle } from '../../../src/model/index.js';

const raw = (body: string): RawArticle => ({
  source: 'w.txt',
  kind: 'text',
  title: null,
  published: null,
  url: null,
  body,
  encoding: 'utf-8',
  warnings: [],
});

describe('a pipeline whose tagger cannot be loaded', () => {
  it('says so once, naming the file, and still finds the names the KB lists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-'));
    const broken = join(dir, 'broken.json.gz');
    writeFileSync(broken, 'this is not a model');
    const messages: string[] = [];
    const pipeline = createPipeline({ nerModelPath: broken, onWarning: (m) => messages.push(m) });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('entity tagger could not be loaded');
    expect(messages[0]).toContain(broken);
    const doc = analyzeArticle(raw('أعلنت النيجر إغلاق حدودها مع مالي.'), pipeline);
    expect(doc.entities.map((e) => e.id)).toContain('ent-niger');
  });

  it('says nothing when the tagger loads or is switched off', () => {
    const messages: string[] = [];
    createPipeline({ onWarning: (m) => messages.push(m) });
    createPipeline({
      ner: false,
      nerModelPath: '/no/such/model.json.gz',
      onWarning: (m) => messages.push(m),
    });
    expect(messages).toEqual([]);
  });
});
