import { overlaps } from '@qianke/core/test-drives/booking';
import { licenceCheckCharOf } from '@qianke/core/test-drives/licence';
import type { Executor } from '../infra/db/database';
import {
  catalogPickByName,
  insertDemoCar,
  insertTestDrives,
  type NewTestDriveRow,
  ownedOpenLeadsBetween,
} from './test-drives.repo';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The demo's stores are in Shanghai: UTC+8 all year. */
const SHANGHAI = 8 * HOUR;

/** The demo cars: three in store 1, one in store 2, picked from the demo catalog. */
const CARS: readonly {
  store: 0 | 1;
  series: string;
  configuration: string;
  colour: string;
  plateNo: string;
  vin: string;
}[] = [
  {
    store: 0,
    series: '秦PLUS',
    configuration: '120km 卓越型',
    colour: '汉宫红',
    plateNo: '沪AD10086',
    vin: 'LGXCE4CB8R0012345',
  },
  {
    store: 0,
    series: '宋PLUS',
    configuration: '150km 旗舰型',
    colour: '海岸蓝',
    plateNo: '沪AD20177',
    vin: 'LGXCE4CB1R0023456',
  },
  {
    store: 0,
    series: '汉',
    configuration: '506km 尊贵型',
    colour: '宇宙黑',
    plateNo: '沪AF30521',
    vin: 'LGXCH4CB5R0034567',
  },
  {
    store: 1,
    series: '宋PLUS',
    configuration: '112km 豪华型',
    colour: '天际灰',
    plateNo: '沪AD66218',
    vin: 'LGXCE4CB3R0045678',
  },
];

const FEEDBACK: readonly [string, string, number][] = [
  ['环线 + 中环高架 15 公里', '动力平顺，纯电续航满意，后排空间略小', 4],
  ['世纪大道 - 张江 往返', '很喜欢智驾辅助，关心置换补贴', 5],
  ['店周边城区路线', '底盘偏软，太太觉得舒适，下周带家人再来', 4],
  ['中环高架 + 城区', '对比了竞品，觉得我们的油耗更低', 5],
  ['店周边城区路线', '隔音一般，价格还想再谈', 3],
];

/** A valid 18-character licence number (GB 11643) for the demo's n-th driver. */
const licenceNoOf = (n: number) => {
  const first17 = `310115${1975 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`;
  return `${first17}${licenceCheckCharOf(first17)}`;
};

/** The start of the Shanghai day `t` falls in, as a UTC instant. */
const shanghaiDayStart = (t: number) => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;

/**
 * The demo's demo cars and a few past test drives in store 1: done ones (licence checked, feedback,
 * rating) a few days after the lead came in, and one no-show. Every time lies before `now`.
 */
export const loadDemoTestDrives = async (
  tx: Executor,
  input: { storeIds: readonly [string, string]; now: Date },
): Promise<void> => {
  const now = input.now.getTime();
  const setupAt = new Date(now - 89 * DAY);
  const carsOfStore1: string[] = [];
  for (const car of CARS) {
    const dealerId = input.storeIds[car.store];
    const pick = await catalogPickByName(tx, dealerId, car);
    if (!pick) throw new Error(`the demo catalog has no ${car.series} ${car.configuration}`);
    const id = await insertDemoCar(tx, {
      dealerId,
      configurationId: pick.configurationId,
      colourId: pick.colourId,
      vin: car.vin,
      plateNo: car.plateNo,
      note: null,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
    if (car.store === 0) carsOfStore1.push(id);
  }

  const [store1] = input.storeIds;
  const leads = await ownedOpenLeadsBetween(
    tx,
    store1,
    { from: new Date(now - 60 * DAY), to: new Date(now - 10 * DAY) },
    FEEDBACK.length + 1,
  );
  const rows: NewTestDriveRow[] = [];
  const booked: { demoCarId: string; startsAt: Date; endsAt: Date }[] = [];
  leads.forEach((lead, index) => {
    const demoCarId = carsOfStore1[index % carsOfStore1.length] ?? '';
    const day = shanghaiDayStart(lead.createdAt.getTime()) + (2 + (index % 3)) * DAY;
    const startsAt = new Date(day + (10 + 2 * (index % 4)) * HOUR);
    const endsAt = new Date(startsAt.getTime() + HOUR);
    if (endsAt.getTime() > now || !lead.ownerId) return;
    const clash = booked.some((b) => b.demoCarId === demoCarId && overlaps(b, { startsAt, endsAt }));
    if (clash) return;
    booked.push({ demoCarId, startsAt, endsAt });
    const createdAt = new Date(startsAt.getTime() - DAY);
    const feedback = FEEDBACK[index];
    rows.push({
      dealerId: store1,
      customerId: lead.customerId,
      leadId: lead.id,
      demoCarId,
      consultantId: lead.ownerId,
      startsAt,
      endsAt,
      createdBy: lead.ownerId,
      createdAt,
      ...(feedback
        ? {
            status: 'done' as const,
            licenceNo: licenceNoOf(index),
            licenceCheckedAt: new Date(startsAt.getTime() - 5 * MINUTE),
            licenceCheckedBy: lead.ownerId,
            route: feedback[0],
            feedback: feedback[1],
            rating: feedback[2],
            updatedAt: endsAt,
          }
        : { status: 'no_show' as const, updatedAt: new Date(startsAt.getTime() + 30 * MINUTE) }),
    });
  });
  await insertTestDrives(tx, rows);
};
