import { describe, expect, it, vi } from 'vitest';
import type { CachedSource } from '../../../src/core/check';

vi.mock('webextension-polyfill', () => ({ default: { storage: { local: {} } } }));
const { StorageSourceCache, MAX_ENTRIES, MAX_BYTES } = await import('../../../src/background/source-cache');

/** `storage.local` in memory, with the calls the cache makes. */
function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys: string | null) {
      if (keys === null) return Object.fromEntries(data);
      return data.has(keys) ? { [keys]: data.get(keys) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

const entry = (key: string, readAt: number, text = 'Some text.'): CachedSource => ({
  key,
  readAt,
  status: { kind: 'ok', url: key, finalUrl: key },
  text: { title: 'T', text },
});

describe('the storage.local source cache', () => {
  it('keeps one entry per URL and answers only for that URL', async () => {
    const area = memoryArea();
    const cache = new StorageSourceCache(area as never, () => 1000);
    await cache.put(entry('https://a.example/1', 900));
    expect(await cache.get('https://a.example/1')).toEqual(entry('https://a.example/1', 900));
    expect(await cache.get('https://a.example/2')).toBeUndefined();
    // A stored value under the wrong key (or not an entry at all) is no answer.
    area.data.set('source:https://a.example/3', entry('https://a.example/other', 900));
    area.data.set('source:https://a.example/4', 'junk');
    expect(await cache.get('https://a.example/3')).toBeUndefined();
    expect(await cache.get('https://a.example/4')).toBeUndefined();
  });

  it('does not keep a page whose text is huge', async () => {
    const area = memoryArea();
    await new StorageSourceCache(area as never).put(entry('https://a.example/big', 1, 'x'.repeat(500_000)));
    expect(area.data.size).toBe(0);
  });

  it('prunes entries older than a day, then the oldest beyond the bound, and leaves other keys alone', async () => {
    const area = memoryArea();
    const day = 24 * 3600 * 1000;
    const now = 10 * day;
    const cache = new StorageSourceCache(area as never, () => now);
    await cache.put(entry('https://old.example/', now - day - 1));
    for (let i = 0; i < MAX_ENTRIES + 5; i++)
      await cache.put(entry(`https://a.example/${i}`, now - 1000 + i));
    area.data.set('settings-like', { keep: true });
    await cache.prune();
    expect(area.data.has('source:https://old.example/')).toBe(false);
    expect(area.data.has('settings-like')).toBe(true);
    const kept = [...area.data.keys()].filter((k) => k.startsWith('source:'));
    expect(kept).toHaveLength(MAX_ENTRIES);
    // The five oldest went.
    for (let i = 0; i < 5; i++) expect(area.data.has(`source:https://a.example/${i}`)).toBe(false);
    expect(area.data.has(`source:https://a.example/${MAX_ENTRIES + 4}`)).toBe(true);
  });
});

describe('the source cache under a full storage.local (issue 7)', () => {
  it('evicts by size as well as count, oldest first', async () => {
    const area = memoryArea();
    const cache = new StorageSourceCache(area as never, () => 1000);
    // 30 entries of ~300 kB: far under the count bound, over the size bound.
    for (let i = 0; i < 30; i++)
      await cache.put(entry(`https://a.example/${i}`, 100 + i, 'y'.repeat(300_000)));
    await cache.prune();
    const left = [...area.data.keys()];
    const bytes = [...area.data.entries()].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(left.length).toBeGreaterThan(0);
    expect(left).toContain('source:https://a.example/29');
    expect(left).not.toContain('source:https://a.example/0');
  });

  it('makes room when a write fails, and throws when it still cannot write', async () => {
    const area = memoryArea();
    const cache = new StorageSourceCache(area as never, () => 1000);
    for (let i = 0; i < 20; i++)
      await cache.put(entry(`https://a.example/${i}`, 100 + i, 'z'.repeat(250_000)));
    const set = area.set.bind(area);
    let refused = 1;
    area.set = async (items) => {
      if (refused-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    await cache.put(entry('https://new.example/', 999));
    expect(area.data.has('source:https://new.example/')).toBe(true);
    expect(area.data.has('source:https://a.example/0')).toBe(false);
    area.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    await expect(cache.put(entry('https://newer.example/', 1000))).rejects.toThrow(/quota/);
  });
});
