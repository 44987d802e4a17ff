/**
 * Which provider serves the workshop's workspaces (`--provider local|kubernetes`), and ending a
 * workshop for good (`--end-workshop`): every workspace deleted, a warm pool too.
 */
import type { Logger } from '../log';
import { kubernetesSettings, type KubernetesCliOptions } from '../workshop/kubernetes/cliOptions';
import { describeApiError } from '../workshop/kubernetes/clusterApi';
import { startKubernetesProvider } from '../workshop/kubernetes/kubernetesProvider';
import { KubernetesOptionError } from '../workshop/kubernetes/options';
import type { WorkspaceProvider } from '../workshop/workspaceProvider';
import { UsageError } from './usageError';

export async function openProvider(
  options: KubernetesCliOptions & { kubeconfig?: string; kubeconfigDir?: string; expires: number },
  workshopId: string,
  openLocal: () => Promise<WorkspaceProvider>,
  log: Logger,
): Promise<WorkspaceProvider> {
  if (options.provider !== 'kubernetes') return openLocal();
  if (options.kubeconfig !== undefined || options.kubeconfigDir !== undefined)
    throw new UsageError(
      '--kubeconfig and --kubeconfig-dir are for the local provider: a kubernetes workspace gets a ServiceAccount in its own namespace instead.',
    );
  let settings;
  try {
    settings = kubernetesSettings(options, workshopId, options.expires);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  log.info(
    `workspaces are pods: namespaces ${options.namespacePrefix}${workshopId}-…, image ${settings.image}`,
  );
  try {
    return await startKubernetesProvider(settings, log);
  } catch (error) {
    if (error instanceof KubernetesOptionError) throw new UsageError(error.message);
    throw new Error(
      `cannot reach the Kubernetes API (in-cluster config, else $KUBECONFIG or ~/.kube/config): ${describeApiError(error)}`,
    );
  }
}

export async function endWorkshop(provider: WorkspaceProvider, log: Logger): Promise<void> {
  if (provider.endWorkshop) await provider.endWorkshop();
  else for (const workspace of await provider.list()) await provider.delete(workspace.owner.attendeeId);
  await provider.dispose();
  log.info('the workshop has ended: every workspace is deleted');
}
