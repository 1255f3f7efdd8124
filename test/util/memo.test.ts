import { describe, expect, it } from 'vitest';
import { BoundedMemo, cachedFor } from '../../src/util/index.js';

describe('memos', () => {
  it('cachedFor makes a value once per object', () => {
    const cache = new WeakMap<object, number[]>();
    const key = {};
    const a = cachedFor(cache, key, () => [1]);
    expect(cachedFor(cache, key, () => [2])).toBe(a);
    expect(cachedFor(cache, {}, () => [3])).toEqual([3]);
  });

  it('BoundedMemo remembers up to its size, then starts over', () => {
    let made = 0;
    const memo = new BoundedMemo<string, number>(2, (k) => {
      made++;
      return k.length;
    });
    expect(memo.get('باماكو')).toBe(6);
    expect(memo.get('باماكو')).toBe(6);
    expect(made).toBe(1);
    memo.get('غاو');
    memo.get('كيدال'); // full: forgets the first two
    memo.get('باماكو');
    expect(made).toBe(4);
  });
});
