/**
 * OpenShift's Route (route.openshift.io/v1) is not in kubernetes-models: the fields our Route uses,
 * checked against the API's documented shape. Throws with the field that is wrong.
 */
export function validateRoute(route: object): void {
  const spec = (route as { spec?: unknown }).spec as {
    host?: unknown;
    to?: { kind?: unknown; name?: unknown; weight?: unknown };
    port?: { targetPort?: unknown };
    tls?: { termination?: unknown; insecureEdgeTerminationPolicy?: unknown };
  };
  if (!spec || typeof spec !== 'object') throw new Error('Route.spec: required');
  if (spec.host !== undefined && typeof spec.host !== 'string') throw new Error('Route.spec.host: a string');
  if (spec.to?.kind !== 'Service') throw new Error('Route.spec.to.kind: must be Service');
  if (typeof spec.to.name !== 'string' || spec.to.name === '')
    throw new Error('Route.spec.to.name: required');
  if (spec.to.weight !== undefined && !Number.isInteger(spec.to.weight))
    throw new Error('Route.spec.to.weight: an integer');
  const target = spec.port?.targetPort;
  if (target !== undefined && typeof target !== 'string' && !Number.isInteger(target))
    throw new Error('Route.spec.port.targetPort: a port name or number');
  if (spec.tls) {
    if (!['edge', 'passthrough', 'reencrypt'].includes(String(spec.tls.termination)))
      throw new Error('Route.spec.tls.termination: edge, passthrough or reencrypt');
    const insecure = spec.tls.insecureEdgeTerminationPolicy;
    if (insecure !== undefined && !['Allow', 'None', 'Redirect', ''].includes(String(insecure)))
      throw new Error('Route.spec.tls.insecureEdgeTerminationPolicy: Allow, None or Redirect');
  }
}
