import { hasPermission } from '@qianke/core/accounts/roles';
import { vinCheckDigit } from '@qianke/core/vehicles/vin';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  type ApiResponse,
  startTestServer,
  type TestServer,
} from '../../test-support/test-server';
import type { RouteEntry } from './create-http-app';

/**
 * Walks every route of the API as users of store 2 and proves that no row of store 1 can be read,
 * changed or listed from there. A route added without a line in ROUTES fails this test.
 */

/** Ids of store-1 rows, one of each kind, to ask for from store 2. */
type Store1 = {
  storeId: string;
  userId: string;
  userVersion: number;
  customerId: string;
  leadId: string;
  sourceId: string;
  visitId: string;
  taskId: string;
  apiKeyId: string;
  importJobId: string;
  consultantId: string;
  ruleId: string;
  defeatReasonId: string;
  defeatRequestId: string;
  followUpId: string;
  // DCC and invitations (issue 5)
  invitationId: string;
  // Test drives (issue 5)
  demoCarId: string;
  testDriveId: string;
  // Stock vehicles and orders (issue 5)
  stockVehicleId: string;
  orderId: string;
  /** A configuration of store 1's catalog (stock and demo cars name one). */
  configurationId: string;
  /** The phone (as typed) of a store-1 customer no customer of store 2 has. */
  customerPhone: string;
};

type RouteCase =
  /** The route names a row by id: a store-1 id must be a 404 (or 403 without the permission). */
  | { kind: 'row'; id: (s: Store1) => string; body?: (s: Store1) => unknown }
  /**
   * The route lists rows of the caller's store: no store-1 id may appear. `foreign`: the same route
   * naming store 1 in its query (a report's `dealerId`), which must be a 404 (or 403 without the permission).
   */
  | { kind: 'list'; path?: string | ((s: Store1) => string); foreign?: (s: Store1) => string }
  /** The route names store 1 in its query (a report export's `dealerId`): 404 (or 403 without the permission). */
  | { kind: 'query'; path: (s: Store1) => string }
  /**
   * The route only touches the caller's own session, account, store or the installation; `why` names
   * the test that proves it. `probe`: each store-2 user sends it naming store-1 rows; it must answer
   * `status` (403 without the permission), show no store-1 id and change nothing of store 1.
   */
  | { kind: 'own'; why: string; probe?: Probe };

type Probe = {
  status: number;
  /** With a 422, the field the message must stand next to. */
  field?: string;
  send: (client: ApiClient, s: Store1) => Promise<ApiResponse>;
};

