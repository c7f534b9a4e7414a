import type {
  TBookTestDriveRequest,
  TCancelTestDriveRequest,
  TCheckLicenceRequest,
  TCompleteTestDriveRequest,
  TCreateDemoCarRequest,
  TDemoCar,
  TDemoCarList,
  TDemoCarOptions,
  TNoShowRequest,
  TTestDrive,
  TTestDriveList,
  TTestDriveListQuery,
  TTestDriveSchedule,
  TTestDriveStatus,
  TUpdateDemoCarRequest,
} from '@qianke/contracts/test-drives';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { DomainError, type FieldErrors } from '@qianke/core/shared/domain-error';
import { isStoreDate, storeDateOf, storeDayBounds } from '@qianke/core/showroom/store-day';
import {
  clashOf,
  completionProblem,
  slotProblems,
  statusChangeProblem,
} from '@qianke/core/test-drives/booking';
import { licenceNoProblem, normaliseLicenceNo } from '@qianke/core/test-drives/licence';
import { keepLeadMilestones } from '../customers/lead-milestones';
import type { FollowUpsService } from '../follow-ups/follow-ups.service';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import {
  type DemoCarView,
  demoCarOptions,
  findColour,
  findConfiguration,
  findCustomer,
  findLead,
  insertDemoCar,
  insertTestDrive,
  isActiveSalesStaff,
  listDemoCars,
  listTestDrives,
  liveDrivesOfCarBetween,
  lockDemoCar,
  lockTestDrive,
  openLeadOf,
  storeHoursOf,
  type TestDriveRow,
  type TestDriveView,
  updateDemoCar,
  updateTestDrive,
} from './test-drives.repo';

const MESSAGES = {
  carNotFound: 'There is no such demo car in this store.',
  driveNotFound: 'There is no such test drive in this store, or it is not yours.',
  plateTaken: 'The store already has a demo car with this plate number.',
  configuration: 'Choose a configuration of this store’s catalog.',
  colour: 'Choose a colour of this car’s series.',
  staleCar: 'Someone else changed this demo car in the meantime. Reload and try again.',
  staleDrive: 'Someone else changed this test drive in the meantime. Reload and try again.',
  customer: 'Choose a customer of this store that you look after.',
  lead: 'Choose a lead of this customer.',
  car: 'Choose an active demo car of this store.',
  consultant: 'Choose an active consultant of this store.',
} as const;

/** One 422 for every field at fault, so the form shows them all at once. */
const failIfAny = (fields: FieldErrors) => {
  const [first, ...more] = Object.values(fields);
  if (first === undefined) return;
  throw new DomainError('validation_failed', more.length === 0 ? first : 'Some fields are not valid.', {
    fields,
  });
};

const toDemoCar = (row: DemoCarView): TDemoCar => ({ ...row });

/** Consultants see drives they run or of customers they own; the other roles the store's. */
const seesAllDrives = (ctx: AuthContext) => customerScopeOf(ctx.roles) === 'store';
const seesCustomer = (ctx: AuthContext, ownerId: string | null) =>
  seesAllDrives(ctx) || ownerId === ctx.userId;

