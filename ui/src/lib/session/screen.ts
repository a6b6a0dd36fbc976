// What the window shows below its toolbar and notices: one screen at a time. The editor, the
// start screen or a portfolio is the base; a comparison is shown over the base, and the offer of
// a recovery over both, so that closing one shows again what it covered (a comparison made from
// the portfolio's window goes back to the portfolio, an offer answered goes back to what was
// shown when the plan opened).
import type { CompareView, Recovery, RowView, SortKey } from '../ipc/bindings';

/** The file the app was started with, when it could not be opened: the start screen says why. */
export interface Problem {
  file: string;
  message: string;
  backup: string | null;
  recent: string[];
}

/** The portfolio of a folder, in the order `sort`; `rows` is null until the core has read it. */
export interface PortfolioShown {
  folder: string;
  sort: SortKey;
  rows: RowView[] | null;
}

export type Base =
  /** The editor (or "Opening the plan…" until a plan is open). */
  | { kind: 'plan' }
  | { kind: 'start'; problem: Problem }
  | ({ kind: 'portfolio' } & PortfolioShown);

/** Two versions of the plan side by side. */
export type Compared = { kind: 'compare'; view: CompareView; under: Base };

/** Unsaved changes kept from a session that did not end normally, and what they would change. */
export type Offered = { kind: 'recovery'; recovery: Recovery; view: CompareView | null; under: Base | Compared };

export type Screen = Base | Compared | Offered;

export const PLAN: Base = { kind: 'plan' };

/** The base of `s`, under any comparison or offer. */
export function baseOf(s: Screen): Base {
  return s.kind === 'recovery' || s.kind === 'compare' ? baseOf(s.under) : s;
}

/** `s` with `base` in place of its base, under the same comparison and offer. */
export function withBase(s: Screen, base: Base): Screen {
  if (s.kind === 'recovery') return { ...s, under: withBase(s.under, base) as Base | Compared };
  if (s.kind === 'compare') return { ...s, under: base };
  return base;
}

/** `s` with `view` compared over its base (and under any offer). */
export function withCompare(s: Screen, view: CompareView): Screen {
  if (s.kind === 'recovery') return { ...s, under: withCompare(s.under, view) as Compared };
  return { kind: 'compare', view, under: baseOf(s) };
}

/** `s` without its comparison. */
export function withoutCompare(s: Screen): Screen {
  if (s.kind === 'recovery') return { ...s, under: withoutCompare(s.under) as Base };
  return baseOf(s);
}

/** `s` without the offer of a recovery. */
export function withoutOffer(s: Screen): Base | Compared {
  return s.kind === 'recovery' ? s.under : s;
}

/** `s` without its portfolio: the editor in its place. */
export function withoutPortfolio(s: Screen): Screen {
  return baseOf(s).kind === 'portfolio' ? withBase(s, PLAN) : s;
}
