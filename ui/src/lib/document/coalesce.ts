// At most one check in flight; edits made meanwhile are checked once it returns, newest first
// and only the newest: no fixed delay, and no answer to an older plan overwrites a newer one.

export class Coalescer<T, R> {
  private running = false;
  private pending: { value: T } | null = null;
  private generation = 0;

  constructor(
    private readonly work: (value: T) => Promise<R>,
    private readonly done: (result: R, value: T) => void,
    private readonly failed: (e: unknown) => void = () => {},
    /** Called when the newest value has been checked and nothing waits. */
    private readonly idle: () => void = () => {},
  ) {}

  /** Asks for `value` to be checked; supersedes any value still waiting. */
  submit(value: T): void {
    this.generation++;
    this.pending = { value };
    if (!this.running) void this.pump();
  }

  /** Whether a check is running or waiting. */
  get busy(): boolean {
    return this.running || this.pending !== null;
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.pending) {
      const { value } = this.pending;
      this.pending = null;
      const gen = this.generation;
      try {
        const result = await this.work(value);
        // Only the newest edit's answer is shown; an older one is dropped.
        if (gen === this.generation) this.done(result, value);
      } catch (e) {
        this.failed(e);
      }
    }
    this.running = false;
    this.idle();
  }
}
