import {
  ZAdfQuery,
  ZAdfRequest,
  ZAdfResults,
  ZIntakeHeaders,
  ZIntakeLeadRequest,
  ZIntakeLeadResult,
} from '@qianke/contracts/intake';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyOf } from '../infra/http/auth-context';
import { ADF_BODY_LIMIT, decodeAdfBody } from './adf-xml';
import type { IntakeAnswer, IntakeService } from './intake.service';

/**
 * The service checks intake requests itself, so one 422 names every bad field at once and the raw
 * body is kept with the lead: the schemas below are for the API documentation.
 */
const checkedByService = () => (data: unknown) => ({ value: data });

const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers['idempotency-key'];
  return Array.isArray(header) ? header.join(', ') : header;
};

const send = <T>(reply: FastifyReply, answer: IntakeAnswer<T>) => {
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(answer.status).send(answer.body);
};

const IDEMPOTENCY_NOTE =
  'Send an `Idempotency-Key` header to make retries safe: the same key and body within 24 hours answer the first answer again (with `Idempotent-Replayed: true`) and capture nothing twice.';

export const intakeRoutes =
  (intake: IntakeService): FastifyPluginAsyncZod =>
  async (app) => {
    // ADF comes as XML; the bytes are decoded by the charset or the encoding the document declares.
    app.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'buffer', bodyLimit: ADF_BODY_LIMIT },
      (request, body, done) => {
        try {
          done(null, decodeAdfBody(body as Buffer, request.headers['content-type']));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );

    app.post(
      '/api/v1/intake/leads',
      {
        config: { access: 'api_key' },
        validatorCompiler: checkedByService,
        schema: {
          tags: ['intake'],
          summary: 'Send one lead (portal, brand website, 400 line)',
          description: `201 with \`duplicate: false\` when a new customer was opened; 200 with \`duplicate: true\` when the phone is known (the lead is added to that customer). 422 names every bad field. ${IDEMPOTENCY_NOTE}`,
          headers: ZIntakeHeaders,
          body: ZIntakeLeadRequest,
          response: { 200: ZIntakeLeadResult, 201: ZIntakeLeadResult },
        },
      },
      async (request, reply) =>
        send(
          reply,
          await intake.submitLead(apiKeyOf(request), {
            body: request.body as unknown,
            idempotencyKey: idempotencyKeyOf(request),
            requestId: request.id,
          }),
        ),
    );

    app.post(
      '/api/v1/intake/adf',
      {
        config: { access: 'api_key' },
        validatorCompiler: checkedByService,
        schema: {
          tags: ['intake'],
          summary: 'Send leads as an ADF 1.0 XML document (Content-Type application/xml or text/xml)',
          description: `One result per \`<prospect>\`, in order: \`{index, leadId, customerId, duplicate}\`, or \`{index, error}\` for a prospect that cannot be captured (the others still are). A document that cannot be read is a 422 with the reason. The source is the store's source named by \`<provider><name>\`, else \`?source=<code>\`, else the store's auto portals. ${IDEMPOTENCY_NOTE}`,
          consumes: ['application/xml', 'text/xml'],
          headers: ZIntakeHeaders,
          querystring: ZAdfQuery,
          body: ZAdfRequest,
          response: { 200: ZAdfResults },
        },
      },
      async (request, reply) =>
        send(
          reply,
          await intake.submitAdf(apiKeyOf(request), {
            body: request.body as unknown,
            query: request.query as Record<string, unknown>,
            idempotencyKey: idempotencyKeyOf(request),
            requestId: request.id,
            logError: (error, message) => request.log.error({ err: error }, message),
          }),
        ),
    );
  };
