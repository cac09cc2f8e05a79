import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { KINDS } from '../../../contracts/cooperations.js';
import type { AppEnv } from '../../platform/http/context.js';
import { problemResponses } from '../../platform/http/problem.js';
import { defineRoute } from '../../platform/http/route.js';
import { notModified } from './public.http.js';
import { PublicQuerySchema } from './portal.schemas.js';
import { publicFreshness } from './public.usecases.js';
import { getNetwork, type NetworkDeps } from './network.usecases.js';

const NetworkQuerySchema = PublicQuerySchema.pick({ kind: true, urusan: true, region: true });

const count = z.number().int();
const NetworkSchema = z
  .object({
    nodes: z.array(
      z.object({ code: z.string(), name: z.string(), level: z.enum(['PROVINSI', 'KABKOTA']), lon: z.number().optional(), lat: z.number().optional(), count }),
    ),
    links: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        count,
        kinds: z.record(z.enum(KINDS), count).openapi({ description: 'Cooperations per kind' }),
        urusan: z.record(z.string(), count).openapi({ description: 'Cooperations per urusan code' }),
      }),
    ),
    urusan: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .openapi('PublicNetwork');

const networkRoute = defineRoute({
  method: 'get',
  path: '/api/public/network',
  tags: ['Portal'],
  summary: 'The cooperation network between pemda (party pairs of published cooperations)',
  policy: { kind: 'public', reason: 'Aggregates of published cooperations by region; organisations only, no personal data' },
  request: { query: NetworkQuerySchema },
  responses: {
    200: { description: 'Nodes (regions) and links (region pairs)', content: { 'application/json': { schema: NetworkSchema } } },
    304: { description: 'Not modified' },
    ...problemResponses(400),
  },
});

export const registerNetworkRoutes = (app: OpenAPIHono<AppEnv>, deps: Omit<NetworkDeps, 'logger'>) => {
  app.openapi(networkRoute, async (c) => {
    // Changes only with a release; a revalidating client gets a 304 without the aggregation.
    const unchanged = notModified(c, await publicFreshness(deps.db));
    if (unchanged) return unchanged as never;

    return c.json(await getNetwork({ ...deps, logger: c.get('logger') }, c.req.valid('query')), 200);
  });
};
