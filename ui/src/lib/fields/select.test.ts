import { describe, expect, it } from 'vitest';
import { needsRow } from './select';

const choice = (label: string) => ({ value: label.toLowerCase(), label });

describe('a drop-down', () => {
  it('takes a row of its own when a choice would be cut short in one column', () => {
    expect(needsRow([choice('Co-operative society'), choice('Community interest company limited by shares')])).toBe(true);
    expect(needsRow([choice('NHS Pension Scheme'), choice('Local Government Pension Scheme')])).toBe(true);
    expect(needsRow([choice('In the month worked'), choice('In the month after the month worked')])).toBe(true);
  });

  it('stays in its column when every choice fits', () => {
    expect(needsRow([choice('Monthly'), choice('Annual'), choice('One-off')])).toBe(false);
    expect(needsRow([choice('January'), choice('September')])).toBe(false);
    expect(needsRow([])).toBe(false);
  });
});
