// The window's session: the open plan and what is done with its file — open (with the choices a
// lock allows), save (with its conflicts), save as, print, compare, the portfolio, the recovery
// offered at start, who the user is — the menu's actions, the keys, and the autosave; which
// screen is shown, the notice above it and the question being asked. The component shows what
// it holds; the core is reached only through the backend it is given.
import { BackendError, type Backend } from '../ipc/backend';
import type { CommentView, Finding, OpenAs, OpenedPlan, Plan, Recovery, Reopened, ReviewerRole, RowView, SortKey } from '../ipc/bindings';
import { PlanDocument } from '../document/document.svelte';
import { Identity } from '../identity/identity.svelte';
import { ReviewState } from '../review/review.svelte';
import type { Choice, Picked } from '../choice';
import { VIEWS, viewFor, type View } from '../../views';
import type { Navigation } from './context';
import type { Shell } from './shell';
import {
  PLAN, baseOf, withBase, withCompare, withoutCompare, withoutOffer, withoutPortfolio, type Screen,
} from './screen';

/** A message above the plan; some offer one thing to do (open the PDF just printed). */
export interface Notice {
  text: string;
  error: boolean;
  action?: { label: string; run: () => void };
}

/** The keys of a key press the window acts on. */
export type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'preventDefault'>;

export class Session {
  readonly doc: PlanDocument;
  /** Who the user is (stamped on saves, comments and sign-offs). */
  readonly me: Identity;
  readonly review: ReviewState;
  screen = $state.raw<Screen>(PLAN);
  notice = $state<Notice | null>(null);
  busy = $state(false);
  /** The question being asked, and the dialog asking who the user is. */
  choice = $state<Choice | null>(null);
  askingIdentity = $state<{ reason: string; done: (ok: boolean) => void } | null>(null);
  /** The view shown in the editor. */
  current = $state(VIEWS[0]!.id);
  private answer: ((p: Picked) => void) | null = null;
  private offerAnswered: (() => void) | null = null;
  // The offer of the plan shown at start, which the offers of unsaved plans wait for.
  private pendingOffer: Promise<void> = Promise.resolve();
  // The menu's accelerators and the page's own keys may both see one key press: the page's key
  // always acts, and the menu's only when no key did just now (the menu was clicked, or the
  // desktop kept the key for the accelerator).
  private lastHistoryKey = 0;

  constructor(
    private readonly backend: Backend,
    private readonly shell: Shell,
  ) {
    this.doc = new PlanDocument(backend.checkPlan, (e) => this.report(e, 'Checking the plan failed'));
    this.me = new Identity(backend.setIdentity, (e) => this.report(e, 'Your name was not saved'));
    this.review = new ReviewState(this.doc, () => this.askIdentity('Before your first comment or sign-off, say who you are.'),
      (e) => this.report(e, 'The review was not changed'));
  }

  get view(): View {
    return VIEWS.find((v) => v.id === this.current) ?? VIEWS[0]!;
  }

  get title(): string {
    const { plan } = this.doc;
    return plan ? `${this.doc.dirty ? '• ' : ''}${plan.title || 'Untitled plan'} — Mutual Plan` : 'Mutual Plan';
  }

  /** For the views: the ways to a field, a view, a comment's subject. */
  readonly navigation: Navigation = {
    openPath: (path, rule) => this.openPath(path, rule),
    goView: (id) => this.go(id),
    openAnchor: (c) => this.openAnchor(c),
  };

  /**
   * Keeps the window's title following the plan (the review in words comes with each check);
   * called while the component that shows the session is set up.
   */
  track(): void {
    $effect(() => {
      const title = this.title;
      document.title = title;
      this.shell.setTitle(title).catch(() => {});
    });
  }

  /** Starts the session: the menu, the close button, the plan shown at start, the autosave. */
  start(): () => void {
    const unlisteners = [
      this.shell.onMenu((id) => this.menu(id)),
      this.shell.onCloseRequested(async (event) => {
        if (!(await this.confirmDiscard('Close the window'))) event.preventDefault();
        else await this.backend.closePlan().catch(() => {});
      }),
    ];
    void this.startup();
    // Autosave: every minute while there are unsaved, valid changes, to a recovery file.
    const autosave = setInterval(() => this.autosave(), 60_000);
    return () => {
      clearInterval(autosave);
      unlisteners.forEach((u) => u.then((f) => f()));
    };
  }

