// The views of the window: the Overview first, then the parts of the plan in the order a team
// works through them, then the views of what the core computes (Forecast, Checks, Readiness).
// For each: what it is called, which component shows it, and which fields (by path prefix) it
// owns, so that a finding or an error anywhere can open the view that shows its field. The
// parts, their titles and the fields they own are the core's catalogue's; this file only says
// which component draws each.
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
import type { PartId } from './lib/ipc/bindings';
import { CATALOGUE } from './lib/ipc/catalogue';

export interface View {
  id: string;
  title: string;
  component: Component;
  /** The field paths this view shows: a prefix owns itself and everything inside it. */
  owns: string[];
}

/** The component that draws each part of the plan: every part of the catalogue has one. */
const PARTS: Record<PartId, Component> = {
  organisation: Organisation,
  ownership: Ownership,
  contracts: Contracts,
  staff: Staff,
  costs: Costs,
  funding: Funding,
  narrative: Narrative,
  risks: Risks,
  settings: Settings,
};

export const VIEWS: View[] = [
  { id: 'overview', title: 'Overview', component: Overview, owns: [] },
  ...CATALOGUE.parts.map((p) => ({ id: p.id, title: p.title, component: PARTS[p.id], owns: p.owns })),
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
