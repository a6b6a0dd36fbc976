// The views of the window: the Overview first, then the parts of the plan in the order a team
// works through them, then the views of what the core computes (Forecast, Checks, Readiness).
// For each: what it is called, which component shows it, and which fields (by path prefix) it
// owns, so that a finding or an error anywhere can open the view that shows its field. The
// parts' prefixes are the core's (`overview::PARTS`); a UI test holds them equal.
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
import Overview from './views/Overview.svelte';
import Checks from './views/Checks.svelte';
import Readiness from './views/Readiness.svelte';
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
  { id: 'overview', title: 'Overview', component: Overview, owns: [] },
  { id: 'organisation', title: 'Organisation', component: Organisation, owns: ['title', 'addressee', 'organisation', 'forecast.start'] },
  { id: 'ownership', title: 'Ownership and board', component: Ownership, owns: ['ownership', 'board'] },
  { id: 'contracts', title: 'Services and contracts', component: Contracts, owns: ['forecast.contracts'] },
  { id: 'staff', title: 'Staff', component: Staff, owns: ['forecast.staff'] },
  { id: 'costs', title: 'Costs and other income', component: Costs, owns: ['forecast.costs', 'forecast.income'] },
  { id: 'funding', title: 'Funding', component: Funding, owns: ['forecast.opening_cash', 'forecast.grants', 'forecast.equity', 'forecast.loans'] },
  { id: 'narrative', title: 'Narrative', component: Narrative, owns: ['narrative.sections'] },
  { id: 'risks', title: 'Risks, impact and milestones', component: Risks, owns: ['narrative.risks', 'narrative.impact', 'narrative.milestones'] },
  { id: 'settings', title: 'Settings', component: Settings, owns: ['forecast.months', 'forecast.settings', 'saved_by'] },
  { id: 'forecast', title: 'Forecast', component: Forecast, owns: [] },
  { id: 'checks', title: 'Checks', component: Checks, owns: [] },
  { id: 'readiness', title: 'Readiness', component: Readiness, owns: [] },
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
