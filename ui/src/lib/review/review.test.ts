import { describe, expect, it, vi } from 'vitest';
import type { Plan, PlanCheck, Review, ReviewAction, ReviewView } from '../ipc/bindings';
import fixture from '../document/new-plan-findings.json';

// The core behind the window, as the review state calls it: the first action finds no name.
const calls: ReviewAction[] = [];
let named = false;
vi.mock('../ipc/backend', () => {
  class BackendError extends Error {
    constructor(readonly kind: string, message: string) {
      super(message);
    }
  }
  return {
    BackendError,
    backend: {
      reviewAction: async (plan: Plan, action: ReviewAction): Promise<Review> => {
        calls.push(action);
        if (!named) throw new BackendError('no_identity', 'say who you are first');
        return { ...plan.review, comments: [{ id: 'c-1', author: 'Jan', role: 'mentor', at: '2026-11-27T10:00:00Z', anchor: 'section:market', text: 'Hi', resolved: false, replies: [] }] };
      },
    },
  };
});

const { PlanDocument } = await import('../document/document.svelte');
const { ReviewState } = await import('./review.svelte');
// The check brings the review in words, as the core words the plan it is sent.
const ok = async (plan: string): Promise<PlanCheck> => {
  await new Promise((r) => setTimeout(r, 5));
  const n = (JSON.parse(plan) as Plan).review.comments.length;
  const review: ReviewView = {
    comments: [], signoffs: [], summary: `${n} comment${n === 1 ? '' : 's'}, open`, statement: '',
    lists: [{ list: 'forecast.contracts', kind: 'contract' }],
  };
  return { fingerprint: 'abc', error: null, analysis: null, forecast: null, review };
};

describe('the review', () => {
  it('asks who you are when the core needs a name, then does the action, changing only the review', async () => {
    const doc = new PlanDocument(ok);
    doc.load(structuredClone(fixture.plan) as unknown as Plan, 'plan.mutualplan', 'abc');
    const before = JSON.stringify({ ...doc.plan, review: null });
    let asked = 0;
    const review = new ReviewState(doc, async () => {
      asked += 1;
      named = true;
      return true;
    }, (e) => { throw e; });
    expect(await review.act({ action: 'comment', anchor: 'section:market', text: 'Hi' })).toBe(true);
    expect(asked).toBe(1);
    expect(calls.length).toBe(2);
    expect(doc.plan!.review.comments[0]!.author).toBe('Jan');
    expect(JSON.stringify({ ...doc.plan, review: null })).toBe(before);
    expect(review.view?.summary).toBe('1 comment, open');
    expect(review.anchorOf('forecast.contracts', 'care')).toBe('contract:care');
    expect(review.anchorOf('forecast.staff', 'physio')).toBeNull();
  });
});
