/**
 * The one place that knows the per-start tokens. A token is 32 random bytes (base64url), made at
 * start and never written to disk: it travels to the page only in a printed URL's fragment.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `full` may type into shells; `audience` may only watch (presenter mode). */
export type Access = 'full' | 'audience';

export interface AccessTokens {
  readonly token: string;
  readonly audienceToken: string | undefined;
  /** The access a presented token grants, or undefined. Constant time in the candidate's content. */
  check(candidate: string | null | undefined): Access | undefined;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * `token`, `audienceToken`: given from outside (a workspace pod's mounted Secret, so the workshop router knows it
 * before the pod starts) instead of a fresh one.
 */
export function createAccessTokens(options: {
  audience: boolean;
  token?: string;
  audienceToken?: string;
}): AccessTokens {
  const token = options.token ?? newToken();
  const audienceToken = options.audienceToken ?? (options.audience ? newToken() : undefined);
  const tokenDigest = digest(token);
  const audienceDigest = audienceToken === undefined ? undefined : digest(audienceToken);
  return {
    token,
    audienceToken,
    check(candidate) {
      if (typeof candidate !== 'string' || candidate.length === 0) return undefined;
      // Comparing fixed-length digests keeps timingSafeEqual's equal-length rule from leaking the length.
      const presented = digest(candidate);
      const isFull = timingSafeEqual(presented, tokenDigest);
      const isAudience = audienceDigest !== undefined && timingSafeEqual(presented, audienceDigest);
      if (isFull) return 'full';
      if (isAudience) return 'audience';
      return undefined;
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
