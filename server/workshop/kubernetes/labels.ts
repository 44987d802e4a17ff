/**
 * Whose an object is, written on the object: the cluster is the source of truth, so a restarted
 * (or second) workshop server finds every workspace by these labels and re-adopts it.
 */
import { createHash } from 'node:crypto';

export const LABEL = {
  managedBy: 'app.kubernetes.io/managed-by',
  component: 'app.kubernetes.io/component',
  workshop: 'runnable-walkthrough.dev/workshop',
  /** Absent on a warm (unclaimed) workspace. */
  attendee: 'runnable-walkthrough.dev/attendee',
  podSecurity: 'pod-security.kubernetes.io/enforce',
} as const;

export const ANNOTATION = {
  displayName: 'runnable-walkthrough.dev/display-name',
  workshopId: 'runnable-walkthrough.dev/workshop-id',
  claimedAt: 'runnable-walkthrough.dev/claimed-at',
} as const;

export const MANAGER = 'runnable-walkthrough';

/** A label value is at most 63 characters of [a-z0-9.-_]; an id that is not one is hashed. */
export function workshopLabel(workshopId: string): string {
  if (/^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/.test(workshopId)) return workshopId;
  return `w${createHash('sha256').update(workshopId).digest('hex').slice(0, 20)}`;
}

export function workshopSelector(workshopId: string): string {
  return `${LABEL.managedBy}=${MANAGER},${LABEL.workshop}=${workshopLabel(workshopId)}`;
}

export function ownerLabels(workshopId: string, attendeeId?: string): Record<string, string> {
  return {
    [LABEL.managedBy]: MANAGER,
    [LABEL.component]: 'workspace',
    [LABEL.workshop]: workshopLabel(workshopId),
    ...(attendeeId === undefined ? {} : { [LABEL.attendee]: attendeeId }),
  };
}
