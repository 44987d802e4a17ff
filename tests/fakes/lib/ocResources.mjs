// `oc create | apply | expose | delete`: the commands that change a simulated cluster.
import { loadAll } from 'js-yaml';
import { fail, notSimulated } from './state.mjs';
import { parseArgs } from './args.mjs';
import { createNamespace, createService, namespaceOf, startPod } from './clusters.mjs';
import { openSession } from './session.mjs';
import { bareTemplate, podSecurityWarning, restrictedViolations } from './restricted.mjs';
import { readAllStdin } from './tty.mjs';

const NAMESPACE_FLAGS = { '-n': 'namespace', '--namespace': 'namespace' };
const say = (line) => process.stdout.write(`${line}\n`);
const warn = (line) => process.stderr.write(`${line}\n`);

/** `deployment/frontend`, `deploy/frontend` or `deployment frontend`. */
export function resourceRef(positionals) {
  const [first, second] = positionals;
  if (first?.includes('/')) {
    const [kind, name] = first.split('/');
    return { kind, name };
  }
  return { kind: first, name: second };
}

export function kindOf(word) {
  const kinds = {
    pod: 'pod',
    pods: 'pod',
    po: 'pod',
    deployment: 'deployment',
    deployments: 'deployment',
    deploy: 'deployment',
    service: 'service',
    services: 'service',
    svc: 'service',
    namespace: 'namespace',
    namespaces: 'namespace',
    ns: 'namespace',
  };
  return kinds[word];
}

function deploy(namespace, name, template) {
  const violations = restrictedViolations(template);
  if (violations.length > 0) warn(podSecurityWarning(violations));
  namespace.deployments[name] = { template, createdAt: Date.now(), applied: false };
  namespace.pods = namespace.pods.filter((pod) => pod.deployment !== name);
  startPod(namespace, name);
}

export function create(tool, argv, whole) {
  const { flags, positionals } = parseArgs(tool, argv, {
    values: { ...NAMESPACE_FLAGS, '--image': 'image' },
  });
  const [kind, name] = positionals;
  const session = openSession(tool, { namespace: flags.namespace });
  if (kindOf(kind) === 'namespace' && name && positionals.length === 2) {
    createNamespace(session.cluster, name);
    session.save();
    say(`namespace/${name} created`);
    return 0;
  }
  if (kindOf(kind) === 'deployment' && name && flags.image && positionals.length === 2) {
    const namespace = session.cluster.namespaces[session.namespaceName];
    if (!namespace)
      fail(`error: failed to create deployment: namespaces "${session.namespaceName}" not found`);
    if (namespace.deployments[name])
      fail(`error: failed to create deployment: deployments.apps "${name}" already exists`);
    deploy(namespace, name, bareTemplate(flags.image));
    session.save();
    say(`deployment.apps/${name} created`);
    return 0;
  }
  return notSimulated(tool, whole);
}

export async function apply(tool, argv) {
  const { flags } = parseArgs(tool, argv, {
    values: { ...NAMESPACE_FLAGS, '-f': 'file', '--filename': 'file' },
  });
  if (flags.file !== '-') fail('fake oc: only "oc apply -f -" (a manifest on stdin) is simulated.', 2);
  const session = openSession(tool, { namespace: flags.namespace });
  let documents;
  try {
    documents = loadAll(await readAllStdin()).filter(Boolean);
  } catch (error) {
    fail(`error: error parsing STDIN: ${error.reason ?? error.message}`);
  }
  if (documents.length === 0) fail('error: no objects passed to apply');
  for (const manifest of documents) {
    if (manifest.kind !== 'Deployment' || manifest.apiVersion !== 'apps/v1') {
      fail(
        `fake oc: applying ${manifest.apiVersion}/${manifest.kind} is not simulated (only apps/v1 Deployment).`,
        2,
      );
    }
    const name = manifest.metadata?.name;
    if (!name) fail('error: error validating "STDIN": metadata.name is required');
    const namespace = namespaceOf(session.cluster, manifest.metadata.namespace ?? session.namespaceName);
    const template = manifest.spec?.template?.spec;
    if (!template?.containers?.length)
      fail(`error: error validating "STDIN": spec.template.spec.containers is required`);
    const existing = namespace.deployments[name];
    if (existing && !existing.applied) {
      warn(
        `Warning: resource deployments/${name} is missing the kubectl.kubernetes.io/last-applied-configuration ` +
          'annotation which is required by oc apply. oc apply should only be used on resources created declaratively ' +
          'by either oc create --save-config or oc apply. The missing annotation will be patched automatically.',
      );
    }
    if (existing && JSON.stringify(existing.template) === JSON.stringify(template)) {
      existing.applied = true;
      say(`deployment.apps/${name} unchanged`);
      continue;
    }
    deploy(namespace, name, template);
    namespace.deployments[name].applied = true;
    say(`deployment.apps/${name} ${existing ? 'configured' : 'created'}`);
  }
  session.save();
  return 0;
}

