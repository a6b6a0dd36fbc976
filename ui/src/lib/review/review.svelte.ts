// The open plan's review as the window shows it: the core's view of the comments and sign-offs
// (every word from the core), which comes with each check of the plan, and the actions that
// change it. Each action goes to the core with the plan as it is, and the core returns the new
// `review` stamped with who and when; setting it checks the plan, which brings the new view.
import { getContext, setContext } from 'svelte';
import type { PlanDocument } from '../document/document.svelte';
import { backend, BackendError } from '../ipc/backend';
import type { CommentView, Plan, ReviewAction, ReviewView } from '../ipc/bindings';

export class ReviewState {
  /** The anchor whose comments are shown open beside it. */
  expanded = $state<string | null>(null);

  constructor(
    private readonly doc: PlanDocument,
    /** Asks who the user is; true once a name is set. */
    private readonly askIdentity: () => Promise<boolean>,
    private readonly onError: (e: unknown) => void,
  ) {}

  private snapshot(): Plan | null {
    return this.doc.plan ? ($state.snapshot(this.doc.plan) as Plan) : null;
  }

  /** The review in words, as the newest check of the plan brought it. */
  get view(): ReviewView | null {
    return this.doc.review;
  }

  /** Does one review action; asks who the user is first when the core needs a name. */
  async act(action: ReviewAction): Promise<boolean> {
    const plan = this.snapshot();
    if (!plan) return false;
    try {
      this.doc.setReview(await backend.reviewAction(plan, action));
      // Done once the window shows it: the check of the new review brings its words.
      await this.doc.settled();
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
