// The PodSecurity "restricted" checks that the walkthrough's warning names, worded as the API server
// words them, so that a compliant manifest gets no warning and a bare one gets the seed's warning.

function names(kind, list) {
  return `${kind}${list.length > 1 ? 's' : ''} ${list.map((name) => `"${name}"`).join(', ')}`;
}

/** @returns {string[]} the violated checks, in the API server's order */
export function restrictedViolations(podSpec) {
  const containers = podSpec?.containers ?? [];
  const pod = podSpec?.securityContext ?? {};
  const escalating = containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
  const capable = containers.filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
  const rootable = containers.filter((c) => {
    const own = c.securityContext?.runAsNonRoot;
    return own === false || (own !== true && pod.runAsNonRoot !== true);
  });
  const allowed = (profile) => profile?.type === 'RuntimeDefault' || profile?.type === 'Localhost';
  const unconfined = containers.filter((c) => {
    const own = c.securityContext?.seccompProfile;
    return own ? !allowed(own) : !allowed(pod.seccompProfile);
  });
  const found = [];
  if (escalating.length > 0) {
    const who = names(
      'container',
      escalating.map((c) => c.name),
    );
    found.push(
      `allowPrivilegeEscalation != false (${who} must set securityContext.allowPrivilegeEscalation=false)`,
    );
  }
  if (capable.length > 0) {
    const who = names(
      'container',
      capable.map((c) => c.name),
    );
    found.push(`unrestricted capabilities (${who} must set securityContext.capabilities.drop=["ALL"])`);
  }
  if (rootable.length > 0) {
    const who = `pod or ${names(
      'container',
      rootable.map((c) => c.name),
    )}`;
    found.push(`runAsNonRoot != true (${who} must set securityContext.runAsNonRoot=true)`);
  }
  if (unconfined.length > 0) {
    const who = `pod or ${names(
      'container',
      unconfined.map((c) => c.name),
    )}`;
    found.push(
      `seccompProfile (${who} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`,
    );
  }
  return found;
}

export function podSecurityWarning(violations) {
  return `Warning: would violate PodSecurity "restricted:v1.24": ${violations.join(', ')}`;
}

/** What `oc create deployment NAME --image IMAGE` puts in the pod template. */
export function bareTemplate(image) {
  const container = image.split('/').pop().split('@')[0].split(':')[0];
  return { containers: [{ name: container, image }] };
}
