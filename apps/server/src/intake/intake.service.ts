import { createHash } from 'node:crypto';
import {
  type TAdfProspectResult,
  type TAdfResults,
  type TIntakeLeadResult,
  ZIntakeLeadRequest,
} from '@qianke/contracts/intake';
import { normalisePhone } from '@qianke/core/customers/phone';
import { adfLeadDraft } from '@qianke/core/intake/adf-lead';
import type { AdfProspect } from '@qianke/core/intake/adf-prospect';
import { sliceAdfProspects } from '@qianke/core/intake/adf-text';
import { composeIntakeNote, occurredAtProblem } from '@qianke/core/intake/intake-lead';
import {
  IDEMPOTENCY_WINDOW_HOURS,
  idempotencyKeyProblem,
  idempotencyWindowStart,
  requestFingerprintText,
} from '@qianke/core/intake/request-fingerprint';
import { matchSeries, type SeriesRef } from '@qianke/core/intake/series-match';
import {
  channelOfSource,
  findSource,
  type SourceRef,
  sampleSourceCodes,
} from '@qianke/core/intake/source-match';
import type { Horizon } from '@qianke/core/leads/horizon';
import { DomainError, type FieldErrors, isDomainError } from '@qianke/core/shared/domain-error';
import type { z } from 'zod';
import { captureLead } from '../customers/capture-lead';
import { type CardSerials, cardSerialsInTransaction } from '../customers/card-serials';
import type { Clock } from '../infra/clock';
import type { Db, Tx } from '../infra/db/database';
import { allowGenericPlans } from '../infra/db/prepared-statements';
import type { ApiKeyContext } from '../infra/http/auth-context';
import { parseAdfXml } from './adf-xml';
import { keyUseIsStale, touchApiKey } from './api-keys.repo';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey } from './idempotency.repo';
import { findIntakeRefs } from './intake.repo';

/** What an intake route answers: a status, a body, and whether it replays an earlier answer. */
export type IntakeAnswer<T> = { status: number; body: T; replayed: boolean };

export type IntakeRequest = {
  body: unknown;
  query?: Record<string, unknown>;
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey: string | undefined;
  requestId: string;
  /** Where a prospect that failed for a reason other than its data is logged. */
  logError?: (error: unknown, message: string) => void;
};

const IDEMPOTENCY_FIELD = 'Idempotency-Key';
/** The source of ADF prospects whose provider and query name none: the store's auto portals. */
const PORTAL_SOURCE = 'online_portal';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const invalid = (message: string, fields?: FieldErrors) =>
  new DomainError('validation_failed', message, fields ? { fields } : {});

/** zod's issues as `{ field: message }`, the first message of each field. */
const fieldsOf = (error: z.ZodError): FieldErrors => {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
};

const unknownSource = (text: string, sources: readonly SourceRef[]) =>
  `Unknown source "${text}". Send a source code of the store, e.g. ${sampleSourceCodes(sources).join(', ')}.`;

/** Everything a lead needs, checked, from either format. */
type IntakeLead = {
  name: string;
  phone: string;
  source: SourceRef;
  channel: string;
  series: SeriesRef | undefined;
  campaignCode: string | null;
  horizon: Horizon | null;
  note: string | null;
  externalId: string | null;
  currentCar: string | null;
  address: string | null;
  occurredAt: Date;
  rawPayload: unknown;
  via: 'intake.json' | 'intake.adf';
};

export type IntakeServiceDeps = { db: Db; clock: Clock; cardSerials?: CardSerials };

/**
 * The intake API: leads from portals, the brand website and the 400 line, as JSON or as ADF XML,
 * authorised by a store's API key. Each request is one transaction (an ADF prospect one savepoint
 * in it), so a failure leaves nothing half stored; an `Idempotency-Key` makes a retry safe.
 */
/** Records the key's use with the request, unless it was recorded within the minute (no write at all). */
const recordKeyUse = async (tx: Tx, caller: ApiKeyContext, now: Date) => {
  if (keyUseIsStale(caller.lastUsedAt, now)) await touchApiKey(tx, caller.dealerId, caller.keyId, now);
};

