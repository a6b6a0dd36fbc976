// The one Worder of the window, sending its asks to the core.
import { backend } from '../ipc/backend';
import { Worder } from './words';

export const worder = new Worder(backend.wordValues);
