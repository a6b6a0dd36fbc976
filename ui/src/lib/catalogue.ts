// What the window reads of the core's catalogue of the plan's parts and lists.
import type { ListKind } from './ipc/bindings';
import { CATALOGUE } from './ipc/catalogue';

/** The path of the list of `kind` in the plan: `forecast.contracts`. */
export function listPath(kind: ListKind): string {
  const list = CATALOGUE.lists.find((l) => l.kind === kind);
  if (!list) throw new Error(`no list ${kind} in the catalogue`);
  return list.path;
}
