/**
 * Runs src/extract/quantity over the Arabic Recognizers-Text Number specs in
 * ../shared/data/recognizers_text_arabic/Number and prints per file and overall the share of
 * cases whose spans match exactly and whose values match, next to the number of cases the .NET
 * reference passes (not flagged `NotSupported: dotnet`).
 *
 *   npm run eval:numbers            # table
 *   npm run eval:numbers -- --json
 *   npm run eval:numbers -- --fails NumberModel
 *
 * NumberModel and PercentModel → findNumbers; NumberRangeModel → findQuantities (range, at least,
 * at most; the bounds are compared, not whether they are open or closed: ACLED reads «أكثر من 50»
 * as 50); OrdinalModel* → readOrdinal. In scope: what a news count needs — numeric ordinals of the
 * «relative» kind («التالي», «قبل الأخير») are out of scope, as are fractions and negatives.
 * Exits 0 with a note when ../shared is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNumbers, findQuantities, readOrdinal, scan } from '../src/extract/quantity/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, '..', 'shared', 'data', 'recognizers_text_arabic', 'Number');
const args = process.argv.slice(2);
const json = args.includes('--json');
const failsOf = args.includes('--fails') ? args[args.indexOf('--fails') + 1] : undefined;

interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: {
    Text: string;
    Start: number;
    End: number;
    TypeName: string;
    Resolution?: { value?: string; offset?: string };
  }[];
}

interface Found {
  start: number;
  end: number;
  values: number[];
}

function ordinals(text: string): Found[] {
  const toks = scan(text);
  const out: Found[] = [];
  for (let i = 0; i < toks.length; ) {
    const o = readOrdinal(toks, i);
    if (o) {
      out.push({ start: toks[i]!.start + o.skip, end: toks[o.end - 1]!.end, values: [o.value] });
      i = o.end;
    } else i++;
  }
  return out;
}

function run(file: string, input: string): Found[] {
  if (file.startsWith('Ordinal')) return ordinals(input);
  if (file === 'NumberRangeModel') {
    return findQuantities(input)
      .filter((q) => q.kind === 'range' || q.kind === 'atLeast' || q.kind === 'atMost')
      .map((q) => ({
        start: q.start,
        end: q.end,
        values: [q.min, q.max].filter((v): v is number => v !== null),
      }));
  }
  const pct = file === 'PercentModel';
  return findNumbers(input)
    .filter((n) => !pct || n.percent)
    .map((n) => ({ start: n.start, end: n.end, values: [n.value] }));
}

/** The numbers of an expected value: "192" → [192]; "[20,30)" → [20, 30]; "100%" → [100]. */
function expectedValues(v: string | undefined): number[] {
  if (!v) return [];
  return (v.match(/-?\d+(?:\.\d+)?(?:E[+-]?\d+)?/gi) ?? []).map(Number);
}

function main(): void {
  if (!existsSync(DIR)) {
    console.log('eval:numbers: ../shared/data/recognizers_text_arabic not found; skipped');
    return;
  }
  const rows: {
    file: string;
    cases: number;
    inScope: number;
    dotnet: number;
    dotnetInScope: number;
    span: number;
    spanInScope: number;
    value: number;
    valueInScope: number;
  }[] = [];
  const fails: string[] = [];
  for (const f of readdirSync(DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = f.replace(/\.json$/, '');
    const cases = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as SpecCase[];
    const r = {
      file,
      cases: 0,
      inScope: 0,
      dotnet: 0,
      dotnetInScope: 0,
      span: 0,
      spanInScope: 0,
      value: 0,
      valueInScope: 0,
    };
    for (const c of cases) {
      r.cases++;
      const dotnet = !(c.NotSupported ?? '').includes('dotnet');
      const inScope = !c.Results.some(
        (x) => x.TypeName === 'ordinal.relative' || /[/]|سالب|نصف|ربع|ثلث|\./.test(x.Text) || x.Start < 0,
      );
      if (dotnet) r.dotnet++;
      if (inScope) r.inScope++;
      if (inScope && dotnet) r.dotnetInScope++;
      const got = run(file, c.Input);
      const want = c.Results.map((x) => `${x.Start}:${x.End + 1}`).sort();
      const have = got.map((x) => `${x.start}:${x.end}`).sort();
      const spanOk = want.length === have.length && want.every((w, k) => w === have[k]);
      const valueOk =
        c.Results.every((x) => {
          const g = got.find((y) => y.start < x.End + 1 && x.Start < y.end);
          const e = expectedValues(x.Resolution?.value);
          return !!g && e.length > 0 && e.every((v, k) => g.values[k] === v);
        }) &&
        got.length >= c.Results.length &&
        (c.Results.length > 0 || got.length === 0);
      if (spanOk) {
        r.span++;
        if (inScope) r.spanInScope++;
      }
      if (valueOk) {
        r.value++;
        if (inScope) r.valueInScope++;
      }
      if (failsOf === file && !(spanOk && valueOk)) {
        fails.push(
          `${c.Input}  want ${c.Results.map((x) => `${x.Text}=${x.Resolution?.value}`).join(' | ')}  got ${got.map((g) => `${c.Input.slice(g.start, g.end)}=${g.values.join(',')}`).join(' | ')}`,
        );
      }
    }
    rows.push(r);
  }
  const total = {
    file: 'ALL',
    cases: 0,
    inScope: 0,
    dotnet: 0,
    dotnetInScope: 0,
    span: 0,
    spanInScope: 0,
    value: 0,
    valueInScope: 0,
  };
  for (const r of rows)
    for (const k of Object.keys(total) as (keyof typeof total)[]) if (k !== 'file') total[k] += r[k];
  if (json) {
    console.log(JSON.stringify({ files: rows, total }, null, 2));
    return;
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  console.log(
    'file                               cases  span(all)      value(all)     dotnet | in-scope  span           value          dotnet',
  );
  for (const r of [...rows, total]) {
    console.log(
      `${r.file.padEnd(33)} ${String(r.cases).padStart(6)}  ${`${r.span} ${pct(r.span, r.cases)}`.padEnd(14)} ${`${r.value} ${pct(r.value, r.cases)}`.padEnd(14)} ${String(r.dotnet).padStart(6)} | ${String(r.inScope).padStart(8)}  ${`${r.spanInScope} ${pct(r.spanInScope, r.inScope)}`.padEnd(14)} ${`${r.valueInScope} ${pct(r.valueInScope, r.inScope)}`.padEnd(14)} ${String(r.dotnetInScope).padStart(6)}`,
    );
  }
  for (const f of fails) console.log(f);
}

main();
