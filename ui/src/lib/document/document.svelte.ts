// The open plan: the one controller every view and field reads and writes through.
// It holds the plan, whether it is dirty, the core's verdict on it (fingerprint, format error,
// analysis), undo and redo, and the errors of values typed but not yet accepted by the core.
import { getContext, setContext } from 'svelte';
import type { AnalysisView, Choices, Finding, ForecastView, IpcError, Plan, PlanCheck, ReviewView, SectionPrompt } from '../ipc/bindings';
import { Coalescer } from './coalesce';
import { History } from './history';
import { belongsTo, getAt, setAt } from './paths';

/** Asks the core about a plan, given as JSON text: its analysis, and the Forecast view when
 * `forecast`. */
export type Checker = (plan: string, forecast: boolean) => Promise<PlanCheck>;

/** A plan as it stood at one moment, written out as JSON, and which version of it that was. */
interface Snapshot {
  json: string;
  version: number;
}

export class PlanDocument {
  plan = $state<Plan | null>(null);
  file = $state<string | null>(null);
  fingerprint = $state<string | null>(null);
  /** The core's first format error for the plan as edited. */
  error = $state<IpcError | null>(null);
  /** Values typed that the core refused, by path: shown beside the field, never dropped. */
  typed = $state<Record<string, { text: string; message: string }>>({});
  // Answers from the core are replaced whole, never changed in place: held raw, not made deeply
  // reactive, which for a large plan was most of the cost of taking an answer in.
  analysis = $state.raw<AnalysisView | null>(null);
  /** The Forecast view from the newest check, while the window shows it (`showForecast`). */
  forecast = $state.raw<ForecastView | null>(null);
  /** The review in words from the newest check of a valid plan (the last one while in error). */
  review = $state.raw<ReviewView | null>(null);
  /** Whether the Forecast view is showing: each check then brings its table and chart too. */
  private forecastShown = false;
  readOnly = $state<string | null>(null);
  /**
   * Review mode: the plan's content cannot change (fields read-only, edits ignored, undo off);
   * only its `review` changes, through `setReview`, and saving writes only the review.
   */
  reviewing = $state(false);
  choices = $state<Choices | null>(null);
  sections = $state<SectionPrompt[]>([]);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Counts changes to the plan's content (loads, edits, undo, redo): views that ask the core
   * for more than the check gives follow it rather than waiting for the check. */
  edits = $state(0);
  /** True while a check of the newest edit has not come back. */
  checking = $state(false);
  /** Bumped when a field should take the focus (a finding was clicked: `rule` is its rule). */
  focusRequest = $state<{ path: string; n: number; rule: string | null } | null>(null);
  /**
   * Which version of the content the plan is: every change makes a new one, undo and redo bring
   * an old one back. The plan is dirty when its version or its review is not the one saved, so
   * telling needs no copy of the plan.
   */
  private version = $state(0);
  private savedVersion = $state(0);
  private reviewVersion = $state(0);
  private savedReviewVersion = $state(0);
  private versions = 0;
  private readonly history = new History<Snapshot>();
  /** The plan written out as JSON, for the version it was written at: each version is written
   * once (for its check) and undo keeps that text rather than copying the plan again. */
  private written: Snapshot | null = null;
  private readonly waiting: (() => void)[] = [];
  private readonly checks: Coalescer<{ plan: string; forecast: boolean }, PlanCheck>;

  constructor(check: Checker, onCheckFailed: (e: unknown) => void = () => {}) {
    this.checks = new Coalescer<{ plan: string; forecast: boolean }, PlanCheck>(
      ({ plan, forecast }) => check(plan, forecast),
      (result, asked) => {
        this.fingerprint = result.fingerprint;
        this.error = result.error;
        // Keep the last analysis while a field is being corrected, rather than blanking it.
        if (result.analysis) this.analysis = result.analysis;
        if (asked.forecast && result.analysis) this.forecast = result.forecast;
        if (result.review) this.review = result.review;
      },
      onCheckFailed,
      () => {
        this.checking = false;
        for (const done of this.waiting.splice(0)) done();
      },
    );
  }

  get dirty(): boolean {
    return this.plan !== null && (this.contentDirty || this.reviewVersion !== this.savedReviewVersion);
  }

  /** True while a field is in error: the figures shown are of the last good plan. */
  get blocked(): boolean {
    return this.error !== null || Object.keys(this.typed).length > 0;
  }

  /** True while the figures shown do not reflect the plan as typed (an error, or a check under way). */
  get stale(): boolean {
    return this.blocked || this.checking;
  }

  private snapshot(): Snapshot {
    if (this.written?.version !== this.version) this.written = { json: JSON.stringify(this.plan), version: this.version };
    return this.written;
  }

  /** A new version of the content. */
  private changed(): void {
    this.version = ++this.versions;
  }

  /** The plan as opened or saved is the version now. */
  private clean(): void {
    this.changed();
    this.savedVersion = this.version;
    this.savedReviewVersion = this.reviewVersion;
  }

  /** Shows a plan just opened or saved: clean, with no history. */
  load(plan: Plan, file: string | null, fingerprint: string | null, readOnly: string | null = null): void {
    this.plan = plan;
    this.file = file;
    this.fingerprint = fingerprint;
    this.readOnly = readOnly;
    this.clean();
    this.error = null;
    this.typed = {};
    this.history.clear();
    this.edits++;
    this.sync();
    this.check();
  }

  /**
   * Shows a plan that has never been saved and is not as it was made (brought back from its
   * recovery): unsaved, however it is edited, until it is saved.
   */
  loadUnsaved(plan: Plan, fingerprint: string | null): void {
    this.load(plan, null, fingerprint);
    this.savedVersion = -1;
  }

