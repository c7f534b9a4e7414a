import { PassThrough, type Readable } from 'node:stream';
import { ZIdParams } from '@qianke/contracts/common';
import {
  ZImportCounts,
  ZImportJob,
  ZImportList,
  ZImportMappingRequest,
  ZImportReportQuery,
  ZImportRowList,
  ZImportRowsQuery,
  ZListImportsQuery,
  ZUploadImportQuery,
  ZUploadImportResponse,
} from '@qianke/contracts/imports';
import { IMPORT_MAX_BYTES } from '@qianke/core/imports/fields';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ImportsService } from './imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What browsers and scripts send a spreadsheet as (Windows labels .csv files application/vnd.ms-excel). */
const FILE_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

const mediaTypeOf = (request: FastifyRequest) =>
  (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** `attachment` with the UTF-8 name for browsers and an ASCII one for old clients. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const importsRoutes =
  (imports: ImportsService): FastifyPluginAsyncZod =>
  async (app) => {
    // The raw file is the body: handed over as a stream, never buffered, only on the routes of this plugin.
    app.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));
    // Imports running in the background stop between two batches before the database closes.
    app.addHook('preClose', async () => imports.stop());

    app.post(
      '/api/v1/imports',
      {
        config: { access: 'imports.run' },
        onRequest: async (request) => {
          if (!FILE_TYPES.includes(mediaTypeOf(request))) {
            throw new DomainError(
              'validation_failed',
              `Send the file itself as the body, with Content-Type ${XLSX_TYPE} or text/csv.`,
            );
          }
          // Said up front: no need to receive 50 MB to refuse them (the stream is counted as well).
          if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) {
            throw new DomainError(
              'validation_failed',
              'The file is larger than 50 MB. Split it into several files.',
            );
          }
        },
        schema: {
          tags: ['imports'],
          summary: 'Upload an .xlsx or .csv file of customers (up to 50 MB, 200,000 rows)',
          description:
            'The body is the file itself (not a form). The first sheet is read; its first non-empty row is the header. Answers the suggested mapping of columns to fields.',
          querystring: ZUploadImportQuery,
          response: { 201: ZUploadImportResponse },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await imports.upload(
              authOf(request),
              request.query.fileName,
              request.body as Readable,
              request.id,
            ),
          ),
    );

    app.get(
      '/api/v1/imports',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: "The store's imports, newest first",
          querystring: ZListImportsQuery,
          response: { 200: ZImportList },
        },
      },
      async (request) => imports.list(authOf(request), request.query),
    );

    app.get(
      '/api/v1/imports/:id',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'One import, with its preview counts once mapped',
          params: ZIdParams,
          response: { 200: ZImportJob },
        },
      },
      async (request) => imports.get(authOf(request), request.params.id),
    );

    app.put(
      '/api/v1/imports/:id/mapping',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'Choose which column is which field; checks every row and answers the preview counts',
          params: ZIdParams,
          body: ZImportMappingRequest,
          response: { 200: ZImportCounts },
        },
      },
      async (request) => imports.saveMapping(authOf(request), request.params.id, request.body, request.id),
    );

    app.get(
      '/api/v1/imports/:id/rows',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'Rows of an import with their values, problems and outcome (keyset by row number)',
          params: ZIdParams,
          querystring: ZImportRowsQuery,
          response: { 200: ZImportRowList },
        },
      },
      async (request) => imports.rows(authOf(request), request.params.id, request.query),
    );

    app.post(
      '/api/v1/imports/:id/run',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'Import the valid rows: a new customer per new phone, an inquiry added to a known one',
          description:
            'Runs once: a second call is 409. Answers 200 with the finished job when the import ends within about 20 seconds; otherwise 202 with the job "importing", which goes on in the background: read `GET /api/v1/imports/{id}` until its status is "done" (or "failed": run it again to carry on).',
          params: ZIdParams,
          response: { 200: ZImportJob, 202: ZImportJob },
        },
      },
      async (request, reply) => {
        const job = await imports.run(authOf(request), request.params.id, request.id);
        return reply.code(job.status === 'done' ? 200 : 202).send(job);
      },
    );

    app.get(
      '/api/v1/imports/:id/report.xlsx',
      {
        config: { access: 'imports.run' },
        schema: {
          tags: ['imports'],
          summary: 'Download the report: every row with its outcome, card number and problems (xlsx)',
          params: ZIdParams,
          querystring: ZImportReportQuery,
        },
      },
      async (request, reply) => {
        const report = await imports.report(
          authOf(request),
          request.params.id,
          request.query.lang,
          request.id,
        );
        const stream = new PassThrough();
        report.write(stream).then(
          () => {
            if (!stream.writableEnded) stream.end();
          },
          (error: unknown) => {
            request.log.error({ err: error }, 'import report failed');
            stream.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(report.fileName)).send(stream);
      },
    );
  };
