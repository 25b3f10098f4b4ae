/**
 * Every IPC handler starts here: a message counts only when it comes from the app's own
 * page (app://huibian/…, or the dev server in development) in the main frame. A frame
 * that navigated elsewhere, an iframe or a page reached by some bug gets nothing.
 */
import { isAppPageUrl } from './navigation.js';

/** The parts of an IpcMainInvokeEvent the check reads (so tests need no Electron). */
export interface IpcSenderLike {
  senderFrame: { url: string; parent?: unknown } | null;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function checkIpcSender(event: IpcSenderLike, devServerUrl?: string): SenderVerdict {
  const frame = event.senderFrame;
  // senderFrame is null once the frame has navigated away or been destroyed.
  if (!frame) return { ok: false, reason: 'sender frame is gone' };
  if (frame.parent) return { ok: false, reason: 'sub-frames may not call the app' };
  if (!isAppPageUrl(frame.url, devServerUrl)) return { ok: false, reason: `untrusted sender ${frame.url || '(empty URL)'}` };
  return { ok: true };
}
