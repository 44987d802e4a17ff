/**
 * The environment a workspace starts with: made from nothing, never copied from the server's own
 * (which may hold the instructor's credentials), with what shells and `oc` need.
 */
export function workspaceEnvironment(options: {
  home: string;
  displayName: string;
  kubeconfig?: string;
}): Record<string, string> {
  const env: Record<string, string> = {
    HOME: options.home,
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: process.env.LANG ?? 'C.UTF-8',
    TERM: 'xterm-256color',
    SHELL: '/bin/bash',
    USER: 'attendee',
    WORKSHOP_ATTENDEE: options.displayName,
  };
  if (options.kubeconfig) env.KUBECONFIG = options.kubeconfig;
  return env;
}
