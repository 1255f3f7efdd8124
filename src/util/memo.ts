/** The value kept for `key` in `cache`, made by `make` the first time it is asked for. */
export function cachedFor<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/**
 * `make(key)`, remembered for at most `max` keys and forgotten all at once when full: the words of
 * a stream of articles refill it with the ones that matter, and memory stays bounded on any input.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(
    private readonly max: number,
    private readonly make: (key: K) => V,
  ) {}

  get(key: K): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = this.make(key);
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(key, v);
    }
    return v;
  }
}
