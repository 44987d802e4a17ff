/**
 * deploy/image/Containerfile, read (no container engine runs here): the image the kubernetes
 * provider's pods run must agree with the pod spec it makes, and keep its security promises.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietLogger } from '../../server/log';
import { resolveOptions } from '../../server/workshop/kubernetes/options';
import { HOME, workspacePod } from '../../server/workshop/kubernetes/workspacePod';
import { PROJECT_ROOT } from '../server/helpers/cliProcess';

const text = readFileSync(path.join(PROJECT_ROOT, 'deploy', 'image', 'Containerfile'), 'utf8');
const finalStage = text.slice(text.lastIndexOf('\nFROM '));
const instruction = (name: string) =>
  finalStage
    .split('\n')
    .filter((line) => line.startsWith(`${name} `))
    .map((line) => line.slice(name.length + 1));

describe('the terminal image', () => {
  it('runs as a numeric non-root user, with HOME and /tmp as volumes', () => {
    const [user] = instruction('USER');
    expect(user).toMatch(/^[1-9]\d*$/);
    expect(JSON.parse(instruction('VOLUME')[0] ?? '[]')).toEqual([HOME, '/tmp']);
    expect(finalStage).toContain(`HOME=${HOME}`);
  });

  it('lets build arguments pick the CLI versions, and holds Skupper to 1.x', () => {
    expect(text).toMatch(/^ARG OC_VERSION=\S+$/m);
    expect(text).toMatch(/^ARG SKUPPER_VERSION=1\.\d+\.\d+$/m);
    expect(text).toContain('SKUPPER_VERSION must be 1.x');
    expect(text).toMatch(/sha256sum -c/);
  });

  it('starts the compiled terminal server, and the pod the provider makes runs it with its Secret token', () => {
    const [entrypoint] = instruction('ENTRYPOINT');
    expect(JSON.parse(entrypoint ?? '[]')).toEqual([
      'node',
      '--max-semi-space-size=2',
      '--optimize-for-size',
      '/opt/runnable-walkthrough/server/cli.cjs',
    ]);
    const pod = workspacePod(
      {},
      resolveOptions(
        { workshopId: 'w', namespacePrefix: 'ws-', image: 'runnable-walkthrough/terminal:test' },
        quietLogger,
      ),
    );
    const container = pod.spec!.containers[0]!;
    expect(container.args?.[0]).toBe('terminals');
    const tokenFile = container.args?.[container.args.indexOf('--token-file') + 1] ?? '';
    const mount = container.volumeMounts?.find((m) => tokenFile.startsWith(`${m.mountPath}/`));
    expect(pod.spec!.volumes?.find((v) => v.name === mount?.name)?.secret?.secretName).toBe(
      'workspace-token',
    );
    expect(container.volumeMounts?.map((m) => m.mountPath)).toEqual(expect.arrayContaining([HOME, '/tmp']));
    expect(container.ports?.[0]?.containerPort).toBe(7681);
    expect(finalStage).toContain('EXPOSE 7681');
  });
});
