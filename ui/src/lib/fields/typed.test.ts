import { describe, expect, it } from 'vitest';
import { TypedReader } from './typed';
import type { InputKind, TypedValue } from '../ipc/bindings';

describe('a typed field', () => {
  it('keeps only the newest keystroke when answers come back out of order', async () => {
    const waits: Record<string, number> = { '1': 30, '12': 0 };
    const reader = new TypedReader(
      (_k: InputKind, t: string) =>
        new Promise<TypedValue>((r) => setTimeout(() => r({ value: `${t}.00`, shown: `£${t}.00` }), waits[t] ?? 0)),
    );
    const first = reader.input('money', '1', false);
    const second = reader.input('money', '12', false);
    expect(await second).toEqual({ value: '12.00', shown: '£12.00' });
    expect(await first).toBeNull();
  });

  it('keeps the core’s message for a refused value, and empties a field that may be empty', async () => {
    const reader = new TypedReader(async (_k, t) => {
      throw new Error(`"${t}" is not an amount such as "£1,234.50"`);
    });
    expect(await reader.input('money', '12x', false)).toEqual({ refused: '"12x" is not an amount such as "£1,234.50"' });
    expect(await reader.input('month', ' ', true)).toEqual({ value: null, shown: '' });
  });
});
