import { describe, expect, it } from 'vitest';
import { PlanDocument } from './document.svelte';
import type { Plan, PlanCheck } from '../ipc/bindings';
import fixture from './new-plan-findings.json';

const newPlan = (): Plan => structuredClone(fixture.plan) as unknown as Plan;
const ok = async (): Promise<PlanCheck> => ({ fingerprint: 'abc', error: null, analysis: null, forecast: null, review: null });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the open plan', () => {
  it('in review mode keeps its content, turns undo off, and changes only its review', async () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), 'plan.mutualplan', 'abc');
    doc.edit('title', 'Edited before review');
    expect(doc.canUndo).toBe(true);
    doc.setReviewing(true);
    expect(doc.canUndo).toBe(false);
    doc.edit('title', 'Edited in review');
    doc.change('remove', (p) => p.ownership.groups.splice(0, 1));
    doc.undo();
    expect(doc.plan!.title).toBe('Edited before review');
    expect(doc.plan!.ownership.groups.length).toBe(1);
    const before = doc.contentDirty;
    doc.setReview({ comments: [], signoffs: [{ by: 'Jan', role: 'Mentor', at: '2026-11-27T10:00:00Z', revision: 1, fingerprint: 'abcdefabcdef', statement: 'I support it.' }] });
    expect(doc.plan!.review.signoffs.length).toBe(1);
    expect(doc.contentDirty).toBe(before);
    doc.setReviewing(false);
    expect(doc.canUndo).toBe(true);
    await tick();
  });

  it('asks a field to take the focus with the rule of the finding chosen, if one was', () => {
    const doc = new PlanDocument(ok);
    doc.focus('narrative.sections[finance].text', 'NAR-01');
    expect(doc.focusRequest).toEqual({ path: 'narrative.sections[finance].text', n: 1, rule: 'NAR-01' });
    doc.focus('organisation.name');
    expect(doc.focusRequest).toEqual({ path: 'organisation.name', n: 2, rule: null });
  });

  it('is clean when opened and dirty after an edit, clean again when the edit is undone', async () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), null, 'abc');
    expect(doc.dirty).toBe(false);
    doc.edit('organisation.name', 'Riverside Mutual');
    expect(doc.plan!.organisation.name).toBe('Riverside Mutual');
    expect(doc.dirty).toBe(true);
    doc.undo();
    expect(doc.plan!.organisation.name).toBe('New organisation');
    expect(doc.dirty).toBe(false);
    doc.redo();
    expect(doc.plan!.organisation.name).toBe('Riverside Mutual');
    await tick();
  });

  it('makes quick edits of one field one undo step, and edits of different fields separate steps', () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), null, 'abc');
    doc.edit('title', 'A', 1000);
    doc.edit('title', 'AB', 1100);
    doc.edit('ownership.groups[staff].voting_percent', '20', 1200);
    doc.undo();
    expect(doc.plan!.ownership.groups[0]!.voting_percent).toBe('100');
    expect(doc.plan!.title).toBe('AB');
    doc.undo();
    expect(doc.plan!.title).toBe('New organisation: business plan for spin-out');
    expect(doc.canUndo).toBe(false);
    expect(doc.canRedo).toBe(true);
  });

  it('undoes a list change as one step, and a new edit clears redo', () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), null, 'abc');
    doc.change('remove', (p) => p.board.splice(0, 1));
    expect(doc.plan!.board).toHaveLength(0);
    doc.undo();
    expect(doc.plan!.board.map((s) => s.id)).toEqual(['chair']);
    doc.edit('title', 'X');
    expect(doc.canRedo).toBe(false);
  });

  it('keeps a refused value beside its field while the plan keeps the last good one', () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), null, 'abc');
    doc.refuse('forecast.opening_cash', '12x', '"12x" is not an amount');
    expect(doc.errorFor('forecast.opening_cash')).toBe('"12x" is not an amount');
    expect(doc.plan!.forecast.opening_cash).toBe('0.00');
    expect(doc.stale).toBe(true);
    doc.edit('forecast.opening_cash', '12.00');
    expect(doc.errorFor('forecast.opening_cash')).toBeNull();
  });

  it('shows the newest check and marks figures stale until it is back', async () => {
    let answer!: (c: PlanCheck) => void;
    const doc = new PlanDocument(() => new Promise((r) => (answer = r)));
    doc.load(newPlan(), null, null);
    expect(doc.checking).toBe(true);
    answer({ fingerprint: null, error: { kind: 'bad_value', message: 'bad', path: 'title' }, analysis: null, forecast: null, review: null });
    await tick();
    expect(doc.checking).toBe(false);
    expect(doc.errorFor('title')).toBe('bad');
    expect(doc.stale).toBe(true);
  });

  it('sends every change to be checked, a comment too, so the shell\'s copy is never behind', async () => {
    const sent: Plan[] = [];
    const doc = new PlanDocument(async (p) => {
      sent.push(JSON.parse(p) as Plan);
      return { fingerprint: 'abc', error: null, analysis: null, forecast: null, review: null };
    });
    doc.load(newPlan(), 'plan.mutualplan', 'abc');
    await tick();
    doc.setReviewing(true);
    doc.setReview({ comments: [{ id: 'c-1', anchor: 'section:summary', author: 'Jan', role: 'mentor', at: '2026-11-27T10:00:00Z', text: 'Confirmed?', resolved: false, replies: [] }], signoffs: [] });
    await tick();
    await tick();
    expect(sent.at(-1)!.review.comments.map((c) => c.id)).toEqual(['c-1']);
  });

  it('keeps a restored never-saved plan unsaved, whatever is undone', () => {
    const doc = new PlanDocument(ok);
    doc.loadUnsaved(newPlan(), 'abc');
    expect(doc.dirty).toBe(true);
    doc.edit('title', 'X');
    doc.undo();
    expect(doc.dirty).toBe(true);
  });

  it('takes up a plan as saved with its changes after a reload: unsaved, and one undo goes back', () => {
    const doc = new PlanDocument(ok);
    const saved = newPlan();
    const edited = newPlan();
    edited.forecast.opening_cash = '4000.00';
    doc.loadChanged(saved, edited, 'plan.mutualplan');
    expect(doc.plan!.forecast.opening_cash).toBe('4000.00');
    expect(doc.file).toBe('plan.mutualplan');
    expect(doc.dirty).toBe(true);
    doc.undo();
    expect(doc.plan!.forecast.opening_cash).toBe('0.00');
    expect(doc.dirty).toBe(false);
  });

  it('is dirty after a change to the review alone, and clean once saved, with no copy of the plan compared', () => {
    const doc = new PlanDocument(ok);
    doc.load(newPlan(), 'plan.mutualplan', 'abc');
    doc.setReview({ comments: [], signoffs: [{ by: 'Jan', role: 'Mentor', at: '2026-11-27T10:00:00Z', revision: 1, fingerprint: 'abcdefabcdef', statement: 'I support it.' }] });
    expect(doc.contentDirty).toBe(false);
    expect(doc.dirty).toBe(true);
    doc.markSaved(structuredClone(JSON.parse(JSON.stringify(doc.plan))) as Plan, 'plan.mutualplan', 'abc');
    expect(doc.dirty).toBe(false);
    doc.edit('title', 'After the save');
    doc.undo();
    expect(doc.dirty).toBe(false);
    doc.redo();
    expect(doc.dirty).toBe(true);
  });

  it('asks the core for the Forecast view only while it shows, in the same check', async () => {
    const asked: boolean[] = [];
    const table = { rows: [] } as unknown as NonNullable<PlanCheck['forecast']>;
    const analysis = {} as NonNullable<PlanCheck['analysis']>;
    const doc = new PlanDocument(async (_p, forecast) => {
      asked.push(forecast);
      return { fingerprint: 'abc', error: null, analysis, forecast: forecast ? table : null, review: null };
    });
    doc.load(newPlan(), 'plan.mutualplan', 'abc');
    await tick();
    expect(asked).toEqual([false]);
    expect(doc.forecast).toBeNull();
    doc.showForecast(true);
    await tick();
    expect(asked).toEqual([false, true]);
    expect(doc.forecast).toBe(table);
    doc.edit('title', 'Edited');
    await tick();
    expect(asked).toEqual([false, true, true]);
    doc.showForecast(false);
    expect(doc.forecast).toBeNull();
    doc.edit('title', 'Edited again');
    await tick();
    expect(asked).toEqual([false, true, true, false]);
  });
});
