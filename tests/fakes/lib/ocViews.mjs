// `oc get` and `oc port-forward`: the commands that only read a simulated cluster.
import { fail, notSimulated } from './state.mjs';
import { parseArgs } from './args.mjs';
import { namespaceOf } from './clusters.mjs';
import { openSession } from './session.mjs';
import { humanAge, printTable } from './table.mjs';
import { kindOf, resourceRef } from './ocResources.mjs';

const NAMESPACE_FLAGS = { '-n': 'namespace', '--namespace': 'namespace' };

function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function pick(items, name, kind, namespaceName) {
  if (name === undefined) {
    if (items.length === 0) {
      process.stderr.write(`No resources found in ${namespaceName} namespace.\n`);
      return undefined;
    }
    return [...items].sort(byName);
  }
  const item = items.find((candidate) => candidate.name === name);
  if (!item) fail(`Error from server (NotFound): ${kind} "${name}" not found`);
  return [item];
}

export function get(tool, argv, whole) {
  const { flags, positionals } = parseArgs(tool, argv, { values: NAMESPACE_FLAGS });
  const { kind, name } = resourceRef(positionals);
  const resource = kindOf(kind);
  if (!resource || resource === 'namespace' || positionals.length > 2) return notSimulated(tool, whole);
  const session = openSession(tool, { namespace: flags.namespace });
  const namespace = namespaceOf(session.cluster, session.namespaceName);
  if (resource === 'pod') {
    const pods = pick(namespace.pods, name, 'pods', session.namespaceName);
    if (pods) {
      const rows = pods.map((pod) => [pod.name, pod.ready, 'Running', '0', humanAge(pod.createdAt)]);
      printTable([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...rows]);
    }
  } else if (resource === 'service') {
    const services = Object.entries(namespace.services).map(([serviceName, s]) => ({
      name: serviceName,
      ...s,
    }));
    const picked = pick(services, name, 'services', session.namespaceName);
    if (picked) {
      const rows = picked.map((s) => [
        s.name,
        s.type,
        s.clusterIP,
        s.externalIP,
        s.ports,
        humanAge(s.createdAt),
      ]);
      printTable([['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ...rows]);
    }
  } else {
    const deployments = Object.entries(namespace.deployments).map(([deploymentName, d]) => ({
      name: deploymentName,
      ...d,
    }));
    const picked = pick(deployments, name, 'deployments.apps', session.namespaceName);
    if (picked) {
      const rows = picked.map((d) => [d.name, '1/1', '1', '1', humanAge(d.createdAt)]);
      printTable([['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], ...rows]);
    }
  }
  return 0;
}

/** Prints the Forwarding lines, then runs until interrupted, as the real one does. */
export function portForward(tool, argv) {
  const { flags, positionals } = parseArgs(tool, argv, {
    values: { ...NAMESPACE_FLAGS, '--address': 'address' },
  });
  const [target, ...ports] = positionals;
  if (!target || ports.length === 0) fail('error: TYPE/NAME and list of ports are required for port-forward');
  const session = openSession(tool, { namespace: flags.namespace });
  const namespace = namespaceOf(session.cluster, session.namespaceName);
  const { kind, name } = target.includes('/') ? resourceRef([target]) : { kind: 'pod', name: target };
  if (kindOf(kind) === 'deployment') {
    if (!namespace.deployments[name])
      fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
  } else if (kindOf(kind) === 'pod') {
    if (!namespace.pods.some((pod) => pod.name === name))
      fail(`Error from server (NotFound): pods "${name}" not found`);
  } else {
    fail(`fake oc: port-forward to ${kind} is not simulated (pods and deployments are).`, 2);
  }
  // kubectl closes its forwarder on SIGINT and exits 0; SIGTERM and SIGHUP keep their default (death).
  process.on('SIGINT', () => process.exit(0));
  for (const mapping of ports) {
    const [local, remote = local] = mapping.split(':');
    process.stdout.write(
      `Forwarding from 127.0.0.1:${local} -> ${remote}\nForwarding from [::1]:${local} -> ${remote}\n`,
    );
  }
  setInterval(() => {}, 1 << 30);
  return new Promise(() => {});
}