export function expose(tool, argv, whole) {
  const { flags, positionals } = parseArgs(tool, argv, {
    values: {
      ...NAMESPACE_FLAGS,
      '--port': 'port',
      '--type': 'type',
      '--name': 'name',
      '--target-port': 'targetPort',
    },
  });
  const { kind, name } = resourceRef(positionals);
  if (kindOf(kind) !== 'deployment' || !name || !flags.port) return notSimulated(tool, whole);
  const session = openSession(tool, { namespace: flags.namespace });
  const namespace = namespaceOf(session.cluster, session.namespaceName);
  if (!namespace.deployments[name])
    fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
  const type = flags.type ?? 'ClusterIP';
  if (!['ClusterIP', 'NodePort', 'LoadBalancer'].includes(type))
    fail(`error: invalid service type "${type}"`);
  // Azure hands out a public address; OpenShift Local has no load balancer, so it stays pending.
  createService(namespace, flags.name ?? name, {
    type,
    port: flags.port,
    external: session.cluster.id === 'aro',
  });
  session.save();
  say(`service/${flags.name ?? name} exposed`);
  return 0;
}

function matches(selector, labels) {
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=');
    return labels?.[key] === value;
  });
}

export function del(tool, argv, whole) {
  const { flags, positionals } = parseArgs(tool, argv, {
    values: { ...NAMESPACE_FLAGS, '-l': 'selector', '--selector': 'selector' },
    booleans: { '--wait': 'wait' },
  });
  const session = openSession(tool, { namespace: flags.namespace });
  const { kind, name } = resourceRef(positionals);
  if (kindOf(kind) === 'namespace' && name && positionals.length === 2 && !flags.selector) {
    namespaceOf(session.cluster, name);
    delete session.cluster.namespaces[name];
    session.save();
    say(`namespace "${name}" deleted`);
    return 0;
  }
  if (kindOf(kind) !== 'pod' || (name === undefined) === (flags.selector === undefined))
    return notSimulated(tool, whole);
  const namespace = namespaceOf(session.cluster, session.namespaceName);
  const names = positionals[0].includes('/') ? [name] : positionals.slice(1);
  const doomed = flags.selector
    ? namespace.pods.filter((pod) => matches(flags.selector, pod.labels))
    : names.map(
        (podName) =>
          namespace.pods.find((pod) => pod.name === podName) ??
          fail(`Error from server (NotFound): pods "${podName}" not found`),
      );
  if (doomed.length === 0) {
    warn(`No resources found`);
    return 0;
  }
  for (const pod of doomed) {
    namespace.pods = namespace.pods.filter((other) => other !== pod);
    say(`pod "${pod.name}" deleted`);
    // The deployment's replica set replaces the pod at once: same template hash, new suffix.
    if (namespace.deployments[pod.deployment] || pod.deployment.startsWith('skupper-')) {
      startPod(namespace, pod.deployment, Number(pod.ready.split('/')[1]));
    }
  }
  session.save();
  return 0;
}
