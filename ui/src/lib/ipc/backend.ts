// The one place the UI talks to the core. Every call is typed with the generated bindings and
// every failure arrives as an IpcError { kind, message, path } with a kind the compiler knows.
import { invoke } from '@tauri-apps/api/core';
import type {
  Choices,
  CompareView,
  Review,
  ReviewAction,
  ReviewerRole,
  UserConfig,
  AmountToReplace,
  ContributionView,
  CostFrequency,
  ErrorKind,
  HeadroomView,
  ImportTarget,
  ImportView,
  InputKind,
  IpcError,
  ListKind,
  OpenAs,
  OpenedPlan,
  Plan,
  PensionScheme,
  PlanCheck,
  Reopened,
  RowView,
  SaveKind,
  SectionPrompt,
  SortKey,
  TypedValue,
  UnsavedPlan,
} from './bindings';

export class BackendError extends Error {
  readonly kind: ErrorKind;
  readonly path: string | null;
  constructor(e: IpcError) {
    super(e.message);
    this.kind = e.kind;
    this.path = e.path;
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e;
}

async function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw new BackendError(isIpcError(e) ? e : { kind: 'internal', message: String(e), path: null });
  }
}

export const backend = {
  startupFile: () => call<string | null>('startup_file'),
  startupPortfolio: () => call<string | null>('startup_portfolio'),
  portfolio: (folders: string[], sort: SortKey) => call<RowView[]>('portfolio', { folders, sort }),
  openSample: () => call<OpenedPlan>('open_sample'),
  choices: () => call<Choices>('choices'),
  openPlan: (file: string, mode: OpenAs = 'edit') => call<OpenedPlan>('open_plan', { file, mode }),
  newPlan: (name: string) => call<OpenedPlan>('new_plan', { name }),
  /** The forecast's start once the spin-out date becomes `date`, while it follows that date. */
  startAfterSpinOut: (plan: Plan, date: string) => call<string | null>('start_after_spin_out', { plan, date }),
  /** The core's answer to the plan as edited, given as JSON text (which the core reads once): its
   * analysis, the review in words (times in the window's local time), and the Forecast view when
   * `forecast`. */
  checkPlan: (plan: string, forecast: boolean) =>
    call<PlanCheck>('check_plan', { plan, forecast, offsetMinutes: -new Date().getTimezoneOffset() }),
  explainCell: (plan: Plan, month: string, key: string) => call<ContributionView[]>('explain_cell', { plan, month, key }),
  narrativeAmounts: (plan: Plan, section: string) => call<AmountToReplace[]>('narrative_amounts', { plan, section }),
  /** The Forecast view's Headroom section for the plan. */
  headroom: (plan: Plan) => call<HeadroomView>('headroom', { plan }),
  savePlan: (plan: Plan, overwrite = false) => call<OpenedPlan>('save_plan', { plan, overwrite }),
  savePlanAs: (plan: Plan, file: string) => call<OpenedPlan>('save_plan_as', { plan, file }),
  /** Autosaves the plan as the shell last saw it (each check sends it), when it has unsaved changes. */
  autosave: () => call<null>('autosave'),
  /** The answer to the recovery offered when the plan opened: restored, or discarded. */
  answerRecovery: (restore: boolean) => call<null>('answer_recovery', { restore }),
  /** What the recovery offered would change in the plan as saved. */
  compareRecovery: () => call<CompareView>('compare_recovery', { offsetMinutes: -new Date().getTimezoneOffset() }),
  /** Plans never saved whose autosave was left behind, newest first. */
  unsavedRecoveries: () => call<UnsavedPlan[]>('unsaved_recoveries', { offsetMinutes: -new Date().getTimezoneOffset() }),
  restoreUnsaved: (planId: string) => call<OpenedPlan>('restore_unsaved', { planId }),
  discardUnsaved: (planId: string) => call<null>('discard_unsaved', { planId }),
  /** After the page was loaded again: the plan it showed, with its unsaved changes. */
  reopen: () => call<Reopened | null>('reopen'),
  closePlan: () => call<null>('close_plan'),
  printPdf: (plan: Plan, file: string, withReview: boolean, unsaved: boolean) =>
    call<null>('print_pdf', { plan, file, withReview, unsaved }),
  openPrinted: () => call<null>('open_printed'),
  exportXlsx: (plan: Plan, file: string, unsaved: boolean) =>
    call<null>('export_xlsx', { plan, file, unsaved }),
  chooseSpreadsheet: () => call<string | null>('choose_spreadsheet'),
  importPreview: (plan: Plan, target: ImportTarget, file: string, sheet: string | null, mapping: (string | null)[] | null) =>
    call<ImportView>('import_preview', { plan, target, file, sheet, mapping }),
  choosePlanToOpen: (title?: string) => call<string | null>('choose_plan_to_open', { title: title ?? null }),
  chooseFolder: () => call<string | null>('choose_folder'),
  chooseWhereToSave: (plan: Plan, kind: SaveKind) => call<string | null>('choose_where_to_save', { plan, kind }),
  forgetRecent: (file: string) => call<null>('forget_recent', { file }),
  backupOffer: (file: string) => call<string | null>('backup_offer', { file }),
  restoreBackup: (file: string) => call<OpenedPlan>('restore_backup', { file }),
  readInput: (kind: InputKind, text: string) => call<TypedValue>('read_input', { kind, text }),
  /** Stored values in words, as their fields show them; `null` for one the core does not read. */
  wordValues: (values: [InputKind, string][]) => call<(string | null)[]>('word_values', { values }),
  newItem: (plan: Plan, list: ListKind, name: string) => call<Record<string, unknown>>('new_item', { plan, list, name }),
  uniqueId: (name: string, taken: string[]) => call<string>('unique_id', { name, taken }),
  sections: () => call<SectionPrompt[]>('sections'),
  suggestedPension: (scheme: PensionScheme) => call<string>('suggested_pension', { scheme }),
  /** The member's rate suggested for a scheme: a percent on a defined contribution scheme, else `null`. */
  suggestedEmployeePercent: (scheme: PensionScheme) => call<string | null>('suggested_employee_percent', { scheme }),
  /** The useful life, in months, suggested for a cost of `frequency`: a number for capital, else `null`. */
  suggestedUsefulLife: (frequency: CostFrequency) => call<number | null>('suggested_useful_life', { frequency }),
  userConfig: () => call<UserConfig>('user_config'),
  setIdentity: (name: string, role: ReviewerRole) => call<UserConfig>('set_identity', { name, role }),
  reviewAction: (plan: Plan, action: ReviewAction) => call<Review>('review_action', { plan, action }),
  saveReview: (plan: Plan, overwrite = false) => call<OpenedPlan>('save_review', { plan, overwrite }),
  compareWith: (plan: Plan, file: string) => call<CompareView>('compare_with', { plan, file }),
  compareOnDisk: (plan: Plan) => call<CompareView>('compare_on_disk', { plan }),
};

export type Backend = typeof backend;
