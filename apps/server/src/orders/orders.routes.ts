import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCancelOrderRequest,
  ZCreateOrderRequest,
  ZDeliverOrderRequest,
  ZListOrdersQuery,
  ZListOwnersQuery,
  ZOrder,
  ZOrderList,
  ZOrderSheet,
  ZOrderVersionRequest,
  ZOwnerList,
  ZPayDepositRequest,
  ZUpdateOrderRequest,
} from '@qianke/contracts/orders';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { OrdersService } from './orders.service';

const VERSION_NOTE =
  'Send the `version` you read; if someone changed the order since, the answer is 409 stale_version.';

export const ordersRoutes =
  (orders: OrdersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/orders',
      {
        config: { access: 'orders.view' },
        schema: {
          tags: ['orders'],
          summary: 'Sales orders, newest first: a consultant sees their own, others the store’s',
          querystring: ZListOrdersQuery,
          response: { 200: ZOrderList },
        },
      },
      async (request) => orders.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/orders',
      {
        config: { access: 'orders.manage' },
        schema: {
          tags: ['orders'],
          summary: 'Create a draft order for a customer, or for a walk-in buyer whose card it opens',
          description:
            'Either `customerId` or `buyer` (a known phone uses that customer). Either `stockVehicleId` (the car is reserved; one live order per car, a second is 409) or `configurationId` + `colourId`. The deposit may not exceed price - discount (422). `depositPaid` sets the lead to level O.',
          body: ZCreateOrderRequest,
          response: { 201: ZOrder },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await orders.create(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/orders/:id',
      {
        config: { access: 'orders.view' },
        schema: { tags: ['orders'], summary: 'One order', params: ZIdParams, response: { 200: ZOrder } },
      },
      async (request) => orders.get(authOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/orders/:id',
      {
        config: { access: 'orders.manage' },
        schema: {
          tags: ['orders'],
          summary: 'Change a draft order: price, discount, deposit, payment, trade-in, delivery date, note',
          description: `Only drafts change (409 otherwise). ${VERSION_NOTE}`,
          params: ZIdParams,
          body: ZUpdateOrderRequest,
          response: { 200: ZOrder },
        },
      },
      async (request) => orders.update(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/orders/:id/confirm',
      {
        config: { access: 'orders.manage' },
        schema: {
          tags: ['orders'],
          summary: 'Confirm a draft order (the contract is signed)',
          description: VERSION_NOTE,
          params: ZIdParams,
          body: ZOrderVersionRequest,
          response: { 200: ZOrder },
        },
      },
      async (request) => orders.confirm(authOf(request), request.params.id, request.body.version, request.id),
    );

    app.post(
      '/api/v1/orders/:id/deposit',
      {
        config: { access: 'orders.manage' },
        schema: {
          tags: ['orders'],
          summary: 'Record the deposit (定金): the lead becomes level O',
          description: `The level change is recorded in the lead's history and its tasks follow the O cadence. ${VERSION_NOTE}`,
          params: ZIdParams,
          body: ZPayDepositRequest,
          response: { 200: ZOrder },
        },
      },
      async (request) => orders.payDeposit(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/orders/:id/cancel',
      {
        config: { access: 'orders.manage' },
        schema: {
          tags: ['orders'],
          summary: 'Cancel a draft or confirmed order with a reason',
          description: `The car goes back in stock, the lead back to the open pipeline (level H if it was O). A delivered order is not cancelled (409). ${VERSION_NOTE}`,
          params: ZIdParams,
          body: ZCancelOrderRequest,
          response: { 200: ZOrder },
        },
      },
      async (request) => orders.cancel(authOf(request), request.params.id, request.body, request.id),
    );

    app.post(
      '/api/v1/orders/:id/deliver',
      {
        config: { access: 'orders.deliver' },
        schema: {
          tags: ['orders'],
          summary: 'Hand the car over: the customer becomes an owner and owner care starts',
          description: `Only a confirmed order is delivered (409 for a draft). The car is sold, the lead won, the customer's owner_since set, and the owner-care task planned. ${VERSION_NOTE}`,
          params: ZIdParams,
          body: ZDeliverOrderRequest,
          response: { 200: ZOrder },
        },
      },
      async (request) => orders.deliver(authOf(request), request.params.id, request.body, request.id),
    );

    app.get(
      '/api/v1/orders/:id/sheet',
      {
        config: { access: 'orders.view' },
        schema: {
          tags: ['orders'],
          summary: 'What the printable order sheet (订车单) shows',
          params: ZIdParams,
          response: { 200: ZOrderSheet },
        },
      },
      async (request) => orders.sheet(authOf(request), request.params.id),
    );

    app.get(
      '/api/v1/owners',
      {
        config: { access: 'orders.view' },
        schema: {
          tags: ['orders'],
          summary: 'Owner cards (保有客户): customers with a delivered car, filed by licence month',
          description:
            'The licence month is the registration day’s, else the delivery day’s (store calendar). Phones masked per the visibility rules.',
          querystring: ZListOwnersQuery,
          response: { 200: ZOwnerList },
        },
      },
      async (request) => orders.owners(authOf(request), request.query),
    );
  };
