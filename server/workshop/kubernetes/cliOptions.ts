/**
 * `npm run workshop -- --provider kubernetes …`: the options that pick and shape the kubernetes
 * provider. The cluster comes from the in-cluster config (the workshop server's ServiceAccount) or
 * $KUBECONFIG / ~/.kube/config.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { KubernetesProviderSettings } from './options';

export interface KubernetesCliOptions {
  provider: 'local' | 'kubernetes';
  namespacePrefix: string;
  warm: number;
  image?: string;
  serverNamespace?: string;
  attendeeAccess: boolean;
}

function parseWarm(value: string): number {
  const warm = Number(value);
  if (!/^\d{1,3}$/.test(value) || warm > 500) throw new InvalidArgumentError('a whole number from 0 to 500.');
  return warm;
}

export function addKubernetesOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--provider <kind>', 'where workspaces run: sandboxed processes here, or pods on a cluster')
        .choices(['local', 'kubernetes'])
        .default('local'),
    )
    .option(
      '--namespace-prefix <prefix>',
      'kubernetes: attendee namespaces are <prefix><workshop>-<random>',
      'ws-',
    )
    .option('--warm <n>', 'kubernetes: keep this many ready workspaces for joiners', parseWarm, 0)
    .option('--image <image>', 'kubernetes: the terminal image (deploy/image/Containerfile)')
    .option(
      '--server-namespace <namespace>',
      "kubernetes: the workshop server's namespace, the only one workspace pods accept traffic from (default: its own, in a cluster)",
    )
    .option(
      '--no-attendee-access',
      "kubernetes: no ServiceAccount for oc/kubectl in the attendee's namespace",
    );
}

const IN_CLUSTER_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

export function kubernetesSettings(
  options: KubernetesCliOptions,
  workshopId: string,
  sessionMs: number,
): KubernetesProviderSettings {
  if (!options.image)
    throw new InvalidArgumentError('--provider kubernetes needs --image (the terminal image to run).');
  return {
    workshopId,
    namespacePrefix: options.namespacePrefix,
    image: options.image,
    warm: options.warm,
    attendeeAccess: options.attendeeAccess,
    server: {
      namespace: options.serverNamespace ?? ownNamespace() ?? 'runnable-walkthrough',
      podLabels: { 'app.kubernetes.io/name': 'workshop-server' },
    },
    podLifetimeMs: sessionMs + 3_600_000,
  };
}

function ownNamespace(): string | undefined {
  try {
    return readFileSync(IN_CLUSTER_NAMESPACE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
