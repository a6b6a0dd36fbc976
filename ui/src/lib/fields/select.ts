// Whether a drop-down needs a row of its own: its longest choice would be cut short in one
// column of a view's grid (at least 14rem wide, less the select's padding and arrow).
import type { Choice } from '../ipc/bindings';

/** The most characters a choice may have and still show whole in one column. */
export const COLUMN_CHARACTERS = 24;

export function needsRow(options: Choice[]): boolean {
  return options.some((c) => [...c.label].length > COLUMN_CHARACTERS);
}
