import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCaptureResult,
  ZCreateCustomerRequest,
  ZCustomer,
  ZCustomerFormOptions,
  ZCustomerList,
  ZCustomerTimeline,
  ZListCustomersQuery,
  ZMergeCustomersRequest,
  ZNewLead,
  ZRevealedPhones,
  ZUpdateCustomerRequest,
  ZVersionRequest,
} from '@qianke/contracts/customers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { CustomersService } from './customers.service';

const MASKING =
  "Phones are masked (138****8000, `phoneMasked: true`) for roles that need not see them; consultants see their own customers' numbers, managers every number.";

export const customersRoutes =
  (customers: CustomersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/customers',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['customers'],
          summary: 'Search and list customers, a page at a time',
          description: `Consultants see the customers they own, other roles the whole store. Pages are keyset-paginated: pass \`nextCursor\` as \`cursor\` with the same filters and sort until it is null. ${MASKING}`,
          querystring: ZListCustomersQuery,
          response: { 200: ZCustomerList },
        },
      },
      async (request) => customers.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/customers',
      {
        config: { access: 'customers.create' },
        schema: {
          tags: ['customers'],
          summary: 'Open a customer card with its first inquiry',
          description:
            'The phone may be written in any common spelling. If the store already has a customer with this number, the answer is 409 `duplicate_customer` with `details: { customerId, name, cardNo, ownerId, ownerName }` and nothing is stored; add the inquiry to that customer with POST /api/v1/customers/{id}/leads.',
          body: ZCreateCustomerRequest,
          response: { 201: ZCustomer },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await customers.create(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/customers/options',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['customers'],
          summary: 'What the customer forms offer: the catalog and who may own a customer',
          response: { 200: ZCustomerFormOptions },
        },
      },
      async (request) => customers.formOptions(authOf(request)),
    );

    app.post(
      '/api/v1/customers/merge',
      {
        config: { access: 'customers.merge' },
        schema: {
          tags: ['customers'],
          summary: 'Merge duplicate customers into one',
          description:
            'Non-fleet customers without orders only (422 with the reasons otherwise). The kept customer (`survivorId`, one of `customerIds`) takes every lead, visit, follow-up and task of the others, and their numbers as further numbers.',
          body: ZMergeCustomersRequest,
          response: { 200: ZCustomer },
        },
      },
      async (request) => customers.merge(authOf(request), request.body, request.id),
    );

    app.get(
      '/api/v1/customers/:id',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['customers'],
          summary: 'The customer card with its leads',
          description: MASKING,
          params: ZIdParams,
          response: { 200: ZCustomer },
        },
      },
      async (request) => customers.get(authOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/customers/:id',
      {
        config: { access: 'customers.edit' },
        schema: {
          tags: ['customers'],
          summary: 'Edit the customer card',
          description:
            'Send the `version` you read; if someone changed the card since, the answer is 409 stale_version. A new phone that another customer has is 409 duplicate_customer.',
          params: ZIdParams,
          body: ZUpdateCustomerRequest,
          response: { 200: ZCustomer },
        },
      },
      async (request) => customers.update(authOf(request), request.params.id, request.body, request.id),
    );

    app.get(
      '/api/v1/customers/:id/timeline',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['customers'],
          summary: 'Everything that happened to the customer, newest first',
          params: ZIdParams,
          response: { 200: ZCustomerTimeline },
        },
      },
      async (request) => customers.timeline(authOf(request), request.params.id),
    );

    app.post(
      '/api/v1/customers/:id/leads',
      {
        config: { access: 'customers.create' },
        schema: {
          tags: ['customers'],
          summary: 'Add an inquiry to an existing customer',
          description: "The lead goes to the customer's owner.",
          params: ZIdParams,
          body: ZNewLead,
          response: { 201: ZCaptureResult },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await customers.addInquiry(authOf(request), request.params.id, request.body, request.id)),
    );

    app.post(
      '/api/v1/customers/:id/reveal-phone',
      {
        config: { access: 'customers.view' },
        schema: {
          tags: ['customers'],
          summary: "Show the customer's full phone numbers (audited)",
          params: ZIdParams,
          response: { 200: ZRevealedPhones },
        },
      },
      async (request) => customers.revealPhone(authOf(request), request.params.id, request.id),
    );

    app.post(
      '/api/v1/customers/:id/fleet',
      {
        config: { access: 'customers.merge' },
        schema: {
          tags: ['customers'],
          summary: 'Promote to fleet / wholesale customer',
          params: ZIdParams,
          body: ZVersionRequest,
          response: { 200: ZCustomer },
        },
      },
      async (request) =>
        customers.fleet(authOf(request), request.params.id, request.body.version, request.id),
    );
  };
