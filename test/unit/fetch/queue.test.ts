import { describe, expect, it } from 'vitest';
import { FetchQueue, QueueFullError } from '../../../src/core/fetch/queue';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('FetchQueue', () => {
  it('holds each host and the total to their limits, and lets other hosts past a busy one', async () => {
    const queue = new FetchQueue({ perHost: 1, total: 2 });
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const task = (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        release.set(name, () => resolve(name));
      });
    const done = [
      queue.run('a', task('a1')),
      queue.run('a', task('a2')),
      queue.run('b', task('b1')),
      queue.run('c', task('c1')),
    ];
    await tick();
    expect(started).toEqual(['a1', 'b1']);
    expect(queue.active()).toBe(2);
    release.get('a1')?.();
    await tick();
    // a2 waited longest, but "a" was busy only until now; the oldest that fits goes first.
    expect(started).toEqual(['a1', 'b1', 'a2']);
    release.get('b1')?.();
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2', 'c1']);
    release.get('a2')?.();
    release.get('c1')?.();
    expect(await Promise.all(done)).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(queue.active()).toBe(0);
  });

  it('refuses work past the waiting bound', async () => {
    const queue = new FetchQueue({ perHost: 1, total: 1, maxPending: 1 });
    const forever = () => new Promise<void>(() => {});
    void queue.run('a', forever);
    void queue.run('a', forever);
    await expect(queue.run('a', forever)).rejects.toBeInstanceOf(QueueFullError);
    expect(queue.pending()).toBe(1);
  });

  it('frees its place when a task fails', async () => {
    const queue = new FetchQueue({ perHost: 1, total: 1 });
    await expect(queue.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run('a', async () => 'next')).toBe('next');
  });
});
