/** A kubeconfig that points at a simulated cluster: as an object for the client, or as a file for the CLI. */
// Plain HTTP on loopback: client-node allows an http:// server only with skipTLSVerify set.
import { writeFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import type { SimulatedCluster } from './apiServer';

export function kubeConfigOf(cluster: Pick<SimulatedCluster, 'server' | 'token'>): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'simulated', server: cluster.server, skipTLSVerify: true }],
    users: [{ name: 'workshop-server', token: cluster.token }],
    contexts: [{ name: 'simulated', cluster: 'simulated', user: 'workshop-server' }],
    currentContext: 'simulated',
  });
  return config;
}

export function writeKubeConfig(cluster: Pick<SimulatedCluster, 'server' | 'token'>, file: string): void {
  writeFileSync(file, kubeConfigOf(cluster).exportConfig(), { mode: 0o600 });
}
