import { describe, expect, it } from 'vitest';
import { BackendError, type Backend } from '../ipc/backend';
import type { CompareView, ErrorKind, OpenedPlan, Plan } from '../ipc/bindings';
import type { Choice } from '../choice';
import fixture from '../document/new-plan-findings.json';
import { Session } from './session.svelte';
import type { Shell } from './shell';

const newPlan = (): Plan => structuredClone(fixture.plan) as unknown as Plan;

function opened(file: string | null, over: Partial<OpenedPlan> = {}): OpenedPlan {
  return { file, plan: newPlan(), fingerprint: 'f1', read_only: null, recovery: null, migration: [], ...over };
}

const failure = (kind: ErrorKind, message: string): BackendError => new BackendError({ kind, message, path: null });

function comparison(title: string): CompareView {
  return {
    title, old_heading: 'Theirs', new_heading: 'Yours', warnings: [], summary: '1 change', parts: [], figures: [],
    findings_appeared: [], findings_gone: [], figures_heading: '', appeared_heading: '', gone_heading: '',
  };
}

type Impl = { [K in keyof Backend]?: (...args: Parameters<Backend[K]>) => unknown };

/**
 * The core behind the window, as the session calls it: each call is recorded with its arguments
 * and answered by `impl`; a call `impl` does not expect fails, as the shell's would.
 */
function core(impl: Impl) {
  const calls: { name: string; args: unknown[] }[] = [];
  const defaults: Impl = { checkPlan: async () => ({ fingerprint: 'f1', error: null, analysis: null, forecast: null, review: null }) };
  const backend = new Proxy({}, {
    get: (_target, name: string) => async (...args: unknown[]) => {
      calls.push({ name, args });
      const f = (impl[name as keyof Backend] ?? defaults[name as keyof Backend]) as ((...a: unknown[]) => unknown) | undefined;
      if (!f) throw new Error(`unexpected call: ${name}`);
      return f(...args);
    },
  }) as Backend;
  /** The arguments of each call of `name`, in order. */
  const of = (name: keyof Backend): unknown[][] => calls.filter((c) => c.name === name).map((c) => c.args);
  /** The calls made, by name, apart from the checks the document makes of every change. */
  const names = (): string[] => calls.map((c) => c.name).filter((n) => n !== 'checkPlan');
  return { backend, of, names };
}

const shell: Shell = {
  message: async () => {},
  setTitle: async () => {},
  destroy: async () => {},
  onCloseRequested: async () => () => {},
  onMenu: async () => () => {},
};

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Lets the session run until it asks a question, and returns the question. */
async function question(s: Session): Promise<Choice> {
  for (let i = 0; i < 50 && !s.choice; i++) await tick();
  if (!s.choice) throw new Error('no question was asked');
  return s.choice;
}

/** Waits for the question, and answers it. */
async function answer(s: Session, value: string, checked = false): Promise<void> {
  await question(s);
  s.picked(value, checked);
}

const values = (c: Choice): string[] => c.answers.map((a) => a.value);
const primary = (c: Choice): string[] => c.answers.filter((a) => a.primary).map((a) => a.value);

/** A session showing `file`, opened for editing, then changed (its title). */
async function editing(impl: Impl) {
  const c = core({ openPlan: async (path) => opened(path), ...impl });
  const s = new Session(c.backend, shell);
  expect(await s.openFile('riverside.mutualplan')).toBe(true);
  s.doc.edit('title', 'Changed here');
  expect(s.doc.dirty).toBe(true);
  return { c, s };
}

