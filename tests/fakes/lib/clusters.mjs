// The simulated clusters: `local` (OpenShift Local, up only while `crc start` has it running) and
// `aro` (any other API URL). Each keeps namespaces, deployments, pods, services and a Skupper site.
import { fail, readJson, statePath, writeJson } from './state.mjs';
import { randomIp, randomSuffix, templateHash } from './names.mjs';

export const LOCAL_SERVER = 'https://api.crc.testing:6443';

export function normalizeServer(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    fail(`error: ${JSON.stringify(url)} is not a valid server URL`);
  }
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export function clusterIdFor(server) {
  return normalizeServer(server) === LOCAL_SERVER ? 'local' : 'aro';
}

export function crcState(tool) {
  return readJson(statePath(tool, 'crc.json'), { pullSecretConfigured: false, running: false });
}

export function saveCrcState(tool, state) {
  writeJson(statePath(tool, 'crc.json'), state);
}

function newCluster(id, server) {
  const host = new URL(server).hostname;
  const appsDomain = id === 'local' ? 'apps-crc.testing' : host.replace(/^api\./, 'apps.');
  return { id, server, appsDomain, baseProjects: 66, namespaces: { default: newNamespace() } };
}

function newNamespace() {
  return { createdAt: Date.now(), deployments: {}, pods: [], services: {}, skupper: null };
}

/** Loads a cluster the way a client reaches it: refused when OpenShift Local is not running. */
export function openCluster(tool, server) {
  const id = clusterIdFor(server);
  if (id === 'local' && !crcState(tool).running) {
    fail(
      `error: dial tcp 127.0.0.1:6443: connect: connection refused - verify you have provided the correct ` +
        'host and port and that the server is currently running.',
    );
  }
  const cluster =
    readJson(statePath(tool, `cluster-${id}.json`), null) ?? newCluster(id, normalizeServer(server));
  return { cluster, save: () => writeJson(statePath(tool, `cluster-${id}.json`), cluster) };
}

export function openClusterById(tool, id) {
  const cluster = readJson(statePath(tool, `cluster-${id}.json`), null);
  if (!cluster) fail(`error: the ${id} cluster has never been reached`);
  return { cluster, save: () => writeJson(statePath(tool, `cluster-${id}.json`), cluster) };
}

export function namespaceOf(cluster, name, kind = 'namespaces') {
  const namespace = cluster.namespaces[name];
  if (!namespace) fail(`Error from server (NotFound): ${kind} "${name}" not found`);
  return namespace;
}

export function createNamespace(cluster, name) {
  if (cluster.namespaces[name])
    fail(`Error from server (AlreadyExists): namespaces "${name}" already exists`);
  cluster.namespaces[name] = newNamespace();
}

export function projectCount(cluster) {
  return cluster.baseProjects + Object.keys(cluster.namespaces).length - 1;
}

/** A deployment's one replica: a pod named `<deployment>-<template hash>-<random>`. */
export function startPod(namespace, deployment, containers = 1) {
  const template = namespace.deployments[deployment]?.template ?? { deployment };
  const pod = {
    name: `${deployment}-${templateHash(template)}-${randomSuffix()}`,
    deployment,
    labels: { app: deployment },
    ready: `${containers}/${containers}`,
    createdAt: Date.now(),
  };
  namespace.pods.push(pod);
  return pod;
}

export function createService(namespace, name, { type, port, external }) {
  if (namespace.services[name]) fail(`Error from server (AlreadyExists): services "${name}" already exists`);
  const nodePort = type === 'ClusterIP' ? undefined : 30000 + Math.floor(Math.random() * 2768);
  namespace.services[name] = {
    type,
    clusterIP: randomIp('172.30'),
    externalIP: type === 'LoadBalancer' ? (external ? randomIp('40') : '<pending>') : '<none>',
    ports: nodePort ? `${port}:${nodePort}/TCP` : `${port}/TCP`,
    createdAt: Date.now(),
  };
}
