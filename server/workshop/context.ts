/** What every part of the workshop server shares: its state, its workspaces and its settings. */
import type { Logger } from '../log';
import type { SitePolicy } from './http/requestOrigin';
import type { WorkshopIdentity, WorkshopStore } from './state/workshopStore';
import type { WorkspaceProvider } from './workspaceProvider';

export interface WorkshopSettings {
  readonly seats: number;
  /** A session ends this long after joining. */
  readonly expiresMs: number;
  /** A workspace nobody used for this long is stopped (its HOME kept). */
  readonly idleMs: number;
  /** The built site. */
  readonly siteDir: string;
}

export interface WorkshopContext {
  readonly store: WorkshopStore;
  readonly provider: WorkspaceProvider;
  readonly identity: WorkshopIdentity;
  readonly settings: WorkshopSettings;
  readonly policy: SitePolicy;
  readonly log: Logger;
  /** Where attendees land after joining: the first page with steps. */
  readonly firstPage: string;
}

/** The presenter's workspace is the instructor's: an attendee id no join can produce (joins are `a-…`). */
export const PRESENTER_ID = 'presenter';
