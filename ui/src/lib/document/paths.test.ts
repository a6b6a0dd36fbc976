import { describe, expect, it } from 'vitest';
import { belongsTo, getAt, parsePath, resolves, setAt, under } from './paths';

const plan = {
  title: 'T',
  forecast: {
    contracts: [
      { id: 'falls-prevention', annual_value: '100.00' },
      { id: '3', annual_value: '5.00' },
    ],
  },
  review: { signoffs: [{ by: 'A' }, { by: 'B' }] },
};

describe('field paths', () => {
  it('splits keys, ids and positions', () => {
    expect(parsePath('forecast.contracts[falls-prevention].annual_value')).toEqual([
      { key: 'forecast' },
      { key: 'contracts' },
      { id: 'falls-prevention' },
      { key: 'annual_value' },
    ]);
    expect(parsePath('review.signoffs[#1].by')).toEqual([{ key: 'review' }, { key: 'signoffs' }, { index: 1 }, { key: 'by' }]);
  });

  it('finds an item by its id, never by a position that looks like one', () => {
    expect(getAt(plan, 'forecast.contracts[falls-prevention].annual_value')).toBe('100.00');
    expect(getAt(plan, 'forecast.contracts[3].annual_value')).toBe('5.00');
    expect(getAt(plan, 'forecast.contracts[#0].annual_value')).toBe('100.00');
    expect(getAt(plan, 'review.signoffs[#1].by')).toBe('B');
    expect(getAt(plan, 'forecast.contracts[gone].annual_value')).toBeUndefined();
  });

  it('sets a value where the path points, and refuses a path that names nothing', () => {
    const p = structuredClone(plan);
    expect(setAt(p, 'forecast.contracts[3].annual_value', '6.00')).toBe(true);
    expect(p.forecast.contracts[1]!.annual_value).toBe('6.00');
    expect(setAt(p, 'forecast.contracts[nope].annual_value', '1')).toBe(false);
    expect(resolves(p, 'forecast.contracts[falls-prevention]')).toBe(true);
    expect(resolves(p, 'forecast.grants')).toBe(false);
  });

  it('matches findings to the field they are about, not to its neighbours', () => {
    expect(belongsTo('forecast.contracts[a].end', 'forecast.contracts[a].end')).toBe(true);
    expect(belongsTo('forecast.contracts[a].procurement.cpv', 'forecast.contracts[a].procurement')).toBe(true);
    expect(belongsTo('forecast.contracts[ab].end', 'forecast.contracts[a]')).toBe(false);
    expect(belongsTo('forecast.contracts[a].end_date', 'forecast.contracts[a].end')).toBe(false);
    expect(belongsTo(null, 'title')).toBe(false);
    expect(under('forecast.staff[x].fte', 'forecast.staff')).toBe(true);
    expect(under('forecast.staffing', 'forecast.staff')).toBe(false);
  });
});
