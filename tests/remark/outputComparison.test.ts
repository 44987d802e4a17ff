import { describe, expect, it } from 'vitest';
import { compareOutput, normalizeOutput } from '../../src/remark/outputComparison';

describe('normalizeOutput', () => {
  it.each([
    [
      'ages',
      'backend   1/1   Running   0   76s\nrouter   2/2   Running   0   3m54s',
      'backend 1/1 Running 0 <age>\nrouter 2/2 Running 0 <age>',
    ],
    [
      'pod hash suffixes',
      'backend-79c4d4676f-7s9kv\nskupper-router-58578d87f8-tbl7m\nbackend-79c4d4676f-zrfzc',
      'backend-<pod>\nskupper-router-<pod>\nbackend-<pod>',
    ],
    [
      'IPv4 addresses',
      'frontend LoadBalancer 172.30.155.146 40.88.201.78 8080:30547/TCP',
      'frontend LoadBalancer <ip> <ip> 8080:30547/TCP',
    ],
    ['timestamps', 'at 2022-12-07T10:21:33Z and 10:21:34.5', 'at <time> and <time>'],
    ['UUIDs', 'https://claims.example/d57e084e-7654-11ed-9e43-acde48001122', 'https://claims.example/<uuid>'],
    ['hex hashes', 'frontend:2010aba1e1bb5a348fdb498aa75ea97f6e30ee02', 'frontend:<hex>'],
    [
      'terminal colours and CRLF',
      '\u001b[32mdeployment.apps/frontend created\u001b[0m\r\n',
      'deployment.apps/frontend created',
    ],
    ['secrets', '  Password: cKiLy-5umju-GnxbP-Lfqpb', 'Password: <redacted>'],
  ])('replaces %s', (_what, input, normalized) => {
    expect(normalizeOutput(input)).toBe(normalized);
  });

  it('leaves stable words alone', () => {
    const text =
      'namespace/hello-world created\nSkupper is enabled for namespace "default" in interior mode.';
    expect(normalizeOutput(text)).toBe(text);
  });
});

describe('compareOutput', () => {
  const recorded = [
    'NAME                       READY   STATUS    RESTARTS   AGE',
    'backend-79c4d4676f-7s9kv   1/1     Running   0          76s',
    'frontend-c684c5c45-295hd   1/1     Running   0          92s',
  ].join('\n');

  it('matches a later run whose pods, ages and column widths differ', () => {
    const run = [
      'NAME                        READY   STATUS    RESTARTS   AGE',
      'backend-6d9f7b8c45-x2kqp    1/1     Running   0          5m',
      'frontend-7f8d9c6b54-abcde   1/1     Running   0          5m2s',
    ].join('\n');
    expect(compareOutput(recorded, run)).toEqual({ matches: true });
  });

  it('points at the first line that differs', () => {
    const run = recorded.replace(
      'backend-79c4d4676f-7s9kv   1/1     Running',
      'backend-79c4d4676f-7s9kv   0/1     CrashLoopBackOff',
    );
    expect(compareOutput(recorded, run)).toEqual({
      matches: false,
      mismatch: {
        line: 2,
        expected: 'backend-<pod> 1/1 Running 0 <age>',
        actual: 'backend-<pod> 0/1 CrashLoopBackOff 0 <age>',
      },
    });
  });

  it('treats <redacted> as any value', () => {
    expect(
      compareOutput('Username: kubeadmin\nPassword: <redacted>', 'Username: kubeadmin\nPassword: AbCd-123'),
    ).toEqual({
      matches: true,
    });
    expect(
      compareOutput('oc login -p <redacted> https://api', 'oc login -p s3cr3t-value https://api').matches,
    ).toBe(true);
  });

  it('fails an exact comparison on extra or missing lines', () => {
    expect(compareOutput('a\nb', 'a\nb\nc').matches).toBe(false);
    expect(compareOutput('a\nb', 'a').mismatch).toEqual({ line: 2, expected: 'b', actual: undefined });
  });

  it('in subsequence mode, accepts other lines between the expected ones but not a different order', () => {
    const expected = 'INFO Starting CRC VM\nStarted the OpenShift cluster.';
    const run = 'INFO Checking RAM\nINFO Starting CRC VM\nINFO Waiting\nStarted the OpenShift cluster.\n';
    expect(compareOutput(expected, run, { mode: 'subsequence' }).matches).toBe(true);
    expect(
      compareOutput('Started the OpenShift cluster.\nINFO Starting CRC VM', run, { mode: 'subsequence' })
        .matches,
    ).toBe(false);
  });
});
