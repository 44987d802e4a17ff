// Fake `crc` (Red Hat OpenShift Local), for tests only: start (asking for the pull secret when none
// is configured), oc-env, console --credentials, status, stop.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, notSimulated, runFake } from './state.mjs';
import { LOCAL_SERVER, crcState, openCluster, saveCrcState } from './clusters.mjs';
import { loadKubeconfig, saveKubeconfig, tokenKey } from './kubeconfig.mjs';
import { generatedPassword, randomSuffix } from './names.mjs';
import { readSecretLine } from './tty.mjs';

const TOOL = 'crc';
// Like ~/.crc/bin/oc: a directory holding `oc` alone, so that `eval $(crc oc-env)` adds no other fake.
const OC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'crc-bin');

const PREFLIGHT = [
  'WARN A new version (2.11.0) has been published on https://developers.redhat.com/content-gateway/file/pub/openshift-v4/clients/crc/2.11.0/crc-macos-installer.pkg',
  'INFO Checking if running as non-root',
  'INFO Checking if crc-admin-helper executable is cached',
  'INFO Checking for obsolete admin-helper executable',
  'INFO Checking if running on a supported CPU architecture',
  'INFO Checking minimum RAM requirements',
  'INFO Checking if crc executable symlink exists',
  'INFO Checking if running emulated on a M1 CPU',
  'INFO Checking if vfkit is installed',
  'INFO Checking if old launchd config for tray and/or daemon exists',
  'INFO Checking if crc daemon plist file is present and loaded',
  'INFO Loading bundle: crc_vfkit_4.11.7_amd64...',
];

const PROGRESS = [
  'INFO Creating CRC VM for openshift 4.11.7...',
  'INFO Generating new SSH key pair...',
  'INFO Generating new password for the kubeadmin user',
  'INFO Starting CRC VM for openshift 4.11.7...',
  'INFO CRC instance is running with IP 127.0.0.1',
  'INFO CRC VM is running',
  'INFO Updating authorized keys...',
  'INFO Check internal and public DNS query...',
  'INFO Check DNS query from host...',
  'INFO Verifying validity of the kubelet certificates...',
  'INFO Starting kubelet service',
  'INFO Waiting for kube-apiserver availability... [takes around 2min]',
  "INFO Adding user's pull secret to the cluster...",
  'INFO Updating SSH key to machine config resource...',
  "INFO Waiting for user's pull secret part of instance disk...",
  'INFO Changing the password for the kubeadmin user',
  'INFO Updating cluster ID...',
  'INFO Updating root CA cert to admin-kubeconfig-client-ca configmap...',
  'INFO Starting openshift instance... [waiting for the cluster to stabilize]',
  ...Array(4).fill(
    'INFO 3 operators are progressing: image-registry, openshift-controller-manager, service-ca',
  ),
  ...Array(2).fill('INFO 2 operators are progressing: image-registry, openshift-controller-manager'),
  ...Array(4).fill('INFO Operator openshift-controller-manager is progressing'),
  'INFO All operators are available. Ensuring stability...',
  'INFO Operators are stable (2/3)...',
  'INFO Operators are stable (3/3)...',
  'INFO Adding crc-admin and crc-developer contexts to kubeconfig...',
];

function print(lines) {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** crc validates the secret as a registry auth file before it creates anything. */
function checkPullSecret(secret) {
  let parsed;
  try {
    parsed = JSON.parse(secret);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed?.auths !== 'object' || parsed.auths === null) {
    fail(
      'invalid pull secret: it must be the JSON document with an "auths" key that the Red Hat console gives you',
    );
  }
}

async function start() {
  const state = crcState(TOOL);
  if (state.running) {
    print(['INFO A CRC VM for OpenShift 4.11.7 is already running', 'Started the OpenShift cluster.']);
    return 0;
  }
  print(PREFLIGHT);
  if (!state.pullSecretConfigured) {
    print([
      'CRC requires a pull secret to download content from Red Hat.',
      'You can copy it from the Pull Secret section of https://console.redhat.com/openshift/create/local.',
    ]);
    let secret;
    try {
      secret = await readSecretLine('? Please enter the pull secret ', { mask: '*' });
    } catch (error) {
      if (error.interrupted) return 130;
      throw error;
    }
    process.stdout.write('\n');
    checkPullSecret(secret);
    state.pullSecretConfigured = true;
  }
  print(PROGRESS);
  state.running = true;
  state.password ??= process.env.FAKE_CRC_KUBEADMIN_PASSWORD || generatedPassword();
  saveCrcState(TOOL, state);
  openCluster(TOOL, LOCAL_SERVER).save();
  addCrcContexts(state.password);
  print([
    'Started the OpenShift cluster.',
    '',
    'The server is accessible via web console at:',
    '  https://console-openshift-console.apps-crc.testing',
    '',
    'Log in as administrator:',
    '  Username: kubeadmin',
    `  Password: ${state.password}`,
    '',
    'Log in as user:',
    '  Username: developer',
    '  Password: developer',
    '',
    "Use the 'oc' command line interface:",
    '  $ eval $(crc oc-env)',
    `  $ oc login -u developer ${LOCAL_SERVER}`,
  ]);
  return 0;
}

/** Why a later `oc login -u kubeadmin` says "using existing credentials". */
function addCrcContexts() {
  const config = loadKubeconfig(TOOL);
  for (const user of ['kubeadmin', 'developer']) {
    const name = user === 'kubeadmin' ? 'crc-admin' : 'crc-developer';
    config.contexts[name] = { server: LOCAL_SERVER, user, namespace: 'default' };
    config.tokens[tokenKey(LOCAL_SERVER, user)] = `sha256~${randomSuffix(43)}`;
  }
  config.currentContext = 'crc-admin';
  saveKubeconfig(TOOL, config);
}

function requireRunning() {
  const state = crcState(TOOL);
  if (!state.running) fail('The OpenShift cluster is not running. Start it with: crc start');
  return state;
}

async function main(argv) {
  const [command, ...rest] = argv;
  const line = rest.join(' ');
  if (command === 'start' && line === '') return start();
  if (command === 'oc-env' && line === '') {
    print([
      `export PATH="${OC_DIR}:$PATH"`,
      '# Run this command to configure your shell:',
      '# eval $(crc oc-env)',
    ]);
    return 0;
  }
  if (command === 'console' && line === '--credentials') {
    const { password } = requireRunning();
    print([
      `To login as a regular user, run 'oc login -u developer -p developer ${LOCAL_SERVER}'.`,
      `To login as an admin, run 'oc login -u kubeadmin -p ${password} ${LOCAL_SERVER}'`,
    ]);
    return 0;
  }
  if (command === 'status' && line === '') {
    const running = crcState(TOOL).running;
    print([
      `CRC VM:          ${running ? 'Running' : 'Stopped'}`,
      `OpenShift:       ${running ? 'Running (v4.11.7)' : 'Stopped (v4.11.7)'}`,
    ]);
    return 0;
  }
  if (command === 'stop' && line === '') {
    const state = crcState(TOOL);
    if (!state.running) {
      print(['Instance is already stopped']);
      return 0;
    }
    print([
      'INFO Stopping kubelet and all containers...',
      'INFO Stopping the instance, this may take a few minutes...',
      'Stopped the instance',
    ]);
    saveCrcState(TOOL, { ...state, running: false });
    return 0;
  }
  return notSimulated(TOOL, argv);
}

await runFake(TOOL, main);
