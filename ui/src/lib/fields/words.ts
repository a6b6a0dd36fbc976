// The words for the stored values of the fields on screen: every field asks as it appears or its
// value changes from outside, and the asks of one moment go to the core in one call.
import type { InputKind } from '../ipc/bindings';

export type WordValues = (values: [InputKind, string][]) => Promise<(string | null)[]>;

interface Ask {
  kind: InputKind;
  text: string;
  done: (words: string | null) => void;
}

export class Worder {
  private asks: Ask[] = [];
  constructor(private readonly send: WordValues) {}

  /** The words for `text`, a stored value of `kind`; `null` when the core does not read it. */
  word(kind: InputKind, text: string): Promise<string | null> {
    return new Promise((done) => {
      if (this.asks.length === 0) queueMicrotask(() => void this.flush());
      this.asks.push({ kind, text, done });
    });
  }

  private async flush(): Promise<void> {
    const asks = this.asks;
    this.asks = [];
    try {
      const words = await this.send(asks.map((a) => [a.kind, a.text]));
      asks.forEach((a, i) => a.done(words[i] ?? null));
    } catch {
      asks.forEach((a) => a.done(null));
    }
  }
}