describe('the session', () => {
  it('offers a plan locked by someone else for review, read-only or as a copy, and opens it read-only as picked', async () => {
    let tries = 0;
    const c = core({
      openPlan: async (path, mode) => {
        if (tries++ === 0) throw failure('locked', 'Asha Patel has this plan open on PC-12');
        return opened(path, { read_only: mode === 'read_only' ? 'Asha Patel has it open' : null });
      },
    });
    const s = new Session(c.backend, shell);
    const done = s.openFile('riverside.mutualplan');
    const asked = await question(s);
    expect(asked.title).toBe('This plan is open elsewhere');
    expect(asked.message).toBe('Asha Patel has this plan open on PC-12');
    // Nobody may take over a lock that is in use: no such answer, and review is the default.
    expect(values(asked)).toEqual(['review', 'read_only', 'copy', 'cancel']);
    expect(primary(asked)).toEqual(['review']);
    s.picked('read_only', false);
    expect(await done).toBe(true);
    expect(c.of('openPlan')).toEqual([['riverside.mutualplan', 'edit'], ['riverside.mutualplan', 'read_only']]);
    expect(s.doc.readOnly).toBe('Asha Patel has it open');
    expect(s.doc.reviewing).toBe(false);
    expect(s.doc.file).toBe('riverside.mutualplan');
    expect(s.choice).toBeNull();
  });

  it('opens a locked plan for review as a read-only plan in review mode, and opens nothing when cancelled', async () => {
    const c = core({
      openPlan: async (path, mode) => {
        if (mode === 'edit') throw failure('locked', 'Open on PC-12');
        return opened(path, { read_only: 'Open on PC-12' });
      },
    });
    const s = new Session(c.backend, shell);
    const cancelled = s.openFile('a.mutualplan');
    await answer(s, 'cancel');
    expect(await cancelled).toBe(false);
    expect(s.doc.plan).toBeNull();
    const reviewed = s.openFile('a.mutualplan');
    await answer(s, 'review');
    expect(await reviewed).toBe(true);
    expect(c.of('openPlan')).toEqual([['a.mutualplan', 'edit'], ['a.mutualplan', 'edit'], ['a.mutualplan', 'read_only']]);
    expect(s.doc.reviewing).toBe(true);
    expect(s.doc.readOnly).toBe('Open on PC-12');
  });

  it('offers to take over a stale lock first, and takes it over when asked', async () => {
    const c = core({
      openPlan: async (path, mode) => {
        if (mode === 'edit') throw failure('locked_stale', 'The lock is from a session that ended 3 days ago');
        return opened(path);
      },
    });
    const s = new Session(c.backend, shell);
    const done = s.openFile('riverside.mutualplan');
    const asked = await question(s);
    expect(values(asked)).toEqual(['take_over', 'review', 'read_only', 'copy', 'cancel']);
    expect(primary(asked)).toEqual(['take_over']);
    s.picked('take_over', false);
    expect(await done).toBe(true);
    expect(c.of('openPlan')).toEqual([['riverside.mutualplan', 'edit'], ['riverside.mutualplan', 'take_over']]);
    expect(s.doc.readOnly).toBeNull();
    expect(s.doc.reviewing).toBe(false);
  });

  it('never overwrites a file changed on disk without asking: overwrites when told to', async () => {
    const { c, s } = await editing({
      savePlan: async (plan, overwrite) => {
        if (!overwrite) throw failure('changed_on_disk', 'riverside.mutualplan was saved by Jan at 10:02');
        return opened('riverside.mutualplan', { plan: { ...plan, revision: 7 }, fingerprint: 'f2' });
      },
    });
    const saving = s.savePlan();
    const asked = await question(s);
    expect(asked.title).toBe('The file changed since you opened it');
    expect(asked.message).toBe('riverside.mutualplan was saved by Jan at 10:02');
    expect(values(asked)).toEqual(['copy', 'compare', 'overwrite', 'cancel']);
    expect(primary(asked)).toEqual(['copy']);
    expect(c.of('savePlan').length).toBe(1);
    s.picked('overwrite', false);
    expect(await saving).toBe(true);
    const [first, second] = c.of('savePlan');
    expect(first![1] ?? false).toBe(false);
    expect(second![1]).toBe(true);
    expect((second![0] as Plan).title).toBe('Changed here');
    expect(s.doc.dirty).toBe(false);
    expect(s.doc.plan!.revision).toBe(7);
    expect(s.notice).toEqual({ text: 'Saved revision 7.', error: false });
  });

  it('says once, after the first save of a plan from an older file format, what that changed', async () => {
    const notes = ['This plan was saved as version 2 of the file format; it will be saved as version 3.', 'Loan interest is now charged to the month it is for.'];
    let first = true;
    const { s } = await editing({
      savePlan: async (plan) => {
        const migration = first ? notes : [];
        first = false;
        return opened('riverside.mutualplan', { plan: { ...plan, revision: plan.revision + 1 }, fingerprint: 'f2', migration });
      },
    });
    expect(await s.savePlan()).toBe(true);
    expect(s.notice!.text).toBe(`Saved revision 1. ${notes.join(' ')}`);
    expect(await s.savePlan()).toBe(true);
    expect(s.notice!.text).toBe('Saved revision 2.');
  });

  it('compares the file changed on disk with the plan when asked, saving nothing', async () => {
    const theirs = comparison('Compared with riverside.mutualplan as saved now');
    const { c, s } = await editing({
      savePlan: async () => { throw failure('changed_on_disk', 'Changed by Jan'); },
      compareOnDisk: async () => theirs,
    });
    const saving = s.savePlan();
    await answer(s, 'compare');
    expect(await saving).toBe(false);
    expect(c.of('savePlan').length).toBe(1);
    expect((c.of('compareOnDisk')[0]![0] as Plan).title).toBe('Changed here');
    expect(s.screen.kind).toBe('compare');
    expect(s.screen.kind === 'compare' && s.screen.view).toBe(theirs);
    expect(s.doc.dirty).toBe(true);
    s.closeCompare();
    expect(s.screen).toEqual({ kind: 'plan' });
  });

  it('saves as a file the user picks, and saves nothing when they cancel', async () => {
    let where: string | null = null;
    const { c, s } = await editing({
      chooseWhereToSave: async () => where,
      savePlanAs: async (plan, file) => opened(file, { plan: { ...plan, revision: 1 }, fingerprint: 'f3' }),
    });
    expect(await s.saveAs()).toBe(false);
    expect(c.names()).toEqual(['openPlan', 'chooseWhereToSave']);
    expect(s.doc.dirty).toBe(true);
    where = '/plans/riverside-2.mutualplan';
    expect(await s.saveAs()).toBe(true);
    expect(c.of('chooseWhereToSave')[1]![1]).toBe('plan');
    const [[plan, file]] = c.of('savePlanAs') as [[Plan, string]];
    expect(plan.title).toBe('Changed here');
    expect(file).toBe('/plans/riverside-2.mutualplan');
    expect(s.doc.file).toBe('/plans/riverside-2.mutualplan');
    expect(s.doc.fingerprint).toBe('f3');
    expect(s.doc.dirty).toBe(false);
    expect(s.notice).toEqual({ text: 'Saved revision 1.', error: false });
    expect(c.of('savePlan')).toEqual([]);
  });

  it('saves a plan opened read-only as another file: Save asks where', async () => {
    const c = core({
      openPlan: async (path) => opened(path, { read_only: 'Open on PC-12' }),
      chooseWhereToSave: async () => '/plans/mine.mutualplan',
      savePlanAs: async (plan, file) => opened(file, { plan }),
    });
    const s = new Session(c.backend, shell);
    await s.openFile('theirs.mutualplan');
    s.doc.edit('title', 'Mine');
    expect(await s.savePlan()).toBe(true);
    expect(c.names()).toEqual(['openPlan', 'chooseWhereToSave', 'savePlanAs']);
    expect(s.doc.file).toBe('/plans/mine.mutualplan');
    expect(s.doc.readOnly).toBeNull();
  });

  it('in review mode saves only the comments and sign-offs, into the file open read-only', async () => {
    const c = core({
      openPlan: async (path) => opened(path, { read_only: 'Open on PC-12' }),
      saveReview: async (plan) => opened('riverside.mutualplan', { plan, read_only: 'Open on PC-12', fingerprint: 'f1' }),
    });
    const s = new Session(c.backend, shell);
    await s.openFile('riverside.mutualplan');
    s.toggleReview();
    expect(s.doc.reviewing).toBe(true);
    s.doc.setReview({ comments: [{ id: 'c-1', author: 'Jan', role: 'mentor', at: '2026-11-27T10:00:00Z', anchor: 'section:market', text: 'Say who the market is', resolved: false, replies: [] }], signoffs: [] });
    expect(s.doc.dirty).toBe(true);
    expect(await s.savePlan()).toBe(true);
    expect(c.names()).toEqual(['openPlan', 'saveReview']);
    const [[plan, overwrite]] = c.of('saveReview') as [[Plan, boolean]];
    expect(plan.review.comments[0]!.text).toBe('Say who the market is');
    expect(overwrite).toBe(false);
    expect(s.doc.dirty).toBe(false);
    expect(s.doc.readOnly).toBe('Open on PC-12');
    expect(s.notice).toEqual({ text: 'Comments and sign-offs saved. The plan itself is as it was.', error: false });
  });

  it('prints a plan with unsaved changes after saving it, when the user picks Save and print', async () => {
    const { c, s } = await editing({
      savePlan: async (plan) => opened('riverside.mutualplan', { plan: { ...plan, revision: 2 }, fingerprint: 'f2' }),
      chooseWhereToSave: async () => '/out/riverside.pdf',
      printPdf: async () => null,
    });
    const printing = s.printPdf();
    const asked = await question(s);
    expect(asked.message).toContain('This plan has changes that are not saved.');
    expect(values(asked)).toEqual(['save', 'unsaved', 'cancel']);
    expect(primary(asked)).toEqual(['save']);
    expect(asked.option?.label).toBe('Include mentor comments');
    s.picked('save', true);
    await printing;
    expect(c.names()).toEqual(['openPlan', 'savePlan', 'chooseWhereToSave', 'printPdf']);
    expect(c.of('chooseWhereToSave')[0]![1]).toBe('pdf');
    const [[plan, file, withReview, unsaved]] = c.of('printPdf') as [[Plan, string, boolean, boolean]];
    expect([plan.revision, plan.title, file, withReview, unsaved]).toEqual([2, 'Changed here', '/out/riverside.pdf', true, false]);
    expect(s.doc.dirty).toBe(false);
    expect(s.notice?.text).toBe('Printed to riverside.pdf.');
    expect(s.notice?.action?.label).toBe('Open it');
  });

  it('exports a plan with unsaved changes to Excel after saving it, when the user picks Save and export', async () => {
    const { c, s } = await editing({
      savePlan: async (plan) => opened('riverside.mutualplan', { plan: { ...plan, revision: 2 }, fingerprint: 'f2' }),
      chooseWhereToSave: async () => '/out/riverside.xlsx',
      exportXlsx: async () => null,
    });
    const exporting = s.exportXlsx();
    const asked = await question(s);
    expect(asked.message).toContain('This plan has changes that are not saved.');
    expect(values(asked)).toEqual(['save', 'unsaved', 'cancel']);
    expect(primary(asked)).toEqual(['save']);
    s.picked('save', false);
    await exporting;
    expect(c.names()).toEqual(['openPlan', 'savePlan', 'chooseWhereToSave', 'exportXlsx']);
    expect(c.of('chooseWhereToSave')[0]![1]).toBe('xlsx');
    const [[plan, file, unsaved]] = c.of('exportXlsx') as [[Plan, string, boolean]];
    expect([plan.revision, plan.title, file, unsaved]).toEqual([2, 'Changed here', '/out/riverside.xlsx', false]);
    expect(s.doc.dirty).toBe(false);
    expect(s.notice?.text).toBe('Exported to riverside.xlsx.');
  });

  it('exports an unsaved copy to Excel without saving, and nothing when cancelled', async () => {
    const { c, s } = await editing({
      chooseWhereToSave: async () => '/out/draft.xlsx',
      exportXlsx: async () => null,
    });
    const cancelled = s.exportXlsx();
    await answer(s, 'cancel');
    await cancelled;
    expect(c.names()).toEqual(['openPlan']);
    const exporting = s.exportXlsx();
    await answer(s, 'unsaved');
    await exporting;
    expect(c.names()).toEqual(['openPlan', 'chooseWhereToSave', 'exportXlsx']);
    const [[plan, , unsaved]] = c.of('exportXlsx') as [[Plan, string, boolean]];
    expect([plan.title, unsaved]).toEqual(['Changed here', true]);
    expect(s.doc.dirty).toBe(true);
  });

  it('prints a copy marked unsaved without saving it, when the user picks that', async () => {
    const { c, s } = await editing({
      chooseWhereToSave: async () => '/out/draft.pdf',
      printPdf: async () => null,
    });
    const printing = s.printPdf();
    await answer(s, 'unsaved');
    await printing;
    expect(c.names()).toEqual(['openPlan', 'chooseWhereToSave', 'printPdf']);
    const [[plan, , withReview, unsaved]] = c.of('printPdf') as [[Plan, string, boolean, boolean]];
    expect([plan.title, withReview, unsaved]).toEqual(['Changed here', false, true]);
    expect(s.doc.dirty).toBe(true);
  });

  it('offers at start the unsaved changes kept for the plan it opens, then the unsaved plans left behind', async () => {
    const kept = newPlan();
    kept.title = 'Changed before the crash';
    const changes = comparison('Unsaved changes to riverside.mutualplan');
    const c = core({
      choices: async () => ({ reviewer_roles: [] }) as never,
      sections: async () => [],
      userConfig: async () => ({ name: 'Jan', role: 'mentor', recent: [] }),
      reopen: async () => null,
      startupFile: async () => '/plans/riverside.mutualplan',
      openPlan: async (path) => opened(path, { recovery: { source: path, written_at: '2026-11-27T10:00:00Z', plan: kept } }),
      compareRecovery: async () => changes,
      startupPortfolio: async () => null,
      answerRecovery: async () => null,
      unsavedRecoveries: async () => [],
    });
    const s = new Session(c.backend, shell);
    const started = s.startup();
    for (let i = 0; i < 50 && !(s.screen.kind === 'recovery' && s.screen.view); i++) await tick();
    expect(s.screen.kind).toBe('recovery');
    expect(s.screen.kind === 'recovery' && s.screen.view).toBe(changes);
    // Neither restored nor discarded until the user says, and nothing else is offered meanwhile.
    expect(s.doc.plan!.title).toBe('New organisation: business plan for spin-out');
    expect(s.doc.dirty).toBe(false);
    expect(c.of('answerRecovery')).toEqual([]);
    expect(c.of('unsavedRecoveries')).toEqual([]);
    await s.answerRecovery(true);
    expect(c.of('answerRecovery')).toEqual([[true]]);
    expect(s.screen).toEqual({ kind: 'plan' });
    expect(s.doc.plan!.title).toBe('Changed before the crash');
    expect(s.doc.dirty).toBe(true);
    expect(s.notice?.text).toBe('Unsaved changes restored. Save to keep them, or undo to go back to the plan as saved.');
    await started;
    expect(c.of('unsavedRecoveries').length).toBe(1);
    // Undo goes back to the plan as saved.
    s.doc.undo();
    expect(s.doc.dirty).toBe(false);
  });

  it('shows the portfolio again after a comparison made over it, and the editor once a plan is opened from it', async () => {
    const rows = [{ path: '/plans/a.mutualplan' }] as never;
    const { c, s } = await editing({
      portfolio: async () => rows,
      savePlan: async () => { throw failure('changed_on_disk', 'Changed by Jan'); },
      compareOnDisk: async () => comparison('Compared'),
    });
    await s.showPortfolio('/plans');
    expect(s.screen).toEqual({ kind: 'portfolio', folder: '/plans', sort: 'readiness', rows });
    const saving = s.savePlan();
    await answer(s, 'compare');
    await saving;
    expect(s.screen.kind).toBe('compare');
    s.closeCompare();
    expect(s.screen.kind).toBe('portfolio');
    const opening = s.openFromPortfolio({ path: '/plans/a.mutualplan' } as never);
    await answer(s, 'discard');
    await opening;
    expect(c.of('openPlan').at(-1)).toEqual(['/plans/a.mutualplan', 'edit']);
    expect(s.screen).toEqual({ kind: 'plan' });
    expect(s.current).toBe('overview');
  });

  it('undoes once when a key press reaches both the page and the menu, and once from the menu alone', async () => {
    const { s } = await editing({});
    s.doc.edit('title', 'Changed again', Date.now() + 10_000);
    let prevented = 0;
    const key = { key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, preventDefault: () => void prevented++ };
    s.keydown(key);
    s.menu('undo');
    expect(prevented).toBe(1);
    expect(s.doc.plan!.title).toBe('Changed here');
    s.keydown({ ...key, key: 'PageDown' });
    expect(s.current).toBe('organisation');
    await new Promise((r) => setTimeout(r, 320));
    s.menu('undo');
    expect(s.doc.plan!.title).toBe('New organisation: business plan for spin-out');
  });

  it('autosaves only a plan with unsaved changes the core accepts', async () => {
    const { c, s } = await editing({ autosave: async () => null });
    s.doc.error = { kind: 'invalid', message: 'The title is too long', path: 'title' };
    s.autosave();
    expect(c.of('autosave')).toEqual([]);
    s.doc.error = null;
    s.autosave();
    expect(c.of('autosave')).toEqual([[]]);
    s.doc.undo();
    s.autosave();
    expect(c.of('autosave').length).toBe(1);
  });
});
