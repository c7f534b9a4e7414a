import { ZIdParams } from '@qianke/contracts/common';
import {
  ZBookTestDriveRequest,
  ZCancelTestDriveRequest,
  ZCheckLicenceRequest,
  ZCompleteTestDriveRequest,
  ZCreateDemoCarRequest,
  ZDemoCar,
  ZDemoCarList,
  ZDemoCarListQuery,
  ZDemoCarOptions,
  ZNoShowRequest,
  ZScheduleQuery,
  ZTestDrive,
  ZTestDriveList,
  ZTestDriveListQuery,
  ZTestDriveSchedule,
  ZUpdateDemoCarRequest,
} from '@qianke/contracts/test-drives';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { TestDrivesService } from './test-drives.service';

export const testDrivesRoutes =
  (testDrives: TestDrivesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/demo-cars',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: "The store's demo cars (active ones unless includeInactive=true)",
          querystring: ZDemoCarListQuery,
          response: { 200: ZDemoCarList },
        },
      },
      async (request) => testDrives.listCars(authOf(request), request.query),
    );

    app.get(
      '/api/v1/demo-cars/options',
      {
        config: { access: 'demo_cars.manage' },
        schema: {
          tags: ['test-drives'],
          summary: 'What the demo-car form offers: active catalog configurations and colours',
          response: { 200: ZDemoCarOptions },
        },
      },
      async (request) => testDrives.carOptions(authOf(request)),
    );

    app.post(
      '/api/v1/demo-cars',
      {
        config: { access: 'demo_cars.manage' },
        schema: {
          tags: ['test-drives'],
          summary: 'Add a demo car (plate number unique in the store: 409 otherwise)',
          body: ZCreateDemoCarRequest,
          response: { 201: ZDemoCar },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await testDrives.createCar(authOf(request), request.body)),
    );

    app.patch(
      '/api/v1/demo-cars/:id',
      {
        config: { access: 'demo_cars.manage' },
        schema: {
          tags: ['test-drives'],
          summary: 'Change a demo car, or retire it with active=false',
          description: 'Send the `version` you read; a stale one is 409 stale_version.',
          params: ZIdParams,
          body: ZUpdateDemoCarRequest,
          response: { 200: ZDemoCar },
        },
      },
      async (request) => testDrives.updateCar(authOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/test-drives/schedule',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: "Each active demo car's bookings of one day of the store's calendar",
          querystring: ZScheduleQuery,
          response: { 200: ZTestDriveSchedule },
        },
      },
      async (request) => testDrives.schedule(authOf(request), request.query.date),
    );

    app.get(
      '/api/v1/test-drives',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'Test drives of a customer, a consultant or a car (and one day), at most 200',
          description: 'With `date` in time order, else newest first. Consultants see their own only.',
          querystring: ZTestDriveListQuery,
          response: { 200: ZTestDriveList },
        },
      },
      async (request) => testDrives.list(authOf(request), request.query),
    );

    app.get(
      '/api/v1/test-drives/:id',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'One test drive',
          params: ZIdParams,
          response: { 200: ZTestDrive },
        },
      },
      async (request) => testDrives.get(authOf(request), request.params.id),
    );

    app.post(
      '/api/v1/test-drives',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'Book a test drive against a demo car',
          description:
            "The lead defaults to the customer's open lead, the consultant to the caller. A slot overlapping another booking of the car is 409 conflict, naming the other booking's time in `fields.startsAt`; back-to-back slots are fine.",
          body: ZBookTestDriveRequest,
          response: { 201: ZTestDrive },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await testDrives.book(authOf(request), request.body, request.id)),
    );

    app.post(
      '/api/v1/test-drives/:id/licence-check',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: "Record the customer's driving licence as checked (18-character number, GB 11643)",
          params: ZIdParams,
          body: ZCheckLicenceRequest,
          response: { 200: ZTestDrive },
        },
      },
      async (request) => testDrives.checkLicence(authOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/test-drives/:id/complete',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'Complete a test drive: route, feedback, rating; logs a follow-up on the lead',
          description: 'Without a checked licence the answer is 422 with `fields.licenceNo`.',
          params: ZIdParams,
          body: ZCompleteTestDriveRequest,
          response: { 200: ZTestDrive },
        },
      },
      async (request) => testDrives.complete(authOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/test-drives/:id/cancel',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'Cancel a booked test drive, with the reason; the car is free again',
          params: ZIdParams,
          body: ZCancelTestDriveRequest,
          response: { 200: ZTestDrive },
        },
      },
      async (request) => testDrives.cancel(authOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/test-drives/:id/no-show',
      {
        config: { access: 'test_drives.book' },
        schema: {
          tags: ['test-drives'],
          summary: 'Mark a booked test drive as a no-show (once its start has passed)',
          params: ZIdParams,
          body: ZNoShowRequest,
          response: { 200: ZTestDrive },
        },
      },
      async (request) => testDrives.markNoShow(authOf(request), request.params.id, request.body),
    );
  };
