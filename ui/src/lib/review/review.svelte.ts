// The open plan's review as the window shows it: the core's view of the comments and sign-offs
// (every word from the core), and the actions that change it. Each action goes to the core with
// the plan as it is, and the core returns the new `review` stamped with who and when.
import { getContext, setContext } from 'svelte';
import type { PlanDocument } from '../document/document.svelte';
import { backend, BackendError } from '../ipc/backend';
import type { CommentView, Plan, ReviewAction, ReviewView } from '../ipc/bindings';

export class ReviewState {
  view = $state.raw<ReviewView | null>(null);
  /** The anchor whose comments are shown open beside it. */
  expanded = $state<string | null>(null);
  private asked = 0;

  constructor(
    private readonly doc: PlanDocument,
    /** Asks who the user is; true once a name is set. */
    private readonly askIdentity: () => Promise<boolean>,
    private readonly onError: (e: unknown) => void,
  ) {}

  private snapshot(): Plan | null {
    return this.doc.plan ? ($state.snapshot(this.doc.plan) as Plan) : null;
  }

  /** Asks the core for the review of the plan as it is now; only the newest answer is kept. */
  async refresh(): Promise<void> {
    const plan = this.snapshot();
    if (!plan) return;
    const n = ++this.asked;
    try {
      const v = await backend.reviewView(plan);
      if (n === this.asked) this.view = v;
    } catch {
      // A plan with a format error has no review view until it is fixed; keep the last one.
    }
  }

  /** Does one review action; asks who the user is first when the core needs a name. */
  async act(action: ReviewAction): Promise<boolean> {
    const plan = this.snapshot();
    if (!plan) return false;
    try {
      this.doc.setReview(await backend.reviewAction(plan, action));
      await this.refresh();
      return true;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'no_identity' && (await this.askIdentity())) return this.act(action);
      this.onError(e);
      return false;
    }
  }

  /** The comments about what `anchor` names. */
  on(anchor: string): CommentView[] {
    return this.view?.comments.filter((c) => c.anchor === anchor) ?? [];
  }

  /** The anchor of the item `id` of the list at `list` (`forecast.contracts` → `contract:id`). */
  anchorOf(list: string, id: string): string | null {
    const kind = this.view?.lists.find((l) => l.list === list)?.kind;
    return kind ? `${kind}:${id}` : null;
  }
}

const KEY = Symbol('review');

export function provideReview(r: ReviewState): void {
  setContext(KEY, r);
}

export function useReview(): ReviewState | undefined {
  return getContext<ReviewState | undefined>(KEY);
}
