// `oc config current-context | rename-context | use-context | set-context | get-contexts`.
import { fail, notSimulated } from './state.mjs';
import { parseArgs } from './args.mjs';
import { kubeconfigPath, loadKubeconfig, saveKubeconfig } from './kubeconfig.mjs';
import { printTable } from './table.mjs';

export function config(tool, argv, whole) {
  const [verb, ...rest] = argv;
  const kubeconfig = loadKubeconfig(tool);
  const save = () => saveKubeconfig(tool, kubeconfig);
  const say = (line) => process.stdout.write(`${line}\n`);
  if (verb === 'current-context' && rest.length === 0) {
    if (!kubeconfig.currentContext) fail('error: current-context is not set');
    say(kubeconfig.currentContext);
    return 0;
  }
  if (verb === 'rename-context' && rest.length === 2) {
    const [from, to] = rest;
    const where = kubeconfigPath(tool);
    if (!kubeconfig.contexts[from]) fail(`error: cannot rename the context "${from}", it's not in ${where}`);
    if (kubeconfig.contexts[to])
      fail(`error: cannot rename the context "${from}", the context "${to}" already exists in ${where}`);
    kubeconfig.contexts[to] = kubeconfig.contexts[from];
    delete kubeconfig.contexts[from];
    if (kubeconfig.currentContext === from) kubeconfig.currentContext = to;
    save();
    say(`Context "${from}" renamed to "${to}".`);
    return 0;
  }
  if (verb === 'use-context' && rest.length === 1) {
    const [name] = rest;
    if (!kubeconfig.contexts[name]) fail(`error: no context exists with the name: "${name}"`);
    kubeconfig.currentContext = name;
    save();
    say(`Switched to context "${name}".`);
    return 0;
  }
  if (verb === 'set-context') {
    const { flags, positionals } = parseArgs(tool, rest, {
      values: { '--namespace': 'namespace' },
      booleans: { '--current': 'current' },
    });
    const name = flags.current ? kubeconfig.currentContext : positionals[0];
    if (!name)
      fail(
        flags.current
          ? 'error: no current context is set'
          : 'error: you must specify a context name or --current',
      );
    const existed = Boolean(kubeconfig.contexts[name]);
    kubeconfig.contexts[name] = { ...kubeconfig.contexts[name] };
    if (flags.namespace !== undefined) kubeconfig.contexts[name].namespace = flags.namespace;
    save();
    say(`Context "${name}" ${existed ? 'modified' : 'created'}.`);
    return 0;
  }
  if (verb === 'get-contexts' && rest.length === 0) {
    const rows = Object.entries(kubeconfig.contexts).map(([name, c]) => [
      name === kubeconfig.currentContext ? '*' : '',
      name,
      new URL(c.server ?? 'https://unknown').host.replaceAll('.', '-'),
      c.user ?? '',
      c.namespace ?? '',
    ]);
    printTable([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ...rows]);
    return 0;
  }
  return notSimulated(tool, whole);
}
