// The seed walkthrough (copied into __fixtures__/seed.md so CI does not depend on ../shared).
import { describe, expect, it } from 'vitest';
import { fixtureSteps, readFixture } from './fixtures';

// Every command line of the seed, prompt stripped, in order: what a reader runs.
const SEED_COMMANDS = [
  'crc start',
  'eval $(crc oc-env)\noc login -u kubeadmin https://api.crc.testing:6443',
  'oc create namespace hello-world',
  'oc create deployment frontend --image ghcr.io/beezy-dev/frontend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02 -n hello-world',
  'oc create deployment backend --image ghcr.io/beezy-dev/backend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02 -n hello-world',
  'oc get pod -n hello-world',
  'oc port-forward -n hello-world frontend-c684c5c45-295hd 8080:8080',
  'oc login -u kubeadmin https://api.crc.testing:6443\noc config rename-context $(oc config current-context) local\noc create namespace south\noc config set-context local --namespace=south',
  'oc login -u kubeadmin https://api.azhnz6tm.eastus.aroapp.io:6443/\noc config rename-context $(oc config current-context) aro\noc create namespace north\noc config set-context aro --namespace=north',
  'oc config use-context aro\nskupper init\nskupper status\noc config use-context local\nskupper init\nskupper status',
  'oc config use-context aro\nskupper token create ~/secret.token',
  'oc config use-context local\nskupper link create ~/secret.token\nskupper link status',
  'oc config use-context aro\noc create deployment frontend --image ghcr.io/beezy-dev/frontend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02 -n north',
  'oc config use-context local\noc create deployment backend --image ghcr.io/beezy-dev/backend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02 -n south',
  'oc config use-context local\nskupper expose deployment/backend --port 8080',
  'oc config use-context aro\noc expose deployment/frontend --port 8080 --type LoadBalancer\noc get service/frontend',
  'oc config use-context local\noc get pods',
  'oc delete pod backend-79c4d4676f-dw99z\noc get pods',
];

describe('the seed walkthrough', () => {
  const { page, problems } = fixtureSteps('seed.md');

  it('has one step per shell block, eighteen in all, with no problems', () => {
    expect(page.steps).toHaveLength(18);
    expect(problems).toEqual([]);
  });

  it('sends every seed command line, prompt stripped, in order', () => {
    expect(page.steps.map((step) => step.command)).toEqual(SEED_COMMANDS);
  });

  it('shows the seed blocks exactly as written, prompts included', () => {
    expect(page.steps[1]?.display).toBe(
      '➜  ~ eval $(crc oc-env)\n➜  ~ oc login -u kubeadmin https://api.crc.testing:6443',
    );
    expect(page.steps[7]?.display).toContain('oc create namespace south \n');
  });

  it('gives the repeated titles distinct ids', () => {
    const ids = page.steps.map((step) => step.id);
    expect(new Set(ids).size).toBe(18);
    expect(ids).toContain('seed/deploy-the-front-end-image-within-the-created-project-namespace-2');
    expect(ids).toContain('seed/expose-the-front-end-and-back-end-2');
  });

  it('pairs every recorded output with its step, "for aro" and "for local" apart', () => {
    expect(page.steps.map((step) => step.recordedOutputs.length)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 0, 0, 2, 1, 1, 0, 0, 1, 1, 1, 1,
    ]);
    expect(page.steps[9]?.recordedOutputs.map((output) => output.title)).toEqual(['for aro', 'for local']);
    expect(page.steps[10]?.recordedOutputs[0]?.text).toBe('Token written to /Users/rovandep/secret.token ');
  });

  it('never lets the kubeadmin password through, though the seed has it in clear', () => {
    expect(readFixture('seed.md')).toContain('cKiLy-5umju-GnxbP-Lfqpb');
    expect(JSON.stringify(page)).not.toContain('cKiLy-5umju-GnxbP-Lfqpb');
    expect(page.steps[0]?.recordedOutputs[0]?.text).toContain('  Password: <redacted>\n');
  });
});