/** A report asked with store 1 as its `dealerId`: another store than the caller's (resolveReportScope). */
const inStore1 = (path: string) => (s: Store1) => `${path}&dealerId=${s.storeId}`;
/** A report of the caller's store, which lists no store-1 id, and is a 404 asked for store 1. */
const report = (path: string): RouteCase => ({ kind: 'list', path, foreign: inStore1(path) });
/** A report's xlsx export (binary, so not read for ids): asked for store 1 it is a 404. */
const reportExport = (path: string): RouteCase => ({ kind: 'query', path: inStore1(path) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A valid VIN numbered `n` (check digit included). */
const vinOf = (n: number) => {
  const draft = `LGXC16DF0T${String(n).padStart(7, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
};

/** The last 360 days and today, as a report filter (issue 6). */
/** This month so far (`from=YYYY-MM-01&to=YYYY-MM-DD`), for the monthly reports. */
const REPORT_MONTH = `from=${new Date().toISOString().slice(0, 8)}01&to=${new Date().toISOString().slice(0, 10)}`;
const REPORT_YEAR = `from=${new Date(Date.now() - 360 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`;

const ROUTES: Record<string, RouteCase> = {
  'GET /healthz': { kind: 'own', why: 'no data' },
  'GET /api/v1/meta': { kind: 'own', why: 'installation facts only' },
  'POST /api/v1/setup': { kind: 'own', why: 'allowed only before any store exists' },
  'POST /api/v1/auth/login': { kind: 'own', why: 'starts a session for the caller' },
  'POST /api/v1/auth/logout': { kind: 'own', why: "ends the caller's session" },
  'GET /api/v1/me': { kind: 'list' },
  'POST /api/v1/me/password': { kind: 'own', why: "the caller's own password" },
  'POST /api/v1/me/store': { kind: 'row', id: (s) => s.storeId, body: (s) => ({ storeId: s.storeId }) },
  'GET /api/v1/stores': { kind: 'list' },
  'GET /api/v1/stores/:id': { kind: 'row', id: (s) => s.storeId },
  'PATCH /api/v1/stores/:id': {
    kind: 'row',
    id: (s) => s.storeId,
    body: () => ({
      version: 0,
      name: 'Taken over',
      code: 'HACK',
      timeZone: 'Asia/Shanghai',
      opensAt: '00:00',
      closesAt: '23:59',
      unassignedAlertMinutes: 1440,
    }),
  },
  'GET /api/v1/users': { kind: 'list', path: '/api/v1/users?status=all&pageSize=200' },
  'POST /api/v1/users': { kind: 'own', why: "creates a user in the caller's store (checked below)" },
  'GET /api/v1/users/:id': { kind: 'row', id: (s) => s.userId },
  'PATCH /api/v1/users/:id': {
    kind: 'row',
    id: (s) => s.userId,
    body: (s) => ({ version: s.userVersion, displayName: 'Taken over', disabled: true }),
  },
  'POST /api/v1/users/:id/password': {
    kind: 'row',
    id: (s) => s.userId,
    body: () => ({ newPassword: 'Hijack2026' }),
  },
  'GET /api/v1/customers': { kind: 'list', path: '/api/v1/customers?limit=200' },
  'GET /api/v1/customers/options': { kind: 'list' },
  'POST /api/v1/customers': {
    kind: 'own',
    why: "opens a card in the caller's store; a store-1 source is refused (customer-changes.routes.test.ts)",
  },
  'POST /api/v1/customers/merge': {
    kind: 'row',
    id: (s) => s.customerId,
    body: (s) => ({ survivorId: s.customerId, customerIds: [s.customerId, s.customerId] }),
  },
  'GET /api/v1/customers/:id': { kind: 'row', id: (s) => s.customerId },
  'PATCH /api/v1/customers/:id': {
    kind: 'row',
    id: (s) => s.customerId,
    body: () => ({ version: 0, name: 'Taken over', phone: '13800138000' }),
  },
  'GET /api/v1/customers/:id/timeline': { kind: 'row', id: (s) => s.customerId },
  'POST /api/v1/customers/:id/leads': {
    kind: 'row',
    id: (s) => s.customerId,
    body: (s) => ({ sourceId: s.sourceId, note: 'Taken over' }),
  },
  'POST /api/v1/customers/:id/reveal-phone': { kind: 'row', id: (s) => s.customerId },
  'POST /api/v1/customers/:id/fleet': { kind: 'row', id: (s) => s.customerId, body: () => ({ version: 0 }) },
  'GET /api/v1/sources': { kind: 'list' },
  'POST /api/v1/sources': {
    kind: 'own',
    why: "adds a node to the caller's store; a store-1 parent is refused (sources.routes.test.ts)",
  },
  'PATCH /api/v1/sources/:id': {
    kind: 'row',
    id: (s) => s.sourceId,
    body: () => ({ version: 0, nameZh: 'Taken over', active: false }),
  },
  'POST /api/v1/showroom/visits': {
    kind: 'own',
    why: "logs a visit in the caller's store; a store-1 consultant is refused (the probe)",
    probe: {
      status: 422,
      field: 'consultantId',
      send: (c, s) => c.post('/api/v1/showroom/visits', { consultantId: s.consultantId, partySize: 2 }),
    },
  },
  'GET /api/v1/showroom/visits': { kind: 'list', path: '/api/v1/showroom/visits?view=day' },
  'POST /api/v1/showroom/visits/:id/depart': { kind: 'row', id: (s) => s.visitId, body: () => ({}) },
  'PATCH /api/v1/showroom/visits/:id': {
    kind: 'row',
    id: (s) => s.visitId,
    body: () => ({ version: 0, partySize: 20, note: 'Taken over' }),
  },
  'GET /api/v1/showroom/phone-lookup': {
    kind: 'list',
    path: (s) => `/api/v1/showroom/phone-lookup?phone=${encodeURIComponent(s.customerPhone)}`,
  },
  'GET /api/v1/showroom/suggested-consultant': { kind: 'list' },
  'GET /api/v1/showroom/options': { kind: 'list' },
  'GET /api/v1/api-keys': { kind: 'list' },
  'POST /api/v1/api-keys': { kind: 'own', why: "makes a key of the caller's store" },
  'POST /api/v1/api-keys/:id/revoke': { kind: 'row', id: (s) => s.apiKeyId },
  'POST /api/v1/intake/leads': {
    kind: 'own',
    why: "writes into the API key's store only; a store-1 key never reaches store 2 (intake.routes.test.ts)",
  },
  'POST /api/v1/intake/adf': {
    kind: 'own',
    why: "writes into the API key's store only; a store-1 key never reaches store 2 (adf.routes.test.ts)",
  },
  'POST /api/v1/imports': { kind: 'own', why: "reads a file into a job of the caller's store" },
  'GET /api/v1/imports': { kind: 'list' },
  'GET /api/v1/imports/:id': { kind: 'row', id: (s) => s.importJobId },
  'PUT /api/v1/imports/:id/mapping': {
    kind: 'row',
    id: (s) => s.importJobId,
    body: () => ({ mapping: { '0': 'name', '1': 'phone', '2': 'source' } }),
  },
  'GET /api/v1/imports/:id/rows': { kind: 'row', id: (s) => s.importJobId },
  'POST /api/v1/imports/:id/run': { kind: 'row', id: (s) => s.importJobId },
  'GET /api/v1/imports/:id/report.xlsx': { kind: 'row', id: (s) => s.importJobId },
  'GET /api/v1/follow-up-rules': { kind: 'list' },
  'PUT /api/v1/follow-up-rules': {
    kind: 'own',
    why: "saves the caller's store's rule table and re-plans only its tasks (the probe: store 1's are unchanged)",
    probe: {
      status: 200,
      send: async (c) => {
        const { body } = await c.get('/api/v1/follow-up-rules');
        const rules = { ...body?.rules, dueTime: '17:30' };
        return c.request('PUT', '/api/v1/follow-up-rules', {
          preset: 'custom',
          rules,
          version: body?.version,
        });
      },
    },
  },
  'POST /api/v1/follow-up-rules/preset': {
    kind: 'own',
    why: "resets the caller's store's rule table and re-plans only its tasks (the probe)",
    probe: { status: 200, send: (c) => c.post('/api/v1/follow-up-rules/preset', { preset: 'seed_003' }) },
  },
  'GET /api/v1/holidays': { kind: 'list' },
  'POST /api/v1/holidays': { kind: 'own', why: "adds a date to the caller's store's calendar" },
  'POST /api/v1/holidays/cn-public': { kind: 'own', why: "adds dates to the caller's store's calendar" },
  'DELETE /api/v1/holidays/:date': {
    kind: 'own',
    why: "names a date, not an id, of the caller's calendar; store 2 cannot remove store 1's (follow-ups.routes.test.ts)",
  },
  'GET /api/v1/grading': { kind: 'own', why: 'the level table of core and the caller store cadence' },
  'POST /api/v1/leads/:id/level': {
    kind: 'row',
    id: (s) => s.leadId,
    body: () => ({ level: 'C', reason: 'Taken over', man: { money: false, authority: false, need: false } }),
  },
  'POST /api/v1/leads/:id/follow-ups': {
    kind: 'row',
    id: (s) => s.leadId,
    body: () => ({
      channel: 'phone',
      content: 'Taken over',
      result: 'Taken over',
      levelAfter: 'C',
      horizonAfter: 'm12_plus',
      man: { money: false, authority: false, need: false },
    }),
  },
  'GET /api/v1/leads/:id/follow-ups': { kind: 'row', id: (s) => s.leadId },
  'GET /api/v1/leads/:id/follow-up-proposal': { kind: 'row', id: (s) => s.leadId },
  'GET /api/v1/tasks': { kind: 'list', path: '/api/v1/tasks?scope=store&limit=200' },
  'GET /api/v1/tasks/summary': { kind: 'list', path: '/api/v1/tasks/summary?scope=store' },
  'POST /api/v1/tasks': {
    kind: 'row',
    id: (s) => s.leadId,
    body: (s) => ({ leadId: s.leadId, title: 'Taken over', dueAt: '2030-01-01T10:00:00+08:00' }),
  },
  'POST /api/v1/tasks/:id/done': {
    kind: 'row',
    id: (s) => s.taskId,
    body: () => ({ channel: 'phone', result: 'Taken over' }),
  },
  'GET /api/v1/distribution/queue': { kind: 'list', path: '/api/v1/distribution/queue?limit=200' },
  'GET /api/v1/distribution/assignees': { kind: 'list' },
  'POST /api/v1/leads/assign': {
    kind: 'row',
    id: (s) => s.leadId,
    body: (s) => ({ leadIds: [s.leadId], ownerId: s.consultantId, note: 'Taken over' }),
  },
  'POST /api/v1/leads/reassign-all': {
    kind: 'row',
    id: (s) => s.consultantId,
    body: (s) => ({ fromUserId: s.consultantId, toUserId: s.userId }),
  },
  'GET /api/v1/leads/:id/assignment': { kind: 'row', id: (s) => s.leadId },
  'POST /api/v1/users/:id/duty': { kind: 'row', id: (s) => s.consultantId, body: () => ({ onDuty: false }) },
  'GET /api/v1/assignment-rules': { kind: 'list' },
  'POST /api/v1/assignment-rules': {
    kind: 'own',
    why: "adds a rule to the caller's store; store-1 people in its pool are refused (assignment.routes.test.ts)",
  },
  'PATCH /api/v1/assignment-rules/:id': {
    kind: 'row',
    id: (s) => s.ruleId,
    body: () => ({ version: 0, name: 'Taken over', active: false }),
  },
  'GET /api/v1/defeat-reasons': { kind: 'list' },
  'POST /api/v1/defeat-reasons': { kind: 'own', why: "adds a reason to the caller's store" },
  'PATCH /api/v1/defeat-reasons/:id': {
    kind: 'row',
    id: (s) => s.defeatReasonId,
    body: () => ({ version: 0, nameZh: 'Taken over', active: false }),
  },
  'POST /api/v1/leads/:id/defeat-requests': {
    kind: 'row',
    id: (s) => s.leadId,
    body: (s) => ({ reasonId: s.defeatReasonId, note: 'Taken over' }),
  },
  'GET /api/v1/defeat-requests': { kind: 'list', path: '/api/v1/defeat-requests?limit=200' },
  'GET /api/v1/defeat-requests/monthly': { kind: 'list' },
  'GET /api/v1/defeat-requests/eligible-leads': {
    kind: 'list',
    path: '/api/v1/defeat-requests/eligible-leads?limit=100',
  },
  'POST /api/v1/defeat-requests/:id/approve': {
    kind: 'row',
    id: (s) => s.defeatRequestId,
    body: (s) => ({ outcome: 'reassigned', newOwnerId: s.consultantId }),
  },
  'POST /api/v1/defeat-requests/:id/reject': {
    kind: 'row',
    id: (s) => s.defeatRequestId,
    body: () => ({ managerNote: 'Taken over' }),
  },
  'GET /api/v1/notifications': { kind: 'list' },
  'POST /api/v1/notifications/read': {
    kind: 'own',
    why: "marks only the caller's own notifications; others' ids change nothing (notifications.routes.test.ts)",
  },
  'GET /api/v1/notifications/stream': {
    kind: 'own',
    why: "streams only the caller's own new notifications (notifications.routes.test.ts: 'delivers only your own notifications')",
  },
  'GET /api/v1/follow-ups': { kind: 'list', path: '/api/v1/follow-ups?scope=store&limit=100' },
  'POST /api/v1/follow-ups/:id/comments': {
    kind: 'row',
    id: (s) => s.followUpId,
    body: () => ({ body: 'Taken over' }),
  },
  'GET /api/v1/follow-ups/:id/comments': { kind: 'row', id: (s) => s.followUpId },
  // DCC and invitations (issue 5)
  'GET /api/v1/dcc/call-lists': { kind: 'list', path: '/api/v1/dcc/call-lists?list=due&pageSize=100' },
  'POST /api/v1/dcc/calls': {
    kind: 'row',
    id: (s) => s.leadId,
    body: (s) => ({ leadId: s.leadId, outcome: 'reached', note: 'Taken over' }),
  },
  'GET /api/v1/dcc/inbound-lookup': {
    kind: 'list',
    path: (s) => `/api/v1/dcc/inbound-lookup?phone=${encodeURIComponent(s.customerPhone)}`,
  },
  'POST /api/v1/dcc/inbound-calls': {
    kind: 'own',
    why: "logs a call in the caller's store; a store-1 phone matches no one there (the probe)",
    probe: {
      status: 201,
      send: (c, s) => c.post('/api/v1/dcc/inbound-calls', { phone: s.customerPhone, note: 'Taken over' }),
    },
  },
  'GET /api/v1/dcc/stats': { kind: 'list', path: '/api/v1/dcc/stats?from=2020-01-01&to=2030-12-31' },
  'POST /api/v1/invitations': {
    kind: 'row',
    id: (s) => s.leadId,
    body: (s) => ({ leadId: s.leadId, scheduledAt: '2030-01-01T10:00:00+08:00', purpose: 'viewing' }),
  },
  'GET /api/v1/invitations': { kind: 'list', path: '/api/v1/invitations?pageSize=100' },
  'GET /api/v1/invitations/options': { kind: 'list' },
  'POST /api/v1/invitations/:id/cancel': {
    kind: 'row',
    id: (s) => s.invitationId,
    body: () => ({ version: 0 }),
  },
  'POST /api/v1/invitations/:id/no-show': {
    kind: 'row',
    id: (s) => s.invitationId,
    body: () => ({ version: 0 }),
  },
  'POST /api/v1/invitations/:id/reinvite': {
    kind: 'row',
    id: (s) => s.invitationId,
    body: () => ({ scheduledAt: '2030-01-01T10:00:00+08:00', purpose: 'viewing' }),
  },
  // Test drives (issue 5)
  'GET /api/v1/demo-cars': { kind: 'list', path: '/api/v1/demo-cars?includeInactive=true' },
  'GET /api/v1/demo-cars/options': { kind: 'list' },
  'POST /api/v1/demo-cars': {
    kind: 'own',
    why: "adds a demo car to the caller's store; a configuration of store 1 is refused (the probe)",
    probe: {
      status: 422,
      field: 'configurationId',
      send: (c, s) =>
        c.post('/api/v1/demo-cars', { configurationId: s.configurationId, plateNo: '沪AH0001' }),
    },
  },
  'PATCH /api/v1/demo-cars/:id': {
    kind: 'row',
    id: (s) => s.demoCarId,
    body: () => ({ version: 0, plateNo: 'HACK', active: false }),
  },
  'GET /api/v1/test-drives/schedule': { kind: 'list', path: '/api/v1/test-drives/schedule?date=2026-11-26' },
  'GET /api/v1/test-drives': { kind: 'list' },
  'GET /api/v1/test-drives/:id': { kind: 'row', id: (s) => s.testDriveId },
  'POST /api/v1/test-drives': {
    kind: 'own',
    why: "books in the caller's store; a store-1 customer or car is unknown (test-drives.routes.test.ts)",
  },
  'POST /api/v1/test-drives/:id/licence-check': {
    kind: 'row',
    id: (s) => s.testDriveId,
    body: () => ({ version: 1, licenceNo: '11010519491231002X' }),
  },
  'POST /api/v1/test-drives/:id/complete': {
    kind: 'row',
    id: (s) => s.testDriveId,
    body: () => ({ version: 1, feedback: 'Taken over', rating: 5 }),
  },
  'POST /api/v1/test-drives/:id/cancel': {
    kind: 'row',
    id: (s) => s.testDriveId,
    body: () => ({ version: 1, reason: 'Taken over' }),
  },
  'POST /api/v1/test-drives/:id/no-show': {
    kind: 'row',
    id: (s) => s.testDriveId,
    body: () => ({ version: 1 }),
  },
  // Stock vehicles and orders (issue 5)
  'GET /api/v1/vehicles/catalog': { kind: 'list' },
  'GET /api/v1/vehicles/stock': { kind: 'list', path: '/api/v1/vehicles/stock?pageSize=200' },
  'POST /api/v1/vehicles/stock': {
    kind: 'own',
    why: "adds a car to the caller's stock; a configuration of store 1 is refused (the probe)",
    probe: {
      status: 422,
      field: 'configurationId',
      send: (c, s) =>
        c.post('/api/v1/vehicles/stock', { vin: vinOf(9_900_001), configurationId: s.configurationId }),
    },
  },
  'GET /api/v1/vehicles/stock/:id': { kind: 'row', id: (s) => s.stockVehicleId },
  'PATCH /api/v1/vehicles/stock/:id': {
    kind: 'row',
    id: (s) => s.stockVehicleId,
    body: () => ({ version: 0, note: 'Taken over' }),
  },
  'GET /api/v1/orders': { kind: 'list', path: '/api/v1/orders?pageSize=200' },
  'POST /api/v1/orders': {
    kind: 'row',
    id: (s) => s.customerId,
    body: (s) => ({
      customerId: s.customerId,
      stockVehicleId: s.stockVehicleId,
      price: 100_000,
      paymentMethod: 'cash',
    }),
  },
  'GET /api/v1/orders/:id': { kind: 'row', id: (s) => s.orderId },
  'PATCH /api/v1/orders/:id': {
    kind: 'row',
    id: (s) => s.orderId,
    body: () => ({ version: 0, note: 'Taken over' }),
  },
  'POST /api/v1/orders/:id/confirm': { kind: 'row', id: (s) => s.orderId, body: () => ({ version: 0 }) },
  'POST /api/v1/orders/:id/deposit': { kind: 'row', id: (s) => s.orderId, body: () => ({ version: 0 }) },
  'POST /api/v1/orders/:id/cancel': {
    kind: 'row',
    id: (s) => s.orderId,
    body: () => ({ version: 0, reason: 'Taken over' }),
  },
  'POST /api/v1/orders/:id/deliver': { kind: 'row', id: (s) => s.orderId, body: () => ({ version: 0 }) },
  // Reports (issue 6): figures of the caller's store over the last year; no store-1 id may show, and
  // naming store 1 as `dealerId` is a 404 (resolveReportScope: only a group admin may pick another store).
  'GET /api/v1/reports/options': { kind: 'list' },
  'GET /api/v1/reports/funnel': report(`/api/v1/reports/funnel?${REPORT_YEAR}&groupBy=consultant`),
  'GET /api/v1/reports/funnel/customers': report(
    `/api/v1/reports/funnel/customers?${REPORT_YEAR}&metric=leads&pageSize=100`,
  ),
  'GET /api/v1/reports/funnel/export': reportExport(`/api/v1/reports/funnel/export?${REPORT_YEAR}`),
  'GET /api/v1/customers/export': {
    kind: 'own',
    why: "the caller's customer list as xlsx, every customer of the store once (funnel.routes.test.ts: 'exports every customer of the store once')",
  },
  'GET /api/v1/orders/export': {
    kind: 'own',
    why: "the caller's order list as xlsx, row for row (orders.routes.test.ts: 'gives the manager every order the list's filter holds'); the list is checked above",
  },
  'GET /api/v1/owners/export': {
    kind: 'own',
    why: "the caller's owner cards as xlsx, as the list shows them (orders.routes.test.ts: 'gives the manager the owner cards of a licence month'); the list is checked above",
  },
  'GET /api/v1/reports/traffic': report(`/api/v1/reports/traffic?${REPORT_YEAR}`),
  'GET /api/v1/reports/traffic/customers': report(
    `/api/v1/reports/traffic/customers?${REPORT_YEAR}&metric=visits&pageSize=100`,
  ),
  'GET /api/v1/reports/traffic/export': reportExport(`/api/v1/reports/traffic/export?${REPORT_YEAR}`),
  'GET /api/v1/reports/sources': report(`/api/v1/reports/sources?${REPORT_YEAR}`),
  'GET /api/v1/reports/sources/customers': report(
    `/api/v1/reports/sources/customers?${REPORT_YEAR}&metric=leads&pageSize=100`,
  ),
  'GET /api/v1/reports/sources/export': reportExport(`/api/v1/reports/sources/export?${REPORT_YEAR}`),
  'GET /api/v1/reports/defeats': report(`/api/v1/reports/defeats?${REPORT_YEAR}`),
  'GET /api/v1/reports/defeats/customers': report(
    `/api/v1/reports/defeats/customers?${REPORT_YEAR}&metric=confirmed&pageSize=100`,
  ),
  'GET /api/v1/reports/defeats/export': reportExport(`/api/v1/reports/defeats/export?${REPORT_YEAR}`),
  'GET /api/v1/reports/follow-up-compliance': report(`/api/v1/reports/follow-up-compliance?${REPORT_YEAR}`),
  'GET /api/v1/reports/follow-up-compliance/customers': report(
    `/api/v1/reports/follow-up-compliance/customers?${REPORT_YEAR}&metric=tasks_due&pageSize=100`,
  ),
  'GET /api/v1/reports/follow-up-compliance/export': reportExport(
    `/api/v1/reports/follow-up-compliance/export?${REPORT_YEAR}`,
  ),
  'GET /api/v1/reports/dcc': report(`/api/v1/reports/dcc?${REPORT_YEAR}`),
  'GET /api/v1/reports/dcc/customers': report(
    `/api/v1/reports/dcc/customers?${REPORT_YEAR}&metric=calls&pageSize=100`,
  ),
  'GET /api/v1/reports/dcc/export': reportExport(`/api/v1/reports/dcc/export?${REPORT_YEAR}`),
  // The monthly reports cover the month of `from` (this month).
  'GET /api/v1/reports/progress': report(`/api/v1/reports/progress?${REPORT_MONTH}`),
  'GET /api/v1/reports/progress/customers': report(
    `/api/v1/reports/progress/customers?${REPORT_MONTH}&metric=carried&pageSize=100`,
  ),
  'GET /api/v1/reports/progress/export': reportExport(`/api/v1/reports/progress/export?${REPORT_MONTH}`),
  'GET /api/v1/reports/daily-activity': report(`/api/v1/reports/daily-activity?${REPORT_YEAR}`),
  'GET /api/v1/reports/daily-activity/customers': report(
    `/api/v1/reports/daily-activity/customers?${REPORT_YEAR}&metric=call&pageSize=100`,
  ),
  'GET /api/v1/reports/daily-activity/export': reportExport(
    `/api/v1/reports/daily-activity/export?${REPORT_YEAR}`,
  ),
  'GET /api/v1/reports/monthly-plan': report(`/api/v1/reports/monthly-plan?${REPORT_MONTH}`),
  'GET /api/v1/reports/monthly-plan/export': reportExport(
    `/api/v1/reports/monthly-plan/export?${REPORT_MONTH}`,
  ),
  'GET /api/v1/reports/kpi': report(`/api/v1/reports/kpi?${REPORT_MONTH}`),
  'GET /api/v1/reports/kpi/customers': report(
    `/api/v1/reports/kpi/customers?${REPORT_MONTH}&metric=leads&pageSize=100`,
  ),
  'GET /api/v1/reports/kpi/export': reportExport(`/api/v1/reports/kpi/export?${REPORT_MONTH}`),
  'GET /api/v1/kpi-targets': { kind: 'list', path: `/api/v1/kpi-targets?month=${REPORT_MONTH.slice(5, 12)}` },
  'PUT /api/v1/kpi-targets': {
    kind: 'row',
    id: (s) => s.consultantId,
    body: (s) => ({
      month: REPORT_MONTH.slice(5, 12),
      targets: [{ consultantId: s.consultantId, metric: 'orders', target: 9 }],
    }),
  },
  'GET /api/v1/orders/:id/sheet': { kind: 'row', id: (s) => s.orderId },
  'GET /api/v1/owners': { kind: 'list', path: '/api/v1/owners?pageSize=200' },
};

let t: TestServer;
let store1: Store1;
let store1Ids: string[];
const actors: { name: string; client: ApiClient; roles: string[] }[] = [];

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  const me = (await admin.get('/api/v1/me')).body;
  const s1 = me.stores.find((s: { code: string }) => s.code === 'SH-PD');
  const s2 = me.stores.find((s: { code: string }) => s.code === 'SH-MH');
  const manager1 = (await admin.get('/api/v1/users?q=manager')).body.items[0];
  const [sample] = await t.rows<{
    customer_id: string;
    lead_id: string;
    source_id: string;
    visit_id: string;
    task_id: string;
    api_key_id: string;
    consultant_id: string;
    rule_id: string;
    defeat_reason_id: string;
    defeat_request_id: string;
    follow_up_id: string;
    invitation_id: string;
    demo_car_id: string;
    test_drive_id: string;
    stock_vehicle_id: string;
    order_id: string;
    configuration_id: string;
    customer_phone: string;
  }>(sql`
    select (select id from customers where dealer_id = ${s1.id} order by id limit 1) as customer_id,
           (select id from leads where dealer_id = ${s1.id} order by id limit 1) as lead_id,
           (select id from lead_sources where dealer_id = ${s1.id} order by id limit 1) as source_id,
           (select id from showroom_visits where dealer_id = ${s1.id} order by id limit 1) as visit_id,
           (select id from tasks where dealer_id = ${s1.id} and status = 'open' order by id limit 1) as task_id,
           (select id from api_keys where dealer_id = ${s1.id} order by id limit 1) as api_key_id,
           (select id from users where dealer_id = ${s1.id} and username = 'consultant1') as consultant_id,
           (select id from assignment_rules where dealer_id = ${s1.id} order by id limit 1) as rule_id,
           (select id from defeat_reasons where dealer_id = ${s1.id} order by id limit 1) as defeat_reason_id,
           (select id from defeat_requests where dealer_id = ${s1.id} and status = 'pending' order by id limit 1)
             as defeat_request_id,
           (select id from follow_ups where dealer_id = ${s1.id} order by id limit 1) as follow_up_id,
           (select id from invitations where dealer_id = ${s1.id} order by id limit 1) as invitation_id,
           (select id from demo_cars where dealer_id = ${s1.id} order by id limit 1) as demo_car_id,
           (select id from test_drives where dealer_id = ${s1.id} order by id limit 1) as test_drive_id,
           (select id from stock_vehicles where dealer_id = ${s1.id} order by id limit 1) as stock_vehicle_id,
           (select id from orders where dealer_id = ${s1.id} and status = 'confirmed' order by id limit 1) as order_id,
           (select id from catalog_configurations where dealer_id = ${s1.id} order by id limit 1) as configuration_id,
           (select coalesce(c.phone_raw, c.phone_e164) from customers c where c.dealer_id = ${s1.id} and c.phone_e164 is not null
              and not exists (select 1 from customers o where o.dealer_id <> c.dealer_id and o.phone_e164 = c.phone_e164)
              order by c.id limit 1) as customer_phone`);
  if (!sample) throw new Error('the demo store has no rows');
  // The demo has no import: the store-1 manager uploads a small file.
  const importer = await t.as('manager');
  const imported = await importer.request(
    'POST',
    '/api/v1/imports?fileName=s1.csv',
    '姓名,手机\n王一,13800138000\n',
    { 'content-type': 'text/csv' },
  );
  expect(imported.status).toBe(201);
  store1 = {
    storeId: s1.id,
    userId: manager1.id,
    userVersion: manager1.version,
    customerId: sample.customer_id,
    leadId: sample.lead_id,
    sourceId: sample.source_id,
    visitId: sample.visit_id,
    taskId: sample.task_id,
    apiKeyId: sample.api_key_id,
    importJobId: imported.body.jobId,
    consultantId: sample.consultant_id,
    ruleId: sample.rule_id,
    defeatReasonId: sample.defeat_reason_id,
    defeatRequestId: sample.defeat_request_id,
    followUpId: sample.follow_up_id,
    invitationId: sample.invitation_id,
    demoCarId: sample.demo_car_id,
    testDriveId: sample.test_drive_id,
    stockVehicleId: sample.stock_vehicle_id,
    orderId: sample.order_id,
    configurationId: sample.configuration_id,
    customerPhone: sample.customer_phone,
  };
  // A missing sample would make paths like /orders/null, a 404 of the id's format that checks nothing.
  for (const [name, value] of Object.entries(store1)) {
    if (name.endsWith('Id')) expect(value, `store-1 sample ${name}`).toMatch(UUID);
  }
  expect(store1.customerPhone, 'store-1 sample customerPhone').toMatch(/\d{4}/);
  const ids = await t.rows<{ id: string }>(sql`
    select id::text as id from users where dealer_id = ${s1.id}
    union all select id::text from customers where dealer_id = ${s1.id}
    union all select id::text from leads where dealer_id = ${s1.id}
    union all select id::text from lead_sources where dealer_id = ${s1.id}
    union all select id::text from showroom_visits where dealer_id = ${s1.id}
    union all select id::text from tasks where dealer_id = ${s1.id}
    union all select id::text from api_keys where dealer_id = ${s1.id}
    union all select id::text from assignment_rules where dealer_id = ${s1.id}
    union all select id::text from defeat_reasons where dealer_id = ${s1.id}
    union all select id::text from defeat_requests where dealer_id = ${s1.id}
    union all select id::text from follow_ups where dealer_id = ${s1.id}
    union all select id::text from invitations where dealer_id = ${s1.id}
    union all select id::text from dcc_calls where dealer_id = ${s1.id}
    union all select id::text from demo_cars where dealer_id = ${s1.id}
    union all select id::text from test_drives where dealer_id = ${s1.id}
    union all select id::text from stock_vehicles where dealer_id = ${s1.id}
    union all select id::text from orders where dealer_id = ${s1.id}`);
  store1Ids = [s1.id, ...ids.map((r) => r.id)];
  store1Ids.push(store1.importJobId);

  // An administrator of store 2 who is not a group admin, made by the group admin.
  await admin.post('/api/v1/me/store', { storeId: s2.id });
  const created = await admin.post('/api/v1/users', {
    username: 'admin2',
    displayName: '闵行管理员',
    password: 'Store2admin',
    roles: ['admin', 'sales_manager', 'receptionist'],
  });
  expect(created.status).toBe(201);
  for (const [name, password] of [
    ['admin2', 'Store2admin'],
    ['manager2', 'demo1234'],
    ['consultant3', 'demo1234'],
  ] as const) {
    const client = await t.as(name, password);
    actors.push({ name, client, roles: (await client.get('/api/v1/me')).body.user.roles });
  }
});
afterAll(() => t?.close());

/** Store 1's tables with `updated_at` and `version`: a change anywhere moves a count, a time or a sum. */
const WATCHED_TABLES = [
  'users',
  'customers',
  'leads',
  'lead_sources',
  'showroom_visits',
  'follow_ups',
  'tasks',
  'api_keys',
  'import_jobs',
  'assignment_rules',
  'defeat_reasons',
  'defeat_requests',
  'follow_up_comments',
  'notifications',
  'invitations',
  'dcc_calls',
  'demo_cars',
  'test_drives',
  'stock_vehicles',
  'orders',
  'kpi_targets',
  'cadence_rule_sets',
];

/** What a request from store 2 must leave as it was: every watched table, the calendar, the audit log, the store. */
const store1Snapshot = async () => {
  const tables: Record<string, unknown> = {};
  for (const table of WATCHED_TABLES) {
    [tables[table]] = await t.rows(sql`
      select count(*)::int as n, max(updated_at)::text as changed, coalesce(sum(version), 0)::int as versions
      from ${sql.identifier(table)} where dealer_id = ${store1.storeId}`);
  }
  const [counts] = await t.rows(sql`
    select (select count(*)::int from holidays where dealer_id = ${store1.storeId}) as holidays,
           (select count(*)::int from audit_log where dealer_id = ${store1.storeId}) as audits`);
  const users = await t.rows(
    sql`select id, version, display_name from users where dealer_id = ${store1.storeId} order by id`,
  );
  const store = await t.rows(
    sql`select name, code, version, updated_at::text as changed from dealers where id = ${store1.storeId}`,
  );
  return { tables, counts, users, store };
};

/** Whether a user with these roles passes the route's permission check (else: 403). */
const isAllowed = (route: RouteEntry, roles: string[]) =>
  route.access === 'public' || (route.access !== 'api_key' && hasPermission(roles as never, route.access));

describe('store isolation', () => {
  it('has a case for every route the API offers', () => {
    const offered = t.server.app.routeCatalog.map((r) => `${r.method} ${r.url}`);
    const missing = offered.filter((r) => !(r in ROUTES));
    expect(missing, 'add these routes to ROUTES in tenant-isolation.test.ts').toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !offered.includes(r))).toEqual([]);
  });

  it('answers 404 (or 403 without the permission) for every store-1 row asked from store 2, and changes nothing', async () => {
    const before = await store1Snapshot();
    let checked = 0;
    for (const route of t.server.app.routeCatalog) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTES[key];
      if (c?.kind !== 'row') continue;
      const path = route.url.replace(':id', c.id(store1));
      for (const actor of actors) {
        const res = await actor.client.request(route.method, path, c.body ? c.body(store1) : undefined);
        expect(res.status, `${actor.name} ${key}`).toBe(isAllowed(route, actor.roles) ? 404 : 403);
        expect(JSON.stringify(res.body)).not.toContain(store1.userId);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
    // Writes into the caller's own store that name store-1 rows.
    for (const route of t.server.app.routeCatalog) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTES[key];
      if (c?.kind !== 'own' || !c.probe) continue;
      let allowed = 0;
      for (const actor of actors) {
        const res = await c.probe.send(actor.client, store1);
        const may = isAllowed(route, actor.roles);
        expect(res.status, `${actor.name} ${key}: ${JSON.stringify(res.body)}`).toBe(
          may ? c.probe.status : 403,
        );
        if (may && c.probe.field)
          expect(res.body.error.fields, `${actor.name} ${key}`).toHaveProperty([c.probe.field]);
        const text = JSON.stringify(res.body);
        for (const id of store1Ids) expect(text, `${actor.name} ${key} leaks ${id}`).not.toContain(id);
        if (may) allowed++;
      }
      expect(allowed, `no user of store 2 may call ${key}: the probe proves nothing`).toBeGreaterThan(0);
    }
    const after = await store1Snapshot();
    expect(after).toEqual(before);
    expect(after.store).toMatchObject([{ name: '上海浦东旗舰店', code: 'SH-PD' }]);
  });

  it("answers 404 (or 403 without the permission) for store 1 named in a report's query", async () => {
    let checked = 0;
    for (const route of t.server.app.routeCatalog) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTES[key];
      const path =
        c?.kind === 'query' ? c.path(store1) : c?.kind === 'list' ? c.foreign?.(store1) : undefined;
      if (route.url.startsWith('/api/v1/reports/') && route.url !== '/api/v1/reports/options') {
        expect(path, `${key} needs a case naming store 1 as dealerId`).toContain(
          `dealerId=${store1.storeId}`,
        );
      }
      if (!path) continue;
      for (const actor of actors) {
        const res = await actor.client.request(route.method, path);
        expect(res.status, `${actor.name} ${key}`).toBe(isAllowed(route, actor.roles) ? 404 : 403);
        if (res.status === 404) expect(res.body.error.code).toBe('not_found');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('lists nothing of store 1 to users of store 2', async () => {
    for (const route of t.server.app.routeCatalog) {
      const c = ROUTES[`${route.method} ${route.url}`];
      if (c?.kind !== 'list') continue;
      for (const actor of actors) {
        const res = await actor.client.get(
          typeof c.path === 'function' ? c.path(store1) : (c.path ?? route.url),
        );
        if (res.status === 403) continue;
        expect(res.status, `${actor.name} ${route.url}`).toBe(200);
        const text = JSON.stringify(res.body);
        for (const id of store1Ids) expect(text, `${actor.name} ${route.url} leaks ${id}`).not.toContain(id);
      }
    }
  });

  it("creates users only in the caller's store", async () => {
    const admin2 = actors.find((a) => a.name === 'admin2');
    const res = await admin2?.client.post('/api/v1/users', {
      username: 'mh.sales',
      displayName: '闵行销售',
      password: 'Welcome2026',
      roles: ['consultant'],
    });
    expect(res?.status).toBe(201);
    const row = await t.rows(
      sql`select d.code from users u join dealers d on d.id = u.dealer_id where u.username = 'mh.sales'`,
    );
    expect(row).toEqual([{ code: 'SH-MH' }]);
  });
});
