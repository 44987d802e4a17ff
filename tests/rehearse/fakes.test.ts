// The simulated clusters (tests/fakes: test doubles of crc, oc and skupper, never used by the product).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeClusters,
  FAKES_BIN,
  MANY_CALLS,
  PULL_SECRET,
  startLocal,
  type FakeClusters,
} from './support/fakeClusters';

const FRONTEND_IMAGE = 'ghcr.io/beezy-dev/frontend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02';
const SEED_WARNING =
  'Warning: would violate PodSecurity "restricted:v1.24": allowPrivilegeEscalation != false (container "frontend" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "frontend" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "frontend" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "frontend" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

const COMPLIANT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
spec:
  selector:
    matchLabels: { app: frontend }
  template:
    metadata:
      labels: { app: frontend }
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: frontend
          image: ${FRONTEND_IMAGE}
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
`;

let fakes: FakeClusters;
beforeEach(() => {
  fakes = createFakeClusters();
});
afterEach(() => fakes.remove());

describe('the fake CLIs', () => {
  it(
    'refuse to run without FAKE_CLUSTERS_DIR, naming the variable',
    async () => {
      const result = await fakes.run('oc', ['get', 'pods'], { env: { FAKE_CLUSTERS_DIR: '' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('FAKE_CLUSTERS_DIR is not set');
    },
    MANY_CALLS,
  );

  it(
    'name themselves when asked for a command they do not simulate',
    async () => {
      const result = await fakes.run('skupper', ['gateway', 'init']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('fake skupper: "skupper gateway init" is not simulated');
    },
    MANY_CALLS,
  );
});

describe('fake crc', () => {
  it(
    'asks for the pull secret on first start, then prints a generated kubeadmin password',
    async () => {
      const first = await startLocal(fakes);
      expect(first.stdout).toContain('? Please enter the pull secret');
      expect(first.stdout).toMatch(/Password: [A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}\n/);
      expect(first.stdout).not.toContain(PULL_SECRET);
      await fakes.run('crc', ['stop']);
      const second = await fakes.run('crc', ['start']);
      expect(second.stdout).not.toContain('Please enter the pull secret');
      expect(second.stdout).toContain('Started the OpenShift cluster.');
    },
    MANY_CALLS,
  );

  it(
    'refuses a pull secret that is not a registry auth document',
    async () => {
      const result = await fakes.run('crc', ['start'], { input: 'hunter2\n' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('invalid pull secret');
    },
    MANY_CALLS,
  );

  it(
    'puts a directory holding only the fake oc first on PATH with oc-env',
    async () => {
      const result = await fakes.run('crc', ['oc-env']);
      expect(result.stdout.split('\n')[0]).toBe(`export PATH="${join(FAKES_BIN, '..', 'crc-bin')}:$PATH"`);
    },
    MANY_CALLS,
  );
});

describe('fake oc', () => {
  it(
    'refuses to reach OpenShift Local before crc start',
    async () => {
      const result = await fakes.run('oc', ['login', '-u', 'kubeadmin', 'https://api.crc.testing:6443']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('connection refused');
    },
    MANY_CALLS,
  );

  it(
    'warns about PodSecurity on stderr exactly as the recorded output does',
    async () => {
      await startLocal(fakes);
      await fakes.run('oc', ['create', 'namespace', 'hello-world']);
      const result = await fakes.run('oc', [
        'create',
        'deployment',
        'frontend',
        '--image',
        FRONTEND_IMAGE,
        '-n',
        'hello-world',
      ]);
      expect(result.stderr.trim()).toBe(SEED_WARNING);
      expect(result.stdout).toBe('deployment.apps/frontend created\n');
    },
    MANY_CALLS,
  );

  it(
    'applies a restricted-compliant deployment from stdin without the PodSecurity warning',
    async () => {
      await startLocal(fakes);
      await fakes.run('oc', ['create', 'namespace', 'hello-world']);
      const result = await fakes.run('oc', ['apply', '-n', 'hello-world', '-f', '-'], { input: COMPLIANT });
      expect(result.stdout).toBe('deployment.apps/frontend created\n');
      expect(result.stderr).toBe('');
      const bare = COMPLIANT.replace('drop: ["ALL"]', 'drop: []');
      const warned = await fakes.run('oc', ['apply', '-n', 'hello-world', '-f', '-'], { input: bare });
      expect(warned.stdout).toBe('deployment.apps/frontend configured\n');
      expect(warned.stderr).toContain('unrestricted capabilities (container "frontend"');
      expect(warned.stderr).not.toContain('runAsNonRoot');
    },
    MANY_CALLS,
  );

  it(
    'replaces a deleted backend pod with a new name from the same template',
    async () => {
      await startLocal(fakes);
      await fakes.run('oc', ['create', 'namespace', 'hello-world']);
      await fakes.run('oc', ['config', 'set-context', '--current', '--namespace=hello-world']);
      await fakes.run('oc', ['create', 'deployment', 'backend', '--image', 'ghcr.io/beezy-dev/backend:1']);
      const before = (await fakes.run('oc', ['get', 'pods'])).stdout;
      const deleted = await fakes.run('oc', ['delete', 'pod', '-l', 'app=backend']);
      const after = (await fakes.run('oc', ['get', 'pods'])).stdout;
      const podName = (table: string) => /^(backend-[a-z0-9]+)-([a-z0-9]{5}) /m.exec(table);
      expect(deleted.stdout).toBe(`pod "${podName(before)?.[0].trim()}" deleted\n`);
      expect(podName(after)?.[1]).toBe(podName(before)?.[1]);
      expect(podName(after)?.[2]).not.toBe(podName(before)?.[2]);
      expect(before.split('\n')[0]).toMatch(/^NAME +READY {3}STATUS {4}RESTARTS {3}AGE$/);
    },
    MANY_CALLS,
  );

  it(
    'forwards a port until interrupted, then exits 0',
    async () => {
      await startLocal(fakes);
      await fakes.run('oc', ['create', 'namespace', 'hello-world']);
      await fakes.run('oc', [
        'create',
        'deployment',
        'frontend',
        '--image',
        FRONTEND_IMAGE,
        '-n',
        'hello-world',
      ]);
      const child = spawn(
        join(FAKES_BIN, 'oc'),
        ['port-forward', '-n', 'hello-world', 'deployment/frontend', '8080:8080'],
        {
          env: fakes.env,
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[::1]')) child.kill('SIGINT');
      });
      const code = await new Promise<number | null>((done) => child.on('exit', done));
      expect(output).toBe('Forwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080\n');
      expect(code).toBe(0);
    },
    MANY_CALLS,
  );
});
