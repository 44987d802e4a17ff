/**
 * Wraps the site's Root (which stays mounted across navigation) to add the terminal dock, so
 * terminals and their connection outlive page changes. Browser-only: the static build renders
 * the page exactly as before.
 */
import React, { Suspense, lazy, useEffect, useLayoutEffect, type ReactNode } from 'react';
import Root from '@theme-original/Root';
import BrowserOnly from '@docusaurus/BrowserOnly';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { captureLaunchParams, scrubLaunchParams, workshopSessionEnd } from '../../client/launch';
import { isDockShown } from '../../client/dockState';
import { prefetchWhenIdle } from '../../client/idlePrefetch';
import { useRuntime, useStoreValue } from '../../client/hooks';

// Only a hosted workshop's pages show it: every other reader's first load stays without its code.
const SessionTimer = lazy(() => import('../../components/Workshop/SessionTimer'));
// Only a page with a terminal server, or a recorded output replayed, shows the dock: the static
// site's first load stays without its code.
const TerminalDock = lazy(() => import('../../components/TerminalDock'));

if (ExecutionEnvironment.canUseDOM) captureLaunchParams();

/** A hosted workshop's session time and "Follow the presenter", shown in the dock's bar. */
function Workshop(): React.JSX.Element | null {
  if (workshopSessionEnd(document.cookie) === undefined) return null;
  return (
    <Suspense fallback={null}>
      <SessionTimer />
    </Suspense>
  );
}

function Dock(): React.JSX.Element | null {
  const runtime = useRuntime();
  const dock = useStoreValue(runtime?.dock, null);
  if (!runtime || !dock || !isDockShown(dock, runtime.hasEndpoint)) return null;
  return (
    <Suspense fallback={null}>
      <TerminalDock runtime={runtime} session={<Workshop />} />
    </Suspense>
  );
}

export default function RootWrapper({ children }: { children: ReactNode }): React.JSX.Element {
  useEffect(scrubLaunchParams, []);
  // Before the links' visibility callbacks: at the hydration's commit, not after its paint.
  useLayoutEffect(prefetchWhenIdle, []);
  return (
    <Root>
      {children}
      <BrowserOnly>{() => <Dock />}</BrowserOnly>
    </Root>
  );
}