  /** The plan shown at start, then the portfolio asked for and the unsaved plans left behind. */
  async startup(): Promise<void> {
    const { backend, doc } = this;
    try {
      doc.choices = await backend.choices();
      doc.sections = await backend.sections();
      this.me.user = await backend.userConfig().catch(() => null);
      // A page loaded again after its process stopped takes up the plan it showed.
      const back = await backend.reopen();
      if (back) {
        this.resume(back);
        return;
      }
      const start = await backend.startupFile();
      if (!start) this.show(await backend.openSample());
      else await this.openStartFile(start);
      const folder = await backend.startupPortfolio();
      if (folder) await this.showPortfolio(folder);
      await this.offerUnsavedPlans();
    } catch (e) {
      this.report(e, 'The plan could not be opened');
      await this.shell.message(e instanceof Error ? e.message : String(e), { title: 'Mutual Plan', kind: 'error' });
    }
  }

  /** Saves the plan to its recovery file when it has unsaved, valid changes. */
  autosave(): void {
    if (this.doc.plan && this.doc.dirty && !this.doc.error) this.backend.autosave().catch(() => {});
  }

  /** An item of the application menu. */
  menu(id: string): void {
    const recent = /^recent:(\d+)$/.exec(id);
    if (recent) void this.openRecent(Number(recent[1]));
    else this.actions[id]?.();
  }

  private readonly actions: Record<string, () => unknown> = {
    new: () => this.newPlan(),
    open: () => this.openPlan(),
    open_portfolio: () => this.openPortfolio(),
    save: () => this.savePlan(),
    save_as: () => this.saveAs(),
    print_pdf: () => this.printPdf(),
    export_xlsx: () => this.exportXlsx(),
    compare: () => this.compareWith(),
    review_mode: () => this.toggleReview(),
    review_list: () => {
      this.screen = withoutPortfolio(withoutCompare(this.screen));
      this.current = 'review';
    },
    identity: () => this.askIdentity(),
    undo: () => this.fromMenu(() => this.doc.undo()),
    redo: () => this.fromMenu(() => this.doc.redo()),
    redo_y: () => this.fromMenu(() => this.doc.redo()),
    quit: () => this.quit(),
  };

  private fromKey(f: () => void): void {
    this.lastHistoryKey = Date.now();
    f();
  }

  private fromMenu(f: () => void): void {
    if (Date.now() - this.lastHistoryKey > 300) f();
  }

