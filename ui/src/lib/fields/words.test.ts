import { describe, expect, it } from 'vitest';
import type { InputKind } from '../ipc/bindings';
import { Worder } from './words';

describe('the words for stored values', () => {
  it('are asked for in one call for all the fields of a moment, each getting its own', async () => {
    const calls: [InputKind, string][][] = [];
    const w = new Worder(async (values) => {
      calls.push(values);
      return values.map(([kind, text]) => (text === 'bad' ? null : `${kind}:${text}`));
    });
    const words = await Promise.all([w.word('money', '1234.50'), w.word('month', '2027-04'), w.word('percent', 'bad')]);
    expect(calls).toEqual([[['money', '1234.50'], ['month', '2027-04'], ['percent', 'bad']]]);
    expect(words).toEqual(['money:1234.50', 'month:2027-04', null]);
    expect(await w.word('fte', '40')).toBe('fte:40');
    expect(calls.length).toBe(2);
  });

  it('answer null to every ask of a call that fails', async () => {
    const w = new Worder(async () => {
      throw new Error('gone');
    });
    expect(await Promise.all([w.word('money', '1'), w.word('money', '2')])).toEqual([null, null]);
  });
});
