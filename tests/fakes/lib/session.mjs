// What every oc and skupper command starts with: the kubeconfig's current context, its login token,
// and the simulated cluster behind its server.
import { fail } from './state.mjs';
import { currentContext, loadKubeconfig, tokenKey } from './kubeconfig.mjs';
import { openCluster } from './clusters.mjs';

export function openSession(tool, { namespace, context } = {}) {
  const config = loadKubeconfig(tool);
  let ctx;
  if (context) {
    ctx = config.contexts[context];
    if (!ctx) fail(`error: context "${context}" does not exist`);
    ctx = { name: context, ...ctx };
  } else {
    ctx = currentContext(tool, config);
  }
  if (!config.tokens[tokenKey(ctx.server, ctx.user)])
    fail('error: You must be logged in to the server (Unauthorized)');
  const { cluster, save } = openCluster(tool, ctx.server);
  return { config, context: ctx, cluster, save, namespaceName: namespace ?? ctx.namespace ?? 'default' };
}
