import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ZErrorResponse } from '@qianke/contracts/common';
import { hasPermission, rolesFor } from '@qianke/core/accounts/roles';
import { bearerTokenOf } from '@qianke/core/intake/api-key';
import { DomainError, isDomainError } from '@qianke/core/shared/domain-error';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import {
  PG_CHARACTER_NOT_IN_REPERTOIRE,
  PG_SERIALIZATION_FAILURE,
  PG_UNIQUE_VIOLATION,
  PG_UNTRANSLATABLE_CHARACTER,
  pgErrorOf,
} from '../db/pg-errors';
import type { ApiKeyContext, AuthContext, RouteAccess } from './auth-context';
import { SESSION_COOKIE } from './auth-context';
import { ERROR_STATUS } from './error-status';
import { serializeError } from './log-serializers';

/** What the API offers, for the tests that walk every route. */
export type RouteEntry = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteEntry[];
  }
}

export type HttpAppOptions = {
  logLevel: string;
  /** Where the JSON log lines go (tests read them); standard output by default. */
  logStream?: { write: (line: string) => void } | undefined;
  version: string;
  /** Reads the session behind a cookie token; null when there is none or it has ended. */
  resolveSession: (token: string) => Promise<AuthContext | null>;
  /** The store behind an intake API key (`Authorization: Bearer <key>`); null when unknown or revoked. */
  resolveApiKey?: (key: string) => Promise<ApiKeyContext | null>;
  /** The built web app; served with a fallback to index.html for client-side routes. */
  webDist?: string | undefined;
};

const sendError = (
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  details?: Record<string, unknown>,
) =>
  reply
    .code(status)
    .send({ error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) } });

/** The web app's page: client-side routes all get it, and it is never cached, so a deploy shows at once. */
const sendAppPage = (reply: FastifyReply) =>
  reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

/** Field paths as the UI names them: `roles`, `address.city`, `items.0.price`. */
const fieldName = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';

const NUL = '\u0000';
const NUL_FIELD = 'Remove the invisible NUL character (\\u0000) from this text: it cannot be saved.';
const UNSAVABLE_TEXT =
  'A text holds a character that cannot be saved, such as an invisible NUL (\\u0000). Remove it and try again.';

/** A parsed JSON body or query (not a file or an XML text, whose own parsers judge them). */
const isParsedData = (value: unknown): value is object =>
  typeof value === 'object' &&
  value !== null &&
  (Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value)));

/** The fields (`name`, `lead.note`, `items.0.title`) whose text holds a NUL, which PostgreSQL cannot store. */
const fieldsWithNul = (value: unknown, path: readonly string[] = [], found: string[] = []): string[] => {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(path.join('.') || '_');
  } else if (isParsedData(value) && path.length < 32) {
    for (const [key, item] of Object.entries(value)) {
      const name = key.replaceAll(NUL, '');
      if (name !== key) found.push([...path, name].join('.') || '_');
      fieldsWithNul(item, [...path, name], found);
    }
  }
  return found;
};