export const createIntakeService = ({
  db,
  clock,
  cardSerials = cardSerialsInTransaction,
}: IntakeServiceDeps) => {
  const capture = async (tx: Tx, caller: ApiKeyContext, lead: IntakeLead, requestId: string) => {
    const phone = normalisePhone(lead.phone);
    if (!phone) throw new Error('capture called with an unchecked phone');
    const result = await captureLead(
      tx,
      {
        dealerId: caller.dealerId,
        actorId: null,
        customer: {
          name: lead.name,
          phoneE164: phone.e164,
          phoneRaw: lead.phone,
          currentCar: lead.currentCar,
          address: lead.address,
        },
        lead: {
          sourceId: lead.source.id,
          channel: lead.channel,
          seriesId: lead.series?.id ?? null,
          campaignCode: lead.campaignCode,
          horizon: lead.horizon,
          note: lead.note,
          externalId: lead.externalId,
          rawPayload: lead.rawPayload,
        },
        occurredAt: lead.occurredAt,
        via: lead.via,
        requestId,
      },
      {
        cardSerials,
        // Which key wrote which lead: what an administrator needs when a key leaks.
        alsoAudit: (captured) => ({
          actorId: null,
          action: 'intake.receive',
          entity: 'lead',
          entityId: captured.leadId,
          after: {
            apiKeyId: caller.keyId,
            customerId: captured.customerId,
            duplicate: captured.duplicate,
            via: lead.via,
          },
          requestId,
        }),
      },
    );
    return { leadId: result.leadId, customerId: result.customerId, duplicate: result.duplicate };
  };

  /**
   * One transaction for the whole request. With an `Idempotency-Key`, the key is claimed first: a
   * second request with it waits for the first to end, then replays its answer (or is refused when
   * its body differs). Only answers are remembered; a refused request (422) claims nothing.
   */
  const answerOnce = async <T>(
    caller: ApiKeyContext,
    request: IntakeRequest,
    route: string,
    work: (tx: Tx, now: Date) => Promise<{ status: number; body: T }>,
  ): Promise<IntakeAnswer<T>> => {
    const key = request.idempotencyKey;
    if (key !== undefined) {
      const problem = idempotencyKeyProblem(key);
      if (problem)
        throw invalid(`The ${IDEMPOTENCY_FIELD} header is not valid.`, { [IDEMPOTENCY_FIELD]: problem });
    }
    const requestHash = sha256(
      requestFingerprintText({ route, query: request.query ?? {}, body: request.body }),
    );
    const now = clock.now();
    return db.transaction(async (tx) => {
      await allowGenericPlans(tx);
      if (key !== undefined) {
        const claimed = await claimIdempotencyKey(tx, {
          dealerId: caller.dealerId,
          key,
          requestHash,
          at: now,
          staleBefore: idempotencyWindowStart(now),
        });
        if (!claimed) {
          const first = await findIdempotencyKey(tx, caller.dealerId, key);
          if (!first || first.statusCode === 0) {
            throw new DomainError(
              'conflict',
              `A request with this ${IDEMPOTENCY_FIELD} is still running. Try again in a moment.`,
            );
          }
          if (first.requestHash !== requestHash) {
            const message = `This ${IDEMPOTENCY_FIELD} was used with a different request in the last ${IDEMPOTENCY_WINDOW_HOURS} hours. Send a new key for a new request.`;
            throw invalid(message, { [IDEMPOTENCY_FIELD]: message });
          }
          await recordKeyUse(tx, caller, now);
          return { status: first.statusCode, body: first.response as T, replayed: true };
        }
      }
      const answer = await work(tx, now);
      if (key !== undefined) {
        await completeIdempotencyKey(tx, caller.dealerId, key, {
          statusCode: answer.status,
          response: answer.body,
        });
      }
      await recordKeyUse(tx, caller, now);
      return { ...answer, replayed: false };
    });
  };

  /** `POST /api/v1/intake/leads`: one lead as JSON. 201 for a new customer, 200 for a known phone. */
  const submitLead = (
    caller: ApiKeyContext,
    request: IntakeRequest,
  ): Promise<IntakeAnswer<TIntakeLeadResult>> =>
    answerOnce(caller, request, 'POST /api/v1/intake/leads', async (tx, now) => {
      const body = request.body;
      const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      const parsed = ZIntakeLeadRequest.safeParse(body);
      const fields = parsed.success ? {} : fieldsOf(parsed.error);
      const { sources, catalog } = await findIntakeRefs(tx, caller.dealerId);
      const sourceText = typeof given.source === 'string' ? given.source.trim() : '';
      const source = sourceText ? findSource(sources, sourceText) : undefined;
      if (sourceText && !source && !fields.source) fields.source = unknownSource(sourceText, sources);
      const when = ZIntakeLeadRequest.shape.occurredAt.safeParse(given.occurredAt);
      const occurredAt = when.success && when.data ? new Date(when.data) : now;
      const tooLate = occurredAtProblem(occurredAt, now);
      if (tooLate && !fields.occurredAt) fields.occurredAt = tooLate;
      if (!parsed.success || !source || Object.keys(fields).length > 0) {
        throw invalid('Some fields of the lead are not valid.', fields);
      }
      const input = parsed.data;
      const series = matchSeries(catalog, [input.seriesInterest]);
      const result = await capture(
        tx,
        caller,
        {
          name: input.name,
          phone: input.phone,
          source,
          channel: channelOfSource(sources, source),
          series,
          campaignCode: input.campaignCode,
          horizon: null,
          note: composeIntakeNote(input.note, [['seriesInterest', series ? null : input.seriesInterest]]),
          externalId: input.externalId,
          currentCar: null,
          address: null,
          occurredAt,
          rawPayload: body,
          via: 'intake.json',
        },
        request.requestId,
      );
      return { status: result.duplicate ? 200 : 201, body: result };
    });

  /**
   * `POST /api/v1/intake/adf`: an ADF 1.0 document, one result per prospect. A bad prospect is an
   * error result and the others still go in; each prospect is all or nothing (a savepoint). A failure
   * outside the prospects (the key, the idempotency record) rolls back the whole document.
   */
  const submitAdf = (caller: ApiKeyContext, request: IntakeRequest): Promise<IntakeAnswer<TAdfResults>> =>
    answerOnce(caller, request, 'POST /api/v1/intake/adf', async (tx, now) => {
      if (typeof request.body !== 'string') {
        throw invalid('Send the ADF document as XML, with Content-Type application/xml or text/xml.');
      }
      const xml = request.body;
      const document = parseAdfXml(xml);
      if (!document.ok) throw invalid(document.problem);
      const { sources, catalog } = await findIntakeRefs(tx, caller.dealerId);
      const queryText = typeof request.query?.source === 'string' ? request.query.source.trim() : '';
      const querySource = queryText ? findSource(sources, queryText) : undefined;
      if (queryText && !querySource) {
        const message = unknownSource(queryText, sources);
        throw invalid(message, { source: message });
      }
      const fallback = querySource ?? findSource(sources, PORTAL_SOURCE);
      const slices = sliceAdfProspects(xml);
      const count = document.prospects.length;

      const results: TAdfProspectResult[] = [];
      for (const [index, prospect] of document.prospects.entries()) {
        const rawPayload = {
          format: 'adf',
          prospect: index,
          prospects: count,
          xml: slices.length === count ? slices[index] : xml,
        };
        try {
          const lead = adfLead(prospect, { now, sources, catalog, fallback, rawPayload });
          const result = await tx.transaction((savepoint) =>
            capture(savepoint, caller, lead, request.requestId),
          );
          results.push({ index, ...result });
        } catch (error) {
          if (isDomainError(error)) {
            const { code, message, fields } = error;
            results.push({ index, error: { code, message, ...(fields ? { fields } : {}) } });
          } else {
            // Rolled back to its savepoint: this prospect left nothing, the others stay.
            request.logError?.(error, `ADF prospect ${index} failed`);
            const message = `This prospect could not be stored because of a server error, logged as ${request.requestId}. Send it again.`;
            results.push({ index, error: { code: 'internal', message } });
          }
        }
      }
      return { status: 200, body: { results } };
    });

  return { submitLead, submitAdf };
};

