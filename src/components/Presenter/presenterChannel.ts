/**
 * The presenter window and its audience windows (the projector) talk over a BroadcastChannel: same
 * browser, same origin, nothing leaves the machine. The presenter says where it is; an audience
 * window that opens asks, and follows. Messages are checked on arrival like any other input.
 */
import type { Disposable } from '../../protocol/disposable';
import { followPresenter, relayState } from './workshopRelay';

export interface TerminalView {
  /** Server terminals open in the presenter's dock, in tab order. */
  open: string[];
  active: string | null;
  hidden: boolean;
}

export type PresenterMessage =
  { type: 'state'; slide: number; blank: boolean; terminals: TerminalView } | { type: 'hello' };

export function isPresenterMessage(value: unknown): value is PresenterMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (message.type === 'hello') return true;
  if (message.type !== 'state') return false;
  const terminals = message.terminals as Record<string, unknown> | null | undefined;
  return (
    Number.isInteger(message.slide) &&
    typeof message.blank === 'boolean' &&
    typeof terminals === 'object' &&
    terminals !== null &&
    Array.isArray(terminals.open) &&
    terminals.open.every((name) => typeof name === 'string') &&
    (terminals.active === null || typeof terminals.active === 'string') &&
    typeof terminals.hidden === 'boolean'
  );
}

export interface PresenterChannel extends Disposable {
  post(message: PresenterMessage): void;
}

/** A channel per deck, so two decks presented from one browser do not steer each other. */
export function openPresenterChannel(
  deckPath: string,
  onMessage: (message: PresenterMessage) => void,
): PresenterChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(`rw-presenter:${deckPath}`);
  channel.onmessage = (event: MessageEvent) => {
    if (isPresenterMessage(event.data)) onMessage(event.data);
    else console.warn('[presenter] ignoring an unexpected message from another window', event.data);
  };
  // A hosted workshop: the same messages through the workshop server, to other browsers.
  const following = followPresenter(deckPath, onMessage);
  return {
    post: (message) => {
      channel.postMessage(message);
      if (!following) relayState(deckPath, message);
    },
    dispose: () => {
      channel.close();
      following?.dispose();
    },
  };
}
