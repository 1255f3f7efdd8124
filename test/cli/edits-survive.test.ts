import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { marsad, tempDir } from '../helpers/cli.js';

// Two short items written for this test; both name Wagner, one with the ج spelling.
const A = 'أعلنت مجموعة فاغنر الروسية انسحاب عناصرها من القاعدة، وقال مصدر إن فاغنر سلمت مواقعها للجيش.';
const B = 'نفت مصادر محلية وصول تعزيزات جديدة لقوات فاجنر إلى المنطقة خلال الأسبوع الماضي.';

describe('analyst entity edits survive re-analysis', () => {
  let db: string;
  let env: string;

  beforeAll(() => {
    const dir = tempDir();
    db = join(dir, 'store.db');
    env = join(dir, 'kb');
    writeFileSync(join(dir, 'a.txt'), A);
    writeFileSync(join(dir, 'b.txt'), B);
    // A user KB path that does not exist and a fresh HOME: only the shipped KB and the edits count.
    process.env.MARSAD_KB = env;
    process.env.HOME = dir;
    expect(marsad(['--quiet', 'ingest', join(dir, 'a.txt'), join(dir, 'b.txt')], { db }).status).toBe(0);
  });

  const dossier = (ref: string) => {
    const r = marsad(['--json', 'entity', ref], { db });
    return r.status === 0 ? JSON.parse(r.stdout) : null;
  };

  it('links both spellings to one entity before any edit', () => {
    const d = dossier('ent-wagner');
    expect(d.documents).toBe(2);
  });

  it('keeps a rename and a split after marsad reanalyze', () => {
    expect(marsad(['entity', 'rename', 'ent-wagner', '--name', 'PMC Wagner'], { db }).status).toBe(0);
    expect(
      marsad(['entity', 'split', 'ent-wagner', '--alias', 'قوات فاجنر', '--name', 'Fagner'], { db }).status,
    ).toBe(0);
    const check = () => {
      const wagner = dossier('ent-wagner');
      expect(wagner.name).toBe('PMC Wagner');
      expect(wagner.documents).toBe(1);
      const split = dossier('Fagner');
      expect(split).not.toBeNull();
      expect(split.id).not.toBe('ent-wagner');
      expect(split.documents).toBe(1);
    };
    check();
    const r = marsad(['--json', 'reanalyze'], { db });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).updated).toBe(2);
    check();
  });
});
