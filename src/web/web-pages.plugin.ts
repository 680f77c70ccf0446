import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../infrastructure/http/error-body';
import { resolveWebAsset } from './web-assets';

/** Same origin only: the pages call the API they are served by, and load nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const page = (reply: FastifyReply, root: string) =>
  reply
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'same-origin')
    .header('Cache-Control', 'no-cache')
    .sendFile('index.html', root, { cacheControl: false });

/**
 * The web pages (`web/`, built into `root`): files of the bundle, and index.html for every other route of the
 * app. Plain Fastify routes rather than a controller: the pages load without a key even when reads need one
 * (the API calls they make carry it), so Nest's guard must not stand in front of them.
 */
export const webPages =
  (root: string) =>
  async (fastify: FastifyInstance): Promise<void> => {
    // Only reply.sendFile (ranges, ETag, Last-Modified, content type): the routes decide what a path names.
    await fastify.register(fastifyStatic, { root, serve: false });
    fastify.get('/', (_request, reply) => reply.redirect('/app/', 302));
    fastify.get('/app', (_request, reply) => page(reply, root));
    fastify.get('/app/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
      const rest = request.params['*'];
      const asset = await resolveWebAsset(root, rest);
      if (asset.kind === 'page') return page(reply, root);
      if (asset.kind === 'missing') {
        const path = `/app/${rest}`;
        return reply
          .status(404)
          .send(errorBody('REQUEST.NOT_FOUND', `No page or file at ${path}.`, { path }));
      }
      // Bundle files carry a content hash in their name, so they never change under it.
      const immutable = asset.path.startsWith('assets/');
      return reply
        .header('X-Content-Type-Options', 'nosniff')
        .sendFile(asset.path, root, { cacheControl: true, maxAge: immutable ? '365d' : 0, immutable });
    });
  };
