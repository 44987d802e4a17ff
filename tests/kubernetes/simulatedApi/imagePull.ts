/** The simulated node's image pulls (a test double: README.md). */

/**
 * How the "node" pulls the image of the pods created from now on: the container stays
 * `ContainerCreating` for `ms` and until `until` resolves (a test holds a pod Pending for as long
 * as it needs), then with `error` the pull fails (`ErrImagePull`), as for a mistyped --image.
 */
export interface ImagePull {
  ms: number;
  until?: Promise<void>;
  error?: string;
}

/** Resolves once the pull is over: after `ms`, and once `until` resolved. */
export async function pulled(pull: ImagePull): Promise<void> {
  await Promise.all([new Promise((resolve) => setTimeout(resolve, pull.ms)), pull.until]);
}
