// The views of the editor, in the order a team works through a plan: what each is called,
// which component shows it, and which fields (by path prefix) it owns, so that a finding or an
// error anywhere can open the view that shows its field.
import type { Component } from 'svelte';
import Organisation from './views/Organisation.svelte';
import Ownership from './views/Ownership.svelte';
import Contracts from './views/Contracts.svelte';
import Staff from './views/Staff.svelte';
import Costs from './views/Costs.svelte';
import Funding from './views/Funding.svelte';
import Narrative from './views/Narrative.svelte';
import Risks from './views/Risks.svelte';
import Settings from './views/Settings.svelte';
import Forecast from './views/Forecast.svelte';
import Review from './views/Review.svelte';
import { under } from './lib/document/paths';

export interface View {
  id: string;
  title: string;
  component: Component;
  /** The field paths this view shows: a prefix owns itself and everything inside it. */
  owns: string[];
}

export const VIEWS: View[] = [
  { id: 'organisation', title: 'Organisation', component: Organisation, owns: ['title', 'addressee', 'organisation'] },
  { id: 'ownership', title: 'Ownership and board', component: Ownership, owns: ['ownership', 'board'] },
  { id: 'contracts', title: 'Services and contracts', component: Contracts, owns: ['forecast.contracts'] },
  { id: 'staff', title: 'Staff', component: Staff, owns: ['forecast.staff'] },
  { id: 'costs', title: 'Costs and other income', component: Costs, owns: ['forecast.costs', 'forecast.income'] },
  { id: 'funding', title: 'Funding', component: Funding, owns: ['forecast.opening_cash', 'forecast.grants', 'forecast.equity', 'forecast.loans'] },
  { id: 'narrative', title: 'Narrative', component: Narrative, owns: ['narrative.sections'] },
  { id: 'risks', title: 'Risks, impact and milestones', component: Risks, owns: ['narrative.risks', 'narrative.impact', 'narrative.milestones'] },
  { id: 'settings', title: 'Settings', component: Settings, owns: ['forecast.start', 'forecast.months', 'forecast.settings', 'saved_by'] },
  { id: 'forecast', title: 'Forecast', component: Forecast, owns: [] },
  { id: 'review', title: 'Review', component: Review, owns: [] },
];

/** The view that shows the field at `path` (the longest matching prefix), if any. */
export function viewFor(path: string | null | undefined): View | null {
  if (!path) return null;
  let best: View | null = null;
  let len = -1;
  for (const v of VIEWS) {
    for (const p of v.owns) {
      if (under(path, p) && p.length > len) {
        best = v;
        len = p.length;
      }
    }
  }
  return best;
}

/** Whether a value holds anything a team typed: text, items, a number. */
function filled(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as object).some(filled);
  return true;
}

export type ViewState = 'empty' | 'started' | 'errors';

/** A view's state for the navigation: whether it has errors, anything in it at all. */
export function viewState(
  view: View,
  value: (path: string) => unknown,
  errorPaths: (string | null | undefined)[],
): ViewState {
  if (errorPaths.some((p) => p && viewFor(p) === view)) return 'errors';
  const parts = view.owns.map(value);
  if (view.id === 'narrative') {
    const sections = (parts[0] ?? []) as { text: string }[];
    return sections.some((s) => s.text.trim() !== '') ? 'started' : 'empty';
  }
  return parts.some(filled) ? 'started' : 'empty';
}
