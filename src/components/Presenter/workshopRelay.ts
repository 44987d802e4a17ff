/**
 * In a hosted workshop the presenter's deck and its followers are in different browsers: the deck
 * posts where it is to the workshop server (which accepts it only from the instructor), and a tab
 * opened with `?follow=presenter` listens to the server's events. Outside a workshop: nothing.
 */
import { isFollowing, workshopSessionEnd } from '../../client/launch';
import type { Disposable } from '../../protocol/disposable';
import { isPresenterMessage, type PresenterMessage } from './presenterChannel';

export const PRESENTER_EVENTS = '/workshop/presenter/events';
export const PRESENTER_STATE = '/workshop/presenter';

export function inWorkshop(): boolean {
  return workshopSessionEnd(document.cookie) !== undefined;
}

/** Sends the presenter's state to the room; a refusal (an attendee's own deck) is not an error. */
export function relayState(deckPath: string, message: PresenterMessage): void {
  if (message.type !== 'state' || !inWorkshop()) return;
  void fetch(PRESENTER_STATE, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ deckPath, ...message, type: undefined }),
  }).catch(() => undefined);
}

/** A follower hears the presenter; a deck change takes it to the presenter's new deck. */
export function followPresenter(
  deckPath: string,
  onMessage: (message: PresenterMessage) => void,
): Disposable | null {
  if (typeof EventSource === 'undefined' || !isFollowing(window.location)) return null;
  const events = new EventSource(PRESENTER_EVENTS);
  events.onmessage = (event: MessageEvent<string>) => {
    const data = JSON.parse(event.data) as Record<string, unknown>;
    if (data.deckPath !== deckPath && typeof data.deckPath === 'string') {
      window.location.assign(`${data.deckPath}?view=audience&follow=presenter`);
      return;
    }
    const message = { ...data, type: 'state' };
    if (isPresenterMessage(message)) onMessage(message);
  };
  return { dispose: () => events.close() };
}
