/**
 * A simulated Kubernetes API server: a TEST DOUBLE (see README.md), not a product part. Plain HTTP
 * on loopback with a bearer token, speaking the REST shapes `@kubernetes/client-node` uses for the
 * resources a workspace provider touches; pods run as real terminal-server processes (kubelet.ts).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PROJECT_ROOT } from '../../server/helpers/cliProcess';
import { SimulatedKubelet } from './kubelet';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './labelSelector';
import { restrictedViolations, type PodSpec } from './podSecurity';
import { parseTarget, RESOURCE_TYPES, type Target } from './resources';
import { ApiError, notFound, ObjectStore, type KubeObject } from './store';
import { streamWatch } from './watchStream';
import { Deleter } from './deleter';

export interface AuditEntry {
  readonly verb: 'create' | 'update' | 'delete';
  readonly resource: string;
  readonly namespace: string | undefined;
  readonly name: string;
}

export interface SimulatedCluster {
  /** `http://127.0.0.1:port` */
  readonly server: string;
  readonly token: string;
  readonly store: ObjectStore;
  readonly kubelet: SimulatedKubelet;
  /** Every write a client asked for, in order: what a test counts to prove nothing was made or deleted. */
  readonly audit: AuditEntry[];
  close(): Promise<void>;
}

const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;

/** The terminal server compiled once, as `node server/run.cjs` would, so a hundred pods start without a hundred builds. */
function bundleTerminalServer(): string {
  const built = spawnSync(process.execPath, ['server/run.cjs', '--bundle-only', 'server/cli.ts'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('could not compile the terminal server for the simulated pods');
  return path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-server', 'cli.cjs');
}

export async function startSimulatedCluster(): Promise<SimulatedCluster> {
  const store = new ObjectStore();
  const kubelet = new SimulatedKubelet(store, bundleTerminalServer());
  const deleter = new Deleter(store, kubelet);
  const token = randomBytes(24).toString('base64url');
  const audit: AuditEntry[] = [];
  const watches = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        if (request.headers.authorization !== `Bearer ${token}`)
          throw new ApiError(401, 'Unauthorized', 'Unauthorized');
        const url = new URL(request.url ?? '/', 'http://api.invalid');
        const target = parseTarget(url.pathname);
        if (!target)
          throw new ApiError(
            404,
            'NotFound',
            `the server could not find the requested resource (${url.pathname})`,
          );
        if (request.method === 'GET' && url.searchParams.get('watch') === 'true' && !target.name) {
          watches.add(response);
          response.once('close', () => watches.delete(response));
          return streamWatch(response, store, target, selectorOf(url.searchParams), url.searchParams);
        }
        const result = handle(request.method ?? 'GET', target, body, url.searchParams);
        if (result.written) audit.push({ ...result.written, resource: target.type.plural });
        reply(response, result.status, result.object);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) return reply(response, error.code, statusOf(error));
        if (error instanceof SelectorError)
          return reply(response, 400, statusOf(new ApiError(400, 'BadRequest', error.message)));
        reply(response, 500, statusOf(new ApiError(500, 'InternalError', String(error))));
      });
  });

  function handle(method: string, target: Target, body: unknown, query: URLSearchParams) {
    const { type, namespace, name } = target;
    if (method === 'GET' && name) {
      const found = store.get(type, namespace, name);
      if (!found) throw notFound(type, name);
      return { status: 200, object: found };
    }
    if (method === 'GET') {
      const matches = selectorOf(query);
      const items = store.list(type, namespace).filter(matches);
      return {
        status: 200,
        object: {
          apiVersion: type.apiVersion,
          kind: `${type.kind}List`,
          metadata: { resourceVersion: String(store.resourceVersion) },
          items,
        },
      };
    }
    if (method === 'POST' && !name) {
      const object = body as KubeObject;
      if (!object?.metadata?.name)
        throw new ApiError(422, 'Invalid', `${type.kind}.metadata.name: Required value`);
      if (type.namespaced) {
        object.metadata.namespace = namespace;
        admit(object, target);
      }
      const created = store.create(type, object);
      if (type.plural === 'pods') kubelet.run(created);
      return {
        status: 201,
        object: created,
        written: { verb: 'create' as const, namespace, name: object.metadata.name },
      };
    }
    if (method === 'PUT' && name) {
      const object = body as KubeObject;
      if (object?.metadata?.name !== name)
        throw new ApiError(400, 'BadRequest', 'the name in the body does not match the URL');
      if (type.namespaced) object.metadata.namespace = namespace;
      const replaced = store.replace(type, object);
      return { status: 200, object: replaced, written: { verb: 'update' as const, namespace, name } };
    }
    if (method === 'DELETE' && name) {
      const deleting = deleter.delete(type, namespace, name);
      return { status: 200, object: deleting, written: { verb: 'delete' as const, namespace, name } };
    }
    throw new ApiError(405, 'MethodNotAllowed', `${method} is not supported on this path`);
  }

  /** Objects go only into namespaces that exist and are not ending; pods must pass Pod Security. */
  function admit(object: KubeObject, target: Target): void {
    const namespace = store.get(NAMESPACES, undefined, target.namespace ?? '');
    if (!namespace) throw new ApiError(404, 'NotFound', `namespaces "${target.namespace}" not found`);
    if (namespace.metadata.deletionTimestamp)
      throw new ApiError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${target.namespace} because it is being terminated`,
      );
    if (target.type.plural !== 'pods') return;
    if (namespace.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted') return;
    const violations = restrictedViolations(object.spec as PodSpec);
    if (violations.length > 0)
      throw new ApiError(
        403,
        'Forbidden',
        `pods "${object.metadata.name}" is forbidden: violates PodSecurity "restricted:latest": ${violations.join('; ')}`,
      );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    token,
    store,
    kubelet,
    audit,
    async close() {
      for (const watch of watches) watch.end();
      await kubelet.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function selectorOf(query: URLSearchParams): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  return (object) => labels(object.metadata.labels ?? {}) && fields(object);
}

function statusOf(error: ApiError): object {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: error.reason,
    code: error.code,
  };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new ApiError(400, 'BadRequest', 'the request body is not JSON'));
      }
    });
  });
}
