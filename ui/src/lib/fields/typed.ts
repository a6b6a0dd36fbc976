// How a typed field turns text into a value: the core reads it (money, percent, month, date);
// the newest keystroke wins, and text the core refuses is kept with its message, not dropped.
import type { InputKind, TypedValue } from '../ipc/bindings';

export type Reader = (kind: InputKind, text: string) => Promise<TypedValue>;
export type Outcome = { value: string | null; shown: string } | { refused: string };

export class TypedReader {
  private seq = 0;
  constructor(private readonly read: Reader) {}

  /** Reads `text`; answers `null` when a newer text was typed meanwhile. */
  async input(kind: InputKind, text: string, nullable: boolean): Promise<Outcome | null> {
    const mine = ++this.seq;
    let out: Outcome;
    if (text.trim() === '' && nullable) out = { value: null, shown: '' };
    else {
      try {
        const r = await this.read(kind, text);
        out = { value: r.value, shown: r.shown };
      } catch (e) {
        out = { refused: e instanceof Error ? e.message : String(e) };
      }
    }
    return mine === this.seq ? out : null;
  }
}
