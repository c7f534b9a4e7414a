import { ZIdParams } from '@qianke/contracts/common';
import {
  ZCatalogConfigurationList,
  ZCreateStockVehicle,
  ZListStockQuery,
  ZStockVehicle,
  ZStockVehicleList,
  ZUpdateStockVehicle,
} from '@qianke/contracts/vehicles';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { VehiclesService } from './vehicles.service';

export const vehiclesRoutes =
  (vehicles: VehiclesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/vehicles/catalog',
      {
        config: { access: 'vehicles.view' },
        schema: {
          tags: ['vehicles'],
          summary:
            "The store's catalog to order from: configurations with series, model, guide price and colours",
          response: { 200: ZCatalogConfigurationList },
        },
      },
      async (request) => ({ items: await vehicles.catalog(authOf(request)) }),
    );

    app.get(
      '/api/v1/vehicles/stock',
      {
        config: { access: 'vehicles.view' },
        schema: {
          tags: ['vehicles'],
          summary: 'Stock vehicles by VIN: in stock, reserved by an order, sold',
          querystring: ZListStockQuery,
          response: { 200: ZStockVehicleList },
        },
      },
      async (request) => vehicles.list(authOf(request), request.query),
    );

    app.post(
      '/api/v1/vehicles/stock',
      {
        config: { access: 'vehicles.manage' },
        schema: {
          tags: ['vehicles'],
          summary: 'Add a vehicle to the stock by its VIN',
          description:
            'The VIN is trimmed, upper-cased and checked: 17 characters without I, O, Q, and the check digit at position 9 (ISO 3779 / GB 16735); 422 names what to correct. A VIN the store already has is 409.',
          body: ZCreateStockVehicle,
          response: { 201: ZStockVehicle },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await vehicles.create(authOf(request), request.body, request.id)),
    );

    app.get(
      '/api/v1/vehicles/stock/:id',
      {
        config: { access: 'vehicles.view' },
        schema: {
          tags: ['vehicles'],
          summary: 'One stock vehicle, with the live order holding it',
          params: ZIdParams,
          response: { 200: ZStockVehicle },
        },
      },
      async (request) => vehicles.get(authOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/vehicles/stock/:id',
      {
        config: { access: 'vehicles.manage' },
        schema: {
          tags: ['vehicles'],
          summary: 'Change the note, colour or arrival day of a vehicle in stock',
          description:
            'Reserved and sold vehicles change through their order (409). Send the `version` you read; a stale one is 409.',
          params: ZIdParams,
          body: ZUpdateStockVehicle,
          response: { 200: ZStockVehicle },
        },
      },
      async (request) => vehicles.update(authOf(request), request.params.id, request.body, request.id),
    );
  };
