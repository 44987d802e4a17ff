// The simulated clusters (tests/fakes: test doubles of oc and skupper, never used by the product):
// each kube context reaches its own cluster, as on the split deployment's two sites.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClusters, MANY_CALLS, startLocal, type FakeClusters } from './support/fakeClusters';

let fakes: FakeClusters;
beforeEach(() => {
  fakes = createFakeClusters();
});
afterEach(() => fakes.remove());

describe('contexts route to separate clusters', () => {
  it(
    'fails skupper expose of the back-end against the cloud cluster, where it was never deployed',
    async () => {
      await startLocal(fakes);
      const aroLogin = await fakes.run('oc', [
        'login',
        '-u',
        'kubeadmin',
        '-p',
        'x',
        'https://api.example.aroapp.io:6443/',
      ]);
      expect(aroLogin.stdout).toContain('Login successful.');
      await fakes.run('oc', [
        'config',
        'rename-context',
        (await fakes.run('oc', ['config', 'current-context'])).stdout.trim(),
        'aro',
      ]);
      await fakes.run('oc', ['config', 'use-context', 'crc-admin']);
      await fakes.run('oc', ['create', 'deployment', 'backend', '--image', 'ghcr.io/beezy-dev/backend:1']);
      await fakes.run('skupper', ['init']);
      expect((await fakes.run('skupper', ['expose', 'deployment/backend', '--port', '8080'])).stdout).toBe(
        'deployment backend exposed as backend\n',
      );
      expect((await fakes.run('oc', ['config', 'use-context', 'aro'])).stdout).toBe(
        'Switched to context "aro".\n',
      );
      await fakes.run('skupper', ['init']);
      const wrong = await fakes.run('skupper', ['expose', 'deployment/backend', '--port', '8080']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('deployments.apps "backend" not found');
    },
    MANY_CALLS,
  );

  it(
    'links two sites with a token and reports the link active on both ends',
    async () => {
      await startLocal(fakes);
      const north = { KUBECONFIG: join(fakes.home, 'config-north') };
      const south = { KUBECONFIG: join(fakes.home, 'config-south') };
      await fakes.run('oc', ['login', '-u', 'kubeadmin', '-p', 'x', 'https://api.example.aroapp.io:6443'], {
        env: north,
      });
      const password = (await fakes.run('crc', ['console', '--credentials'])).stdout.match(
        /-u kubeadmin -p (\S+) /,
      )?.[1];
      await fakes.run('oc', ['login', '-u', 'kubeadmin', 'https://api.crc.testing:6443'], {
        env: south,
        input: `${password}\n`,
      });
      await fakes.run('skupper', ['init'], { env: north });
      await fakes.run('skupper', ['init'], { env: south });
      const token = join(fakes.home, 'secret.token');
      expect((await fakes.run('skupper', ['token', 'create', token], { env: north })).stdout).toBe(
        `Token written to ${token}\n`,
      );
      const link = await fakes.run('skupper', ['link', 'create', token], { env: south });
      expect(link.stdout).toMatch(
        /^Site configured to link to https:\/\/claims-default\.apps\.example\.aroapp\.io:443\/[0-9a-f-]{36} \(name=link1\)\n/,
      );
      expect((await fakes.run('skupper', ['link', 'status'], { env: south })).stdout).toContain(
        'Link link1 is active',
      );
      expect((await fakes.run('skupper', ['status'], { env: north })).stdout).toContain(
        'It is connected to 1 other site.',
      );
    },
    MANY_CALLS,
  );
});
