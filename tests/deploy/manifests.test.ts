/* eslint-disable @typescript-eslint/no-explicit-any -- the broken copies mutate YAML documents of any shape */
/**
 * deploy/kubernetes, offline: every manifest parses, is valid against the Kubernetes schemas
 * (kubernetes-models), is reached from a kustomization, and keeps the security rules of
 * manifestRules.ts. Each rule is also shown failing, on a copy broken on purpose.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { Namespace, PersistentVolumeClaim, Service, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/helpers/cliProcess';
import { brokenRules, type Manifest } from './manifestRules';
import { validateRoute } from './routeSchema';

const ROOT = path.join(PROJECT_ROOT, 'deploy', 'kubernetes');

const MODELS: Record<string, new (object: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/Service': Service,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding,
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

const files = yamlFiles(ROOT);
const kustomizations = files.filter((f) => path.basename(f) === 'kustomization.yaml');
const manifests: Manifest[] = files
  .filter((f) => !kustomizations.includes(f))
  .flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return yaml
      .loadAll(text)
      .map((object) => ({ file: path.relative(ROOT, file), text, object: object as Manifest['object'] }));
  });

/** Validates against the Kubernetes schema of its kind; throws with the schema's complaint. */
function validate(manifest: Manifest): void {
  const { apiVersion, kind } = manifest.object;
  if (apiVersion === 'route.openshift.io/v1' && kind === 'Route') return validateRoute(manifest.object);
  const Model = MODELS[`${apiVersion}/${kind}`];
  if (!Model) throw new Error(`${manifest.file}: no schema known for ${apiVersion} ${kind}`);
  new Model(manifest.object as never).validate();
}

function brokenCopy(file: string, change: (object: Record<string, any>) => void): Manifest[] {
  return manifests.map((m) => {
    if (m.file !== file) return m;
    const object = structuredClone(m.object) as Record<string, any>;
    change(object);
    return { ...m, object: object as Manifest['object'] };
  });
}

const container = (o: Record<string, any>) => o.spec.template.spec.containers[0];

describe('the Kubernetes manifests', () => {
  it('parse, and each is valid against the schema of its kind', () => {
    expect(manifests.map((m) => m.object.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRoleBinding',
      'Deployment',
      'Ingress',
      'Namespace',
      'PersistentVolumeClaim',
      'Route',
      'Service',
      'ServiceAccount',
    ]);
    for (const manifest of manifests) expect(() => validate(manifest), manifest.file).not.toThrow();
  });

  it('are each reached from a kustomization, which names only files that exist', () => {
    const reached = new Set<string>();
    for (const file of kustomizations) {
      const { resources } = yaml.load(readFileSync(file, 'utf8')) as { resources: string[] };
      for (const resource of resources) {
        const target = path.resolve(path.dirname(file), resource);
        const isDir = statSync(target, { throwIfNoEntry: false })?.isDirectory();
        expect(statSync(target, { throwIfNoEntry: false }), `${file}: ${resource}`).toBeDefined();
        reached.add(isDir ? path.join(target, 'kustomization.yaml') : target);
      }
    }
    for (const manifest of manifests)
      expect(reached, manifest.file).toContain(path.join(ROOT, manifest.file));
  });

  it('keep every security rule', () => {
    expect(brokenRules(manifests)).toEqual([]);
  });

  it('fail a schema check when a field has the wrong type', () => {
    const broken = brokenCopy('base/deployment.yaml', (o) => (o.spec.replicas = 'one'));
    const deployment = broken.find((m) => m.object.kind === 'Deployment')!;
    expect(() => validate(deployment)).toThrow(/replicas/);
  });

  it.each([
    [
      'base/deployment.yaml',
      'allowPrivilegeEscalation=false',
      (o: Record<string, any>) => (container(o).securityContext.allowPrivilegeEscalation = true),
    ],
    [
      'base/deployment.yaml',
      'capabilities.drop=["ALL"]',
      (o: Record<string, any>) => (container(o).securityContext.capabilities.drop = []),
    ],
    [
      'base/deployment.yaml',
      'runAsNonRoot=true',
      (o: Record<string, any>) => {
        delete o.spec.template.spec.securityContext.runAsNonRoot;
        delete container(o).securityContext.runAsNonRoot;
      },
    ],
    [
      'base/deployment.yaml',
      'seccompProfile',
      (o: Record<string, any>) => {
        delete o.spec.template.spec.securityContext.seccompProfile;
        delete container(o).securityContext.seccompProfile;
      },
    ],
    [
      'base/deployment.yaml',
      'readOnlyRootFilesystem=true',
      (o: Record<string, any>) => (container(o).securityContext.readOnlyRootFilesystem = false),
    ],
    [
      'base/deployment.yaml',
      'hostPath',
      (o: Record<string, any>) =>
        o.spec.template.spec.volumes.push({ name: 'host', hostPath: { path: '/' } }),
    ],
    [
      'base/deployment.yaml',
      'must be on a PersistentVolumeClaim',
      (o: Record<string, any>) =>
        (container(o).args = container(o).args.map((a: string) =>
          a.startsWith('--data-dir=') ? '--data-dir=/tmp/db' : a,
        )),
    ],
    [
      'base/namespace.yaml',
      'restricted Pod Security',
      (o: Record<string, any>) => (o.metadata.labels['pod-security.kubernetes.io/enforce'] = 'baseline'),
    ],
    [
      'base/clusterrole.yaml',
      'no wildcard',
      (o: Record<string, any>) => o.rules.push({ apiGroups: [''], resources: ['*'], verbs: ['get'] }),
    ],
    [
      'base/clusterrole.yaml',
      'reading Secrets must name them',
      (o: Record<string, any>) =>
        delete o.rules.find(
          (r: { resources: string[]; resourceNames?: string[] }) =>
            r.resources.includes('secrets') && r.resourceNames,
        ).resourceNames,
    ],
    [
      'base/clusterrole.yaml',
      'listing or watching Secrets',
      (o: Record<string, any>) =>
        o.rules.push({ apiGroups: [''], resources: ['secrets'], resourceNames: ['x'], verbs: ['list'] }),
    ],
    [
      'ingress.yaml',
      'proxy-read-timeout must be at least an hour',
      (o: Record<string, any>) =>
        delete o.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'],
    ],
    [
      'openshift/route.yaml',
      'haproxy timeout must be at least 1h',
      (o: Record<string, any>) => (o.metadata.annotations['haproxy.router.openshift.io/timeout'] = '30s'),
    ],
  ])('fail when %s breaks "%s"', (file, rule, change) => {
    const problems = brokenRules(brokenCopy(file, change));
    expect(problems.join('\n')).toContain(rule);
  });

  it('fail when a ClusterRole does not say why it is not a Role', () => {
    const problems = brokenRules(
      manifests.map((m) =>
        m.object.kind === 'ClusterRole' ? { ...m, text: m.text.replace(/^# Why a ClusterRole:.*$/m, '') } : m,
      ),
    );
    expect(problems.join('\n')).toContain('Why a ClusterRole');
  });
});
