// Secrets that recorded output may reveal. The page source should already say `<redacted>`; this is the
// safety net for when an author forgets, so the value never reaches the build.

export const REDACTED = '<redacted>';

// crc prints the developer user's password, which is the documented default `developer` and no
// secret; redacting it would hide a value readers need.
const PUBLIC_PASSWORDS = new Set(['developer', REDACTED]);

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const RULES: readonly Rule[] = [
  {
    // `Password: cKiLy-5umju-...` (crc start), `password=...`, `"password": "..."`. Not a bare `secret:`:
    // skupper says "held in secret: 'skupper-console-users'", a secret's name, not its value.
    pattern: /(\b(?:password|passwd|client[-_]?secret|api[-_]?key)"?\s*[:=]\s*"?)([^\s",]+)/gi,
    replace: (match, label: string, value: string) =>
      PUBLIC_PASSWORDS.has(value) ? match : `${label}${REDACTED}`,
  },
  {
    pattern: /(\bBearer\s+)([A-Za-z0-9._~+/-]+=*)/g,
    replace: (match, label: string, value: string) => (value === REDACTED ? match : `${label}${REDACTED}`),
  },
  {
    // OpenShift OAuth tokens (`oc whoami -t`, `--token=sha256~...`).
    pattern: /\bsha256~[A-Za-z0-9_-]{16,}/g,
    replace: () => `sha256~${REDACTED}`,
  },
  {
    // `--token=...`, `token: ...` (kubeconfig); not "Token written to ...", which has no `:`/`=`.
    pattern: /(\btoken"?\s*[:=]\s*"?)([^\s",<]{8,})/gi,
    replace: (_match, label: string) => `${label}${REDACTED}`,
  },
  {
    pattern: /-----BEGIN ([A-Z ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/g,
    replace: (_match, kind: string) => `-----BEGIN ${kind}-----\n${REDACTED}\n-----END ${kind}-----`,
  },
];

/** The text with every secret-looking value replaced by `<redacted>`. */
export function redactSecrets(text: string): string {
  return RULES.reduce(
    (current, rule) =>
      current.replace(rule.pattern, (match: string, ...groups: unknown[]) =>
        rule.replace(match, ...groups.filter((group): group is string => typeof group === 'string')),
      ),
    text,
  );
}
