// Generates data/kb/countries.generated.yaml: every country/territory from mledoze/countries
// (names, Arabic common + official names, cca2/cca3, centroid), Wikidata ids from dr5hn's
// countries.json, and capitals whose Arabic name and coordinates the dr5hn Africa/Middle-East
// gazetteer gives. Re-runnable: hand edits live in data/kb/countries.yaml and data/kb/places.yaml,
// merged by id when the KB loads, so this file can be regenerated at any time.
//
//   npx tsx scripts/build-kb-countries.ts [--shared ../shared/data] [--out data/kb/countries.generated.yaml]
//
// Sources: mledoze/countries (ODbL 1.0), dr5hn/countries-states-cities-database (ODbL 1.0 / DbCL 1.0).
// Not taken from dr5hn: the cities' `wikidata` column (it is misaligned — Bamako and Bafoulabé share a
// QID, many Niger towns share Q664550), and Arabic names on the deny list below (machine-translated).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Document, isSeq, visit } from 'yaml';

interface Mledoze {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  capital?: string[];
  latlng?: [number, number];
  independent?: boolean | null;
  translations: Record<string, { common: string; official: string } | undefined>;
}
interface Dr5hnCountry {
  iso2: string;
  wikiDataId?: string | null;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const SHARED = resolve(opt('--shared', join(import.meta.dirname, '../../shared/data')));
const OUT = resolve(opt('--out', join(import.meta.dirname, '../data/kb/countries.generated.yaml')));

/** Stable ids where the slug of the English common name would be long, odd or unstable. */
const ID_OVERRIDES: Record<string, string> = {
  US: 'usa',
  GB: 'uk',
  TR: 'turkey',
  CD: 'dr-congo',
  CG: 'republic-of-the-congo',
  CI: 'ivory-coast',
  CZ: 'czechia',
  VA: 'vatican',
  PS: 'palestine',
  KR: 'south-korea',
  KP: 'north-korea',
};
const CAPITAL_ID_OVERRIDES: Record<string, string> = { 'Washington D.C.': 'washington' };
/** Capitals whose status is contested: left to places.yaml, written by hand without `stands_for`. */
const CAPITAL_SKIP = new Set(['Jerusalem']);
/** mledoze's capital name → dr5hn's spelling. */
const CAPITAL_DR5HN_NAME: Record<string, string> = { "Sana'a": 'Sanaa' };
const CAPITAL_AR_DENY = new Set(['Muscat']); // dr5hn: «المسكات عنب طيب الشذا» (a grape variety)
/** Arabic capital names spelt differently from the country where the country is a city-state. */
const CAPITAL_AR_FIX: Record<string, string> = {
  Djibouti: 'مدينة جيبوتي',
  Algiers: 'الجزائر العاصمة',
  Tunis: 'تونس العاصمة',
};

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function readTsv(path: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  const cols = head!.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [cols[i], v])));
}

const countries: Mledoze[] = JSON.parse(
  readFileSync(join(SHARED, 'countries_mledoze/countries.json'), 'utf8'),
);
const dr5hn: Dr5hnCountry[] = JSON.parse(readFileSync(join(SHARED, 'geo_dr5hn/countries.json'), 'utf8'));
const qidByIso = new Map(dr5hn.map((c) => [c.iso2, c.wikiDataId ?? undefined]));
const places = readTsv(join(SHARED, 'geo_dr5hn/cities_africa_mideast_ar.tsv'));

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const entries: Array<Record<string, unknown>> = [];
const capitals: Array<Record<string, unknown>> = [];
const usedIds = new Set<string>();

for (const c of [...countries].sort((a, b) => (a.name.common < b.name.common ? -1 : 1))) {
  const id = ID_OVERRIDES[c.cca2] ?? slug(c.name.common);
  if (usedIds.has(id)) throw new Error(`duplicate country id ${id}`);
  usedIds.add(id);
  const ara = c.translations.ara;
  if (!ara) continue;
  const aliasesAr = [...new Set([ara.official, ara.common])].filter((a) => a !== ara.common);
  const aliases = [...new Set([c.name.official])].filter((a) => a !== c.name.common);
  const qid = qidByIso.get(c.cca2);
  entries.push({
    id,
    type: 'location',
    kind: c.cca2 === 'AQ' ? 'region' : 'country',
    name: c.name.common,
    name_ar: ara.common,
    ...(aliasesAr.length ? { aliases_ar: aliasesAr } : {}),
    ...(aliases.length ? { aliases } : {}),
    ...(c.translations.fra ? { name_fr: c.translations.fra.common } : {}),
    ...(qid && /^Q\d+$/.test(qid) ? { wikidata: qid } : {}),
    cca2: c.cca2,
    cca3: c.cca3,
    ...(c.latlng ? { coordinates: [round(c.latlng[0]), round(c.latlng[1])] } : {}),
  });
  for (const cap of c.capital ?? []) {
    if (CAPITAL_SKIP.has(cap)) continue;
    const dname = CAPITAL_DR5HN_NAME[cap] ?? cap;
    const row = places.find((p) => p.country_code === c.cca2 && p.name === dname);
    if (!row || CAPITAL_AR_DENY.has(cap) || !/[\u0621-\u064A]/.test(row.name_ar ?? '')) continue;
    // A capital named like its country (Djibouti, Kuwait) gets a "-city" id.
    let capId = CAPITAL_ID_OVERRIDES[cap] ?? slug(cap);
    if (usedIds.has(capId) || countries.some((o) => slug(o.name.common) === capId)) capId = `${capId}-city`;
    usedIds.add(capId);
    capitals.push({
      id: capId,
      type: 'location',
      kind: 'city',
      name: cap,
      name_ar: CAPITAL_AR_FIX[cap] ?? row.name_ar,
      country: id,
      stands_for: id,
      coordinates: [round(Number(row.latitude)), round(Number(row.longitude))],
      description: `capital of ${c.name.common}`,
    });
  }
}

const header = `# GENERATED by scripts/build-kb-countries.ts — do not edit by hand.
# Hand edits (Arabic variants, demonyms, fixes) go in countries.yaml / places.yaml, merged by id.
# Sources: mledoze/countries (ODbL 1.0); dr5hn/countries-states-cities-database (ODbL 1.0, DbCL 1.0).
`;
const doc = new Document([...entries, ...capitals]);
// Lists inside an entry in flow style ([a, b]): one line per field keeps the file readable and diffable.
visit(doc, {
  Seq(_key, node, path) {
    if (path.length > 2 && isSeq(node)) node.flow = true;
  },
});
const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
writeFileSync(OUT, header + body);
console.log(`wrote ${entries.length} countries and ${capitals.length} capitals to ${OUT}`);
