// Fake `oc`, for tests only: login, config, and the resource commands the walkthrough uses.
import { fail, notSimulated, runFake } from './state.mjs';
import { parseArgs } from './args.mjs';
import { clusterIdFor, crcState, normalizeServer, openCluster, projectCount } from './clusters.mjs';
import { currentContext, loadKubeconfig, loginContextName, saveKubeconfig, tokenKey } from './kubeconfig.mjs';
import { randomSuffix } from './names.mjs';
import { readSecretLine } from './tty.mjs';
import { config } from './ocConfig.mjs';
import { apply, create, del, expose } from './ocResources.mjs';
import { get, portForward } from './ocViews.mjs';

const TOOL = 'oc';

function expectedPassword(server, user) {
  if (clusterIdFor(server) === 'aro') return process.env.FAKE_ARO_KUBEADMIN_PASSWORD || null;
  if (user === 'developer') return 'developer';
  return user === 'kubeadmin' ? crcState(TOOL).password : undefined;
}

async function login(argv) {
  const { flags, positionals } = parseArgs(TOOL, argv, {
    values: {
      '-u': 'username',
      '--username': 'username',
      '-p': 'password',
      '--password': 'password',
      '--server': 'server',
      '-s': 'server',
    },
    booleans: { '--insecure-skip-tls-verify': 'insecure' },
  });
  const kubeconfig = loadKubeconfig(TOOL);
  const current = kubeconfig.currentContext ? kubeconfig.contexts[kubeconfig.currentContext] : undefined;
  const given = positionals[0] ?? flags.server ?? current?.server;
  if (!given) fail('error: Missing server URL: oc login <server URL>');
  const server = normalizeServer(given);
  const user = flags.username ?? current?.user;
  if (!user) fail('fake oc: "oc login" without -u is not simulated (tests/fakes/README.md).', 2);
  const { cluster } = openCluster(TOOL, server);
  const key = tokenKey(server, user);
  let headline;
  if (kubeconfig.tokens[key] && flags.password === undefined) {
    headline = `Logged into "${server}" as "${user}" using existing credentials.`;
  } else {
    let password = flags.password;
    if (password === undefined) {
      process.stdout.write(`Authentication required for ${server} (openshift)\nUsername: ${user}\n`);
      try {
        password = await readSecretLine('Password: ');
      } catch (error) {
        if (error.interrupted) return 130;
        throw error;
      }
    }
    const expected = expectedPassword(server, user);
    const accepted = password !== '' && (expected === null || password === expected);
    if (!accepted) fail('Login failed (401 Unauthorized)\nVerify you have provided the correct credentials.');
    kubeconfig.tokens[key] = `sha256~${randomSuffix(43)}`;
    headline = 'Login successful.';
  }
  // oc keeps the project a context of this server and user already had.
  const previous = Object.values(kubeconfig.contexts).find((c) => c.server === server && c.user === user);
  const namespace =
    previous?.namespace && cluster.namespaces[previous.namespace] ? previous.namespace : 'default';
  const name = loginContextName(server, user, namespace);
  kubeconfig.contexts[name] = { server, user, namespace };
  kubeconfig.currentContext = name;
  saveKubeconfig(TOOL, kubeconfig);
  process.stdout.write(
    `${headline}\n\nYou have access to ${projectCount(cluster)} projects, the list has been suppressed. ` +
      `You can list all projects with 'oc projects'\n\nUsing project "${namespace}".\n`,
  );
  return 0;
}

function whoami() {
  const kubeconfig = loadKubeconfig(TOOL);
  const context = currentContext(TOOL, kubeconfig);
  if (!kubeconfig.tokens[tokenKey(context.server, context.user)])
    fail('error: You must be logged in to the server (Unauthorized)');
  process.stdout.write(`${context.user === 'kubeadmin' ? 'kube:admin' : context.user}\n`);
  return 0;
}

async function main(argv) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'login':
      return login(rest);
    case 'whoami':
      return whoami();
    case 'config':
      return config(TOOL, rest, argv);
    case 'create':
      return create(TOOL, rest, argv);
    case 'apply':
      return apply(TOOL, rest);
    case 'get':
      return get(TOOL, rest, argv);
    case 'expose':
      return expose(TOOL, rest, argv);
    case 'delete':
      return del(TOOL, rest, argv);
    case 'port-forward':
      return portForward(TOOL, rest);
    default:
      return notSimulated(TOOL, argv);
  }
}

await runFake(TOOL, main);