  /**
   * Shows a plan as saved (`saved`) with the changes made to it since (`edited`), as a page loaded
   * again gets it back from the shell: unsaved, and one undo goes back to the plan as saved.
   */
  loadChanged(saved: Plan, edited: Plan, file: string | null, readOnly: string | null = null): void {
    this.plan = edited;
    this.file = file;
    this.fingerprint = null;
    this.readOnly = readOnly;
    this.clean();
    this.error = null;
    this.typed = {};
    this.history.clear();
    this.history.record({ json: JSON.stringify(saved), version: this.version }, null);
    this.changed();
    this.edits++;
    this.sync();
    this.check();
  }

  /** Marks the plan as saved (after Save), keeping the history. */
  markSaved(plan: Plan, file: string | null, fingerprint: string): void {
    this.plan = plan;
    this.written = null;
    this.file = file;
    this.fingerprint = fingerprint;
    this.readOnly = null;
    this.savedVersion = this.version;
    this.savedReviewVersion = this.reviewVersion;
  }

  get(path: string): unknown {
    return getAt(this.plan, path);
  }

  /**
   * Sets the value at `path`, with the values the core says follow from it (`linked`: the
   * forecast's start after the spin-out date) in the same undo step. Consecutive edits of one
   * field within a moment are one undo step, so undo takes back a word or a value rather than a
   * keystroke.
   */
  edit(path: string, value: unknown, now = Date.now(), linked: [string, unknown][] = []): void {
    if (!this.plan || this.reviewing) return;
    const before = this.snapshot();
    if (!setAt(this.plan, path, value)) return;
    for (const [p, v] of linked) setAt(this.plan, p, v);
    this.history.record(before, path, now);
    this.changed();
    this.clearTyped(path);
    this.edits++;
    this.sync();
    this.check();
  }

  /** Changes the plan with a function (a list's add, remove, move): one undo step. */
  change(key: string, f: (plan: Plan) => void): void {
    if (!this.plan || this.reviewing) return;
    void key;
    this.history.record(this.snapshot(), null);
    f(this.plan);
    this.changed();
    this.edits++;
    this.sync();
    this.check();
  }

  /** Keeps text the core refused for `path`, with its message. */
  refuse(path: string, text: string, message: string): void {
    this.typed = { ...this.typed, [path]: { text, message } };
  }

  clearTyped(path: string): void {
    if (path in this.typed) {
      const next = { ...this.typed };
      delete next[path];
      this.typed = next;
    }
  }

  undo(): void {
    if (!this.plan || this.reviewing) return;
    const prev = this.history.undo(this.snapshot());
    if (prev) this.replace(prev);
  }

  redo(): void {
    if (!this.plan || this.reviewing) return;
    const next = this.history.redo(this.snapshot());
    if (next) this.replace(next);
  }

  private replace(s: Snapshot): void {
    this.plan = JSON.parse(s.json) as Plan;
    this.version = s.version;
    this.written = s;
    this.typed = {};
    this.edits++;
    this.sync();
    this.check();
  }

  private sync(): void {
    this.canUndo = !this.reviewing && this.history.canUndo;
    this.canRedo = !this.reviewing && this.history.canRedo;
  }

  /** Replaces the plan's review (a comment, reply, resolve or sign-off): not an undo step. */
  setReview(review: Plan['review']): void {
    if (!this.plan) return;
    this.plan.review = review;
    this.written = null;
    this.reviewVersion++;
    // The check also hands the plan to the shell, whose copy a reloaded page and the autosave use.
    this.check();
  }

  /** Turns review mode on or off; undo is off while reviewing. */
  setReviewing(on: boolean): void {
    this.reviewing = on;
    this.sync();
  }

  /** Whether the content (everything but `review`) differs from the file as saved. */
  get contentDirty(): boolean {
    return this.plan !== null && this.version !== this.savedVersion;
  }

  /** Asks the core about the plan as it is now; only the newest answer is kept. */
  check(): void {
    if (!this.plan) return;
    this.checking = true;
    // The plan as it is now, written out once: the text is what the core reads, and what undo keeps.
    this.checks.submit({ plan: this.snapshot().json, forecast: this.forecastShown });
  }

  /** Resolves once the newest change has been checked and its answer taken in. */
  settled(): Promise<void> {
    return this.checking ? new Promise((done) => this.waiting.push(done)) : Promise.resolve();
  }

  /** The Forecast view shows (or no longer shows): checks then bring (or leave out) its table. */
  showForecast(shown: boolean): void {
    if (shown === this.forecastShown) return;
    this.forecastShown = shown;
    if (shown) this.check();
    else this.forecast = null;
  }

  /** The message for the field at `path`: text the core refused, or the plan's format error. */
  errorFor(path: string): string | null {
    const t = this.typed[path];
    if (t) return t.message;
    return this.error?.path === path ? this.error.message : null;
  }

  /** The findings about the field at `path` (or inside it). */
  findingsFor(path: string): Finding[] {
    return this.analysis?.findings.filter((f) => belongsTo(f.path, path)) ?? [];
  }

  /** Asks the field at `path` to take the focus; `rule` is the rule of the finding chosen, if one was. */
  focus(path: string, rule: string | null = null): void {
    this.focusRequest = { path, n: (this.focusRequest?.n ?? 0) + 1, rule };
  }
}

const KEY = Symbol('plan-document');

export function provideDocument(doc: PlanDocument): void {
  setContext(KEY, doc);
}

export function useDocument(): PlanDocument {
  return getContext<PlanDocument>(KEY);
}
