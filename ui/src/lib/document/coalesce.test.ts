import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the coalesced check', () => {
  it('keeps at most one check in flight and checks only the newest edit made meanwhile', async () => {
    const calls: number[] = [];
    const answers: ReturnType<typeof deferred<number>>[] = [];
    const shown: number[] = [];
    const c = new Coalescer<number, number>(
      (v) => {
        calls.push(v);
        const d = deferred<number>();
        answers.push(d);
        return d.promise;
      },
      (r) => shown.push(r),
    );
    c.submit(1);
    c.submit(2);
    c.submit(3);
    expect(calls).toEqual([1]);
    answers[0]!.resolve(10);
    await new Promise((r) => setTimeout(r, 0));
    // The answer for 1 is stale (3 was typed since); 2 is never checked.
    expect(shown).toEqual([]);
    expect(calls).toEqual([1, 3]);
    answers[1]!.resolve(30);
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([30]);
    expect(c.busy).toBe(false);
  });

  it('goes on after a failed check', async () => {
    const failures: unknown[] = [];
    const shown: number[] = [];
    let n = 0;
    const c = new Coalescer<number, number>(
      async (v) => {
        if (n++ === 0) throw new Error('down');
        return v;
      },
      (r) => shown.push(r),
      (e) => failures.push(e),
    );
    c.submit(1);
    await new Promise((r) => setTimeout(r, 0));
    c.submit(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(failures).toHaveLength(1);
    expect(shown).toEqual([2]);
  });
});
