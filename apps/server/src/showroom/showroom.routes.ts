import { ZIdParams } from '@qianke/contracts/common';
import {
  ZDepartRequest,
  ZListVisitsQuery,
  ZLoggedVisit,
  ZLogVisitRequest,
  ZPhoneLookup,
  ZPhoneLookupQuery,
  ZShowroomOptions,
  ZSuggestedConsultant,
  ZUpdateVisitRequest,
  ZVisit,
  ZVisitList,
} from '@qianke/contracts/showroom';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { ShowroomService } from './showroom.service';

export const showroomRoutes =
  (showroom: ShowroomService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/showroom/visits',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary: 'Log a showroom arrival or a phone-in',
          description:
            'With a phone (any spelling) the visitor is found or opened as a customer, a walk-in or phone-in lead is added, and the call-back falls due 24 hours after arrival (`callbackDueAt`). Without one the visit is logged all the same. `firstVisit` says whether it is a first or a repeat visit.',
          body: ZLogVisitRequest,
          response: { 201: ZLoggedVisit },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await showroom.logVisit(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/showroom/visits',
      {
        config: { access: 'showroom.view' },
        schema: {
          tags: ['showroom'],
          summary:
            '"In the showroom now" (view=now) or one day\'s traffic log (view=day), in the store\'s time zone',
          querystring: ZListVisitsQuery,
          response: { 200: ZVisitList },
        },
      },
      async (request) => showroom.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/showroom/visits/:id/depart',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary: 'Log the time a visitor left (default now; not before the arrival)',
          params: ZIdParams,
          body: ZDepartRequest,
          response: { 200: ZVisit },
        },
      },
      async (request) => showroom.depart(authOf(request), request.params.id, request.body),
    );

    app.patch(
      '/api/v1/showroom/visits/:id',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary:
            'Correct a logged visit: party size, consultant, series, closed on the spot, time out, note',
          description:
            'Send the `version` you read; if someone changed the visit since, the answer is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateVisitRequest,
          response: { 200: ZVisit },
        },
      },
      async (request) => showroom.update(authOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/showroom/phone-lookup',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary: 'Is this phone a customer, and would this be a first or a repeat visit?',
          querystring: ZPhoneLookupQuery,
          response: { 200: ZPhoneLookup },
        },
      },
      async (request) => showroom.lookupPhone(authOf(request), request.query),
    );

    app.get(
      '/api/v1/showroom/suggested-consultant',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary:
            "The consultant the fair rotation offers next, and every active consultant with today's figures",
          response: { 200: ZSuggestedConsultant },
        },
      },
      async (request) => showroom.suggestConsultant(authOf(request)),
    );

    app.get(
      '/api/v1/showroom/options',
      {
        config: { access: 'showroom.log' },
        schema: {
          tags: ['showroom'],
          summary: 'What the arrival form offers: the series the store sells and its active sources',
          response: { 200: ZShowroomOptions },
        },
      },
      async (request) => showroom.options(authOf(request)),
    );
  };
