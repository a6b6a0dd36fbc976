// The one place the UI talks to the core. Every call is typed with the generated bindings and
// every failure arrives as an IpcError { kind, message, path }.
import { invoke } from '@tauri-apps/api/core';
import type { Choices, IpcError, OpenedPlan, Plan, PlanCheck } from './bindings';

export class BackendError extends Error {
  readonly kind: string;
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
  startup: () => call<OpenedPlan>('startup'),
  choices: () => call<Choices>('choices'),
  openPlan: (file: string) => call<OpenedPlan>('open_plan', { file }),
  newPlan: (name: string) => call<OpenedPlan>('new_plan', { name }),
  checkPlan: (plan: Plan) => call<PlanCheck>('check_plan', { plan }),
  savePlan: (file: string, plan: Plan) => call<OpenedPlan>('save_plan', { file, plan }),
  printPdf: (plan: Plan, file: string) => call<null>('print_pdf', { plan, file }),
};
