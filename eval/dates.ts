/**
 * Runs src/extract/time over the Arabic Recognizers-Text DateTime specs in
 * ../shared/data/recognizers_text_arabic/DateTime (each case's ReferenceDateTime is the
 * publication date) and prints, per file and overall, the share of cases whose spans match
 * exactly, and — where the spec gives values — whose resolution matches, next to the number of
 * cases the .NET reference passes (those not flagged `NotSupported: dotnet`).
 *
 *   npm run eval:dates            # table
 *   npm run eval:dates -- --json  # machine-readable
 *   npm run eval:dates -- --fails DateParser   # list failing cases of one file
 *
 * In scope: cases whose expected results are all dates or date ranges (Type date/daterange,
 * TypeName datetimeV2.date/daterange) or that expect nothing, in the files about dates (Date*,
 * DatePeriod*, Merged*, DateTimeModel). Times of day, sets («every Monday»), holidays and
 * durations are out of scope; "all" counts every case of every file, out-of-scope ones included.
 * Resolution: our range must equal the spec's past or future resolution (Recognizers gives both;
 * news is past tense, specs are often future tense), with the spec's exclusive end accepted one day
 * after our inclusive one. "overlap" applies the event scorer's rule (ranges overlap with 3 days
 * of tolerance). Exits 0 with a note when ../shared is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTemporalExpressions, parseDay, type TemporalExpression } from '../src/extract/time/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '..', 'shared', 'data', 'recognizers_text_arabic', 'DateTime');
const args = process.argv.slice(2);
const json = args.includes('--json');
const failsOf = args.includes('--fails') ? args[args.indexOf('--fails') + 1] : undefined;

interface SpecResult {
  Text: string;
  Start: number;
  Length?: number;
  End?: number;
  Type?: string;
  TypeName?: string;
  Value?: {
    PastResolution?: Record<string, string>;
    FutureResolution?: Record<string, string>;
    values?: Record<string, string>[];
  };
  Resolution?: { values?: Record<string, string>[] };
}
interface SpecCase {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  NotSupported?: string;
  Results: SpecResult[];
}

const DATE_FILES = /^(Date|DatePeriod|Merged)(Extractor|Parser)$|^DateTimeModel$/;
const DATE_TYPES = new Set(['date', 'daterange', 'datetimeV2.date', 'datetimeV2.daterange']);

const len = (r: SpecResult) => r.Length ?? (r.End !== undefined ? r.End - r.Start + 1 : r.Text.length);

/** Expected [start, end] day pairs of one result (past and future readings). */
function expectedRanges(r: SpecResult): [number, number][] {
  const out: [number, number][] = [];
  const push = (o: Record<string, string> | undefined) => {
    if (!o) return;
    const s = parseDay(o.date ?? o.startDate ?? o.start ?? o.value);
    const e = parseDay(o.date ?? o.endDate ?? o.end ?? o.value);
    if (s !== null && e !== null && !(o.date ?? o.value ?? '').startsWith('0001')) out.push([s, e]);
  };
  push(r.Value?.PastResolution);
  push(r.Value?.FutureResolution);
  for (const v of r.Value?.values ?? r.Resolution?.values ?? []) push(v);
  return out;
}

function rangeOf(e: TemporalExpression): [number, number] | null {
  if (!e.value) return null;
  return [parseDay(e.value.start)!, parseDay(e.value.end)!];
}

function resolutionMatch(mine: [number, number], exp: [number, number][], point: boolean): boolean {
  return exp.some(
    ([s, e]) => mine[0] === s && (mine[1] === e || mine[1] + 1 === e || (point && mine[1] === s)),
  );
}
function overlapMatch(mine: [number, number], exp: [number, number][]): boolean {
  return exp.some(([s, e]) => mine[0] <= e + 3 && mine[1] >= s - 3);
}

interface Tally {
  file: string;
  cases: number;
  inScope: number;
  dotnet: number;
  dotnetInScope: number;
  span: number;
  spanInScope: number;
  withValues: number;
  resolved: number;
  overlap: number;
}

