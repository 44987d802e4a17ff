/**
 * Wraps the site's Root (which stays mounted across navigation) to add the terminal dock, so
 * terminals and their connection outlive page changes. Browser-only: the static build renders
 * the page exactly as before.
 */
import React, { useEffect, type ReactNode } from 'react';
import Root from '@theme-original/Root';
import BrowserOnly from '@docusaurus/BrowserOnly';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import { captureLaunchParams, scrubLaunchParams } from '../../client/launch';
import { useRuntime } from '../../client/hooks';
import TerminalDock from '../../components/TerminalDock';
import SessionTimer from '../../components/Workshop/SessionTimer';

if (ExecutionEnvironment.canUseDOM) captureLaunchParams();

function Dock(): React.JSX.Element | null {
  const runtime = useRuntime();
  return runtime ? <TerminalDock runtime={runtime} /> : null;
}

export default function RootWrapper({ children }: { children: ReactNode }): React.JSX.Element {
  useEffect(scrubLaunchParams, []);
  return (
    <Root>
      {children}
      <BrowserOnly>
        {() => (
          <>
            <SessionTimer />
            <Dock />
          </>
        )}
      </BrowserOnly>
    </Root>
  );
}
