// Undo and redo over whole-plan snapshots. Consecutive edits of one field within a short time
// count as one step, so undo takes back a word or a field rather than a keystroke.

export class History<T> {
  private past: string[] = [];
  private future: string[] = [];
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
    this.past.push(JSON.stringify(before));
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(JSON.stringify(current));
    this.lastKey = null;
    return JSON.parse(prev) as T;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(JSON.stringify(current));
    this.lastKey = null;
    return JSON.parse(next) as T;
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
