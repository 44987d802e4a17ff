/**
 * `npm run workshop -- --provider kubernetes` as an instructor runs it, against the simulated API (a
 * test double: simulatedApi/README.md) through $KUBECONFIG: the compiled server reaches the cluster
 * through the real client library, an attendee who joins gets a pod, and `--end-workshop` on the
 * same data directory deletes every namespace the workshop made, the warm pool too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli, runCliToExit, type CliRun } from '../server/helpers/cliProcess';
import { joinAs } from '../server/workshop/workshopFixture';
import { startSimulatedCluster, type SimulatedCluster } from './simulatedApi/apiServer';
import { writeKubeConfig } from './simulatedApi/kubeConfig';
import { RESOURCE_TYPES } from './simulatedApi/resources';
import { waitUntil } from './support/pods';

const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;
// A fresh clone has no cache folder yet (the build that makes one may run after this file loads).
mkdirSync(path.join(PROJECT_ROOT, 'node_modules', '.cache'), { recursive: true });
const work = mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-kube-cli-'));
const siteDir = path.join(work, 'site');
const kubeconfig = path.join(work, 'kubeconfig');
let cluster: SimulatedCluster;
let run: CliRun | undefined;

beforeAll(async () => {
  mkdirSync(siteDir);
  writeFileSync(path.join(siteDir, 'index.html'), '<h1>site</h1>');
  cluster = await startSimulatedCluster();
  writeKubeConfig(cluster, kubeconfig);
});
afterAll(async () => {
  if (run && run.child.exitCode === null) run.signalGroup('SIGKILL');
  await cluster.close();
  rmSync(work, { recursive: true, force: true });
});

const common = [
  '--provider',
  'kubernetes',
  '--image',
  'runnable-walkthrough/terminal:test',
  '--dir',
  siteDir,
];
const env = { KUBECONFIG: kubeconfig };
const attendeeNamespaces = () =>
  cluster.store
    .list(NAMESPACES, undefined)
    .filter((ns) => ns.metadata.labels?.['runnable-walkthrough.dev/attendee']);

describe('npm run workshop -- --provider kubernetes', () => {
  it('gives a joining attendee a pod, and --end-workshop deletes everything the workshop made', async () => {
    run = runCli(
      ['workshop', '--port', '0', '--data-dir', path.join(work, 'data'), '--warm', '1', ...common],
      env,
    );
    const join = (await run.waitForLine(/^join: /, 120_000)).slice('join: '.length);
    const url = new URL(join);
    await joinAs(url.origin, url.searchParams.get('code') ?? '', 'Kim');
    // The presenter's workspace, Kim's, and one warm.
    await waitUntil(() => attendeeNamespaces().length === 2, 60_000, 'two owned namespaces');
    await waitUntil(
      () => cluster.store.list(NAMESPACES, undefined).length === 3,
      60_000,
      'one warm namespace',
    );
    run.signalGroup('SIGTERM');
    await run.exited;
    // Stopping the server leaves the workspaces to be re-adopted.
    expect(cluster.store.list(NAMESPACES, undefined)).toHaveLength(3);

    const ended = await runCliToExit(
      ['workshop', '--data-dir', path.join(work, 'data'), '--end-workshop', ...common],
      env,
    );
    expect(ended.code, ended.output).toBe(0);
    expect(ended.output).toContain('every workspace is deleted');
    expect(cluster.store.list(NAMESPACES, undefined)).toEqual([]);
    expect(cluster.kubelet.processCount).toBe(0);
  }, 300_000);

  it('refuses to start without --image, saying so (exit 2)', async () => {
    const { code, output } = await runCliToExit(
      ['workshop', '--provider', 'kubernetes', '--dir', siteDir, '--data-dir', path.join(work, 'other')],
      env,
    );
    expect(code).toBe(2);
    expect(output).toContain('--image');
  }, 120_000);
});
