import { fileURLToPath } from 'node:url';
import type { ThrottlePolicy } from '@qianke/core/accounts/login-throttle';
import { authRoutes } from './accounts/auth.routes';
import { createAuthService } from './accounts/auth.service';
import { usersRoutes } from './accounts/users.routes';
import { createUsersService } from './accounts/users.service';
import { assignmentRoutes } from './assignment/assignment.routes';
import { createAssignmentService } from './assignment/assignment.service';
import type { Config } from './config';
import { cardSerialsOf } from './customers/card-serials';
import { customersRoutes } from './customers/customers.routes';
import { createCustomersService } from './customers/customers.service';
// DCC and invitations (issue 5)
import { dccRoutes } from './dcc/dcc.routes';
import { createDccService } from './dcc/dcc.service';
import { defeatRoutes } from './defeat/defeat.routes';
import { createDefeatService } from './defeat/defeat.service';
import { loadDemoDealership } from './demo/load-demo';
import { followUpCommentsRoutes } from './follow-up-comments/follow-up-comments.routes';
import { createFollowUpCommentsService } from './follow-up-comments/follow-up-comments.service';
import { cadenceRulesRoutes } from './follow-ups/cadence-rules.routes';
import { createCadenceRulesService } from './follow-ups/cadence-rules.service';
import { followUpsRoutes } from './follow-ups/follow-ups.routes';
import { createFollowUpsService } from './follow-ups/follow-ups.service';
import { tasksRoutes } from './follow-ups/tasks.routes';
import { createTasksService } from './follow-ups/tasks.service';
import { healthRoutes } from './health/health.routes';
import { importsRoutes } from './imports/imports.routes';
import { createImportsService } from './imports/imports.service';
import { type Clock, systemClock } from './infra/clock';
import { argon2Hasher, type PasswordHasher } from './infra/crypto/passwords';
import { openDatabase } from './infra/db/database';
import { createHttpApp, type HttpAppOptions } from './infra/http/create-http-app';
import { createJobTimer } from './infra/jobs/job-timer';
import { apiKeysRoutes } from './intake/api-keys.routes';
import { createApiKeysService } from './intake/api-keys.service';
import { intakeRoutes } from './intake/intake.routes';
import { createIntakeService } from './intake/intake.service';
import { createInvitationJobs } from './invitations/invitation-jobs';
import { invitationsRoutes } from './invitations/invitations.routes';
import { createInvitationsService } from './invitations/invitations.service';
import { createEscalationJobs } from './notifications/escalation';
import { createNotificationBroadcaster } from './notifications/notification-broadcaster';
import { notificationsRoutes } from './notifications/notifications.routes';
import { createNotificationsService } from './notifications/notifications.service';
import { ordersRoutes } from './orders/orders.routes';
import { createOrdersService } from './orders/orders.service';
// Reports (issue 6)
import { customerExportRoutes } from './reports/customer-export.routes';
import { createCustomerExportService } from './reports/customer-export.service';
import { dailyActivityRoutes } from './reports/daily-activity.routes';
import { createDailyActivityService } from './reports/daily-activity.service';
import { dccReportRoutes } from './reports/dcc-report.routes';
import { createDccReportService } from './reports/dcc-report.service';
import { defeatsRoutes } from './reports/defeats.routes';
import { createDefeatsReportService } from './reports/defeats.service';
import { followUpComplianceRoutes } from './reports/follow-up-compliance.routes';
import { createComplianceReportService } from './reports/follow-up-compliance.service';
import { funnelRoutes } from './reports/funnel.routes';
import { createFunnelService } from './reports/funnel.service';
import { kpiRoutes } from './reports/kpi.routes';
import { createKpiService } from './reports/kpi.service';
import { monthlyPlanRoutes } from './reports/monthly-plan.routes';
import { createMonthlyPlanService } from './reports/monthly-plan.service';
import { orderExportRoutes } from './reports/order-export.routes';
import { createOrderExportService } from './reports/order-export.service';
import { ownerExportRoutes } from './reports/owner-export.routes';
import { createOwnerExportService } from './reports/owner-export.service';
import { progressRoutes } from './reports/progress.routes';
import { createProgressService } from './reports/progress.service';
import { reportOptionsRoutes } from './reports/report-options.routes';
import { createReportOptionsService } from './reports/report-options.service';
import { sourceAnalysisRoutes } from './reports/source-analysis.routes';
import { createSourceAnalysisService } from './reports/source-analysis.service';
import { trafficRoutes } from './reports/traffic.routes';
import { createTrafficService } from './reports/traffic.service';
import { setupRoutes } from './setup/setup.routes';
import { createSetupService } from './setup/setup.service';
import { showroomRoutes } from './showroom/showroom.routes';
import { createShowroomService } from './showroom/showroom.service';
import { sourcesRoutes } from './sources/sources.routes';
import { createSourcesService } from './sources/sources.service';
import { storesRoutes } from './stores/stores.routes';
import { createStoresService } from './stores/stores.service';
import { testDrivesRoutes } from './test-drives/test-drives.routes';
import { createTestDrivesService } from './test-drives/test-drives.service';
import { vehiclesRoutes } from './vehicles/vehicles.routes';
import { createVehiclesService } from './vehicles/vehicles.service';

