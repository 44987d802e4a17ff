// Fake `skupper` (the 1.x command line), for tests only: init, status, token create, link create,
// link status, expose, delete, version. A site lives in a namespace of a simulated cluster.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, notSimulated, runFake } from './state.mjs';
import { parseArgs } from './args.mjs';
import { createService, namespaceOf, openClusterById, startPod } from './clusters.mjs';
import { openSession } from './session.mjs';
import { randomUuid } from './names.mjs';

const TOOL = 'skupper';
const say = (line) => process.stdout.write(`${line}\n`);

function siteOf(session) {
  const namespace = namespaceOf(session.cluster, session.namespaceName);
  return { namespace, site: namespace.skupper };
}

function requireSite(session) {
  const found = siteOf(session);
  if (!found.site) fail(`Error: Skupper is not enabled in namespace '${session.namespaceName}'`);
  return found;
}

/** The other end of a link, when its site still exists. */
function peer(ref) {
  try {
    const { cluster } = openClusterById(TOOL, ref.cluster);
    return cluster.namespaces[ref.namespace]?.skupper ?? null;
  } catch {
    return null;
  }
}

function init(session) {
  const { namespace, site } = siteOf(session);
  if (!site) {
    namespace.skupper = { id: randomUuid(), createdAt: Date.now(), links: [], incoming: [], exposed: [] };
    startPod(namespace, 'skupper-router', 2);
    startPod(namespace, 'skupper-service-controller', 1);
    session.save();
  }
  say(
    `Skupper is now installed in namespace '${session.namespaceName}'.  Use 'skupper status' to get more information.`,
  );
  return 0;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function status(session) {
  const { site } = siteOf(session);
  if (!site) {
    say(`Skupper is not enabled in namespace '${session.namespaceName}'`);
    return 0;
  }
  const connected = [...site.links, ...site.incoming].filter((ref) => peer(ref)).length;
  const links =
    connected === 0
      ? 'It is not connected to any other sites.'
      : `It is connected to ${plural(connected, 'other site')}.`;
  const services =
    site.exposed.length === 0
      ? 'It has no exposed services.'
      : `It has ${plural(site.exposed.length, 'exposed service')}.`;
  say(`Skupper is enabled for namespace "${session.namespaceName}" in interior mode. ${links} ${services}`);
  say(`The site console url is:  https://skupper-${session.namespaceName}.${session.cluster.appsDomain}`);
  say("The credentials for internal console-auth mode are held in secret: 'skupper-console-users'");
  return 0;
}

function tokenCreate(session, file) {
  requireSite(session);
  const path = resolve(file);
  const token = {
    kind: 'fake-skupper-token',
    cluster: session.cluster.id,
    namespace: session.namespaceName,
    url: `https://claims-${session.namespaceName}.${session.cluster.appsDomain}:443/${randomUuid()}`,
  };
  writeFileSync(path, `${JSON.stringify(token)}\n`, { mode: 0o600 });
  say(`Token written to ${path}`);
  return 0;
}

function linkCreate(session, file) {
  const { site } = requireSite(session);
  if (!existsSync(file)) fail(`Error: Failed to create link: open ${file}: no such file or directory`);
  const token = JSON.parse(readFileSync(file, 'utf8'));
  if (token.kind !== 'fake-skupper-token') fail(`Error: Failed to create link: ${file} is not a token`);
  if (token.cluster === session.cluster.id && token.namespace === session.namespaceName) {
    fail("Error: Failed to create link: Can't create link to self");
  }
  const name = `link${site.links.length + 1}`;
  site.links.push({ name, cluster: token.cluster, namespace: token.namespace, url: token.url });
  session.save();
  // The cloud side learns of the incoming link (state of the other simulated cluster).
  const target = openClusterById(TOOL, token.cluster);
  target.cluster.namespaces[token.namespace]?.skupper?.incoming.push({
    cluster: session.cluster.id,
    namespace: session.namespaceName,
  });
  target.save();
  say(`Site configured to link to ${token.url} (name=${name})`);
  say("Check the status of the link using 'skupper link status'.");
  return 0;
}

function linkStatus(session) {
  const { site } = requireSite(session);
  say('Links created from this site:');
  say('-------------------------------');
  if (site.links.length === 0) say('There are no links configured or active');
  for (const link of site.links) say(`Link ${link.name} is ${peer(link) ? 'active' : 'not active'}`);
  say('');
  say('Currently active links from other sites:');
  say('----------------------------------------');
  const incoming = site.incoming.filter((ref) => peer(ref));
  if (incoming.length === 0) say('There are no active links');
  for (const ref of incoming)
    say(`A link from the namespace ${ref.namespace} on site ${ref.namespace}(${peer(ref).id}) is active`);
  return 0;
}

function expose(session, argv) {
  const { flags, positionals } = parseArgs(TOOL, argv, {
    values: { '--port': 'port', '--address': 'address' },
  });
  const [kind, maybeName] = positionals[0]?.includes('/') ? positionals[0].split('/') : positionals;
  if (kind !== 'deployment' || !maybeName || !flags.port) return notSimulated(TOOL, ['expose', ...argv]);
  const { namespace, site } = requireSite(session);
  if (!namespace.deployments[maybeName]) {
    fail(`Error: Unable to create skupper service: deployments.apps "${maybeName}" not found`);
  }
  const address = flags.address ?? maybeName;
  if (!site.exposed.includes(address)) site.exposed.push(address);
  if (!namespace.services[address])
    createService(namespace, address, { type: 'ClusterIP', port: flags.port });
  session.save();
  // Every linked site gets the service too: that is how the cloud front-end finds `backend`.
  for (const ref of [...site.links, ...site.incoming]) {
    const other = openClusterById(TOOL, ref.cluster);
    const otherNamespace = other.cluster.namespaces[ref.namespace];
    if (!otherNamespace?.skupper) continue;
    if (!otherNamespace.skupper.exposed.includes(address)) otherNamespace.skupper.exposed.push(address);
    if (!otherNamespace.services[address])
      createService(otherNamespace, address, { type: 'ClusterIP', port: flags.port });
    other.save();
  }
  say(`deployment ${maybeName} exposed as ${address}`);
  return 0;
}

function remove(session) {
  const { namespace, site } = siteOf(session);
  if (!site) {
    say(`Skupper not installed in '${session.namespaceName}'`);
    return 0;
  }
  namespace.skupper = null;
  namespace.pods = namespace.pods.filter((pod) => !pod.deployment.startsWith('skupper-'));
  session.save();
  say(`Skupper is now removed from '${session.namespaceName}'.`);
  return 0;
}

async function main(argv) {
  const { flags, rest } = splitGlobalFlags(argv);
  const [command, ...args] = rest;
  if (command === 'version' && args.length === 0) {
    say('client version                 1.4.3-fake');
    return 0;
  }
  const session = () => openSession(TOOL, flags);
  const line = args.join(' ');
  if (command === 'init' && line === '') return init(session());
  if (command === 'status' && line === '') return status(session());
  if (command === 'delete' && line === '') return remove(session());
  if (command === 'token' && args[0] === 'create' && args.length === 2)
    return tokenCreate(session(), args[1]);
  if (command === 'link' && args[0] === 'create' && args.length === 2) return linkCreate(session(), args[1]);
  if (command === 'link' && line === 'status') return linkStatus(session());
  if (command === 'expose') return expose(session(), args);
  return notSimulated(TOOL, argv);
}

/** Takes out `-n ns`, `--namespace=ns`, `-c ctx`: what is left is the command and its own arguments. */
function splitGlobalFlags(argv) {
  const names = { '-n': 'namespace', '--namespace': 'namespace', '-c': 'context', '--context': 'context' };
  const flags = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s);
    if (name in names) flags[names[name]] = inline ?? argv[++i];
    else rest.push(argv[i]);
  }
  return { flags, rest };
}

await runFake(TOOL, main);
