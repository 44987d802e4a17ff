/**
 * Responses gzipped when the browser accepts it, as a static host sends them (the `compression`
 * middleware, used on a plain Node server: it reads only Node's own request and response).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
type PlainMiddleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

export function compressed(handler: Handler): Handler {
  // Its types are Express's; at run time it needs nothing Express adds.
  const compress = compression() as unknown as PlainMiddleware;
  return (request, response) => compress(request, response, () => handler(request, response));
}
