// Undo and redo over whole-plan snapshots. Consecutive edits of one field within a short time
// count as one step, so undo takes back a word or a field rather than a keystroke. A snapshot is
// kept as given (no copy): whoever records one hands it over, and undo and redo hand it back.

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;
  constructor(
    private readonly limit = 200,
    private readonly coalesceMs = 800,
  ) {}

  /** Records the state before an edit of `key`; a `null` key is always a step of its own. */
  record(before: T, key: string | null, now = Date.now()): void {
    const same = key !== null && key === this.lastKey && now - this.lastAt < this.coalesceMs;
    this.lastKey = key;
    this.lastAt = now;
    if (same) return;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return prev;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
