// Ways to move about the window, for the views and panels that link to a field, a view or a
// comment's subject: the Forecast's "where does this come from", the Overview, the Checks, the
// ownership figures and the Review list.
import { getContext, setContext } from 'svelte';
import type { CommentView } from '../ipc/bindings';

export interface Navigation {
  /** Opens the view that shows the field at `path` and puts the focus on it; `rule` is the rule
   * of the finding that led there, if one did. */
  openPath: (path: string, rule?: string | null) => void;
  /** Shows the view `id`. */
  goView: (id: string) => void;
  /** Opens what a comment is about: its field, or its check or area. */
  openAnchor: (c: CommentView) => void;
}

const KEY = Symbol('navigation');

export function provideNavigation(navigation: Navigation): void {
  setContext(KEY, navigation);
}

export function useNavigation(): Navigation {
  return getContext<Navigation>(KEY);
}
