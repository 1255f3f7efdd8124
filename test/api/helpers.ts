import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiOptions, createApi, type MarsadApi } from '../../src/api/index.js';
import { runIngestJob } from '../../src/jobs/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { arabicSearchAnalyzer } from '../../src/text/index.js';
import { tempDir } from '../helpers/cli.js';

// Invented news items, analysed by the real pipeline into a temporary store: a clash at Kidal
// reported twice (one corpus event), a denial of Wagner's part in it (a contested claim group),
// and Niger breaking ties with France (a relation).

export const ARTICLES: Record<string, string> = {
  'kidal.txt':
    'اشتباكات في كيدال\n\nاندلعت اشتباكات عنيفة بين الجيش المالي والمتمردين قرب مدينة كيدال يوم 12 مارس 2024، وقتل فيها 9 جنود. وقال متحدث باسم الجيش المالي إن مجموعة فاغنر شاركت في القتال إلى جانب القوات الحكومية.\n',
  'denial.txt':
    'موسكو تنفي\n\nنفت روسيا يوم 14 مارس 2024 أن تكون مجموعة فاغنر قد شاركت في القتال قرب كيدال. وأكدت وزارة الخارجية الروسية أن لا وجود لقوات روسية في شمال مالي.\n',
  'niger.txt':
    'النيجر وفرنسا\n\nأعلنت حكومة النيجر يوم 2 أغسطس 2023 قطع العلاقات الدبلوماسية مع فرنسا. وقال وزير الخارجية إن القرار نهائي.\n',
  'paper.jsonl': `${JSON.stringify({
    source: 'https://paper.example.org/kidal-2',
    title: 'معارك كيدال مستمرة',
    published: '2024-03-13',
    text: 'تواصلت الاشتباكات بين الجيش المالي والمتمردين قرب كيدال يوم 12 مارس 2024. وقالت مصادر محلية إن مجموعة فاغنر شاركت في القتال.',
  })}\n`,
};

export const SETTINGS = { maxBytes: 64 * 1024, fetchTimeoutMs: 2000, batchSize: 50 };

export interface Fixture {
  api: MarsadApi;
  store: Store;
  dir: string;
  webDir: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** A built web app with an index.html and one asset, and a secret file beside it. */
function makeWebDir(root: string): string {
  const web = join(root, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>marsad test app</title><div id="app"></div>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log("marsad");');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET outside the web directory');
  return web;
}

export async function makeFixture(
  options: { ingest?: boolean; api?: Partial<ApiOptions> } = {},
): Promise<Fixture> {
  const dir = tempDir('marsad-api-');
  const store = await openSqliteStore({ path: join(dir, 'marsad.db'), analyzer: arabicSearchAnalyzer });
  if (options.ingest !== false) {
    const inputs = Object.entries(ARTICLES).map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    const report = await runIngestJob({ inputs, store, settings: SETTINGS });
    if (report.failed) throw new Error(`fixture ingest failed: ${JSON.stringify(report.failures)}`);
  }
  const webDir = makeWebDir(dir);
  const api = createApi({
    store,
    settings: SETTINGS,
    webDir,
    uploadDir: join(dir, 'uploads'),
    version: 'test',
    ...options.api,
  });
  const get = async (path: string, init?: RequestInit) => api.app.request(path, init);
  return {
    api,
    store,
    dir,
    webDir,
    get,
    async json<T>(path: string, init?: RequestInit) {
      const res = await get(path, init);
      return { status: res.status, body: (await res.json()) as T };
    },
    async close() {
      await api.idle();
      await store.close();
    },
  };
}

/** Every item across pages of a list, `limit` at a time: checks that pages join up. */
export async function allPages<T>(f: Fixture, path: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await f.json<{ total: number; items: T[]; limit: number; offset: number }>(
      `${path}${sep}limit=${limit}&offset=${offset}`,
    );
    if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
    if (body.limit !== limit || body.offset !== offset) throw new Error(`${path}: page echo wrong`);
    out.push(...body.items);
    if (offset + limit >= body.total) return out;
  }
}
