import type { FreezeWindow } from '../../config/Environment';
import { freezeWindowEnd } from './freezeWindowEnd';

/** Whether `now` falls inside the window (weekly windows on their zone's wall clock). */
export function isInFreezeWindow(window: FreezeWindow, now: Date): boolean {
  return freezeWindowEnd(window, now) !== undefined;
}