const toTestDrive = (ctx: AuthContext, row: TestDriveView): TTestDrive => {
  const visible = seesCustomer(ctx, row.customerOwnerId) || row.consultantId === ctx.userId;
  return {
    id: row.id,
    customer: visible ? { id: row.customerId, name: row.customerName, cardNo: row.cardNo } : null,
    leadId: visible ? row.leadId : null,
    demoCar: { id: row.demoCarId, plateNo: row.plateNo, label: row.carLabel },
    consultant: { id: row.consultantId, name: row.consultantName },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    licenceNo: visible ? row.licenceNo : null,
    licenceCheckedAt: row.licenceCheckedAt?.toISOString() ?? null,
    licenceCheckedBy:
      row.licenceCheckedBy && row.checkerName ? { id: row.licenceCheckedBy, name: row.checkerName } : null,
    route: visible ? row.route : null,
    feedback: visible ? row.feedback : null,
    rating: row.rating,
    followUpId: visible ? row.followUpId : null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
};

/** "10:00–11:00" on the store's clock. */
const timeRange = (from: Date, to: Date, timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${format.format(from)}–${format.format(to)}`;
};

const auditOf = (
  row: Pick<TestDriveRow, 'status' | 'startsAt' | 'endsAt' | 'demoCarId' | 'consultantId'>,
) => ({
  status: row.status,
  demoCarId: row.demoCarId,
  consultantId: row.consultantId,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
});

export type TestDrivesServiceDeps = { db: Db; clock: Clock; followUps: FollowUpsService };

/** Demo cars and test drives (DOMAIN §3): booking against a car's schedule, the licence, the result. */
export const createTestDrivesService = ({ db, clock, followUps }: TestDrivesServiceDeps) => {
  // Demo cars

  const getCar = async (exec: Executor, ctx: AuthContext, id: string): Promise<TDemoCar> => {
    const [row] = await listDemoCars(exec, ctx.dealerId, { id });
    if (!row) throw new DomainError('not_found', MESSAGES.carNotFound);
    return toDemoCar(row);
  };

  const listCars = async (
    ctx: AuthContext,
    query: { includeInactive?: 'true' | 'false' | undefined },
  ): Promise<TDemoCarList> => ({
    items: (await listDemoCars(db, ctx.dealerId, { includeInactive: query.includeInactive === 'true' })).map(
      toDemoCar,
    ),
  });

  const carOptions = async (ctx: AuthContext): Promise<TDemoCarOptions> => demoCarOptions(db, ctx.dealerId);

  const checkCatalog = async (
    exec: Executor,
    ctx: AuthContext,
    configurationId: string,
    colourId: string | null | undefined,
    fields: FieldErrors,
  ) => {
    const configuration = await findConfiguration(exec, ctx.dealerId, configurationId);
    if (!configuration) fields.configurationId = MESSAGES.configuration;
    if (colourId) {
      const colour = await findColour(exec, ctx.dealerId, colourId);
      if (!colour || (configuration && colour.seriesId !== configuration.seriesId))
        fields.colourId = MESSAGES.colour;
    }
  };

  const plateTaken = (error: unknown) => {
    if (uniqueViolationOf(error) === 'demo_cars_plate_no_key')
      return new DomainError('conflict', MESSAGES.plateTaken, { fields: { plateNo: MESSAGES.plateTaken } });
    return error;
  };

  const createCar = async (ctx: AuthContext, input: TCreateDemoCarRequest): Promise<TDemoCar> => {
    const fields: FieldErrors = {};
    await checkCatalog(db, ctx, input.configurationId, input.colourId, fields);
    failIfAny(fields);
    try {
      return await db.transaction(async (tx) => {
        const values = {
          configurationId: input.configurationId,
          colourId: input.colourId ?? null,
          vin: input.vin || null,
          plateNo: input.plateNo,
          note: input.note?.trim() || null,
        };
        const id = await insertDemoCar(tx, { dealerId: ctx.dealerId, ...values });
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'demo_car.create',
          entity: 'demo_car',
          entityId: id,
          after: values,
        });
        return getCar(tx, ctx, id);
      });
    } catch (error) {
      throw plateTaken(error);
    }
  };

  const updateCar = async (ctx: AuthContext, id: string, input: TUpdateDemoCarRequest): Promise<TDemoCar> => {
    try {
      return await db.transaction(async (tx) => {
        const current = await lockDemoCar(tx, ctx.dealerId, id);
        if (!current) throw new DomainError('not_found', MESSAGES.carNotFound);
        if (current.version !== input.version) throw new DomainError('stale_version', MESSAGES.staleCar);
        const fields: FieldErrors = {};
        const configurationId = input.configurationId ?? current.configurationId;
        const colourId = input.colourId === undefined ? current.colourId : input.colourId;
        if (input.configurationId !== undefined || input.colourId !== undefined)
          await checkCatalog(tx, ctx, configurationId, colourId, fields);
        failIfAny(fields);
        const patch = {
          ...(input.configurationId !== undefined ? { configurationId } : {}),
          ...(input.colourId !== undefined ? { colourId } : {}),
          ...(input.vin !== undefined ? { vin: input.vin || null } : {}),
          ...(input.plateNo !== undefined ? { plateNo: input.plateNo } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        };
        if (!(await updateDemoCar(tx, ctx.dealerId, id, input.version, patch)))
          throw new DomainError('stale_version', MESSAGES.staleCar);
        const before = Object.fromEntries(
          Object.keys(patch).map((key) => [key, current[key as keyof typeof current] ?? null]),
        );
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: input.active === false && current.active ? 'demo_car.deactivate' : 'demo_car.update',
          entity: 'demo_car',
          entityId: id,
          before,
          after: patch,
        });
        return getCar(tx, ctx, id);
      });
    } catch (error) {
      throw plateTaken(error);
    }
  };

  // Test drives

  const viewIn = async (exec: Executor, ctx: AuthContext, id: string): Promise<TTestDrive> => {
    const [row] = await listTestDrives(exec, ctx.dealerId, {
      id,
      visibleTo: seesAllDrives(ctx) ? undefined : ctx.userId,
      limit: 1,
    });
    if (!row) throw new DomainError('not_found', MESSAGES.driveNotFound);
    return toTestDrive(ctx, row);
  };

  const get = (ctx: AuthContext, id: string) => viewIn(db, ctx, id);

  const list = async (ctx: AuthContext, query: TTestDriveListQuery): Promise<TTestDriveList> => {
    let between: { from: Date; to: Date } | undefined;
    if (query.date) {
      if (!isStoreDate(query.date)) {
        const message = 'A date such as 2026-11-26.';
        throw new DomainError('validation_failed', message, { fields: { date: message } });
      }
      const { timeZone } = await storeHoursOf(db, ctx.dealerId);
      const bounds = storeDayBounds(query.date, timeZone);
      between = { from: bounds.start, to: bounds.end };
    }
    const rows = await listTestDrives(db, ctx.dealerId, {
      customerId: query.customerId,
      consultantId: query.consultantId,
      demoCarId: query.demoCarId,
      status: query.status,
      between,
      visibleTo: seesAllDrives(ctx) ? undefined : ctx.userId,
      // A day's schedule reads in time order; a customer's or consultant's history newest first.
      order: between ? 'asc' : 'desc',
      limit: 200,
    });
    return { items: rows.map((row) => toTestDrive(ctx, row)) };
  };

  /** Each active demo car with its bookings of the day: every booking is shown, so nobody double-books. */
  const schedule = async (ctx: AuthContext, date: string): Promise<TTestDriveSchedule> => {
    if (!isStoreDate(date)) {
      const message = 'A date such as 2026-11-26.';
      throw new DomainError('validation_failed', message, { fields: { date: message } });
    }
    const hours = await storeHoursOf(db, ctx.dealerId);
    const bounds = storeDayBounds(date, hours.timeZone);
    const cars = await listDemoCars(db, ctx.dealerId);
    const drives = await listTestDrives(db, ctx.dealerId, {
      between: { from: bounds.start, to: bounds.end },
      order: 'asc',
      limit: 1000,
    });
    return {
      date,
      ...hours,
      cars: cars.map((car) => ({
        car: toDemoCar(car),
        drives: drives
          .filter((drive) => drive.demoCarId === car.id && drive.status !== 'cancelled')
          .map((drive) => toTestDrive(ctx, drive)),
      })),
    };
  };

  /**
   * Books a car. The car's row is locked first, then its schedule read: two bookings of one car are made
   * one after the other, so overlapping slots give one booking and one 409 naming the other's time.
   */
  const book = async (
    ctx: AuthContext,
    input: TBookTestDriveRequest,
    requestId?: string,
  ): Promise<TTestDrive> => {
    const now = clock.now();
    const slot = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const hours = await storeHoursOf(db, ctx.dealerId);
    const fields: FieldErrors = { ...slotProblems(slot, { now, timeZone: hours.timeZone, hours }) };
    const customer = await findCustomer(db, ctx.dealerId, input.customerId);
    if (!customer || customer.mergedIntoId || !seesCustomer(ctx, customer.ownerId))
      fields.customerId = MESSAGES.customer;
    let leadId: string | null = null;
    if (input.leadId) {
      const lead = await findLead(db, ctx.dealerId, input.leadId);
      if (!lead || lead.customerId !== input.customerId) fields.leadId = MESSAGES.lead;
      else leadId = lead.id;
    } else if (customer) {
      leadId = (await openLeadOf(db, ctx.dealerId, customer.id)) ?? null;
    }
    const consultantId = input.consultantId ?? ctx.userId;
    if (!(await isActiveSalesStaff(db, ctx.dealerId, consultantId)))
      fields.consultantId = MESSAGES.consultant;
    failIfAny(fields);

    return db.transaction(async (tx) => {
      const car = await lockDemoCar(tx, ctx.dealerId, input.demoCarId);
      if (!car?.active)
        throw new DomainError('validation_failed', MESSAGES.car, { fields: { demoCarId: MESSAGES.car } });
      const schedule = await liveDrivesOfCarBetween(tx, ctx.dealerId, car.id, {
        from: slot.startsAt,
        to: slot.endsAt,
      });
      const clash = clashOf(slot, schedule);
      if (clash) {
        const range = timeRange(clash.startsAt, clash.endsAt, hours.timeZone);
        const day = storeDateOf(clash.startsAt, hours.timeZone);
        const message = `${car.plateNo} is already booked ${range} on ${day}: choose another time or another car.`;
        throw new DomainError('conflict', message, {
          fields: { startsAt: message },
          details: {
            clash: {
              id: clash.id,
              startsAt: clash.startsAt.toISOString(),
              endsAt: clash.endsAt.toISOString(),
            },
          },
        });
      }
      const values = {
        dealerId: ctx.dealerId,
        customerId: input.customerId,
        leadId,
        demoCarId: car.id,
        consultantId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        route: input.route?.trim() || null,
        createdBy: ctx.userId,
        createdAt: now,
      };
      const id = await insertTestDrive(tx, values);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'test_drive.book',
        entity: 'test_drive',
        entityId: id,
        after: { ...auditOf({ ...values, status: 'booked' }), customerId: input.customerId, leadId },
        requestId,
      });
      return viewIn(tx, ctx, id);
    });
  };

  /** Locks a drive the caller may act on and checks its version; `to` is the status it is moving to. */
  const loadForChange = async (
    tx: Executor,
    ctx: AuthContext,
    id: string,
    version: number,
    to: TTestDriveStatus,
  ): Promise<TestDriveRow> => {
    const row = await lockTestDrive(tx, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', MESSAGES.driveNotFound);
    if (!seesAllDrives(ctx) && row.consultantId !== ctx.userId) {
      const customer = await findCustomer(tx, ctx.dealerId, row.customerId);
      if (customer?.ownerId !== ctx.userId) throw new DomainError('not_found', MESSAGES.driveNotFound);
    }
    if (row.version !== version) throw new DomainError('stale_version', MESSAGES.staleDrive);
    const problem = statusChangeProblem(row.status, to);
    if (problem) throw new DomainError('conflict', problem);
    return row;
  };

  const save = async (
    tx: Executor,
    ctx: AuthContext,
    row: TestDriveRow,
    patch: Parameters<typeof updateTestDrive>[4],
    action: string,
    now: Date,
  ) => {
    if (!(await updateTestDrive(tx, ctx.dealerId, row.id, row.version, patch, now)))
      throw new DomainError('stale_version', MESSAGES.staleDrive);
    // A drive done (or undone) moves the funnel's test-drive milestone of the customer's leads.
    if (patch.status) await keepLeadMilestones(tx, ctx.dealerId, [row.customerId]);
    await recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action,
      entity: 'test_drive',
      entityId: row.id,
      before: Object.fromEntries(
        Object.keys(patch).map((key) => [key, row[key as keyof TestDriveRow] ?? null]),
      ),
      after: patch,
    });
    return viewIn(tx, ctx, row.id);
  };

  /** Records the driving licence as checked: the number (validated), who checked it and when. */
  const checkLicence = async (
    ctx: AuthContext,
    id: string,
    input: TCheckLicenceRequest,
  ): Promise<TTestDrive> => {
    const now = clock.now();
    const { timeZone } = await storeHoursOf(db, ctx.dealerId);
    const problem = licenceNoProblem(input.licenceNo, storeDateOf(now, timeZone));
    if (problem) throw new DomainError('validation_failed', problem, { fields: { licenceNo: problem } });
    return db.transaction(async (tx) => {
      // Checking the licence does not change the status: it is allowed while the drive is booked.
      const row = await loadForChange(tx, ctx, id, input.version, 'done');
      return save(
        tx,
        ctx,
        row,
        {
          licenceNo: normaliseLicenceNo(input.licenceNo),
          licenceCheckedAt: now,
          licenceCheckedBy: ctx.userId,
        },
        'test_drive.check_licence',
        now,
      );
    });
  };

  /**
   * Completes a drive: route, feedback, rating, and a follow-up on the lead (channel showroom, result
   * 试驾完成) logged by the follow-up engine in the same transaction, which re-plans the lead's tasks.
   */
  const complete = async (
    ctx: AuthContext,
    id: string,
    input: TCompleteTestDriveRequest,
  ): Promise<TTestDrive> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = await loadForChange(tx, ctx, id, input.version, 'done');
      const problem = completionProblem(row);
      if (problem) throw new DomainError('validation_failed', problem, { fields: { licenceNo: problem } });
      const route = input.route?.trim() || row.route;
      let followUpId: string | null = null;
      if (row.leadId) {
        const [car] = await listDemoCars(tx, ctx.dealerId, { id: row.demoCarId });
        const content = [
          `试驾 ${car?.label ?? ''} (${car?.plateNo ?? ''})`,
          route ? `路线: ${route}` : null,
          `反馈: ${input.feedback}`,
          `评分: ${input.rating}/5`,
        ]
          .filter(Boolean)
          .join('\n');
        const logged = await followUps.logFollowUpIn(tx, ctx, row.leadId, {
          channel: 'showroom',
          content,
          result: '试驾完成',
        });
        followUpId = logged.followUpId;
      }
      return save(
        tx,
        ctx,
        row,
        { status: 'done', route, feedback: input.feedback, rating: input.rating, followUpId },
        'test_drive.complete',
        now,
      );
    });
  };

  const cancel = async (
    ctx: AuthContext,
    id: string,
    input: TCancelTestDriveRequest,
  ): Promise<TTestDrive> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = await loadForChange(tx, ctx, id, input.version, 'cancelled');
      return save(
        tx,
        ctx,
        row,
        { status: 'cancelled', cancelReason: input.reason },
        'test_drive.cancel',
        now,
      );
    });
  };

  const markNoShow = async (ctx: AuthContext, id: string, input: TNoShowRequest): Promise<TTestDrive> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = await loadForChange(tx, ctx, id, input.version, 'no_show');
      if (row.startsAt.getTime() > now.getTime()) {
        throw new DomainError('conflict', 'The test drive has not started yet: it cannot be a no-show.');
      }
      return save(tx, ctx, row, { status: 'no_show' }, 'test_drive.no_show', now);
    });
  };

  return {
    listCars,
    carOptions,
    createCar,
    updateCar,
    get,
    list,
    schedule,
    book,
    checkLicence,
    complete,
    cancel,
    markNoShow,
  };
};

export type TestDrivesService = ReturnType<typeof createTestDrivesService>;