export const createHttpApp = async (options: HttpAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // A failed query is logged without its parameters (names, phones).
      serializers: { err: serializeError },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 2 * 1024 * 1024,
    // On shutdown, end idle keep-alive connections at once instead of waiting for their timeout; the
    // requests in flight are answered first (see the preClose hook below).
    forceCloseConnections: 'idle',
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('auth', null);
  app.decorateRequest('apiKey', null);
  // JSON only: a form on another site cannot send it without the browser asking first (CORS).
  app.removeContentTypeParser('text/plain');
  // Shutting down: a request already in flight is answered, and its keep-alive connection ends with the
  // answer, so close() (and the database's close after it) waits for answers rather than cutting them off.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qianke API',
        description:
          'Lead management for car dealerships. Every route names the roles that may call it; every failure answers `{"error":{"code","message","fields"?}}`.',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: "A store's intake API key (`qk_…`), made by its administrator under API keys",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Every API route must say who may call it; the roles are written into its OpenAPI description.
  const routeCatalog: RouteEntry[] = [];
  app.decorate('routeCatalog', routeCatalog);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && route.url !== '/healthz') return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    const methods = [route.method].flat().filter((method) => method !== 'HEAD');
    // A GET's automatic HEAD route shares the GET's schema object: describe it once.
    if (methods.length === 0) return;
    for (const method of methods) routeCatalog.push({ method, url: route.url, access });
    route.schema ??= {};
    const schema = route.schema as Record<string, unknown>;
    schema.response = { ...(schema.response as object), '4xx': ZErrorResponse, '5xx': ZErrorResponse };
    if (access === 'api_key') {
      schema.security = [{ apiKey: [] }];
      schema.description = `${schema.description ? `${schema.description}\n\n` : ''}Called with a store's API key: \`Authorization: Bearer <key>\`.`;
    } else if (access !== 'public') {
      const roles = rolesFor(access).join(', ');
      schema.security = [{ session: [] }];
      schema.description = `${schema.description ? `${schema.description}\n\n` : ''}Permission \`${access}\`; roles: ${roles}.`;
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    // Intake senders (portals, the website, the 400 line) have a store's API key, not a session.
    if (access === 'api_key') {
      const key = bearerTokenOf(request.headers.authorization);
      request.apiKey = key && options.resolveApiKey ? await options.resolveApiKey(key) : null;
      if (!request.apiKey) {
        reply.header('www-authenticate', 'Bearer realm="qianke-intake"');
        throw new DomainError(
          'unauthenticated',
          key
            ? 'This API key is not valid or was revoked. Ask the store administrator for a key.'
            : "Send the store's API key as Authorization: Bearer <key>.",
        );
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await options.resolveSession(token) : null;
    if (access === 'public') return;
    if (!request.auth) throw new DomainError('unauthenticated', 'Your session has ended. Log in again.');
    if (!hasPermission(request.auth.roles, access)) {
      throw new DomainError('forbidden', 'Your roles do not allow this. Ask your store administrator.');
    }
  });

  // A NUL character in any text of a JSON body or the query would fail deep in PostgreSQL: refuse it
  // here, next to its field.
  app.addHook('preValidation', async (request) => {
    // The query parser's object has no plain prototype: copy its fields.
    const inQuery = fieldsWithNul({ ...(request.query as object) });
    const inBody = isParsedData(request.body) ? fieldsWithNul(request.body) : [];
    if (inQuery.length === 0 && inBody.length === 0) return;
    const where = inBody.length > 0 ? 'form' : 'query';
    throw new DomainError(
      'validation_failed',
      `Some ${where} fields hold an invisible NUL character (\\u0000), which cannot be saved. Remove it and try again.`,
      { fields: Object.fromEntries([...inQuery, ...inBody].map((field) => [field, NUL_FIELD])) },
    );
  });

  app.setErrorHandler((error: FastifyError & { code?: string }, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      if (error.validationContext === 'params') {
        return sendError(reply, 404, 'not_found', 'There is no such record.');
      }
      const fields: Record<string, string> = {};
      for (const issue of error.validation)
        fields[fieldName(issue.instancePath)] ??= issue.message ?? 'Not valid.';
      const where = error.validationContext === 'querystring' ? 'query' : 'form';
      return sendError(reply, 422, 'validation_failed', `Some ${where} fields are not valid.`, fields);
    }
    if (isDomainError(error)) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(
        reply,
        ERROR_STATUS[error.code],
        error.code,
        error.message,
        error.fields,
        error.details,
      );
    }
    switch (pgErrorOf(error)?.code ?? error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'malformed_json', 'The request body is not valid JSON.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'unsupported_media_type', 'Send the body as application/json.');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 413, 'payload_too_large', 'The request body is too large.');
      case PG_UNIQUE_VIOLATION:
        return sendError(reply, 409, 'conflict', 'This record already exists.');
      case PG_SERIALIZATION_FAILURE:
        return sendError(reply, 409, 'conflict', 'Someone changed this at the same moment. Try again.');
      // A NUL that got past the check above (inside an uploaded file, say).
      case PG_CHARACTER_NOT_IN_REPERTOIRE:
      case PG_UNTRANSLATABLE_CHARACTER:
        return sendError(reply, ERROR_STATUS.validation_failed, 'validation_failed', UNSAVABLE_TEXT);
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return sendError(reply, 400, 'malformed_json', 'The request body is not valid JSON.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, error.statusCode, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(
      reply,
      500,
      'internal',
      `Something went wrong on the server. It has been logged as ${request.id}.`,
    );
  });

  const webDist = options.webDist;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    // Built files carry a content hash in their names, so they may be cached for good; index.html may not.
    // The build writes each file also as .br and .gz: sent as they are to a browser that takes them.
    await app.register(fastifyStatic, {
      root: webDist,
      index: false,
      maxAge: '365d',
      immutable: true,
      preCompressed: true,
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendAppPage(reply));
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/healthz';
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (hasWeb && !isApi && !isFile && (request.method === 'GET' || request.method === 'HEAD')) {
      return sendAppPage(reply);
    }
    return sendError(reply, 404, 'not_found', `There is no ${request.method} ${path}.`);
  });

  return app;
};

export type HttpApp = Awaited<ReturnType<typeof createHttpApp>>;
