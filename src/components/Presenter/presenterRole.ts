/**
 * Who is looking at the content being rendered. Everything outside a deck is the reader's page;
 * inside a deck, the role is known only in the browser (it is in the URL's query), so the static
 * HTML and the first render say `pending` and show no presenter notes to anyone.
 */
import { createContext, useContext } from 'react';
import { isAudienceView } from '../../client/launch';

export type PresenterRole = 'reader' | 'pending' | 'presenter' | 'audience';

export const PresenterRoleContext = createContext<PresenterRole>('reader');

export function usePresenterRole(): PresenterRole {
  return useContext(PresenterRoleContext);
}

/** `?view=audience` opens the projector's view of a deck; anything else is the presenter's. */
export function roleFromSearch(search: string): 'presenter' | 'audience' {
  return isAudienceView(search) ? 'audience' : 'presenter';
}

/** The admonition title that marks a presenter note: `:::note[Presenter]` in the Markdown. */
export const PRESENTER_NOTE_TITLE = 'Presenter';
