/** Deletes the first-inserted entries of `map` until one more fits under `max`, so a flood of new keys cannot grow it without bound. */
export function makeRoom<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size < max) return;
    map.delete(key);
  }
}
