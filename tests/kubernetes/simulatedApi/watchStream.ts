/**
 * A watch as the API server streams it: one JSON event per line (`{"type":"ADDED","object":…}`),
 * starting after the resourceVersion the client names (or with the current objects as ADDED when
 * it names none), until the client goes or `timeoutSeconds` passes. A resourceVersion the history
 * no longer holds gets an ERROR event with a 410 Gone status, as after etcd compaction.
 */
import type { ServerResponse } from 'node:http';
import type { ObjectStore, KubeObject, WatchEvent } from './store';
import type { Target } from './resources';

export function streamWatch(
  response: ServerResponse,
  store: ObjectStore,
  target: Target,
  matches: (object: KubeObject) => boolean,
  query: URLSearchParams,
): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // The client's fetch resolves on the headers: send them before the first event.
  response.flushHeaders();
  const send = (type: string, object: unknown) => response.write(`${JSON.stringify({ type, object })}\n`);
  const relevant = (event: WatchEvent) =>
    event.plural === target.type.plural &&
    (target.namespace === undefined || event.object.metadata.namespace === target.namespace) &&
    matches(event.object);

  const from = query.get('resourceVersion');
  if (from === null || from === '' || from === '0') {
    for (const object of store.list(target.type, target.namespace).filter(matches)) send('ADDED', object);
  } else {
    const missed = store.eventsSince(Number(from));
    if (missed === undefined) {
      send('ERROR', {
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Expired',
        code: 410,
        message: `too old resource version: ${from} (${store.resourceVersion})`,
      });
      response.end();
      return;
    }
    for (const event of missed.filter(relevant)) send(event.type, event.object);
  }
  const unsubscribe = store.subscribe((event) => {
    if (relevant(event)) send(event.type, event.object);
  });
  const timeout = Number(query.get('timeoutSeconds') ?? '0');
  const timer = timeout > 0 ? setTimeout(() => response.end(), timeout * 1000) : undefined;
  const stop = () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
  response.once('close', stop);
  response.once('finish', stop);
}
