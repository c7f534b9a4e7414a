import { RATING_MAX, RATING_MIN, TEST_DRIVE_STATUSES } from '@qianke/core/test-drives/booking';
import { z } from 'zod';
import { ZId, ZVersion } from './common';

/** Test drives (试驾, issue 5): the store's demo cars, their booking schedule, and each drive's record. */

export const ZTestDriveStatus = z.enum(TEST_DRIVE_STATUSES);
export type TTestDriveStatus = z.infer<typeof ZTestDriveStatus>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });
const ZIsoDateTime = z.iso.datetime({
  offset: true,
  message: 'A date and time such as 2026-11-26T10:00:00+08:00.',
});
const ZStoreDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date such as 2026-11-26.' });
const ZFlag = z.enum(['true', 'false']).optional();

// Demo cars

export const ZDemoCar = z
  .object({
    id: ZId,
    configurationId: ZId,
    /** Series, model year and configuration, e.g. "星越L 2025款 2.0T 旗舰版". */
    label: z.string(),
    seriesName: z.string(),
    seriesNameEn: z.string().nullable(),
    colourId: ZId.nullable(),
    colourName: z.string().nullable(),
    vin: z.string().nullable(),
    plateNo: z.string(),
    active: z.boolean(),
    note: z.string().nullable(),
    version: ZVersion,
  })
  .meta({ id: 'DemoCar' });
export type TDemoCar = z.infer<typeof ZDemoCar>;

export const ZDemoCarList = z.object({ items: z.array(ZDemoCar) }).meta({ id: 'DemoCarList' });
export type TDemoCarList = z.infer<typeof ZDemoCarList>;

export const ZDemoCarListQuery = z.object({
  includeInactive: ZFlag.meta({ description: 'true: retired cars too (default: active ones only)' }),
});

const ZPlateNo = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { message: 'Enter the plate number.' })
  .max(12, { message: 'Use at most 12 characters.' });
const ZVin = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, { message: 'A VIN has 17 letters and digits (no I, O or Q).' });

export const ZCreateDemoCarRequest = z.object({
  configurationId: ZId,
  colourId: ZId.nullish(),
  /** An empty VIN means none. */
  vin: z.union([ZVin, z.literal('')]).nullish(),
  plateNo: ZPlateNo,
  note: text(500).nullish(),
});
export type TCreateDemoCarRequest = z.input<typeof ZCreateDemoCarRequest>;

export const ZUpdateDemoCarRequest = z.object({
  version: ZVersion,
  configurationId: ZId.optional(),
  colourId: ZId.nullish(),
  vin: z.union([ZVin, z.literal('')]).nullish(),
  plateNo: ZPlateNo.optional(),
  note: text(500).nullish(),
  /** false retires the car: it leaves the booking form, its past drives stay. */
  active: z.boolean().optional(),
});
export type TUpdateDemoCarRequest = z.input<typeof ZUpdateDemoCarRequest>;

export const ZDemoCarOptions = z
  .object({
    configurations: z.array(z.object({ id: ZId, label: z.string(), seriesId: ZId })),
    colours: z.array(z.object({ id: ZId, seriesId: ZId, name: z.string(), nameEn: z.string().nullable() })),
  })
  .meta({ id: 'DemoCarOptions', description: "The store's active catalog configurations and colours" });
export type TDemoCarOptions = z.infer<typeof ZDemoCarOptions>;

// Test drives

const ZPerson = z.object({ id: ZId, name: z.string() });

export const ZTestDrive = z
  .object({
    id: ZId,
    /** null when the caller may not see the customer (a consultant looking at a colleague's booking). */
    customer: z.object({ id: ZId, name: z.string(), cardNo: z.string() }).nullable(),
    leadId: ZId.nullable(),
    demoCar: z.object({ id: ZId, plateNo: z.string(), label: z.string() }),
    consultant: ZPerson,
    startsAt: z.string(),
    endsAt: z.string(),
    status: ZTestDriveStatus,
    licenceNo: z.string().nullable(),
    licenceCheckedAt: z.string().nullable(),
    licenceCheckedBy: ZPerson.nullable(),
    route: z.string().nullable(),
    feedback: z.string().nullable(),
    rating: z.number().int().nullable(),
    followUpId: ZId.nullable(),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    version: ZVersion,
  })
  .meta({ id: 'TestDrive' });
export type TTestDrive = z.infer<typeof ZTestDrive>;

export const ZTestDriveList = z.object({ items: z.array(ZTestDrive) }).meta({ id: 'TestDriveList' });
export type TTestDriveList = z.infer<typeof ZTestDriveList>;

export const ZTestDriveListQuery = z.object({
  customerId: ZId.optional(),
  consultantId: ZId.optional(),
  demoCarId: ZId.optional(),
  date: ZStoreDate.optional().meta({ description: "One day of the store's calendar" }),
  status: ZTestDriveStatus.optional(),
});
export type TTestDriveListQuery = z.infer<typeof ZTestDriveListQuery>;

export const ZScheduleQuery = z.object({
  date: ZStoreDate.meta({ description: "A day of the store's calendar, e.g. 2026-11-26" }),
});

export const ZTestDriveSchedule = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    cars: z.array(z.object({ car: ZDemoCar, drives: z.array(ZTestDrive) })),
  })
  .meta({ id: 'TestDriveSchedule', description: "Each active demo car's bookings of one store day" });
export type TTestDriveSchedule = z.infer<typeof ZTestDriveSchedule>;

export const ZBookTestDriveRequest = z.object({
  customerId: ZId,
  /** Default: the customer's open lead. */
  leadId: ZId.optional(),
  demoCarId: ZId,
  /** Default: the caller. */
  consultantId: ZId.optional(),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  route: text(500).optional(),
});
export type TBookTestDriveRequest = z.input<typeof ZBookTestDriveRequest>;

export const ZCheckLicenceRequest = z.object({
  version: ZVersion,
  licenceNo: z.string().max(40, { message: 'A driving licence number has 18 characters.' }),
});
export type TCheckLicenceRequest = z.infer<typeof ZCheckLicenceRequest>;

export const ZCompleteTestDriveRequest = z.object({
  version: ZVersion,
  route: text(500).optional(),
  feedback: text(2000).min(1, { message: "Write down the customer's feedback." }),
  rating: z
    .number({ message: `Give a rating from ${RATING_MIN} to ${RATING_MAX}.` })
    .int({ message: `Give a rating from ${RATING_MIN} to ${RATING_MAX}.` })
    .min(RATING_MIN, { message: `Give a rating from ${RATING_MIN} to ${RATING_MAX}.` })
    .max(RATING_MAX, { message: `Give a rating from ${RATING_MIN} to ${RATING_MAX}.` }),
});
export type TCompleteTestDriveRequest = z.infer<typeof ZCompleteTestDriveRequest>;

export const ZCancelTestDriveRequest = z.object({
  version: ZVersion,
  reason: text(500).min(1, { message: 'Say why the test drive is cancelled.' }),
});
export type TCancelTestDriveRequest = z.infer<typeof ZCancelTestDriveRequest>;

export const ZNoShowRequest = z.object({ version: ZVersion });
export type TNoShowRequest = z.infer<typeof ZNoShowRequest>;
