// What the session asks of the desktop around the page: the window (its title, closing it, the
// close button), the application menu and the message box. The app passes the Tauri window's;
// tests pass their own.
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { message } from '@tauri-apps/plugin-dialog';

export interface Shell {
  /** A message box (used when the plan shown at start could not be opened at all). */
  message: (text: string, options: { title: string; kind: 'error' }) => Promise<unknown>;
  setTitle: (title: string) => Promise<void>;
  /** Closes the window without asking again. */
  destroy: () => Promise<void>;
  /** The window's close button: the handler may keep the window open. */
  onCloseRequested: (handler: (event: { preventDefault: () => void }) => Promise<void>) => Promise<() => void>;
  /** The application menu: the id of each item chosen. */
  onMenu: (handler: (id: string) => void) => Promise<() => void>;
}

export const tauriShell: Shell = {
  message: (text, options) => message(text, options),
  setTitle: (title) => getCurrentWindow().setTitle(title),
  destroy: () => getCurrentWindow().destroy(),
  onCloseRequested: (handler) => getCurrentWindow().onCloseRequested(handler),
  onMenu: (handler) => listen<string>('menu', (e) => handler(e.payload)),
};
