import { parse as parseYaml } from 'yaml';

// The `yaml` package parses about 1 MB/s here, too slow to read the shipped KB (several hundred KB)
// on every start. KB files use a small, regular subset of YAML:
//
//   - id: wagner                       # a top-level list of mappings, keys indented two spaces
//     aliases_ar: [فاغنر, فاجنر]        # plain or quoted scalars, flow lists and flow maps
//     links: [{type: affiliated_with, target: africa-corps}]
//
// This reads exactly that subset, about 30× faster. Anything else — block lists, anchors, escapes,
// multi-line scalars, a duplicate key — makes it give up, and the file goes to the full parser,
// which also produces the proper error messages. test/kb checks that both parsers agree on every
// shipped file.

class Unsupported extends Error {}
const fail = (): never => {
  throw new Unsupported();
};

const INT = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$/;

function plain(raw: string): unknown {
  const s = raw.trim();
  if (s === '' || s === '~' || /^(?:null|Null|NULL)$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (INT.test(s)) {
    const n = Number(s);
    return Number.isSafeInteger(n) ? n : fail();
  }
  if (FLOAT.test(s)) return Number(s);
  // Indicators that start special YAML syntax, and forms the core schema reads specially.
  if (/^[&*!|>%@`"'\-?:,[\]{}#]/.test(s) || /^0[xo]|^[-+]?\.(?:inf|nan)$/i.test(s)) fail();
  if (s.includes(': ') || s.endsWith(':') || s.includes(' #') || s.includes('\t')) fail();
  return s;
}

class Flow {
  i = 0;
  constructor(readonly s: string) {}
  ws() {
    while (this.s[this.i] === ' ') this.i++;
  }
  value(stops: string): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '[') return this.seq();
    if (c === '{') return this.map();
    if (c === "'" || c === '"') return this.quoted();
    const start = this.i;
    while (this.i < this.s.length && !stops.includes(this.s[this.i]!)) this.i++;
    return plain(this.s.slice(start, this.i));
  }
  quoted(): string {
    const q = this.s[this.i++];
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) fail();
      const c = this.s[this.i++]!;
      if (q === '"' && c === '\\') fail();
      if (c === q) {
        if (q === "'" && this.s[this.i] === "'") {
          out += "'";
          this.i++;
          continue;
        }
        return out;
      }
      out += c;
    }
  }
  seq(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      const v = this.value(',]');
      out.push(v);
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') fail();
    }
  }
  map(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value(':,}');
      if (typeof key !== 'string' || this.s[this.i++] !== ':' || this.s[this.i] !== ' ') fail();
      if (Object.hasOwn(out, key as string)) fail();
      out[key as string] = this.value(',}');
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') fail();
    }
  }
}

function blockValue(raw: string): unknown {
  let s = raw.trim();
  if (s === '') fail();
  if (s[0] === '[' || s[0] === '{' || s[0] === "'" || s[0] === '"') {
    const f = new Flow(s);
    const v = f.value('');
    const rest = s.slice(f.i).trim();
    if (rest !== '' && !rest.startsWith('#')) fail();
    return v;
  }
  const hash = s.indexOf(' #');
  if (hash >= 0) s = s.slice(0, hash);
  return plain(s);
}

const LINE = /^(- | {2})([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/;

/** Parse the KB subset, or return undefined when the text uses anything outside it. */
export function parseKbSubset(text: string): unknown[] | undefined {
  try {
    const out: Record<string, unknown>[] = [];
    let current: Record<string, unknown> | undefined;
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const m = LINE.exec(line) ?? fail();
      const [, lead, key, value] = m;
      if (lead === '- ') {
        current = {};
        out.push(current);
      } else if (!current) fail();
      if (Object.hasOwn(current!, key!)) fail();
      current![key!] = blockValue(value ?? '');
    }
    return out;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Parse a KB file: the fast subset reader when it can, the full YAML parser otherwise. */
export function parseKbYaml(text: string): unknown {
  if (text.startsWith('%') || text.includes('\n---') || text.startsWith('---'))
    return parseYaml(text, { uniqueKeys: true });
  return parseKbSubset(text) ?? parseYaml(text, { uniqueKeys: true });
}
