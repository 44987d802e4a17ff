/** The portal's routes beside join: the instructor's and presenter follow's, tried in turn. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkshopContext } from '../context';
import type { Router } from '../routing/router';
import { instructorRoutes } from './instructorRoutes';
import { presenterRoutes } from './presenterRoutes';

export function portalRoutes(context: WorkshopContext, router: Router) {
  const routes = [instructorRoutes(context, router), presenterRoutes(context)];
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    for (const route of routes) if (await route(request, response, url)) return true;
    return false;
  };
}
