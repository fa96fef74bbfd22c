import { createHash } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { newId } from '../ids';
import { anonymousActor, type Actor } from '../context';
import { problemHandler } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the identity module's hook; anonymous until then. */
    actor: Actor;
  }
}

export type HttpServer = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpOptions {
  readonly logger: FastifyBaseLogger;
  readonly bodyLimit: number;
  /** Requests per minute per client address (or per API key). */
  readonly rateLimit: number;
  /** Served over TLS (secure cookies): enables upgrade-insecure-requests. */
  readonly secure: boolean;
  /** Fastify trustProxy: false, or the proxies' addresses/CIDRs. */
  readonly trustProxy: boolean | string;
}

/**
 * The bare HTTP server every module registers its routes on: zod validation
 * both ways, OpenAPI 3.1 at /api/docs, problem+json errors, request ids,
 * security headers, rate limiting and a body limit enforced before parsing.
 */
export async function createHttpServer(options: HttpOptions): Promise<HttpServer> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    // Only trust X-Forwarded-For from the configured proxies: it decides the address used for throttling.
    trustProxy: options.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.decorateRequest('actor', null as unknown as Actor);
  // Helmet's headers depend only on the options: computed once and set on every reply.
  const security = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on a plain-HTTP intranet address it would break every asset request.
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    request.actor = anonymousActor;
    reply.headers(security).header('x-request-id', request.id);
  });

  await app.register(rateLimit, {
    max: options.rateLimit,
    timeWindow: '1 minute',
    // A business system behind one address gets its own budget per API key.
    keyGenerator: (request) => {
      const auth = request.headers.authorization;
      return auth?.startsWith('Bearer ')
        ? `key:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}`
        : request.ip;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Xinyong 信用 API',
        description: 'Public credit information platform. Errors are RFC 9457 problem+json with a stable `code`.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'xy_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  return app;
}

/**
 * The headers helmet sets for `options`, read once from its middleware.
 * @fastify/helmet built the middleware anew on every request (parsing the
 * CSP directives each time): 3% of a busy server's time for the same headers.
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let failure: unknown;
  helmet(options)({} as never, capture, (error?: unknown) => {
    failure = error;
  });
  // Helmet reports a bad option (e.g. an unsafe CSP directive) as an Error.
  if (failure) throw failure as Error;
  return headers;
}