export const VERSION = '0.1.0';
export const DEMO_PASSWORD = 'demo1234';

export type ServerOverrides = {
  clock?: Clock;
  hasher?: PasswordHasher;
  throttlePolicy?: ThrottlePolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Run the time-based checks on a timer this often (tests); else config.jobIntervalSeconds. */
  jobIntervalMs?: number;
  /** Open notification streams: how often they look for new notifications (2 s) and beat (25 s). */
  notificationStream?: { pollMs?: number; heartbeatMs?: number };
  /** Where the log lines go (tests read them); standard output by default. */
  logStream?: HttpAppOptions['logStream'];
};

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The one place where the database, repositories, services and routes are wired together. */
export const buildServer = async (config: Config, overrides: ServerOverrides = {}) => {
  const clock = overrides.clock ?? systemClock;
  const hasher = overrides.hasher ?? argon2Hasher;
  const database = await openDatabase(config.database);
  const { db } = database;
  const cardSerials = cardSerialsOf(database);
  const cookie = { secure: config.session.secureCookie, maxAgeSeconds: config.session.absoluteHours * 3600 };

  const stores = createStoresService({ db });
  const sources = createSourcesService({ db });
  const customers = createCustomersService({ db, clock, cardSerials });
  const users = createUsersService({ db, hasher, clock });
  const apiKeys = createApiKeysService({ db, clock });
  const intake = createIntakeService({ db, clock, cardSerials });
  const showroom = createShowroomService({ db, clock, cardSerials });
  const imports = createImportsService({ db, clock, cardSerials });
  const notifications = createNotificationsService({ db, clock });
  const followUpComments = createFollowUpCommentsService({ db });
  const cadenceRules = createCadenceRulesService({ db, clock });
  const followUps = createFollowUpsService({ db, clock });
  const tasks = createTasksService({ db, clock, followUps });
  const escalation = createEscalationJobs({ db });
  const assignment = createAssignmentService({ db, clock });
  const defeat = createDefeatService({ db, clock, assignment });
  const vehicles = createVehiclesService({ db, clock });
  const orders = createOrdersService({ db, clock, cardSerials });
  const invitations = createInvitationsService({ db, clock });
  const invitationJobs = createInvitationJobs({ db });
  const dcc = createDccService({ db, clock, followUps, cardSerials });
  const testDrives = createTestDrivesService({ db, clock, followUps });
  const auth = createAuthService({
    db,
    hasher,
    clock,
    stores,
    sessionPolicy: config.session,
    ...(overrides.throttlePolicy ? { throttlePolicy: overrides.throttlePolicy } : {}),
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
  });
  const setup = createSetupService({
    db,
    dbKind: database.kind,
    version: VERSION,
    stores,
    users,
    sources,
    auth,
  });

  if (config.demo && !(await setup.installation())) {
    await loadDemoDealership(db, { now: clock.now(), passwordHash: await hasher.hash(DEMO_PASSWORD) });
  }

  const app = await createHttpApp({
    logLevel: config.logLevel,
    logStream: overrides.logStream,
    version: VERSION,
    resolveSession: auth.resolveSession,
    resolveApiKey: apiKeys.resolve,
    webDist: config.webDist ?? defaultWebDist,
  });
  await app.register(healthRoutes(database));
  await app.register(setupRoutes(setup, cookie));
  await app.register(authRoutes(auth, cookie));
  await app.register(usersRoutes(users));
  await app.register(storesRoutes(stores));
  await app.register(apiKeysRoutes(apiKeys));
  await app.register(intakeRoutes(intake));
  await app.register(customersRoutes(customers));
  await app.register(sourcesRoutes(sources));
  await app.register(showroomRoutes(showroom));
  await app.register(importsRoutes(imports));
  const broadcaster = createNotificationBroadcaster({
    db,
    clock,
    sessionPolicy: config.session,
    log: app.log,
    ...overrides.notificationStream,
  });
  await app.register(notificationsRoutes(notifications, broadcaster));
  await app.register(followUpCommentsRoutes(followUpComments));
  await app.register(cadenceRulesRoutes(cadenceRules));
  await app.register(followUpsRoutes(followUps));
  await app.register(tasksRoutes(tasks));
  await app.register(assignmentRoutes(assignment));
  await app.register(defeatRoutes(defeat));
  await app.register(vehiclesRoutes(vehicles));
  await app.register(ordersRoutes(orders));
  await app.register(invitationsRoutes(invitations));
  await app.register(dccRoutes(dcc));
  await app.register(testDrivesRoutes(testDrives));
  // Reports (issue 6)
  await app.register(reportOptionsRoutes(createReportOptionsService({ db })));
  await app.register(funnelRoutes(createFunnelService({ db })));
  await app.register(trafficRoutes(createTrafficService({ db })));
  await app.register(sourceAnalysisRoutes(createSourceAnalysisService({ db })));
  await app.register(progressRoutes(createProgressService({ db, clock })));
  await app.register(dailyActivityRoutes(createDailyActivityService({ db })));
  await app.register(monthlyPlanRoutes(createMonthlyPlanService({ db, clock })));
  await app.register(kpiRoutes(createKpiService({ db, clock })));
  await app.register(defeatsRoutes(createDefeatsReportService({ db })));
  await app.register(followUpComplianceRoutes(createComplianceReportService({ db, clock })));
  await app.register(dccReportRoutes(createDccReportService({ db, clock })));
  await app.register(customerExportRoutes(createCustomerExportService({ db, clock, customers })));
  await app.register(orderExportRoutes(createOrderExportService({ db, clock, orders })));
  await app.register(ownerExportRoutes(createOwnerExportService({ db, clock, orders })));
  // Open event streams would keep app.close() waiting for ever: end them before the server stops.
  app.addHook('preClose', async () => broadcaster.close());
  app.addHook('onClose', async () => database.close());
  // The time-based checks. onClose hooks run last-added first: the timer stops, and waits for a round
  // in progress, before the database closes.
  const jobIntervalMs = overrides.jobIntervalMs ?? (config.jobIntervalSeconds ?? 0) * 1000;
  const jobTimer = createJobTimer({
    jobs: [
      { name: 'overdue-tasks', run: escalation.overdueTasks },
      { name: 'unassigned-leads', run: escalation.unassignedLeads },
      { name: 'invitation-no-shows', run: invitationJobs.noShows },
      { name: 'invitation-returns', run: invitationJobs.returns },
      { name: 'login-throttle-cleanup', run: auth.forgetStaleThrottles },
    ],
    clock,
    log: app.log,
    intervalMs: jobIntervalMs,
  });
  app.addHook('onClose', async () => jobTimer.stop());
  await app.ready();
  if (jobIntervalMs > 0) jobTimer.start();
  return { app, database };
};

export type QiankeServer = Awaited<ReturnType<typeof buildServer>>;
