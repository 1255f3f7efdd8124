// A synthetic corpus for benchmarks, made from the shipped sample articles: their sentences are
// reshuffled and numbered so that every generated document is distinct (distinct content hash).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE = fileURLToPath(new URL('../data/sample/', import.meta.url));

function sampleSentences(): string[] {
  const sentences: string[] = [];
  for (const f of readdirSync(SAMPLE)) {
    if (!f.endsWith('.txt') && !f.endsWith('.jsonl')) continue;
    let text = readFileSync(join(SAMPLE, f), 'latin1');
    if (!/windows-1256/.test(f)) text = readFileSync(join(SAMPLE, f), 'utf8');
    else text = new TextDecoder('windows-1256').decode(readFileSync(join(SAMPLE, f)));
    text = text.replace(/"text": "|\\n|[{}"]/g, ' ');
    for (const s of text.split(/(?<=[.!؟])\s+/))
      if (/[\u0600-\u06ff]{3}/.test(s) && s.length > 40) sentences.push(s.trim());
  }
  return sentences;
}

/** Deterministic pseudo-random numbers, so every run measures the same corpus. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** Write `count` article files (~1.5 KB each) into `dir`; returns total bytes written. */
export function writeCorpus(dir: string, count: number): number {
  const sentences = sampleSentences();
  const rand = lcg(count);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const n = 6 + Math.floor(rand() * 8);
    const parts: string[] = [`تقرير رقم ${i + 1}`, ''];
    for (let k = 0; k < n; k++) {
      parts.push(sentences[Math.floor(rand() * sentences.length)]!);
      if (k % 3 === 2) parts.push('');
    }
    const text = `${parts.join('\n')}\n`;
    const file = join(dir, `${String(i).padStart(6, '0')}.txt`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
