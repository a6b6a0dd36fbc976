import { describe, expect, it } from 'vitest';
import { Identity } from './identity.svelte';
import type { ReviewerRole, UserConfig } from '../ipc/bindings';

/** A shell that keeps what it is given, as `set_identity` does (the name trimmed). */
function shell(start: UserConfig) {
  const calls: [string, ReviewerRole][] = [];
  let kept = start;
  const save = async (name: string, role: ReviewerRole): Promise<UserConfig> => {
    calls.push([name, role]);
    kept = { ...kept, name: name.trim(), role };
    return kept;
  };
  return { calls, save, kept: () => kept };
}

describe('who the user is', () => {
  it('keeps the name typed in Settings, with the role unchanged, before a save reads it', async () => {
    const s = shell({ name: '', role: 'mentor', recent: [] });
    const me = new Identity(s.save, () => {}, 10_000);
    me.user = s.kept();
    me.type('Asha');
    me.type('Asha Patel');
    expect(me.name).toBe('Asha Patel');
    expect(s.calls).toEqual([]);
    // Save was pressed before the pause that keeps it: the save waits for the name.
    await me.flush();
    expect(s.calls).toEqual([['Asha Patel', 'mentor']]);
    expect(me.user?.name).toBe('Asha Patel');
    expect(me.name).toBe('Asha Patel');
    await me.flush();
    expect(s.calls.length).toBe(1);
  });

  it('keeps the name a moment after the typing stops', async () => {
    const s = shell({ name: 'Old Name', role: 'staff', recent: [] });
    const me = new Identity(s.save, () => {}, 5);
    me.user = s.kept();
    me.type('Jan Morris');
    await new Promise((r) => setTimeout(r, 30));
    expect(s.calls).toEqual([['Jan Morris', 'staff']]);
    expect(me.user?.name).toBe('Jan Morris');
  });

  it('is one name for the Who you are dialog and the Settings field', async () => {
    const s = shell({ name: '', role: 'staff', recent: [] });
    const me = new Identity(s.save);
    me.user = s.kept();
    await me.set('Jan Morris', 'mentor');
    expect(me.name).toBe('Jan Morris');
    me.type('Jan Morris-Hill');
    await me.flush();
    expect(s.calls.at(-1)).toEqual(['Jan Morris-Hill', 'mentor']);
  });

  it('shows the name typed, not the old one, when it could not be kept', async () => {
    const failed: unknown[] = [];
    const me = new Identity(async () => { throw new Error('disk full'); }, (e) => failed.push(e), 10_000);
    me.user = { name: 'Old Name', role: 'staff', recent: [] };
    me.type('New Name');
    await me.flush();
    expect(failed.length).toBe(1);
    expect(me.name).toBe('New Name');
  });
});
