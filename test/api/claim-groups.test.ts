import { describe, expect, it } from 'vitest';
import { groupClaimsOffThread } from '../../src/api/claim-groups.js';
import { type ClaimRecord, groupClaimRecords } from '../../src/corpus/index.js';

// Many claims are grouped in a worker thread: same groups as in place, and the server's thread
// stays free meanwhile.

function record(i: number): ClaimRecord {
  const topic = i % 40;
  return {
    key: `sha256:${String(i).padStart(64, '0')}#cl-0`,
    claimId: 'cl-0',
    documentId: `sha256:${String(i).padStart(64, '0')}`,
    source: `https://paper${i % 9}.example.org/${i}`,
    outlet: `paper${i % 9}.example.org`,
    published: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    speaker: i % 3 === 0 ? 'ent-russia' : null,
    speakerName: i % 3 === 0 ? 'روسيا' : null,
    stance: i % 3 === 0 ? 'deny' : 'assert',
    cue: i % 3 === 0 ? 'نفت' : 'قالت',
    quote: `شاركت القوات في معركة رقم ${topic}`,
    content: { start: 0, end: 20 },
    about: ['ent-wagner', `ent-place-${topic}`],
    stems: ['شارك', 'قوات', 'معرك', `رقم${topic}`],
  };
}

describe('claim grouping off the main thread', () => {
  it('gives the same groups as grouping in place, without blocking the event loop', async () => {
    const records = Array.from({ length: 600 }, (_, i) => record(i));
    const logged: string[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const groups = await groupClaimsOffThread(records, (m) => logged.push(m));
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(logged).toEqual([]); // the worker ran: nothing fell back
    expect(groups).toEqual(groupClaimRecords(records));
    expect(groups.some((g) => g.contested)).toBe(true);
    // the timer kept firing while the worker grouped (in place it could not fire at all)
    expect(ticks).toBeGreaterThan(Math.min(3, elapsed / 50));
  });

  it('groups a few claims in place', async () => {
    const records = Array.from({ length: 10 }, (_, i) => record(i));
    expect(await groupClaimsOffThread(records)).toEqual(groupClaimRecords(records));
  });
});
