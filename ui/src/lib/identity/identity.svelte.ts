// Who the user is: one name and role, kept in their own settings (not in any plan), written on
// every save ("saved by"), comment, reply and sign-off. Review → Who You Are… and the Settings
// view's "Your name" both change it here.
import { getContext, setContext } from 'svelte';
import type { ReviewerRole, UserConfig } from '../ipc/bindings';

export type SetIdentity = (name: string, role: ReviewerRole) => Promise<UserConfig>;

export class Identity {
  /** The settings as last read or saved; `null` until read. */
  user = $state<UserConfig | null>(null);
  /** The name as typed in a field and not yet kept. */
  private typed: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly save: SetIdentity,
    private readonly onFailed: (e: unknown) => void = () => {},
    private readonly delayMs = 500,
  ) {}

  /** The name to show: as being typed, else as kept. */
  get name(): string {
    return this.typed ?? this.user?.name ?? '';
  }

  /** Sets the name and role and keeps them. */
  async set(name: string, role: ReviewerRole): Promise<UserConfig> {
    this.cancelTimer();
    const done = this.save(name, role);
    this.saving = done.catch(() => {});
    const user = await done;
    this.user = user;
    // Typing that went on meanwhile is kept for the next save.
    if (this.typed === name) this.typed = null;
    return user;
  }

  /** The name as it is typed: kept a moment after the typing stops, or at `flush`. */
  type(name: string): void {
    this.typed = name;
    this.cancelTimer();
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Keeps a name still being typed, and waits for any change under way: called before a save,
   * so the name the user typed is the one the save records. */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.typed !== null) {
      const name = this.typed;
      try {
        await this.set(name, this.user?.role ?? 'staff');
      } catch (e) {
        this.onFailed(e);
      }
      return;
    }
    await this.saving;
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

const KEY = Symbol('identity');

export function provideIdentity(identity: Identity): void {
  setContext(KEY, identity);
}

export function useIdentity(): Identity {
  return getContext<Identity>(KEY);
}