/** One ADF prospect as a checked lead; a DomainError naming the fields when it cannot be one. */
const adfLead = (
  prospect: AdfProspect,
  context: {
    now: Date;
    sources: readonly SourceRef[];
    catalog: readonly SeriesRef[];
    fallback: SourceRef | undefined;
    rawPayload: unknown;
  },
): IntakeLead => {
  const draft = adfLeadDraft(prospect, context.now);
  const checked = ZIntakeLeadRequest.pick({ name: true, phone: true }).safeParse({
    name: draft.name,
    phone: draft.phone,
  });
  const fields = checked.success ? {} : fieldsOf(checked.error);
  const provided = draft.providerName ? findSource(context.sources, draft.providerName) : undefined;
  const source = provided ?? context.fallback;
  if (!source) {
    fields.source = `The provider names no source of the store: add ?source=<code> to the address, e.g. ?source=${sampleSourceCodes(context.sources)[0] ?? 'autohome'}.`;
  }
  if (!checked.success || !source || Object.keys(fields).length > 0) {
    throw invalid('This prospect cannot be captured.', fields);
  }
  const series = matchSeries(context.catalog, draft.seriesTexts);
  return {
    name: checked.data.name,
    phone: checked.data.phone,
    source,
    channel: channelOfSource(context.sources, source),
    series,
    campaignCode: null,
    horizon: draft.horizon ?? null,
    note: composeIntakeNote(null, [
      ...(series || !draft.seriesLabel ? [] : [['vehicle', draft.seriesLabel] as const]),
      ...draft.noteLines,
      ...(draft.providerName && !provided ? [['provider', draft.providerName] as const] : []),
    ]),
    externalId: draft.externalId ?? null,
    currentCar: draft.currentCar ?? null,
    address: draft.address ?? null,
    occurredAt: draft.occurredAt ?? context.now,
    rawPayload: context.rawPayload,
    via: 'intake.adf',
  };
};

export type IntakeService = ReturnType<typeof createIntakeService>;