  /** The window's keys: undo, redo, and the next or previous view. */
  keydown(e: Keys): void {
    const ctrl = e.ctrlKey || e.metaKey;
    if (!ctrl) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) { e.preventDefault(); this.fromKey(() => this.doc.undo()); }
    else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); this.fromKey(() => this.doc.redo()); }
    else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      const i = VIEWS.findIndex((v) => v.id === this.current);
      const next = VIEWS[(i + (e.key === 'PageDown' ? 1 : VIEWS.length - 1)) % VIEWS.length];
      if (next) this.current = next.id;
    }
  }

  report(e: unknown, what: string): void {
    const text = e instanceof BackendError ? e.message : String(e);
    this.notice = { text: `${what}: ${text}`, error: true };
  }

  /** Closes the start screen, the comparison and the offer of a recovery: a plan is shown. */
  private leave(): void {
    const base = baseOf(this.screen);
    this.screen = base.kind === 'start' ? PLAN : base;
    this.endOffer();
  }

  private show(opened: OpenedPlan, reviewing = false): void {
    this.doc.setReviewing(reviewing);
    this.leave();
    this.doc.load(opened.plan, opened.file, opened.fingerprint, opened.read_only);
    if (opened.recovery) void this.offerRecovery(opened.recovery);
  }

  /** Shows a never-saved plan brought back from its recovery: unsaved until it is saved. */
  private showUnsaved(opened: OpenedPlan): void {
    this.doc.setReviewing(false);
    this.leave();
    this.doc.loadUnsaved(opened.plan, opened.fingerprint);
  }

  /** After the page was loaded again (its process stopped): the plan as it was, with its changes. */
  private resume(back: Reopened): void {
    const { opened, edited } = back;
    if (back.never_saved) this.showUnsaved(edited ? { ...opened, plan: edited } : opened);
    else if (edited) {
      this.leave();
      this.doc.loadChanged(opened.plan, edited, opened.file, opened.read_only);
      if (opened.recovery) void this.offerRecovery(opened.recovery);
    } else this.show(opened);
    if (back.crashed) {
      this.notice = {
        text: `The window stopped working and was opened again. Your plan is as you left it${this.doc.dirty ? ', with its unsaved changes: save to keep them' : ''}.`,
        error: true,
      };
    }
  }

  /** Asks a question with several answers (and perhaps a checkbox) and waits for one. */
  private chooseWith(c: Choice): Promise<Picked> {
    this.choice = c;
    return new Promise((resolve) => (this.answer = resolve));
  }

  /** Asks a question with several answers and waits for one. */
  private async choose(c: Choice): Promise<string> {
    return (await this.chooseWith(c)).value;
  }

  /** The answer to the question being asked. */
  picked(value: string, checked: boolean): void {
    this.choice = null;
    this.answer?.({ value, checked });
    this.answer = null;
  }

  /**
   * Offers unsaved changes kept from a session that did not end normally, when their plan opened:
   * what they would change is shown in place of the editor until the user restores or discards
   * them (neither is the default). Resolves once answered.
   */
  private async offerRecovery(r: Recovery): Promise<void> {
    this.screen = { kind: 'recovery', recovery: r, view: null, under: withoutOffer(this.screen) };
    const answered = new Promise<void>((done) => (this.offerAnswered = done));
    this.pendingOffer = answered;
    try {
      const view = await this.backend.compareRecovery();
      if (this.screen.kind === 'recovery' && this.screen.recovery === r) this.screen = { ...this.screen, view };
    } catch (e) {
      this.report(e, 'The unsaved changes could not be compared with the plan');
    }
    return answered;
  }

  private endOffer(): void {
    this.screen = withoutOffer(this.screen);
    this.offerAnswered?.();
    this.offerAnswered = null;
  }

  async answerRecovery(restore: boolean): Promise<void> {
    if (this.screen.kind !== 'recovery') return;
    const r = this.screen.recovery;
    try {
      await this.backend.answerRecovery(restore);
    } catch (e) {
      this.report(e, 'The unsaved changes were not answered');
      return;
    }
    this.endOffer();
    if (restore && this.doc.plan) {
      this.doc.change('recovery', (p) => Object.assign(p, r.plan));
      this.notice = { text: 'Unsaved changes restored. Save to keep them, or undo to go back to the plan as saved.', error: false };
    } else {
      this.notice = { text: 'The unsaved changes were discarded. The plan is as saved.', error: false };
    }
  }

  /** At start: plans never saved whose autosave was left behind, offered one by one. */
  private async offerUnsavedPlans(): Promise<void> {
    await this.pendingOffer;
    const kept = await this.backend.unsavedRecoveries().catch(() => []);
    for (const u of kept) {
      const pick = await this.choose({
        title: 'Restore an unsaved plan?',
        message: `An unsaved plan, ${u.name}, from ${u.written}, was kept when Mutual Plan last closed without saving it. Restore it?`,
        answers: [
          { value: 'restore', label: 'Restore it', primary: true },
          { value: 'later', label: 'Not now' },
          { value: 'discard', label: 'Discard it' },
        ],
      });
      if (pick === 'discard') await this.backend.discardUnsaved(u.plan_id).catch((e) => this.report(e, 'The unsaved plan was not discarded'));
      if (pick !== 'restore' || !(await this.confirmDiscard('Restore the unsaved plan'))) continue;
      try {
        this.showUnsaved(await this.backend.restoreUnsaved(u.plan_id));
        this.notice = { text: `${u.name} is restored, not yet saved: save it to keep it.`, error: false };
        return;
      } catch (e) {
        this.report(e, 'The unsaved plan could not be restored');
      }
    }
  }

  /** Opens a file, offering the choices a locked plan allows (take-over only for a stale lock). */
  async openFile(path: string, mode: OpenAs = 'edit', reviewing = false): Promise<boolean> {
    try {
      this.show(await this.backend.openPlan(path, mode), reviewing);
      this.notice = mode === 'copy' ? { text: 'This is an unsaved copy: save it under a new name.', error: false } : null;
      return true;
    } catch (e) {
      if (e instanceof BackendError && (e.kind === 'locked' || e.kind === 'locked_stale')) {
        const answers = [
          ...(e.kind === 'locked_stale' ? [{ value: 'take_over', label: 'Take over the lock', primary: true }] : []),
          { value: 'review', label: 'Open for review (comments only)', primary: e.kind === 'locked' },
          { value: 'read_only', label: 'Open read-only' },
          { value: 'copy', label: 'Open a copy' },
          { value: 'cancel', label: 'Cancel' },
        ];
        const pick = await this.choose({ title: 'This plan is open elsewhere', message: e.message, answers });
        if (pick === 'review') return this.openFile(path, 'read_only', true);
        if (pick !== 'cancel') return this.openFile(path, pick as OpenAs);
        return false;
      }
      this.report(e, 'The plan could not be opened');
      return false;
    }
  }

  /** Before the plan is closed (`action`): saves, drops or keeps unsaved changes, as the user says. */
  async confirmDiscard(action: string): Promise<boolean> {
    if (!this.doc.dirty) return true;
    const pick = await this.choose({
      title: 'Save your changes?',
      message: `This plan has changes that are not saved. Save them before you ${action.toLowerCase()}?`,
      answers: [
        { value: 'save', label: 'Save', primary: true },
        { value: 'discard', label: 'Discard changes' },
        { value: 'cancel', label: 'Cancel' },
      ],
    });
    if (pick === 'save') return this.savePlan();
    return pick === 'discard';
  }

  async newPlan(): Promise<void> {
    if (!(await this.confirmDiscard('Start a new plan'))) return;
    try {
      this.show(await this.backend.newPlan(''));
      this.current = 'organisation';
      this.notice = { text: 'New plan: give the organisation its name, then save.', error: false };
    } catch (e) {
      this.report(e, 'A new plan could not be made');
    }
  }

  async openPlan(): Promise<void> {
    if (!(await this.confirmDiscard('Open another plan'))) return;
    const chosen = await this.backend.choosePlanToOpen();
    if (chosen) await this.openFile(chosen);
  }

  /** File → Open Recent: the n-th recent plan; one that has gone is taken off the list. */
  private async openRecent(n: number): Promise<void> {
    const path = (await this.backend.userConfig()).recent[n];
    if (!path || !(await this.confirmDiscard('Open another plan'))) return;
    await this.openKnown(path);
  }

  /** A plan of the recent ones (the start screen's, the menu's). */
  async openKnown(path: string): Promise<void> {
    try {
      this.show(await this.backend.openPlan(path));
      this.notice = null;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'not_found') {
        await this.backend.forgetRecent(path).catch(() => {});
        const base = baseOf(this.screen);
        if (base.kind === 'start') {
          this.screen = withBase(this.screen, { ...base, problem: { ...base.problem, recent: base.problem.recent.filter((p) => p !== path) } });
        }
        this.notice = { text: `${e.message}. It was moved or deleted, so it is no longer among the recent plans.`, error: true };
      } else if (!(await this.openFile(path))) {
        return;
      }
    }
  }

  /** Shows the portfolio of `folder` in the order `sort`, read and sorted by the core. */
  async showPortfolio(folder: string, sort: SortKey = 'readiness'): Promise<void> {
    const before = baseOf(this.screen);
    const rows = before.kind === 'portfolio' && before.folder === folder ? before.rows : null;
    this.screen = withBase(this.screen, { kind: 'portfolio', folder, sort, rows });
    try {
      const rows = await this.backend.portfolio([folder], sort);
      const now = baseOf(this.screen);
      if (now.kind === 'portfolio' && now.folder === folder) this.screen = withBase(this.screen, { kind: 'portfolio', folder, sort, rows });
    } catch (e) {
      this.report(e, 'The folder could not be read');
    }
  }

  async openPortfolio(): Promise<void> {
    const chosen = await this.backend.chooseFolder();
    if (!chosen) return;
    this.notice = null;
    await this.showPortfolio(chosen);
  }

  /** Back from the portfolio to the editor. */
  closePortfolio(): void {
    this.screen = withoutPortfolio(this.screen);
  }

  /** Opens a plan of the portfolio in the editor, as File → Open does (with its lock choices). */
  async openFromPortfolio(row: RowView): Promise<void> {
    if (!(await this.confirmDiscard('Open another plan'))) return;
    if (await this.openFile(row.path)) {
      this.screen = withoutPortfolio(this.screen);
      this.current = VIEWS[0]!.id;
    }
  }

  private saved(result: OpenedPlan): void {
    const refused = Object.keys(this.doc.typed).length;
    this.doc.markSaved(result.plan, result.file, result.fingerprint);
    this.doc.readOnly = result.read_only;
    // The first save of a plan from an older file format says, once, what that changed.
    const migrated = result.migration.length ? ` ${result.migration.join(' ')}` : '';
    this.notice = {
      text: `Saved revision ${result.plan.revision}.${migrated}${refused ? ' A field in error kept its last good value: fix it and save again.' : ''}`,
      error: false,
    };
  }

  private failedSave(e: unknown): void {
    if (e instanceof BackendError && e.path) this.doc.error = { kind: e.kind, message: e.message, path: e.path };
    this.report(e, 'The plan was not saved, and your changes are still here');
  }

  private snapshot(): Plan {
    return $state.snapshot(this.doc.plan) as Plan;
  }

  /** Saves only the comments and sign-offs into the open file (review mode). */
  private async saveReview(overwrite = false): Promise<boolean> {
    this.busy = true;
    await this.me.flush();
    try {
      const result = await this.backend.saveReview(this.snapshot(), overwrite);
      this.doc.markSaved(result.plan, result.file, result.fingerprint);
      this.doc.readOnly = result.read_only;
      this.notice = { text: 'Comments and sign-offs saved. The plan itself is as it was.', error: false };
      return true;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'changed_on_disk' && !overwrite) {
        this.busy = false;
        return this.resolveConflict(e.message);
      }
      this.failedSave(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async savePlan(): Promise<boolean> {
    if (!this.doc.plan) return false;
    if (this.doc.reviewing && this.doc.file) return this.saveReview();
    if (!this.doc.file || this.doc.readOnly) return this.saveAs();
    this.busy = true;
    await this.me.flush();
    try {
      this.saved(await this.backend.savePlan(this.snapshot()));
      return true;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'changed_on_disk') {
        this.busy = false;
        return this.resolveConflict(e.message);
      }
      this.failedSave(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** The file changed on disk since it was opened: never overwrite without asking. */
  private async resolveConflict(text: string): Promise<boolean> {
    const pick = await this.choose({
      title: 'The file changed since you opened it',
      message: text,
      detail: `Your version's fingerprint is ${this.doc.fingerprint ?? 'not known until the error is fixed'}.`,
      answers: [
        { value: 'copy', label: 'Save mine as a copy', primary: true },
        { value: 'compare', label: 'Compare' },
        { value: 'overwrite', label: 'Overwrite theirs' },
        { value: 'cancel', label: 'Cancel' },
      ],
    });
    if (pick === 'copy') return this.saveAs();
    if (pick === 'compare') {
      await this.compareOnDisk();
      return false;
    }
    if (pick !== 'overwrite' || !this.doc.plan) return false;
    if (this.doc.reviewing) return this.saveReview(true);
    try {
      this.saved(await this.backend.savePlan(this.snapshot(), true));
      return true;
    } catch (e) {
      this.failedSave(e);
      return false;
    }
  }

  async saveAs(): Promise<boolean> {
    if (!this.doc.plan) return false;
    const target = await this.backend.chooseWhereToSave(this.snapshot(), 'plan');
    if (!target) return false;
    this.busy = true;
    await this.me.flush();
    try {
      this.saved(await this.backend.savePlanAs(this.snapshot(), target));
      return true;
    } catch (e) {
      this.failedSave(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The print dialog: whether to include the mentors' comments and, with unsaved changes, whether
   * to save first (so the printout's fingerprint matches the file) or print a marked copy; then
   * where to save the PDF, and an offer to open it.
   */
  async printPdf(): Promise<void> {
    if (!this.doc.plan) return;
    const dirty = this.doc.dirty;
    const pick = await this.chooseWith({
      title: 'Print to PDF',
      message: dirty
        ? 'This plan has changes that are not saved. A printout matches a saved file through the fingerprint on every page, so save first; an unsaved copy is marked "Unsaved changes" on every page.'
        : 'The printed plan, as the Enterprise Incubator Unit receives it, with the fingerprint of this file on every page.',
      option: {
        label: 'Include mentor comments',
        help: 'Comments are working notes for the team; leave them out of the copy you submit.',
        checked: false,
      },
      answers: dirty
        ? [
            { value: 'save', label: 'Save and print…', primary: true },
            { value: 'unsaved', label: 'Print unsaved copy…' },
            { value: 'cancel', label: 'Cancel' },
          ]
        : [
            { value: 'print', label: 'Print…', primary: true },
            { value: 'cancel', label: 'Cancel' },
          ],
    });
    if (pick.value === 'cancel') return;
    if (pick.value === 'save' && !(await this.savePlan())) return;
    if (!this.doc.plan) return;
    const target = await this.backend.chooseWhereToSave(this.snapshot(), 'pdf');
    if (!target) return;
    this.busy = true;
    try {
      await this.backend.printPdf(this.snapshot(), target, pick.checked, pick.value === 'unsaved');
      this.notice = {
        text: `Printed to ${target.split(/[\\/]/).pop()}.`,
        error: false,
        action: { label: 'Open it', run: () => void this.backend.openPrinted().catch((e) => this.report(e, 'The PDF could not be opened')) },
      };
    } catch (e) {
      this.report(e, 'The PDF was not made');
    } finally {
      this.busy = false;
    }
  }

  /**
   * The Excel workbook (docs/spreadsheets.md): with unsaved changes, whether to save first (so the
   * workbook's fingerprint matches the file) or export a copy that says it matches no saved file;
   * then where to save it.
   */
  async exportXlsx(): Promise<void> {
    if (!this.doc.plan) return;
    let unsaved = false;
    if (this.doc.dirty) {
      const pick = await this.chooseWith({
        title: 'Export to Excel',
        message:
          'This plan has changes that are not saved. A workbook is tied to a saved file by its fingerprint, so save first; a workbook of the unsaved plan says on its Summary that it matches no saved file.',
        answers: [
          { value: 'save', label: 'Save and export…', primary: true },
          { value: 'unsaved', label: 'Export unsaved copy…' },
          { value: 'cancel', label: 'Cancel' },
        ],
      });
      if (pick.value === 'cancel') return;
      if (pick.value === 'save' && !(await this.savePlan())) return;
      unsaved = pick.value === 'unsaved';
    }
    if (!this.doc.plan) return;
    const target = await this.backend.chooseWhereToSave(this.snapshot(), 'xlsx');
    if (!target) return;
    this.busy = true;
    try {
      await this.backend.exportXlsx(this.snapshot(), target, unsaved);
      this.notice = { text: `Exported to ${target.split(/[\\/]/).pop()}.`, error: false };
    } catch (e) {
      this.report(e, 'The workbook was not made');
    } finally {
      this.busy = false;
    }
  }

  /** Their version (the file as saved now) against yours, from the changed-on-disk prompt. */
  private async compareOnDisk(): Promise<void> {
    if (!this.doc.plan) return;
    try {
      this.screen = withCompare(this.screen, await this.backend.compareOnDisk(this.snapshot()));
    } catch (e) {
      this.report(e, 'The two versions could not be compared');
    }
  }

  /** File → Compare with…: the open plan against another file the user picks. */
  async compareWith(): Promise<void> {
    if (!this.doc.plan) return;
    const chosen = await this.backend.choosePlanToOpen('Compare with');
    if (!chosen) return;
    try {
      this.screen = withoutPortfolio(this.screen);
      this.screen = withCompare(this.screen, await this.backend.compareWith(this.snapshot(), chosen));
      this.notice = null;
    } catch (e) {
      this.report(e, 'The plans could not be compared');
    }
  }

  /** Back from the comparison. */
  closeCompare(): void {
    this.screen = withoutCompare(this.screen);
  }

  /** A change of the comparison opens its field in the editor. */
  openChange(path: string): void {
    this.closeCompare();
    this.openPath(path);
  }

  /** Review mode on or off; a plan with unsaved changes to its content is saved or undone first. */
  toggleReview(): void {
    if (!this.doc.plan) return;
    if (!this.doc.reviewing && this.doc.contentDirty) {
      this.notice = { text: 'Save or undo your changes to the plan before reviewing it.', error: true };
      return;
    }
    this.doc.setReviewing(!this.doc.reviewing);
    this.notice = null;
  }

  /** Asks who the user is; true once they have a name. */
  askIdentity(reason = ''): Promise<boolean> {
    return new Promise((done) => (this.askingIdentity = { reason, done }));
  }

  async saveIdentity(name: string, role: ReviewerRole): Promise<void> {
    const asked = this.askingIdentity;
    try {
      const user = await this.me.set(name, role);
      this.askingIdentity = null;
      asked?.done(user.name !== '');
    } catch (e) {
      this.report(e, 'Your name was not saved');
    }
  }

  cancelIdentity(): void {
    this.askingIdentity?.done(false);
    this.askingIdentity = null;
  }

  /**
   * Opens the file the app was started with. When it cannot be read (missing, truncated,
   * malformed), the start screen says why instead of showing some other plan.
   */
  private async openStartFile(file: string): Promise<void> {
    try {
      this.show(await this.backend.openPlan(file));
    } catch (e) {
      if (e instanceof BackendError && (e.kind === 'locked' || e.kind === 'locked_stale')) {
        if (await this.openFile(file)) return;
      }
      const text = e instanceof BackendError ? e.message : String(e);
      const backup = await this.backend.backupOffer(file).catch(() => null);
      const recent = (await this.backend.userConfig().catch(() => null))?.recent.filter((p) => p !== file) ?? [];
      this.screen = withBase(this.screen, { kind: 'start', problem: { file, message: text, backup, recent } });
    }
  }

  /** The start screen's offer: the newest backup of the file that could not be opened. */
  async restoreBackup(): Promise<void> {
    const base = baseOf(this.screen);
    if (base.kind !== 'start') return;
    const { file, backup } = base.problem;
    try {
      this.show(await this.backend.restoreBackup(file));
      this.notice = { text: `Restored ${backup}. The damaged file is kept among the backups.`, error: false };
    } catch (e) {
      this.report(e, 'The backup could not be restored');
    }
  }

  private async quit(): Promise<void> {
    if (!(await this.confirmDiscard('Quit'))) return;
    await this.backend.closePlan().catch(() => {});
    await this.shell.destroy();
  }

  go(id: string): void {
    this.current = id;
  }

  /** Opens the view that shows the field at `path` and puts the focus on it; `rule` is the rule
   * of the finding that led there, if one did (a field may offer to put it right). */
  openPath(path: string, rule: string | null = null): void {
    const v = viewFor(path);
    if (!v) return;
    this.current = v.id;
    // Let the view render before the field is asked to take the focus.
    requestAnimationFrame(() => this.doc.focus(path, rule));
  }

  /** Opens the view that shows a finding's field and puts the focus on it. */
  openFinding(f: Finding): void {
    if (f.path) this.openPath(f.path, f.rule);
  }

  /** A comment of the Review list opens what it is about: its field, or its check or area. */
  openAnchor(c: CommentView): void {
    this.review.expanded = c.anchor;
    if (c.path) {
      this.openPath(c.path);
      return;
    }
    requestAnimationFrame(() => {
      const marker = document.querySelector<HTMLElement>(`.analysis [data-testid='comments-toggle'][data-anchor='${CSS.escape(c.anchor)}']`);
      marker?.scrollIntoView({ block: 'center' });
      marker?.focus();
    });
  }
}
