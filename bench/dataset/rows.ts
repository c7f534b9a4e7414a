/**
 * The rows of a benchmark dealer group, made by one seeded generator: the same seed and `now` give the
 * same rows. A store's history covers two years before `now`, in opening hours (Asia/Shanghai):
 * customers with 1-5 inquiries (3 on average), about 3.3 follow-ups per inquiry, half of them closing a
 * task, one open task per live inquiry, showroom visits, test drives for about half of the visits,
 * orders for won inquiries and approved defeat requests for lost ones. Rows come out as CSV lines per table, ready for COPY.
 */
import { mulberry32 } from '../../apps/server/src/demo/demo-data';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const HISTORY_DAYS = 730;

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
  /** A uuid v7 stamped with the row's own time: time-ordered like the server's ids, reproducible. */
  uuid(ms: number): string {
    const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');
    const time = hex(Math.floor(ms), 12);
    const a = Math.floor(this.next() * 4294967296) >>> 0;
    const b = Math.floor(this.next() * 4294967296) >>> 0;
    const c = Math.floor(this.next() * 65536);
    const variant = ((a >>> 12) & 0x3fff) | 0x8000;
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(a & 0xfff, 3)}-${hex(variant, 4)}-${hex(b, 8)}${hex(c, 4)}`;
  }
}

/** One CSV field: NULL is an unquoted empty field, text is quoted when it needs to be. */
const field = (value: string | number | boolean | Date | null): string => {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  return /[",\n\r]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
};
export const csvLine = (values: readonly (string | number | boolean | Date | null)[]): string =>
  `${values.map(field).join(',')}\n`;

/** The columns each bulk table is loaded with, in CSV order. */
export const COLUMNS = {
  customers: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'card_no',
    'name',
    'gender',
    'phone_e164',
    'phone_raw',
    'region',
    'source_id',
    'owner_id',
    'level',
    'next_contact_at',
    'owner_since',
  ],
  leads: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'customer_id',
    'series_id',
    'source_id',
    'channel',
    'level',
    'horizon',
    'status',
    'owner_id',
    'assigned_at',
    'first_contact_due_at',
    'first_contacted_at',
    'closed_at',
    'lost_reason',
  ],
  lead_level_changes: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'lead_id',
    'from_level',
    'to_level',
    'changed_by',
    'changed_at',
    'reason',
  ],
  follow_ups: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'lead_id',
    'customer_id',
    'user_id',
    'channel',
    'content',
    'result',
    'level_before',
    'level_after',
    'occurred_at',
    'next_contact_at',
  ],
  tasks: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'lead_id',
    'customer_id',
    'assignee_id',
    'kind',
    'due_at',
    'status',
    'done_at',
    'follow_up_id',
    'rule_key',
  ],
  showroom_visits: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'kind',
    'customer_id',
    'lead_id',
    'arrived_at',
    'left_at',
    'party_size',
    'first_visit',
    'consultant_id',
    'series_id',
    'source_id',
    'left_contact',
    'closed_on_spot',
  ],
  test_drives: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'customer_id',
    'lead_id',
    'demo_car_id',
    'consultant_id',
    'starts_at',
    'ends_at',
    'status',
    'rating',
  ],
  orders: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'order_no',
    'customer_id',
    'lead_id',
    'consultant_id',
    'configuration_id',
    'colour_id',
    'price',
    'discount',
    'deposit',
    'payment_method',
    'status',
    'ordered_at',
    'confirmed_at',
    'deposit_paid_at',
    'delivered_at',
    'licensed_on',
  ],
  defeat_requests: [
    'dealer_id',
    'id',
    'created_at',
    'updated_at',
    'lead_id',
    'requested_by',
    'reason_id',
    'competitor_brand',
    'status',
    'outcome',
    'decided_by',
    'decided_at',
  ],
} as const;
export type BulkTable = keyof typeof COLUMNS;

/** What a store's rows refer to, loaded before the bulk rows. */
export type StoreRefs = {
  dealerId: string;
  storeIndex: number;
  code: string;
  managerId: string;
  receptionId: string;
  consultants: readonly { id: string; code: string }[];
  dccAgents: readonly string[];
  /** (source, channel) pairs weighted as the demo store's leads spread them. */
  sources: readonly (readonly [{ sourceId: string; channel: string }, number])[];
  series: readonly {
    id: string;
    configurations: readonly { id: string; price: number }[];
    colours: readonly string[];
    /** The store's demo car of the series, which its test drives use. */
    demoCarId: string;
  }[];
  defeatReasons: readonly string[];
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鑫宇浩然子轩欣怡梓涵晨阳俊杰思远雨婷佳琪志强海燕'.match(
    /../g,
  ) ?? [];
const REGIONS = [
  '浦东新区',
  '闵行区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '杨浦区',
  '宝山区',
  '嘉定区',
  '松江区',
  '青浦区',
  '奉贤区',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '171',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];
const FOLLOW_CHANNELS: readonly (readonly [string, number])[] = [
  ['phone', 55],
  ['wechat', 25],
  ['sms', 8],
  ['showroom', 8],
  ['visit', 2],
  ['email', 2],
];
const CONTENTS = [
  '电话回访，介绍本月购车政策',
  '微信发送车型配置对比',
  '邀请客户周末到店试驾',
  '跟进金融方案，客户在比较首付比例',
  '客户询问置换补贴',
  '节日关怀问候',
  '确认客户购车时间',
];
const RESULTS = [
  '客户有兴趣，约定下周再联系',
  '客户表示还在比较，暂不到店',
  '客户确认周六到店',
  '未接通，稍后再联系',
  '客户对价格有顾虑',
  '客户已了解，等待家人意见',
];
const COMPETITORS = ['特斯拉', '吉利', '长安', '丰田', '大众', '理想', '小鹏', '蔚来'];
const UP = ['C', 'B', 'A', 'H', 'O'] as const;
type Level = (typeof UP)[number];
const CADENCE_DAYS: Record<Level, number> = { O: 3, H: 2, A: 1, B: 7, C: 14 };
const HORIZON_OF: Record<Level, string> = { O: 'm1', H: 'm1', A: 'm2_3', B: 'm4_6', C: 'm7_12' };

/** A moment in opening hours (09:00-17:30 Shanghai) on the day `ms` falls in. */
const businessTime = (ms: number, rng: Random): number => {
  const dayStart = Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return dayStart + (9 * 60 + rng.int(0, 510)) * MINUTE;
};
const storeDate = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);

export type Sink = (table: BulkTable, lines: string) => Promise<void>;

/** Rows held before they go to the database: one COPY per table every `flushAt` rows. */
class Buffers {
  private readonly lines = new Map<BulkTable, string[]>();
  readonly counts = new Map<BulkTable, number>();
  constructor(
    private readonly sink: Sink,
    private readonly flushAt: number,
  ) {}
  add(table: BulkTable, values: readonly (string | number | boolean | Date | null)[]) {
    const list = this.lines.get(table) ?? [];
    list.push(csvLine(values));
    this.lines.set(table, list);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }
  /** Between two customers: all tables at once, parents first, so every foreign key finds its row. */
  async flushIfFull() {
    if ([...this.lines.values()].some((list) => list.length >= this.flushAt)) await this.flushAll();
  }
  async flush(table: BulkTable) {
    const list = this.lines.get(table);
    if (!list || list.length === 0) return;
    this.lines.set(table, []);
    await this.sink(table, list.join(''));
  }
  async flushAll() {
    for (const table of Object.keys(COLUMNS) as BulkTable[]) await this.flush(table);
  }
}

/** A phone number that no other customer of the store has: a bijection of the index onto 8 digits. */
const phoneOf = (storeIndex: number, index: number): string => {
  const prefix = MOBILE_PREFIXES[(index + storeIndex * 7) % MOBILE_PREFIXES.length] as string;
  const spread = (index * 48_271 + storeIndex * 7_919) % 100_000_000;
  return `${prefix}${String(spread).padStart(8, '0')}`;
};

export type CardCounter = { prefix: string; year: number; lastSerial: number };

/**
 * Writes one store's customers and everything that hangs off them. Returns the row counts and the card
 * counters (so new cards continue each series).
 */
export const generateStore = async (
  refs: StoreRefs,
  options: { customers: number; now: number; seed: number; sink: Sink; flushAt?: number },
): Promise<{ counts: Map<BulkTable, number>; cardCounters: CardCounter[]; orderCount: number }> => {
  const { now } = options;
  const rng = new Random(options.seed * 1_000_003 + refs.storeIndex);
  const out = new Buffers(options.sink, options.flushAt ?? 20_000);
  const serials = new Map<string, number>();
  let orderSerial = 0;
  const start = now - HISTORY_DAYS * DAY;

  for (let index = 0; index < options.customers; index++) {
    // Newer customers are more numerous: the store grows.
    const createdAt = businessTime(start + Math.sqrt(rng.float()) * (now - start - DAY), rng);
    const owner = rng.pick(refs.consultants);
    const customerId = rng.uuid(createdAt);
    const year = Number(storeDate(createdAt).slice(0, 4));
    const serialKey = `${owner.code}-${year}`;
    const serial = (serials.get(serialKey) ?? 0) + 1;
    serials.set(serialKey, serial);
    const phone = phoneOf(refs.storeIndex, index);
    const first = rng.weighted(refs.sources);
    const leadCount = rng.weighted([
      [1, 12],
      [2, 18],
      [3, 25],
      [4, 22],
      [5, 23],
    ] as const);

    let lastLevel: Level | null = null;
    let nextContactAt: number | null = null;
    let ownerSince: string | null = null;
    let leadAt = createdAt;
    for (let n = 0; n < leadCount && leadAt < now - HOUR; n++) {
      const leadId = rng.uuid(leadAt);
      const source = n === 0 ? first : rng.weighted(refs.sources);
      const series = rng.pick(refs.series);
      const viaDcc = ['portal', 'website', 'online_order', 'social'].includes(source.channel);
      const leadOwner =
        viaDcc && rng.chance(0.5) && refs.dccAgents.length > 0 ? rng.pick(refs.dccAgents) : owner.id;
      const age = now - leadAt;
      // An inquiry followed by another one was mostly settled by then.
      const settled = n < leadCount - 1;
      const status: 'open' | 'won' | 'lost' | 'nurturing' =
        age < 30 * DAY
          ? 'open'
          : rng.weighted([
              ['won', settled ? 10 : 14],
              ['lost', settled ? 45 : 30],
              ['nurturing', settled ? 15 : 14],
              ['open', settled ? 5 : age < 180 * DAY ? 42 : 8],
            ] as const);
      const dueFirst = leadAt + 24 * HOUR;
      const contacted = rng.chance(0.93) ? leadAt + rng.int(5, 30 * 60) * MINUTE : null;
      const firstContactedAt = contacted !== null && contacted < now ? contacted : null;
      const life =
        status === 'open' || status === 'nurturing'
          ? now - leadAt
          : Math.min(now - leadAt, rng.int(7, 90) * DAY);
      // Closed in opening hours, but not after `now` (a lead of today closing later today).
      const closedAt =
        status === 'won' || status === 'lost' ? Math.min(businessTime(leadAt + life, rng), now) : null;
      const endAt = closedAt ?? now;

      // Follow-ups: 1-6 along the lead's life, the level moving with them.
      let level: Level = rng.weighted([
        ['H', 15],
        ['A', 30],
        ['B', 35],
        ['C', 20],
      ] as const);
      out.add('lead_level_changes', [
        refs.dealerId,
        rng.uuid(leadAt),
        new Date(leadAt),
        new Date(leadAt),
        leadId,
        null,
        level,
        leadOwner,
        new Date(leadAt),
        '首次评级',
      ]);
      const followCount = firstContactedAt === null ? 0 : rng.int(1, 7);
      let at = firstContactedAt ?? leadAt;
      for (let f = 0; f < followCount && at < endAt; f++) {
        const before: Level = level;
        if (rng.chance(0.25)) level = rng.pick(UP);
        if (status === 'won' && f === followCount - 1) level = 'O';
        const followId = rng.uuid(at);
        const next = at + CADENCE_DAYS[level] * DAY;
        out.add('follow_ups', [
          refs.dealerId,
          followId,
          new Date(at),
          new Date(at),
          leadId,
          customerId,
          leadOwner,
          rng.weighted(FOLLOW_CHANNELS),
          rng.pick(CONTENTS),
          rng.pick(RESULTS),
          before,
          level,
          new Date(at),
          new Date(next),
        ]);
        if (level !== before) {
          out.add('lead_level_changes', [
            refs.dealerId,
            rng.uuid(at),
            new Date(at),
            new Date(at),
            leadId,
            before,
            level,
            leadOwner,
            new Date(at),
            '跟进后调整级别',
          ]);
        }
        // A third of the follow-ups close the task that asked for them (the rest were spontaneous).
        if (f % 3 === 0) {
          const dueAt = f === 0 ? dueFirst : at - rng.int(0, 3) * HOUR;
          out.add('tasks', [
            refs.dealerId,
            rng.uuid(at - DAY),
            new Date(Math.min(at, leadAt + (f === 0 ? 0 : DAY))),
            new Date(at),
            leadId,
            customerId,
            leadOwner,
            f === 0 ? 'first_contact' : 'follow_up',
            new Date(dueAt),
            'done',
            new Date(at),
            followId,
            f === 0 ? 'first_contact_24h' : `cadence.${before}`,
          ]);
        }
        at = businessTime(next + rng.int(-1, 2) * DAY, rng);
      }
      // Every live lead has its next task: due by the cadence, some already late.
      if (status === 'open' || status === 'nurturing') {
        const dueAt =
          firstContactedAt === null ? dueFirst : businessTime(Math.max(at, now - rng.int(0, 10) * DAY), rng);
        nextContactAt = dueAt;
        out.add('tasks', [
          refs.dealerId,
          rng.uuid(Math.min(now, dueAt - DAY)),
          new Date(Math.min(now, dueAt - DAY)),
          new Date(Math.min(now, dueAt - DAY)),
          leadId,
          customerId,
          leadOwner,
          firstContactedAt === null ? 'first_contact' : status === 'nurturing' ? 'nurturing' : 'follow_up',
          new Date(dueAt),
          'open',
          null,
          null,
          firstContactedAt === null
            ? 'first_contact_24h'
            : status === 'nurturing'
              ? 'nurturing.m4_6'
              : `cadence.${level}`,
        ]);
      }
      out.add('leads', [
        refs.dealerId,
        leadId,
        new Date(leadAt),
        new Date(closedAt ?? at),
        customerId,
        series.id,
        source.sourceId,
        source.channel,
        level,
        HORIZON_OF[level],
        status,
        leadOwner,
        new Date(leadAt),
        new Date(dueFirst),
        firstContactedAt === null ? null : new Date(firstContactedAt),
        closedAt === null ? null : new Date(closedAt),
        status === 'lost'
          ? rng.pick(['bought_competitor', 'price', 'no_longer_buying', 'unreachable'])
          : null,
      ]);

      // Showroom: walk-ins arrive with the lead; others a third of the time, later on.
      const walkIn = source.channel === 'walk_in' || source.channel === 'showroom';
      if (walkIn || rng.chance(0.3)) {
        const arrivedAt = walkIn ? leadAt : businessTime(Math.min(endAt, leadAt + rng.int(1, 20) * DAY), rng);
        if (arrivedAt < now) {
          out.add('showroom_visits', [
            refs.dealerId,
            rng.uuid(arrivedAt),
            new Date(arrivedAt),
            new Date(arrivedAt),
            'visit',
            customerId,
            leadId,
            new Date(arrivedAt),
            new Date(arrivedAt + rng.int(15, 120) * MINUTE),
            rng.weighted([
              [1, 50],
              [2, 35],
              [3, 12],
              [4, 3],
            ] as const),
            n === 0,
            leadOwner,
            series.id,
            source.sourceId,
            true,
            false,
          ]);
          // About half the visitors drive the series they came for, during the visit.
          const startsAt = arrivedAt + rng.int(10, 40) * MINUTE;
          if (rng.chance(0.5) && startsAt + 30 * MINUTE < now) {
            out.add('test_drives', [
              refs.dealerId,
              rng.uuid(startsAt),
              new Date(startsAt),
              new Date(startsAt),
              customerId,
              leadId,
              series.demoCarId,
              leadOwner,
              new Date(startsAt),
              new Date(startsAt + 30 * MINUTE),
              'done',
              rng.int(3, 5),
            ]);
          }
        }
      }
      if (status === 'won' && closedAt !== null) {
        const config = rng.pick(series.configurations);
        const orderedAt = Math.max(leadAt, closedAt - rng.int(3, 20) * DAY);
        const delivered = closedAt < now - 3 * DAY;
        orderSerial++;
        out.add('orders', [
          refs.dealerId,
          rng.uuid(orderedAt),
          new Date(orderedAt),
          new Date(closedAt),
          `${refs.code}-${storeDate(orderedAt).replaceAll('-', '')}-${String(orderSerial).padStart(6, '0')}`,
          customerId,
          leadId,
          owner.id,
          config.id,
          rng.pick(series.colours),
          config.price,
          rng.int(0, 10) * 1000,
          5000,
          rng.chance(0.55) ? 'loan' : 'cash',
          delivered ? 'delivered' : 'confirmed',
          new Date(orderedAt),
          new Date(orderedAt),
          new Date(orderedAt),
          delivered ? new Date(closedAt) : null,
          delivered ? storeDate(closedAt) : null,
        ]);
        if (delivered) ownerSince = storeDate(closedAt);
      }
      if (status === 'lost' && closedAt !== null) {
        const requestedAt = closedAt - rng.int(2, 72) * HOUR;
        out.add('defeat_requests', [
          refs.dealerId,
          rng.uuid(requestedAt),
          new Date(requestedAt),
          new Date(closedAt),
          leadId,
          leadOwner,
          rng.pick(refs.defeatReasons),
          rng.chance(0.5) ? rng.pick(COMPETITORS) : null,
          'approved',
          'closed',
          refs.managerId,
          new Date(closedAt),
        ]);
      }
      lastLevel = level;
      leadAt = businessTime(leadAt + rng.int(5, 60) * DAY, rng);
    }

    const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
    out.add('customers', [
      refs.dealerId,
      customerId,
      new Date(createdAt),
      new Date(createdAt),
      `${owner.code}-${String(year % 100).padStart(2, '0')}-${String(serial).padStart(4, '0')}`,
      name,
      rng.chance(0.6) ? 'male' : 'female',
      `+86${phone}`,
      phone,
      rng.pick(REGIONS),
      first.sourceId,
      owner.id,
      lastLevel,
      nextContactAt === null ? null : new Date(nextContactAt),
      ownerSince,
    ]);
    await out.flushIfFull();
  }
  await out.flushAll();
  const cardCounters = [...serials].map(([key, lastSerial]) => {
    const [prefix = '', year = '0'] = key.split('-');
    return { prefix, year: Number(year), lastSerial };
  });
  return { counts: out.counts, cardCounters, orderCount: orderSerial };
};
