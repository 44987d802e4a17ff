/** A kubernetes provider against a fresh simulated cluster (a test double: simulatedApi/README.md). */
import { quietLogger } from '../../../server/log';
import {
  startKubernetesProvider,
  type KubernetesProvider,
} from '../../../server/workshop/kubernetes/kubernetesProvider';
import type { KubernetesProviderSettings } from '../../../server/workshop/kubernetes/options';
import { startSimulatedCluster, type SimulatedCluster } from '../simulatedApi/apiServer';
import { kubeConfigOf } from '../simulatedApi/kubeConfig';

export const WORKSHOP = 'kube-test';

export function providerOn(
  cluster: SimulatedCluster,
  settings: Partial<KubernetesProviderSettings> = {},
): Promise<KubernetesProvider> {
  return startKubernetesProvider(
    {
      workshopId: WORKSHOP,
      namespacePrefix: 'ws-',
      image: 'runnable-walkthrough/terminal:test',
      kubeConfig: kubeConfigOf(cluster),
      ...settings,
    },
    quietLogger,
  );
}

export { startSimulatedCluster };

export function owner(n: number) {
  return { workshopId: WORKSHOP, attendeeId: `a${n}`, displayName: `Attendee ${n}` };
}