function main(): void {
  if (!existsSync(DIR)) {
    console.log('eval:dates: ../shared/data/recognizers_text_arabic not found; skipped');
    return;
  }
  const tallies: Tally[] = [];
  const fails: string[] = [];
  for (const f of readdirSync(DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const name = f.replace(/\.json$/, '');
    const cases = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SpecCase[];
    const t: Tally = {
      file: name,
      cases: 0,
      inScope: 0,
      dotnet: 0,
      dotnetInScope: 0,
      span: 0,
      spanInScope: 0,
      withValues: 0,
      resolved: 0,
      overlap: 0,
    };
    for (const c of cases) {
      t.cases++;
      const dotnet = !(c.NotSupported ?? '').includes('dotnet');
      const types = c.Results.map((r) => r.Type ?? r.TypeName ?? '');
      const inScope = DATE_FILES.test(name) && types.every((x) => DATE_TYPES.has(x));
      if (dotnet) t.dotnet++;
      if (inScope) t.inScope++;
      if (inScope && dotnet) t.dotnetInScope++;
      const published = (c.Context?.ReferenceDateTime ?? '2016-11-07').slice(0, 10);
      const found = findTemporalExpressions(c.Input, { published });
      const want = c.Results.map((r) => `${r.Start}:${len(r)}`).sort();
      const got = found.map((e) => `${e.start}:${e.end - e.start}`).sort();
      const spanOk = want.length === got.length && want.every((w, k) => w === got[k]);
      if (spanOk) {
        t.span++;
        if (inScope) t.spanInScope++;
      }
      const valued = c.Results.filter((r) => expectedRanges(r).length > 0);
      if (valued.length && inScope) {
        t.withValues++;
        let ok = true;
        let ov = true;
        for (const r of valued) {
          const e = found.find((x) => x.start < r.Start + len(r) && r.Start < x.end);
          const mine = e ? rangeOf(e) : null;
          const exp = expectedRanges(r);
          const point = (r.Type ?? r.TypeName ?? '').endsWith('date');
          if (!mine || !resolutionMatch(mine, exp, point)) ok = false;
          if (!mine || !overlapMatch(mine, exp)) ov = false;
        }
        if (ok) t.resolved++;
        if (ov) t.overlap++;
        if (!ok && failsOf === name) {
          fails.push(
            `RES  ${c.Input}  want ${c.Results.map((r) => `${r.Text}=${JSON.stringify(r.Value?.PastResolution ?? r.Resolution?.values?.[0])}`).join(' | ')}  got ${found.map((e) => `${e.text}=${e.value?.start}..${e.value?.end}`).join(' | ')}`,
          );
        }
      }
      if (!spanOk && failsOf === name)
        fails.push(
          `SPAN ${c.Input}  want ${c.Results.map((r) => r.Text).join(' | ')}  got ${found.map((e) => e.text).join(' | ')}`,
        );
    }
    tallies.push(t);
  }
  const sum = (k: keyof Omit<Tally, 'file'>) => tallies.reduce((s, t) => s + t[k], 0);
  const total: Tally = {
    file: 'ALL',
    cases: sum('cases'),
    inScope: sum('inScope'),
    dotnet: sum('dotnet'),
    dotnetInScope: sum('dotnetInScope'),
    span: sum('span'),
    spanInScope: sum('spanInScope'),
    withValues: sum('withValues'),
    resolved: sum('resolved'),
    overlap: sum('overlap'),
  };
  if (json) {
    console.log(JSON.stringify({ files: tallies, total }, null, 2));
    return;
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  const rows = [...tallies, total];
  console.log(
    'file                      cases  span(all)        dotnet | in-scope  span            resolution      overlap±3d      dotnet',
  );
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(24)} ${String(r.cases).padStart(6)}  ${`${r.span} ${pct(r.span, r.cases)}`.padEnd(15)} ${String(r.dotnet).padStart(6)} | ${String(r.inScope).padStart(8)}  ${`${r.spanInScope} ${pct(r.spanInScope, r.inScope)}`.padEnd(15)} ${`${r.resolved}/${r.withValues} ${pct(r.resolved, r.withValues)}`.padEnd(15)} ${`${r.overlap}/${r.withValues} ${pct(r.overlap, r.withValues)}`.padEnd(15)} ${String(r.dotnetInScope).padStart(6)}`,
    );
  }
  for (const f of fails) console.log(f);
}

main();
