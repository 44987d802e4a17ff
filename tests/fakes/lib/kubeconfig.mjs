// A kubeconfig-like JSON file: contexts (server, user, namespace), the current one, login tokens.
// Its path follows oc's rule ($KUBECONFIG, first entry), else it lives in the fakes' state dir.
import { readFileSync, existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fail, statePath, writeJson } from './state.mjs';

const FORMAT = 'fake-kubeconfig/v1';

export function kubeconfigPath(tool) {
  const fromEnv = (process.env.KUBECONFIG ?? '').split(delimiter).find(Boolean);
  return fromEnv ?? statePath(tool, 'kubeconfig.json');
}

export function loadKubeconfig(tool) {
  const path = kubeconfigPath(tool);
  if (!existsSync(path)) return { format: FORMAT, currentContext: null, contexts: {}, tokens: {} };
  let config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    config = undefined;
  }
  if (config?.format !== FORMAT) {
    // A real kubeconfig: never overwrite it with a simulated one.
    fail(`fake ${tool}: ${path} is not a fake kubeconfig; point KUBECONFIG at a temp file for tests.`, 2);
  }
  return config;
}

export function saveKubeconfig(tool, config) {
  writeJson(kubeconfigPath(tool), config);
}

/** What oc calls a context after a login: `namespace/server-with-dashes/user`. */
export function loginContextName(server, user, namespace) {
  const host = new URL(server).host.replaceAll('.', '-');
  return `${namespace}/${host}/${user}`;
}

export function currentContext(tool, config) {
  const name = config.currentContext;
  const context = name ? config.contexts[name] : undefined;
  if (!context) {
    fail(
      'error: Missing or incomplete configuration info.  Please point to an existing, complete config file:\n\n' +
        '  1. Via the command-line flag --kubeconfig\n' +
        '  2. Via the KUBECONFIG environment variable\n' +
        '  3. In your home directory as ~/.kube/config\n\n' +
        "To view or setup config directly use the 'config' command.",
    );
  }
  return { name, ...context };
}

export function tokenKey(server, user) {
  return `${user}@${server}`;
}
