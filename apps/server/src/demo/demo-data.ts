import type { Role } from '@qianke/core/accounts/roles';
import { defaultChannelOf } from '@qianke/core/customers/default-sources';
import { PRESET_SEED_001, planOwnerCare } from '@qianke/core/follow-ups/cadence';
import { desiredLeadTask, sameTask } from '@qianke/core/follow-ups/lead-task';
import type * as schema from '../infra/db/schema/index';
import { type LeadSourceRow, sourceRowsFor } from '../sources/source-rows';

/**
 * The demo dealership: a group of two Shanghai BYD stores with staff, catalog, source tree and 90 days
 * of customers, leads, showroom traffic, follow-ups, tasks and orders before `now`.
 *
 * Pure and deterministic: one seeded generator (mulberry32) makes every choice and every id (uuid v7
 * shaped, stamped with the row's own time), so the same `now` gives the same rows. Business events
 * happen in opening hours (9:00-18:00 Asia/Shanghai, UTC+8 all year) and are returned as UTC Dates.
 */

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type WithId<T> = T & { id: string };

export type DemoData = {
  group: WithId<Insert<typeof schema.dealerGroups>>;
  dealers: WithId<Insert<typeof schema.dealers>>[];
  users: WithId<Insert<typeof schema.users>>[];
  userRoles: Insert<typeof schema.userRoles>[];
  catalogBrands: WithId<Insert<typeof schema.catalogBrands>>[];
  catalogSeries: WithId<Insert<typeof schema.catalogSeries>>[];
  catalogModels: WithId<Insert<typeof schema.catalogModels>>[];
  catalogConfigurations: WithId<Insert<typeof schema.catalogConfigurations>>[];
  catalogColours: WithId<Insert<typeof schema.catalogColours>>[];
  leadSources: LeadSourceRow[];
  customers: WithId<Insert<typeof schema.customers>>[];
  leads: WithId<Insert<typeof schema.leads>>[];
  leadLevelChanges: WithId<Insert<typeof schema.leadLevelChanges>>[];
  showroomVisits: WithId<Insert<typeof schema.showroomVisits>>[];
  followUps: WithId<Insert<typeof schema.followUps>>[];
  tasks: WithId<Insert<typeof schema.tasks>>[];
  orders: WithId<Insert<typeof schema.orders>>[];
};

export type DemoOptions = { now: Date; passwordHash: string };

// ---------------------------------------------------------------------------------------------------
// Randomness and time

/** mulberry32: a small, fast, seeded 32-bit generator; returns floats in [0, 1). */
export const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const hex = (value: number, length: number) => value.toString(16).padStart(length, '0');

class Random {
  constructor(private readonly next: () => number) {}

  float(): number {
    return this.next();
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** An integer in [min, max]. */
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
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
  private u32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
  /** A uuid v7 for a row made at `ms`: time-ordered like the server's own ids, but reproducible. */
  uuid(ms: number): string {
    const time = hex(Math.floor(ms), 12);
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const variant = ((a >>> 12) & 0x3fff) | 0x8000;
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(a & 0xfff, 3)}-${hex(variant, 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 with no daylight saving time. */
const SHANGHAI_OFFSET = 8 * HOUR;
const OPENS = 9 * 60;
const CLOSES = 18 * 60;
/** The latest minute a customer is received or called, so a visit still fits before closing. */
const LAST_START = 17 * 60 + 30;

const dayStartOf = (t: number) => Math.floor((t + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
const localMinute = (t: number) => Math.floor((t - dayStartOf(t)) / MINUTE);
const localDate = (t: number) => new Date(t + SHANGHAI_OFFSET).toISOString().slice(0, 10);
const isWeekend = (dayStart: number) => {
  const weekday = new Date(dayStart + SHANGHAI_OFFSET).getUTCDay();
  return weekday === 0 || weekday === 6;
};

const at = (ms: number) => new Date(ms);
const nullableAt = (ms: number | null) => (ms === null ? null : new Date(ms));

// ---------------------------------------------------------------------------------------------------
// The dealership: stores, staff, catalog

type StoreDef = { name: string; code: string; customers: number; homeDistrict: string };

const STORES: readonly [StoreDef, StoreDef] = [
  { name: '上海浦东旗舰店', code: 'SH-PD', customers: 300, homeDistrict: '浦东新区' },
  { name: '上海闵行店', code: 'SH-MH', customers: 60, homeDistrict: '闵行区' },
];

type UserDef = {
  store: 0 | 1;
  username: string;
  displayName: string;
  roles: readonly Role[];
  consultantCode?: string;
  groupAdmin?: boolean;
};

export const DEMO_USERS: readonly UserDef[] = [
  { store: 0, username: 'admin', displayName: '系统管理员', roles: ['admin'], groupAdmin: true },
  { store: 0, username: 'manager', displayName: '王经理', roles: ['sales_manager'] },
  { store: 0, username: 'consultant1', displayName: '李娜', roles: ['consultant'], consultantCode: 'A01' },
  { store: 0, username: 'consultant2', displayName: '张伟', roles: ['consultant'], consultantCode: 'A02' },
  { store: 0, username: 'reception', displayName: '赵敏', roles: ['receptionist'] },
  { store: 0, username: 'dcc1', displayName: '陈静', roles: ['dcc_agent'] },
  { store: 0, username: 'crm1', displayName: '刘洋', roles: ['crm_specialist'] },
  { store: 0, username: 'marketing', displayName: '孙丽', roles: ['marketing_manager'] },
  { store: 1, username: 'manager2', displayName: '周经理', roles: ['sales_manager'] },
  { store: 1, username: 'consultant3', displayName: '吴磊', roles: ['consultant'], consultantCode: 'B01' },
];

type Colour = readonly [nameZh: string, nameEn: string, hex: string, surcharge: number];
type SeriesDef = {
  name: string;
  nameEn: string;
  bodyType: string;
  energy: 'ice' | 'phev' | 'bev' | 'hev';
  /** How often customers ask for it. */
  interest: number;
  models: readonly { name: string; configs: readonly (readonly [name: string, guidePrice: number])[] }[];
  colours: readonly Colour[];
};

const WHITE: Colour = ['雪域白', 'Snow White', '#F2F3F0', 0];
const BLACK: Colour = ['宇宙黑', 'Cosmos Black', '#1C1D21', 0];
const GREY: Colour = ['时空灰', 'Space Grey', '#5E6266', 0];

const BRAND = { name: '比亚迪', nameEn: 'BYD' };

const SERIES: readonly SeriesDef[] = [
  {
    name: '秦PLUS',
    nameEn: 'Qin PLUS',
    bodyType: 'sedan',
    energy: 'phev',
    interest: 30,
    models: [
      {
        name: 'DM-i 智驾版',
        configs: [
          ['55km 领先型', 99_800],
          ['120km 超越型', 115_800],
          ['120km 卓越型', 125_800],
        ],
      },
    ],
    colours: [
      WHITE,
      GREY,
      ['汉宫红', 'Palace Red', '#9E1B22', 0],
      ['墨玉青', 'Jade Green', '#2F4F4A', 0],
      ['极光蓝', 'Aurora Blue', '#2E5C8A', 0],
    ],
  },
  {
    name: '宋PLUS',
    nameEn: 'Song PLUS',
    bodyType: 'suv',
    energy: 'phev',
    interest: 30,
    models: [
      {
        name: 'DM-i 智驾版',
        configs: [
          ['112km 领先型', 139_800],
          ['112km 豪华型', 149_800],
          ['150km 旗舰型', 165_800],
        ],
      },
    ],
    colours: [
      WHITE,
      GREY,
      BLACK,
      ['天际灰', 'Skyline Grey', '#8A9099', 0],
      ['海岸蓝', 'Coast Blue', '#3A6F9A', 0],
    ],
  },
  {
    name: '汉',
    nameEn: 'Han',
    bodyType: 'sedan',
    energy: 'bev',
    interest: 12,
    models: [
      {
        name: 'EV 智驾版',
        configs: [
          ['506km 尊贵型', 179_800],
          ['605km 旗舰型', 209_800],
        ],
      },
      {
        name: 'EV 四驱版',
        configs: [
          ['550km 四驱尊享型', 229_800],
          ['550km 四驱旗舰型', 249_800],
        ],
      },
    ],
    colours: [
      ['汉宫红', 'Palace Red', '#8E1A22', 3_000],
      WHITE,
      BLACK,
      GREY,
      ['墨玉青', 'Jade Green', '#2F4F4A', 0],
      ['星耀金', 'Star Gold', '#B89B6A', 3_000],
    ],
  },
  {
    name: '唐',
    nameEn: 'Tang',
    bodyType: 'suv',
    energy: 'phev',
    interest: 10,
    models: [
      {
        name: 'DM-i 智驾版',
        configs: [
          ['112km 尊享型', 179_800],
          ['112km 旗舰型', 199_800],
        ],
      },
      {
        name: 'DM-p 四驱版',
        configs: [
          ['215km 四驱旗舰型', 249_800],
          ['215km 四驱尊荣型', 269_800],
        ],
      },
    ],
    colours: [
      WHITE,
      BLACK,
      ['寒武岩灰', 'Cambrian Grey', '#53575C', 0],
      ['北极蓝', 'Arctic Blue', '#4A78A8', 0],
      ['唐朝红', 'Tang Red', '#8C1C24', 2_000],
    ],
  },
  {
    name: '海豹',
    nameEn: 'Seal',
    bodyType: 'sedan',
    energy: 'bev',
    interest: 18,
    models: [
      {
        name: 'EV 智驾版',
        configs: [
          ['550km 精英型', 175_800],
          ['650km 尊贵型', 199_800],
          ['580km 四驱性能版', 229_800],
        ],
      },
    ],
    colours: [
      ['极地白', 'Polar White', '#F5F6F4', 0],
      ['深海蓝', 'Deep Sea Blue', '#1F3A5F', 2_000],
      ['暗夜黑', 'Midnight Black', '#15171A', 0],
      ['星云灰', 'Nebula Grey', '#7A7F86', 0],
      ['极光绿', 'Aurora Green', '#3E6B5A', 2_000],
    ],
  },
];

// ---------------------------------------------------------------------------------------------------
// People, places and words

/** `'王、李、张'` -> ['王', '李', '张']: long word lists stay a few lines long. */
const list = (...lines: string[]): string[] => lines.join('、').split('、');
/** `'王:4、李:2'` -> [['王', 4], ['李', 2]]. */
const weightedList = (...lines: string[]): (readonly [string, number])[] =>
  list(...lines).map((entry) => {
    const [value = '', weight = '1'] = entry.split(':');
    return [value, Number(weight)] as const;
  });

const SURNAMES = weightedList(
  '王:4、李:4、张:4、刘:4、陈:4、杨:4、黄:4、赵:4、吴:4、周:4',
  '徐:2、孙:2、朱:2、胡:2、郭:2、何:2、林:2、高:2、沈:2、陆:2、顾:2、钱:2、施:2、马:2、罗:2、郑:2',
  '梁、谢、宋、唐、许、韩、冯、邓、曹、彭、曾、肖、田、董、潘、袁、蔡、蒋、余、于、杜、叶、程、魏、苏、吕',
  '丁、任、姚、卢、姜、范、金、汪、戴',
);
const MALE_NAMES = list(
  '伟、强、磊、军、洋、勇、杰、涛、斌、超、明、刚、辉、鹏、浩、宇、俊杰、子豪、浩然、宇轩、志强、建华、建国',
  '文博、晨、昊天、嘉诚、思远、博文、一鸣、振宇、家豪、国平、海峰、立新、晓东、天明、文杰、永强、伟民、佳明',
  '志伟、俊、毅、峰',
);
const FEMALE_NAMES = list(
  '芳、娜、敏、静、丽、艳、娟、霞、婷、雪、琳、颖、倩、欣怡、梦琪、雨婷、佳怡、思涵、晓燕、丽华、美玲、慧敏',
  '洁、莉、雅琴、秀英、玉兰、诗涵、子涵、晓雯、佳琪、婉婷、静怡、春燕、海燕、蕾、萍、悦',
);

/** Real mobile prefixes of the three operators (and 17x virtual operators). */
const MOBILE_PREFIXES = list(
  '130、131、132、133、135、136、137、138、139、150、151、152、153、155、156、157、158、159',
  '173、176、177、180、181、182、183、185、186、187、188、189、191、198、199',
);

const ROADS: Record<string, readonly string[]> = {
  浦东新区: list('张杨路、世纪大道、锦绣路、东方路、杨高南路、川沙路、沪南路、花木路、博山路、周浦年家浜路'),
  闵行区: list('莘松路、漕宝路、虹梅南路、都市路、沪闵路、春申路、七莘路、银都路'),
  徐汇区: list('漕溪北路、田林路、龙华中路、宜山路'),
  黄浦区: list('西藏南路、瞿溪路、制造局路'),
  静安区: list('共和新路、广中西路、江场路'),
  长宁区: list('天山路、仙霞路、古北路'),
  普陀区: list('真北路、曹杨路、铜川路'),
  虹口区: list('四平路、曲阳路、临平路'),
  杨浦区: list('国权路、控江路、黄兴路'),
  宝山区: list('友谊路、牡丹江路、共康路'),
  嘉定区: list('博乐路、城中路、墨玉路'),
  松江区: list('人民北路、荣乐中路、沪亭北路'),
  青浦区: list('公园路、华志路、嘉松中路'),
  奉贤区: list('解放东路、金海公路、环城西路'),
  金山区: list('卫零路、龙山路'),
  崇明区: list('八一路'),
};
/** Where a store's customers live: mostly its own district. */
const DISTRICT_WEIGHTS: Record<string, readonly (readonly [string, number])[]> = {
  浦东新区: weightedList(
    '浦东新区:55、闵行区:5、徐汇区:5、黄浦区:4、静安区:4、杨浦区:4、虹口区:3、普陀区:3、长宁区:3、宝山区:3',
    '奉贤区:5、嘉定区:2、松江区:2、金山区:1、崇明区:1',
  ),
  闵行区: weightedList(
    '闵行区:55、徐汇区:10、松江区:10、奉贤区:6、长宁区:5、浦东新区:6、嘉定区:4、青浦区:4、金山区:2',
  ),
};
const OCCUPATIONS = weightedList(
  '企业职员:20、工程师:8、IT从业者:8、个体经营者:8、企业主:5、公务员:4、教师:5、医生:3、护士:2、销售:5',
  '金融从业者:4、设计师:3、律师:2、自由职业:4、物流从业者:3、退休:3',
);
const COMPANY_WORDS = list('浦江、东方、金桥、张江、陆家嘴、华谊、临港、宏达、鼎信、恒瑞、申达、汇丰源');
const COMPANY_TRADES = list('科技、物流、贸易、建设工程、信息技术、生物医药、餐饮管理、文化传媒、电子');
const CURRENT_CARS = list(
  '大众 朗逸、大众 帕萨特、大众 途观L、丰田 卡罗拉、丰田 凯美瑞、本田 思域、本田 雅阁、日产 轩逸、别克 英朗',
  '别克 GL8、吉利 帝豪、长安 CS75、哈弗 H6、荣威 i5、奥迪 A4L、宝马 3系、五菱 宏光',
);
const OWN_BRAND_CARS = list('比亚迪 秦、比亚迪 宋、比亚迪 元、比亚迪 F3、比亚迪 e5');
const COMPETITORS = list(
  '特斯拉 Model 3、特斯拉 Model Y、吉利银河 L7、深蓝 SL03、小鹏 P7+、理想 L6、丰田 凯美瑞双擎、大众 帕萨特',
  '本田 CR-V、问界 M5、零跑 C11、小米 SU7、长安 UNI-V',
);
const PORTAL_NAMES: Record<string, { zh: string; prefix: string }> = {
  autohome: { zh: '汽车之家', prefix: 'AH' },
  dongchedi: { zh: '懂车帝', prefix: 'DCD' },
  yiche: { zh: '易车', prefix: 'YC' },
  pcauto: { zh: '太平洋汽车', prefix: 'PC' },
};

/** Where leads come from (leaf codes of the default tree), DOMAIN §2: walk-in ~35%, portals ~25%, phone-in ~15%. */
const SOURCE_WEIGHTS = weightedList(
  'walk_in_natural:24、walk_in_passing:6、walk_in_advert:5、autohome:11、dongchedi:9、yiche:5',
  'phone_in_showroom:10、phone_in_advert:5、hotline_400_brand:3、hotline_400_dealer:1、douyin:1.5',
  'wechat_official:1、brand_website:2、brand_app_order:1、auto_show:1.5、test_drive_event:1、promotion_day:1.5',
  'referral_owner:2、referral_friend:1、add_on:0.5、replacement:0.5、trade_in:0.7、repurchase:0.3',
  'network_friends_family:1、prospecting_enterprise:0.5、prospecting_residential:0.5、fleet_enterprise:0.6',
  'employee_group:0.3、secondary_dealer:0.7',
);
const REPEAT_SOURCE_WEIGHTS = weightedList(
  'walk_in_natural:4、autohome:2、dongchedi:2、phone_in_showroom:2、brand_website:1',
);

/** How the lead reached us (leads.channel): the tree's channel, with the online channel split by kind. */
const leadChannelOf = (sourceCode: string, channelCode: string): string => {
  if (channelCode !== 'online') {
    const mapped: Record<string, string> = { owned_base: 'owner_base', employee_purchase: 'employee' };
    return mapped[channelCode] ?? channelCode;
  }
  if (sourceCode in PORTAL_NAMES) return 'portal';
  if (sourceCode === 'brand_website') return 'website';
  if (sourceCode === 'brand_app_order' || sourceCode === 'ecommerce_order') return 'online_order';
  return 'social';
};

type Level = 'O' | 'H' | 'A' | 'B' | 'C';
type Horizon = 'm1' | 'm2_3' | 'm4_6' | 'm7_12' | 'm12_plus';
type Status = 'open' | 'won' | 'lost' | 'nurturing';
type LostReason = 'bought_competitor' | 'price' | 'financing_refused' | 'no_longer_buying' | 'unreachable';
type FollowUpChannel = 'phone' | 'sms' | 'wechat' | 'email' | 'visit' | 'showroom' | 'mail';

const UP: readonly Level[] = ['C', 'B', 'A', 'H', 'O'];
const rank = (level: Level) => UP.indexOf(level);
/** DOMAIN §2 default cadence (seed 001); C "holiday care" is taken as every two weeks. */
const CADENCE_DAYS: Record<Level, number> = { O: 3, H: 2, A: 1, B: 7, C: 14 };
const NURTURE_DAYS = 30;
const OWNER_CARE_DAYS = 14;
/**
 * What the task planner of a demo store works with: no saved rule table (so seed 001), no holidays,
 * Shanghai time. The open rule task of each demo lead is the one it plans (core desiredLeadTask), so a
 * re-plan of the demo changes nothing.
 */
const PLANNING = { rules: PRESET_SEED_001, holidays: [], timeZone: 'Asia/Shanghai' } as const;

const LEVEL_REASON_UP: Record<Level, readonly string[]> = {
  C: ['意向模糊，暂无明确购车时间', '初步了解，可能流向竞品'],
  B: ['已表明购买意向，正在选择车型', '有购买能力，仍在犹豫'],
  A: ['已试驾并协商条件，计划一个月内购车', '再次到店看车，约定下次见面', '要求评估置换'],
  H: ['车型和颜色已确定，正在办理贷款', '付款方式和交车时间已确定', '置换手续办理中'],
  O: ['已交付定金'],
};
const LEVEL_REASON_DOWN = ['客户表示购车计划推迟', '对价格有顾虑，购车时间延后', '家庭原因暂缓购车'];

const LOST_RESULTS: Record<LostReason, readonly string[]> = {
  bought_competitor: ['客户已购买{competitor}，申请战败'],
  price: ['客户认为优惠力度不足，已在他店订车，申请战败', '与客户预算差距较大，申请战败'],
  financing_refused: ['贷款审批未通过，客户放弃购车，申请战败'],
  no_longer_buying: ['客户家庭原因暂不购车，申请战败', '客户决定继续使用现有车辆，申请战败'],
  unreachable: ['多次电话无人接听，微信未回复，申请战败', '号码已停机，无法联系，申请战败'],
};

/** What is said at each moment of a lead; {series}, {config}, {colour}, {competitor}... are filled in. */
const TEXT = {
  reception: list(
    '首次到店，接待并介绍{series}，安排试驾、首次到店，静态看车并讲解{series} {config}',
    '客户与家人一起到店，介绍{series}空间和续航',
  ),
  receptionResult: list(
    '客户对外观和空间满意，留下联系方式、客户关注油耗和续航，带走了报价单、客户计划周末带家人再来看车',
    '客户对比{competitor}，希望了解最低价',
  ),
  callback: list('24小时回访，感谢到店并确认购车意向、24小时回访，确认是否收到{series}配置表和报价'),
  callbackPhoneIn: list('回电确认来电咨询的{series}配置和价格、回电介绍本月{series}购车政策'),
  firstContactPortal: list(
    '首次电话联系，客户在{platform}询价{series}、首次电话联系，确认客户在{platform}预约的试驾',
  ),
  firstContactOther: list('首次电话联系，了解购车需求（{series}）、首次电话联系，介绍{series}并邀约到店'),
  firstResult: list(
    '客户意向明确，已加微信、客户表示先了解，约定下周再联系、客户询问最低价，邀约到店详谈',
    '客户在对比{competitor}，同意接收资料',
  ),
  showroom: list('客户到店试驾{series}，详细讲解{config}、客户再次到店看车，比较{config}与其他配置'),
  showroomResult: list('试驾体验良好，对价格仍有顾虑、客户很满意，准备下定、客户家人也很认可，计划近期订车'),
  order: list('客户到店签订购车合同，交付定金{deposit}元（{config} {colour}）'),
  delivery: list('交车仪式：{series} {colour}，讲解用车与保养'),
  deliveryResult: list('客户满意，已加入车主群、顺利交车，客户现场好评'),
  ownerCare: list('交车后电话回访，了解用车情况、电话提醒首次保养时间、电话邀请参加车主俱乐部活动'),
  ownerCareResult: list('车辆使用正常，客户满意、客户已预约首保、客户表示会推荐朋友来看车'),
  toNurture: list('电话回访，客户购车时间在半年以后'),
  toNurtureResult: list('转入CRM培育池，按购车时间定期联系'),
};

/**
 * Routine follow-ups by level (and for the nurturing pool), by how they are made: a call, or a message
 * ({medium}: 微信 or 短信). Results fit the medium: a message is read or not, a call is answered.
 */
type RoutineText = { call: string[]; callResult: string[]; message: string[]; messageResult: string[] };
const ROUTINE: Record<Level | 'nurture', RoutineText> = {
  C: {
    call: list('电话回访，了解购车计划是否有变化、电话问候，告知本月{series}购车政策'),
    callResult: list('客户表示明年再考虑、客户暂无明确购车时间，同意继续接收资料、客户在忙，约定改天再聊'),
    message: list(
      '{medium}推送{series}最新优惠活动、节日问候（{medium}），附本月购车政策、{medium}告知店内周末试驾活动',
    ),
    messageResult: list('客户已读，暂无明确购车时间、客户未回复、客户回复对活动有兴趣，但时间不确定'),
  },
  B: {
    call: list(
      '电话沟通{series}与{competitor}的配置差异、电话介绍金融分期方案，测算月供、电话了解客户对车型的选择进度',
    ),
    callResult: list(
      '客户在{series}和{competitor}之间犹豫、客户对价格比较满意，需要和家人商量、客户关注置换补贴，约定下周再聊',
      '客户倾向于{config}',
    ),
    message: list('{medium}发送{series} {config}配置表和报价、{medium}发送{series}车主口碑和试驾视频'),
    messageResult: list('客户已读，询问{config}的优惠、客户回复会和家人商量、客户已读未回复'),
  },
  A: {
    call: list(
      '电话邀约客户周末到店试驾{series}、电话协商价格和赠送装潢、电话沟通旧车置换评估价格、电话确认客户到店时间',
    ),
    callResult: list(
      '客户确认周六上午到店、价格基本谈妥，客户考虑颜色、客户接受置换评估报价、客户希望再优惠一些',
    ),
    message: list('{medium}发送{series} {config}最终报价、{medium}确认客户到店时间'),
    messageResult: list('客户回复周末到店、客户回复在考虑颜色，近期定车'),
  },
  H: {
    call: list(
      '电话确认{colour}及交车时间、电话跟进贷款审批进度、电话确认置换车辆手续、电话核对购车合同条款',
    ),
    callResult: list(
      '客户基本确定{colour}，等待贷款审批、贷款已初审通过、客户确认近期到店签约、客户预计一周内定车',
    ),
    message: list('{medium}发送购车合同和金融方案、{medium}确认{colour}现车情况'),
    messageResult: list('客户已确认合同条款、客户回复近期到店签约'),
  },
  O: {
    call: list('电话告知客户车辆到店进度、电话跟进贷款放款进度、电话确认交车时间和流程'),
    callResult: list('客户知悉，期待交车、放款完成、已约定交车时间'),
    message: list('{medium}提醒客户准备上牌资料、{medium}发送交车流程说明'),
    messageResult: list('客户已读、上牌资料已齐全、客户确认交车时间'),
  },
  nurture: {
    call: list('电话回访（培育节点），了解购车计划'),
    callResult: list('客户表示明年再考虑、客户对新款车型有兴趣、客户暂无购车计划'),
    message: list('{medium}推送品牌资讯与用车知识、{medium}发送新车上市信息、节日问候（{medium}）'),
    messageResult: list('客户已读、客户未回复、客户回复感谢'),
  },
};

// ---------------------------------------------------------------------------------------------------
// The generator

type StaffMember = { id: string; roles: readonly Role[]; consultantCode: string | null };

type SeriesIds = {
  def: SeriesDef;
  id: string;
  models: { id: string; configs: { id: string; name: string; price: number }[] }[];
  colours: { id: string; name: string; surcharge: number }[];
};

type Pending = {
  kind: string;
  ruleKey: string;
  dueAt: number;
  createdAt: number;
  assigneeId: string;
  title: string;
};

type CustomerState = { visited: boolean; phoned: boolean };

type LeadOutcome = {
  level: Level | null;
  ownerId: string | null;
  nextContactAt: number | null;
  lastAt: number;
  ownerSince: string | null;
};

const SEED = 0x9e3779b1;

export const generateDemoData = ({ now: nowDate, passwordHash }: DemoOptions): DemoData => {
  const rng = new Random(mulberry32(SEED));
  const now = nowDate.getTime();
  const windowStart = now - 90 * DAY;
  const setupAt = windowStart + MINUTE;

  const data: DemoData = {
    group: { id: rng.uuid(setupAt), name: '华东汽车集团', createdAt: at(setupAt), updatedAt: at(setupAt) },
    dealers: [],
    users: [],
    userRoles: [],
    catalogBrands: [],
    catalogSeries: [],
    catalogModels: [],
    catalogConfigurations: [],
    catalogColours: [],
    leadSources: [],
    customers: [],
    leads: [],
    leadLevelChanges: [],
    showroomVisits: [],
    followUps: [],
    tasks: [],
    orders: [],
  };
  const phonesInUse = new Set<string>();
  const stamps = (ms: number) => ({ createdAt: at(ms), updatedAt: at(ms) });

  const storeIds = STORES.map(() => rng.uuid(setupAt));
  STORES.forEach((store, index) => {
    data.dealers.push({
      id: storeIds[index] ?? '',
      groupId: data.group.id,
      name: store.name,
      code: store.code,
      timeZone: 'Asia/Shanghai',
      ...stamps(setupAt),
    });
  });

  const staffByStore: StaffMember[][] = [[], []];
  for (const user of DEMO_USERS) {
    const dealerId = storeIds[user.store] ?? '';
    const id = rng.uuid(setupAt);
    data.users.push({
      dealerId,
      id,
      username: user.username.toLowerCase(),
      displayName: user.displayName,
      passwordHash,
      groupAdmin: user.groupAdmin ?? false,
      consultantCode: user.consultantCode ?? null,
      ...stamps(setupAt),
    });
    for (const role of user.roles) data.userRoles.push({ dealerId, userId: id, role });
    const member = { id, roles: user.roles, consultantCode: user.consultantCode ?? null };
    staffByStore[user.store]?.push(member);
  }

  const buildCatalog = (dealerId: string): SeriesIds[] => {
    const brandId = rng.uuid(setupAt);
    data.catalogBrands.push({
      dealerId,
      id: brandId,
      name: BRAND.name,
      nameEn: BRAND.nameEn,
      sort: 10,
      ...stamps(setupAt),
    });
    return SERIES.map((def, seriesIndex) => {
      const seriesId = rng.uuid(setupAt);
      data.catalogSeries.push({
        dealerId,
        id: seriesId,
        brandId,
        name: def.name,
        nameEn: def.nameEn,
        bodyType: def.bodyType,
        energy: def.energy,
        sort: (seriesIndex + 1) * 10,
        ...stamps(setupAt),
      });
      const models = def.models.map((model) => {
        const modelId = rng.uuid(setupAt);
        data.catalogModels.push({
          dealerId,
          id: modelId,
          seriesId,
          name: model.name,
          modelYear: 2026,
          ...stamps(setupAt),
        });
        const configs = model.configs.map(([name, price]) => {
          const id = rng.uuid(setupAt);
          data.catalogConfigurations.push({
            dealerId,
            id,
            modelId,
            name,
            guidePrice: price,
            ...stamps(setupAt),
          });
          return { id, name, price };
        });
        return { id: modelId, configs };
      });
      const colours = def.colours.map(([name, nameEn, colourHex, surcharge]) => {
        const id = rng.uuid(setupAt);
        data.catalogColours.push({
          dealerId,
          id,
          seriesId,
          name,
          nameEn,
          hex: colourHex,
          surcharge,
          ...stamps(setupAt),
        });
        return { id, name, surcharge };
      });
      return { def, id: seriesId, models, colours };
    });
  };

  // A past moment in opening hours, `daysBack` Shanghai days before today.
  const pastBusinessTime = (daysBack: number): number => {
    const today = dayStartOf(now);
    let t = today - daysBack * DAY + rng.int(OPENS, LAST_START) * MINUTE;
    if (t > now - 5 * MINUTE) t = today - (daysBack + 1) * DAY + rng.int(OPENS, LAST_START) * MINUTE;
    return t;
  };
  const businessTimeOn = (dayStart: number) => dayStart + rng.int(OPENS, LAST_START) * MINUTE;
  const nextBusinessSlot = (t: number): number => {
    const minute = localMinute(t);
    if (minute >= OPENS && minute <= LAST_START) return t;
    const day = minute < OPENS ? dayStartOf(t) : dayStartOf(t) + DAY;
    return day + rng.int(OPENS, OPENS + 120) * MINUTE;
  };
  /**
   * When a planned contact really happens: mostly on the day by the due time (on time), sometimes a
   * day or more late.
   */
  const delayed = (due: number): number => {
    const roll = rng.float();
    if (roll < 0.65) return due - rng.int(0, Math.min(120, localMinute(due) - OPENS)) * MINUTE;
    if (roll < 0.9) return businessTimeOn(dayStartOf(due) + DAY);
    return businessTimeOn(dayStartOf(due) + rng.int(2, 3) * DAY);
  };
  const dueAfter = (t: number, days: number) => businessTimeOn(dayStartOf(t) + days * DAY);
  const daysWeights = Array.from({ length: 90 }, (_, daysBack) => {
    const weekend = isWeekend(dayStartOf(now) - daysBack * DAY);
    return [daysBack, weekend ? 1.7 : 1] as const;
  });
  const olderDaysWeights = daysWeights.filter(([daysBack]) => daysBack >= 40);
  const partySize = () =>
    rng.weighted([
      [1, 35],
      [2, 40],
      [3, 18],
      [4, 7],
    ] as const);
  /** How long a visit lasts: between min and max minutes, and over before closing time. */
  const visitLength = (arrival: number, min: number, max: number) => {
    const untilClosing = CLOSES - localMinute(arrival) - 5;
    return rng.int(Math.min(min, untilClosing), Math.min(max, untilClosing)) * MINUTE;
  };

  const generateStore = (storeIndex: 0 | 1) => {
    const store = STORES[storeIndex];
    const dealerId = storeIds[storeIndex] ?? '';
    const staff = staffByStore[storeIndex] ?? [];
    const consultants = staff.filter((s) => s.roles.includes('consultant'));
    const dcc = staff.find((s) => s.roles.includes('dcc_agent'));
    const crm = staff.find((s) => s.roles.includes('crm_specialist'));
    const logger =
      staff.find((s) => s.roles.includes('receptionist')) ??
      staff.find((s) => s.roles.includes('sales_manager'));
    if (!logger || consultants.length === 0) throw new Error(`store ${store.code} lacks staff`);

    const catalog = buildCatalog(dealerId);
    const sourceRows = sourceRowsFor(dealerId, { newId: () => rng.uuid(setupAt), at: at(setupAt) });
    data.leadSources.push(...sourceRows);
    const sourceId = (code: string) => {
      const row = sourceRows.find((r) => r.code === code);
      if (!row?.id) throw new Error(`no source ${code}`);
      return row.id;
    };

    const names = new Set<string>();
    const cardCounters = new Map<string, number>();
    const ordersToNumber: { order: DemoData['orders'][number]; followUp: DemoData['followUps'][number] }[] =
      [];
    const visitsWithContact = { visit: 0, phone_in: 0 };

    const newPhone = (): string => {
      for (;;) {
        const digits = `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
        if (!phonesInUse.has(digits)) {
          phonesInUse.add(digits);
          return digits;
        }
      }
    };
    const rawSpelling = (digits: string) =>
      rng.weighted([
        [digits, 60],
        [`${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`, 15],
        [`${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`, 10],
        [`+86 ${digits}`, 10],
        [`+86${digits}`, 5],
      ] as const);

    const chooseOwner = (channelCode: string, createdAt: number): StaffMember | null => {
      if (channelCode !== 'walk_in' && rng.chance(now - createdAt < 3 * DAY ? 0.25 : 0.03)) return null;
      if (dcc && (channelCode === 'online' || channelCode === 'hotline_400') && rng.chance(0.45)) return dcc;
      return rng.pick(consultants);
    };

    const pickStatus = (age: number): Status => {
      const days = age / DAY;
      const weights: readonly (readonly [Status, number])[] =
        days < 7
          ? [
              ['open', 96],
              ['won', 3],
              ['lost', 1],
            ]
          : days < 30
            ? [
                ['open', 82],
                ['won', 8],
                ['lost', 5],
                ['nurturing', 5],
              ]
            : days < 60
              ? [
                  ['open', 66],
                  ['won', 13],
                  ['lost', 10],
                  ['nurturing', 11],
                ]
              : [
                  ['open', 55],
                  ['won', 16],
                  ['lost', 14],
                  ['nurturing', 15],
                ];
      return rng.weighted(weights);
    };

    /** The levels a lead passes through before it is won, lost or moved to nurturing. */
    const closedStages = (status: Exclude<Status, 'open'>): Level[] => {
      if (status === 'won') {
        const start = rng.weighted([
          ['C', 1],
          ['B', 4],
          ['A', 3],
          ['H', 1],
        ] as const);
        const stages = UP.slice(rank(start), rank('O'));
        return stages.length > 2 && rng.chance(0.4) ? stages.filter((l) => l !== 'H') : stages;
      }
      if (status === 'lost') {
        return rng
          .weighted([
            [['C'], 4],
            [['B'], 3],
            [['B', 'C'], 2],
            [['A', 'B'], 1],
          ] as const)
          .slice();
      }
      return rng
        .weighted([
          [['C'], 5],
          [['B', 'C'], 3],
          [['B'], 2],
        ] as const)
        .slice();
    };

    const typicalDays = (level: Level) =>
      level === 'C'
        ? rng.between(10, 30)
        : level === 'B'
          ? rng.between(7, 21)
          : level === 'A'
            ? rng.between(2, 8)
            : rng.between(1, 5);
    /** How long an open lead stays at most at its current level (hot levels last days, not months). */
    const capDays: Record<Level, number> = { C: Number.POSITIVE_INFINITY, B: 50, A: 12, H: 6, O: 6 };

    /**
     * The levels of an open lead over its life of `spanDays`, ending at `final` now. Built backwards, so
     * a hot level lasts days, not months, and what came before is lower (once in a while higher).
     */
    const openStages = (final: Level, spanDays: number): { level: Level; days: number }[] => {
      const chain: { level: Level; days: number }[] = [];
      let remaining = spanDays;
      const push = (level: Level, days: number) => {
        const taken = Math.min(remaining, days);
        chain.unshift({ level, days: taken });
        remaining -= taken;
      };
      push(final, final === 'C' ? remaining : rng.between(0.3, 1) * capDays[final]);
      let previous = final;
      if ((final === 'B' || final === 'C') && rng.chance(0.12)) {
        previous = final === 'B' ? 'A' : 'B';
        push(previous, typicalDays(previous));
      }
      while (remaining > 0 && previous !== 'C') {
        previous = UP[rank(previous) - 1] ?? 'C';
        push(previous, previous === 'C' ? remaining : typicalDays(previous));
      }
      return chain;
    };

    const horizonFor = (level: Level | null, status: Status): Horizon | null => {
      if (status === 'nurturing')
        return rng.weighted([
          ['m4_6', 2],
          ['m7_12', 5],
          ['m12_plus', 3],
        ] as const);
      if (level === null)
        return rng.chance(0.5)
          ? null
          : rng.weighted([
              ['m1', 1],
              ['m2_3', 2],
              ['m4_6', 2],
            ] as const);
      if (level === 'O' || level === 'H' || level === 'A') return 'm1';
      if (level === 'B') return rng.chance(0.7) ? 'm2_3' : 'm4_6';
      return rng.weighted([
        ['m4_6', 40],
        ['m7_12', 35],
        ['m12_plus', 25],
      ] as const);
    };

    type LeadInput = {
      customerId: string;
      who: string;
      createdAt: number;
      sourceCode: string;
      owner: StaffMember | null;
      series: SeriesIds;
      paymentIntent: 'cash' | 'loan' | 'undecided';
      state: CustomerState;
      forcedStatus?: Status;
      lostReason?: LostReason;
      note?: string;
    };

    const generateLead = (input: LeadInput): LeadOutcome & { closedAt: number | null } => {
      const { customerId, who, createdAt: t0, sourceCode, owner, series, state } = input;
      const leadId = rng.uuid(t0);
      const channelCode = defaultChannelOf(sourceCode)?.code ?? 'other';
      const walkIn = channelCode === 'walk_in';
      const leadSourceId = sourceId(sourceCode);
      const receiver = owner?.consultantCode ? owner : rng.pick(consultants);
      const model = rng.pick(series.models);
      const config = rng.weighted(model.configs.map((c, i) => [c, model.configs.length - i] as const));
      const colour = rng.pick(series.colours);
      const competitor = rng.pick(COMPETITORS);
      const platform = PORTAL_NAMES[sourceCode];
      const fill = (template: string, extra: Record<string, string> = {}) =>
        template.replace(/\{(\w+)\}/g, (_, key: string) => {
          const values: Record<string, string> = {
            series: series.def.name,
            config: config.name,
            colour: colour.name,
            competitor,
            platform: platform?.zh ?? '网络',
            ...extra,
          };
          return values[key] ?? '';
        });
      const say = (templates: readonly string[], extra?: Record<string, string>) =>
        fill(rng.pick(templates), extra);

      const plannedStatus: Status = input.forcedStatus ?? (owner ? pickStatus(now - t0) : 'open');
      let status = plannedStatus;
      // Some walk-ins buy on their first visit (a visit that is over by now).
      const firstVisitDeal = status === 'won' && walkIn && t0 + 3 * HOUR < now && rng.chance(0.15);
      // Shared with the helpers below, so kept in one object (closures and narrowing do not mix).
      const cur = {
        level: null as Level | null,
        pending: null as Pending | null,
        lastAt: t0,
        lastFollowUp: null as DemoData['followUps'][number] | null,
      };
      let ownerId = owner?.id ?? null;
      let assignedAt: number | null = owner ? t0 + (walkIn ? rng.int(1, 5) : rng.int(10, 90)) * MINUTE : null;
      if (assignedAt !== null && assignedAt > now) assignedAt = now;
      const firstContactDueAt = t0 + DAY;
      let firstContactedAt: number | null = null;
      let closedAt: number | null = null;
      let lostReason: LostReason | null = null;
      let note = input.note ?? null;
      let ownerSince: string | null = null;
      let deliveredAt: number | null = null;
      let nurtureHorizon: Horizon | null = null;

      const levelTitle = (l: Level | null) => (l === 'O' ? `交车准备跟进 ${who}` : `${l ?? ''}级跟进 ${who}`);
      const cadencePending = (from: number, l: Level, assigneeId: string): Pending => ({
        kind: 'follow_up',
        ruleKey: `cadence.${l}`,
        dueAt: dueAfter(from, CADENCE_DAYS[l]),
        createdAt: from,
        assigneeId,
        title: levelTitle(l),
      });

      const addVisit = (
        arrival: number,
        consultantId: string | null,
        options: { closedOnSpot?: boolean; minutes?: [number, number] } = {},
      ) => {
        const [min, max] = options.minutes ?? [25, 120];
        const left = arrival + visitLength(arrival, min, max);
        const first = !state.visited;
        state.visited = true;
        visitsWithContact.visit++;
        data.showroomVisits.push({
          dealerId,
          id: rng.uuid(arrival),
          kind: 'visit',
          customerId,
          leadId,
          arrivedAt: at(arrival),
          leftAt: left <= now ? at(left) : null,
          partySize: partySize(),
          firstVisit: first,
          consultantId,
          seriesId: series.id,
          sourceId: leadSourceId,
          leftContact: true,
          closedOnSpot: options.closedOnSpot ?? false,
          callbackDueAt: first ? at(arrival + DAY) : null,
          loggedBy: logger.id,
          note: null,
          ...stamps(Math.min(left, now)),
        });
        cur.lastAt = Math.max(cur.lastAt, Math.min(left, now));
        return left;
      };

      const addFollowUp = (f: {
        at: number;
        userId: string;
        channel: FollowUpChannel;
        content: string;
        result: string;
        after?: Level;
        next: Pending | null;
      }) => {
        const id = rng.uuid(f.at);
        const after = f.after ?? cur.level;
        const row: DemoData['followUps'][number] = {
          dealerId,
          id,
          leadId,
          customerId,
          userId: f.userId,
          channel: f.channel,
          content: f.content,
          result: f.result,
          levelBefore: cur.level,
          levelAfter: after,
          occurredAt: at(f.at),
          nextContactAt: f.next ? at(f.next.dueAt) : null,
          ...stamps(f.at),
        };
        data.followUps.push(row);
        const before = cur.level;
        if (after !== null && after !== before) {
          const up = before === null || rank(after) > rank(before);
          data.leadLevelChanges.push({
            dealerId,
            id: rng.uuid(f.at),
            leadId,
            fromLevel: before,
            toLevel: after,
            changedBy: f.userId,
            changedAt: at(f.at),
            reason: up ? rng.pick(LEVEL_REASON_UP[after]) : rng.pick(LEVEL_REASON_DOWN),
            ...stamps(f.at),
          });
        }
        const done = cur.pending;
        if (done) {
          data.tasks.push({
            dealerId,
            id: rng.uuid(done.createdAt),
            leadId,
            customerId,
            assigneeId: done.assigneeId,
            kind: done.kind,
            dueAt: at(done.dueAt),
            status: 'done',
            doneAt: at(f.at),
            followUpId: id,
            ruleKey: done.ruleKey,
            title: done.title,
            createdAt: at(done.createdAt),
            updatedAt: at(f.at),
          });
        }
        cur.pending = f.next;
        cur.level = after;
        cur.lastAt = Math.max(cur.lastAt, f.at);
        if (!cur.lastFollowUp || (cur.lastFollowUp.occurredAt as Date).getTime() <= f.at)
          cur.lastFollowUp = row;
        return row;
      };

      /** A routine contact: the words fit the medium, a call or a message. */
      const routine = (topic: keyof typeof ROUTINE, channel: FollowUpChannel) => {
        const text = ROUTINE[topic];
        const medium = { medium: channel === 'sms' ? '短信' : '微信' };
        return channel === 'phone'
          ? { channel, content: say(text.call), result: say(text.callResult) }
          : { channel, content: say(text.message, medium), result: say(text.messageResult, medium) };
      };
      const routineChannel = (l: Level, userIsDcc: boolean): FollowUpChannel =>
        rng.weighted<FollowUpChannel>(
          userIsDcc
            ? [
                ['phone', 7],
                ['wechat', 3],
              ]
            : l === 'C'
              ? [
                  ['wechat', 50],
                  ['phone', 35],
                  ['sms', 15],
                ]
              : l === 'B'
                ? [
                    ['phone', 55],
                    ['wechat', 40],
                    ['sms', 5],
                  ]
                : [
                    ['phone', 65],
                    ['wechat', 35],
                  ],
        );

      // When the first contact happens: mostly within 24 hours, some late, a few recent open leads not yet.
      if (firstVisitDeal) {
        firstContactedAt = t0;
      } else if (owner) {
        const from = assignedAt ?? t0;
        const roll = rng.float();
        let first =
          roll < 0.85 || status !== 'open'
            ? nextBusinessSlot(from + rng.int(walkIn ? 120 : 20, 20 * 60) * MINUTE)
            : roll < 0.93 || now - t0 > 10 * DAY
              ? nextBusinessSlot(from + rng.int(25 * 60, 70 * 60) * MINUTE)
              : null;
        if (first !== null && first > now - 5 * MINUTE) first = null;
        if (first === null) status = 'open';
        firstContactedAt = first;
      }

      // The grading over the lead's life: each level and until when it lasts, from the lead's creation.
      type Segment = { level: Level; until: number };
      let segments: Segment[] = [{ level: 'A', until: Number.POSITIVE_INFINITY }];
      let endAt = now;
      if (status !== 'open' && !firstVisitDeal && firstContactedAt !== null) {
        const stages = closedStages(status);
        const durations = stages.map((l) => typicalDays(l) * DAY);
        const planned = durations.reduce((sum, d) => sum + d, 0);
        const earliest = firstContactedAt + HOUR;
        let total = planned;
        let candidate = nextBusinessSlot(t0 + total);
        while (candidate > now - 30 * MINUTE && total > HOUR) {
          total /= 2;
          candidate = nextBusinessSlot(t0 + total);
        }
        if (candidate <= earliest) candidate = nextBusinessSlot(earliest + rng.between(1, 3) * DAY);
        if (candidate > now - 30 * MINUTE) {
          status = 'open';
        } else {
          endAt = candidate;
          const scale = (candidate - t0) / planned;
          let t = t0;
          segments = stages.map((l, i) => {
            t += (durations[i] ?? 0) * scale;
            return { level: l, until: t };
          });
        }
      }
      if (status === 'open') {
        const final =
          plannedStatus === 'open'
            ? rng.weighted([
                ['C', 34],
                ['B', 36],
                ['A', 20],
                ['H', 10],
              ] as const)
            : plannedStatus === 'won'
              ? 'A'
              : 'C';
        let t = t0;
        segments = openStages(final, (now - t0) / DAY).map((stage) => {
          t += stage.days * DAY;
          return { level: stage.level, until: t };
        });
      }
      const lastSegment = segments[segments.length - 1];
      if (lastSegment) lastSegment.until = Number.POSITIVE_INFINITY;
      const levelAt = (t: number): Level => (segments.find((s) => t < s.until) ?? lastSegment)?.level ?? 'C';

      // Arrival: the receptionist logs the walk-in or the phone call.
      let receptionEnd = t0;
      if (walkIn) {
        receptionEnd = addVisit(
          t0,
          receiver.id,
          firstVisitDeal ? { closedOnSpot: true, minutes: [60, 150] } : {},
        );
        // The consultant's record of the visit; a buyer on the spot signs at the end of it.
        const recordedAt = firstVisitDeal ? t0 + rng.int(5, 20) * MINUTE : Math.min(receptionEnd, now);
        addFollowUp({
          at: recordedAt,
          userId: receiver.id,
          channel: 'showroom',
          content: say(TEXT.reception),
          result: firstVisitDeal ? '客户当场决定购车' : say(TEXT.receptionResult),
          after: levelAt(t0),
          next:
            owner && !firstVisitDeal
              ? {
                  kind: 'first_contact',
                  ruleKey: 'first_contact',
                  dueAt: firstContactDueAt,
                  createdAt: recordedAt,
                  assigneeId: owner.id,
                  title: `24小时回访 ${who}`,
                }
              : null,
        });
      } else if (channelCode === 'phone_in') {
        const ended = t0 + rng.int(2, 8) * MINUTE;
        const first = !state.phoned;
        state.phoned = true;
        visitsWithContact.phone_in++;
        data.showroomVisits.push({
          dealerId,
          id: rng.uuid(t0),
          kind: 'phone_in',
          customerId,
          leadId,
          arrivedAt: at(t0),
          leftAt: ended <= now ? at(ended) : null,
          partySize: 1,
          firstVisit: first,
          consultantId: owner?.consultantCode ? owner.id : null,
          seriesId: series.id,
          sourceId: leadSourceId,
          leftContact: true,
          closedOnSpot: false,
          callbackDueAt: at(t0 + DAY),
          loggedBy: logger.id,
          note: null,
          ...stamps(Math.min(ended, now)),
        });
      }
      if (owner && !walkIn) {
        const created = assignedAt ?? t0;
        cur.pending = {
          kind: 'first_contact',
          ruleKey: 'first_contact',
          dueAt: firstContactDueAt,
          createdAt: created,
          assigneeId: owner.id,
          title: `首次联系 ${who}`,
        };
      }

      // First contact: the 24-hour call-back.
      if (owner && firstContactedAt !== null && !firstVisitDeal) {
        const first = firstContactedAt;
        const text = walkIn
          ? TEXT.callback
          : channelCode === 'phone_in'
            ? TEXT.callbackPhoneIn
            : platform
              ? TEXT.firstContactPortal
              : TEXT.firstContactOther;
        const grade = levelAt(first);
        addFollowUp({
          at: first,
          userId: owner.id,
          channel: 'phone',
          content: say(text),
          result: say(TEXT.firstResult),
          after: grade,
          next: cadencePending(first, grade, owner.id),
        });
      }

      // Follow-ups at the cadence of the current level, until the lead closes or until now.
      if (owner && firstContactedAt !== null && !firstVisitDeal) {
        const isDcc = owner.roles.includes('dcc_agent');
        for (let guard = 0; guard < 60 && cur.pending; guard++) {
          const due = cur.pending.dueAt;
          if (status !== 'open' && due >= endAt) break;
          if (status === 'open' && due > now) break;
          const occurred = delayed(due);
          if (status !== 'open' && occurred >= endAt) break;
          if (status === 'open' && (occurred > now - 5 * MINUTE || (now - due < 7 * DAY && rng.chance(0.2))))
            break;
          const current: Level = cur.level ?? 'C';
          const after = levelAt(occurred);
          const hot = after === 'A' || after === 'H';
          const toShowroom =
            (hot && rank(after) > rank(current) && rng.chance(0.6)) ||
            (hot && rng.chance(0.06)) ||
            (after === 'B' && rng.chance(0.03));
          if (toShowroom && occurred + 30 * MINUTE < now) {
            addVisit(occurred, receiver.id);
            addFollowUp({
              at: occurred,
              userId: receiver.id,
              channel: 'showroom',
              content: say(TEXT.showroom),
              result: say(TEXT.showroomResult),
              after,
              next: cadencePending(occurred, after, owner.id),
            });
          } else {
            addFollowUp({
              at: occurred,
              userId: owner.id,
              ...routine(after, routineChannel(after, isDcc)),
              after,
              next: cadencePending(occurred, after, owner.id),
            });
          }
        }
      }

      // How the lead ends: an order, a defeat or the nurturing pool.
      const orderConsultant = receiver;
      if (status === 'won') {
        const orderedAt = firstVisitDeal ? receptionEnd - rng.int(5, 15) * MINUTE : endAt;
        if (!firstVisitDeal) addVisit(orderedAt, orderConsultant.id);
        const price = config.price + colour.surcharge;
        const discount = rng.int(2, price > 200_000 ? 18 : 10) * 1_000;
        const deposit = price >= 150_000 ? rng.pick([10_000, 20_000]) : rng.pick([5_000, 10_000]);
        const paymentMethod =
          input.paymentIntent === 'undecided' ? rng.pick(['cash', 'loan'] as const) : input.paymentIntent;
        const plannedDelivery = businessTimeOn(dayStartOf(orderedAt) + rng.int(7, 28) * DAY);
        const delivered = plannedDelivery < now - 2 * HOUR;
        const orderFollowUp = addFollowUp({
          at: orderedAt,
          userId: orderConsultant.id,
          channel: 'showroom',
          content: say(TEXT.order, { deposit: deposit.toLocaleString('en-US') }),
          result: '成交',
          after: 'O',
          next: cadencePending(orderedAt, 'O', orderConsultant.id),
        });
        const order: DemoData['orders'][number] = {
          dealerId,
          id: rng.uuid(orderedAt),
          orderNo: '',
          customerId,
          leadId,
          consultantId: orderConsultant.id,
          configurationId: config.id,
          colourId: colour.id,
          vin: delivered || rng.chance(0.5) ? vin(rng) : null,
          price,
          discount,
          deposit,
          paymentMethod,
          status: delivered ? 'delivered' : 'confirmed',
          orderedAt: at(orderedAt),
          expectedDeliveryOn: localDate(plannedDelivery),
          deliveredAt: delivered ? at(plannedDelivery) : null,
          ...stamps(delivered ? plannedDelivery : orderedAt),
        };
        data.orders.push(order);
        ordersToNumber.push({ order, followUp: orderFollowUp });
        closedAt = orderedAt;
        // Until delivery: the O cadence (every 3 days).
        const until = delivered ? plannedDelivery : now;
        for (let guard = 0; guard < 20 && cur.pending; guard++) {
          const due = cur.pending.dueAt;
          if (due >= until) break;
          const occurred = delayed(due);
          if (occurred >= until - 10 * MINUTE || occurred <= cur.lastAt || occurred > now - 5 * MINUTE) break;
          addFollowUp({
            at: occurred,
            userId: orderConsultant.id,
            ...routine('O', rng.chance(0.6) ? 'phone' : 'wechat'),
            next: cadencePending(occurred, 'O', orderConsultant.id),
          });
        }
        if (delivered) {
          addVisit(plannedDelivery, orderConsultant.id, { minutes: [60, 120] });
          ownerSince = localDate(plannedDelivery);
          deliveredAt = plannedDelivery;
          const care = (from: number): Pending => ({
            kind: 'owner_care',
            // Intensive for 3 months after delivery, then regular, as the rule table names them.
            ruleKey: planOwnerCare({
              deliveredOn: localDate(plannedDelivery),
              after: at(from),
              ...PLANNING,
            }).ruleKey,
            dueAt: dueAfter(from, OWNER_CARE_DAYS),
            createdAt: from,
            assigneeId: orderConsultant.id,
            title: `车主关怀回访 ${who}`,
          });
          addFollowUp({
            at: plannedDelivery,
            userId: orderConsultant.id,
            channel: 'showroom',
            content: say(TEXT.delivery),
            result: say(TEXT.deliveryResult),
            next: care(plannedDelivery),
          });
          for (let guard = 0; guard < 10 && cur.pending; guard++) {
            const due = cur.pending.dueAt;
            if (due > now) break;
            const occurred = delayed(due);
            if (occurred > now - 5 * MINUTE) break;
            addFollowUp({
              at: occurred,
              userId: orderConsultant.id,
              channel: 'phone',
              content: say(TEXT.ownerCare),
              result: say(TEXT.ownerCareResult),
              next: care(occurred),
            });
          }
        }
      } else if (status === 'lost' && owner) {
        lostReason =
          input.lostReason ??
          rng.weighted([
            ['bought_competitor', 35],
            ['price', 20],
            ['financing_refused', 8],
            ['no_longer_buying', 17],
            ['unreachable', 20],
          ] as const);
        if (lostReason === 'bought_competitor') note = `已购竞品：${competitor}`;
        const channel = lostReason === 'unreachable' || rng.chance(0.6) ? 'phone' : 'wechat';
        addFollowUp({
          at: endAt,
          userId: owner.id,
          channel,
          content: channel === 'phone' ? '电话回访，确认购车进展' : '微信跟进客户购车计划',
          result: say(LOST_RESULTS[lostReason]),
          next: null,
        });
        closedAt = endAt;
      } else if (status === 'nurturing' && owner) {
        const nurturer = crm ?? owner;
        nurtureHorizon = horizonFor(null, 'nurturing');
        const nurturePending = (from: number): Pending => ({
          kind: 'nurturing',
          ruleKey: `nurturing.${nurtureHorizon}`,
          dueAt: dueAfter(from, NURTURE_DAYS),
          createdAt: from,
          assigneeId: nurturer.id,
          title: `培育回访 ${who}`,
        });
        addFollowUp({
          at: endAt,
          userId: owner.id,
          channel: 'phone',
          content: say(TEXT.toNurture),
          result: say(TEXT.toNurtureResult),
          after: 'C',
          next: nurturePending(endAt),
        });
        ownerId = nurturer.id;
        assignedAt = endAt;
        for (let guard = 0; guard < 5 && cur.pending; guard++) {
          const due = cur.pending.dueAt;
          if (due > now) break;
          const occurred = delayed(due);
          if (occurred > now - 5 * MINUTE) break;
          addFollowUp({
            at: occurred,
            userId: nurturer.id,
            ...routine(
              'nurture',
              rng.weighted<FollowUpChannel>([
                ['wechat', 5],
                ['sms', 3],
                ['phone', 2],
              ]),
            ),
            next: nurturePending(occurred),
          });
        }
      }

      const level = cur.level;
      const horizon = status === 'nurturing' ? nurtureHorizon : horizonFor(level, status);
      // The open rule task: what the planner plans for the lead as it ends up (an open task the story
      // left, e.g. a nurturing milestone, stays when the planner keeps it).
      const simulated = cur.pending;
      const simulatedId = simulated ? rng.uuid(simulated.createdAt) : null;
      const current = simulated
        ? { kind: simulated.kind, ruleKey: simulated.ruleKey, dueAt: at(simulated.dueAt) }
        : null;
      const planned = desiredLeadTask({
        lead: {
          status,
          ownerId,
          level,
          createdAt: at(t0),
          firstContactDueAt: at(firstContactDueAt),
          firstContactedAt: nullableAt(firstContactedAt),
          lastFollowUpAt: (cur.lastFollowUp?.occurredAt as Date | undefined) ?? null,
          deliveredAt: nullableAt(deliveredAt),
        },
        current,
        ...PLANNING,
      });
      if (planned) {
        const createdAt = simulated?.createdAt ?? Math.max(cur.lastAt, assignedAt ?? t0);
        const kept =
          simulated && current && sameTask({ ...current, assigneeId: simulated.assigneeId }, planned);
        data.tasks.push({
          dealerId,
          id: simulatedId ?? rng.uuid(createdAt),
          leadId,
          customerId,
          assigneeId: planned.assigneeId,
          kind: planned.kind,
          dueAt: planned.dueAt,
          status: 'open',
          doneAt: null,
          followUpId: null,
          ruleKey: planned.ruleKey,
          title: kept ? simulated.title : (planned.holiday?.nameZh ?? null),
          ...stamps(createdAt),
        });
      }
      // The last result logged names the next contact, as logging one does.
      if (cur.lastFollowUp) cur.lastFollowUp.nextContactAt = planned?.dueAt ?? null;

      const chosen = level !== null && rank(level) >= rank('A');
      data.leads.push({
        dealerId,
        id: leadId,
        customerId,
        seriesId: series.id,
        modelId: chosen || (level === 'B' && rng.chance(0.4)) ? model.id : null,
        colourId: chosen ? colour.id : null,
        sourceId: leadSourceId,
        campaignCode:
          channelCode === 'event'
            ? `CMP-${localDate(t0).slice(2, 4)}${localDate(t0).slice(5, 7)}-${sourceCode.toUpperCase().replaceAll('_', '-')}`
            : null,
        channel: leadChannelOf(sourceCode, channelCode),
        level,
        horizon,
        status,
        ownerId,
        assignedAt: nullableAt(assignedAt),
        firstContactDueAt: at(firstContactDueAt),
        firstContactedAt: nullableAt(firstContactedAt),
        closedAt: nullableAt(closedAt),
        lostReason,
        note,
        externalId: platform ? `${platform.prefix}${String(rng.int(10_000_000, 99_999_999))}` : null,
        rawPayload: platform
          ? {
              platform: sourceCode,
              inquiry: rng.pick(['询底价', '预约试驾', '咨询优惠']),
              series: series.def.name,
              city: '上海',
            }
          : null,
        createdAt: at(t0),
        updatedAt: at(Math.max(cur.lastAt, assignedAt ?? t0, closedAt ?? t0)),
      });
      const lastAt = Math.max(cur.lastAt, assignedAt ?? t0);
      return {
        level,
        ownerId,
        nextContactAt: planned?.dueAt.getTime() ?? null,
        lastAt,
        ownerSince,
        closedAt,
      };
    };

    /** A repeat inquiry comes some days after the first lead ended, in opening hours, before now. */
    const repeatInquiryAt = (firstEnded: number): number => {
      let wanted = firstEnded + rng.between(5, 20) * DAY;
      if (wanted > now - DAY) wanted = firstEnded + (now - firstEnded) * rng.between(0.3, 0.7);
      const slot = nextBusinessSlot(wanted);
      if (slot < now - 10 * MINUTE) return slot;
      const yesterday = businessTimeOn(dayStartOf(now) - DAY);
      if (yesterday > firstEnded) return yesterday;
      const soon = nextBusinessSlot(firstEnded + 30 * MINUTE);
      return soon < now - 10 * MINUTE ? soon : wanted;
    };

    // Customers, in the order they first came in (card serials follow that order).
    const plans = Array.from({ length: store.customers }, () => {
      const repeat = rng.chance(0.1);
      const daysBack = rng.weighted(repeat ? olderDaysWeights : daysWeights);
      return { repeat, createdAt: pastBusinessTime(daysBack), sourceCode: rng.weighted(SOURCE_WEIGHTS) };
    }).sort((a, b) => a.createdAt - b.createdAt);

    for (const plan of plans) {
      const customerId = rng.uuid(plan.createdAt);
      const isCompany = plan.sourceCode.startsWith('fleet_');
      const gender = isCompany ? null : rng.chance(0.58) ? 'male' : 'female';
      let name = '';
      let who = '';
      let company: string | null = null;
      if (isCompany) {
        company = `上海${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`;
        for (let i = 0; i < 20 && (name === '' || names.has(name)); i++) {
          company = `上海${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`;
          name = company;
        }
        who = name;
      } else {
        let surname = '';
        for (let i = 0; i < 20 && (name === '' || names.has(name)); i++) {
          surname = rng.weighted(SURNAMES);
          name = surname + rng.pick(gender === 'male' ? MALE_NAMES : FEMALE_NAMES);
        }
        who = `${surname}${gender === 'male' ? '先生' : '女士'}`;
      }
      names.add(name);
      const digits = newPhone();
      const series = rng.weighted(catalog.map((s) => [s, s.def.interest] as const));
      const prices = series.models.flatMap((m) => m.configs.map((c) => c.price));
      const cheapest = Math.min(...prices);
      const dearest = Math.max(...prices);
      const paymentIntent = rng.weighted([
        ['cash', 40],
        ['loan', 35],
        ['undecided', 25],
      ] as const);
      const district = rng.weighted(DISTRICT_WEIGHTS[store.homeDistrict] ?? [[store.homeDistrict, 1]]);
      const roads = ROADS[district] ?? ['人民路'];
      const channelCode = defaultChannelOf(plan.sourceCode)?.code ?? 'other';
      const firstOwner = plan.repeat
        ? (chooseOwner(channelCode, plan.createdAt) ?? rng.pick(consultants))
        : chooseOwner(channelCode, plan.createdAt);
      const code = firstOwner?.consultantCode ?? 'Z99';
      const cardKey = `${code}-${localDate(plan.createdAt).slice(2, 4)}`;
      const serial = (cardCounters.get(cardKey) ?? 0) + 1;
      cardCounters.set(cardKey, serial);
      const state: CustomerState = { visited: false, phoned: false };

      let outcome: LeadOutcome;
      if (plan.repeat) {
        const first = generateLead({
          customerId,
          who,
          createdAt: plan.createdAt,
          sourceCode: plan.sourceCode,
          owner: firstOwner,
          series,
          paymentIntent,
          state,
          forcedStatus: 'lost',
          lostReason: rng.pick(['no_longer_buying', 'unreachable', 'price'] as const),
        });
        const again = repeatInquiryAt(first.lastAt);
        const againSource = rng.weighted(REPEAT_SOURCE_WEIGHTS);
        const againChannel = defaultChannelOf(againSource)?.code ?? 'other';
        outcome = generateLead({
          customerId,
          who,
          createdAt: again,
          sourceCode: againSource,
          owner: firstOwner?.consultantCode ? firstOwner : chooseOwner(againChannel, again),
          series: rng.chance(0.7) ? series : rng.pick(catalog),
          paymentIntent,
          state,
          note: '客户再次咨询',
        });
      } else {
        outcome = generateLead({
          customerId,
          who,
          createdAt: plan.createdAt,
          sourceCode: plan.sourceCode,
          owner: firstOwner,
          series,
          paymentIntent,
          state,
        });
      }

      const ownBrand = channelCode === 'owned_base';
      const otherDigits = rng.chance(0.05) ? newPhone() : null;
      const budgeted = rng.chance(0.85);
      data.customers.push({
        dealerId,
        id: customerId,
        cardNo: `${code}-${localDate(plan.createdAt).slice(2, 4)}-${String(serial).padStart(4, '0')}`,
        kind: isCompany ? 'company' : 'person',
        name,
        gender,
        phoneE164: `+86${digits}`,
        phoneRaw: rawSpelling(digits),
        otherPhones: otherDigits
          ? [{ e164: `+86${otherDigits}`, raw: otherDigits, label: rng.pick(['家人', '工作', '备用']) }]
          : [],
        region: district,
        address: rng.chance(0.6)
          ? `${rng.pick(roads)}${rng.int(1, 2999)}弄${rng.int(1, 40)}号${rng.int(1, 30)}0${rng.int(1, 4)}室`
          : null,
        occupation: isCompany ? null : rng.weighted(OCCUPATIONS),
        company: isCompany
          ? company
          : rng.chance(0.3)
            ? `上海${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`
            : null,
        currentCar: ownBrand
          ? `${rng.pick(OWN_BRAND_CARS)}（${rng.int(2014, 2021)}年）`
          : rng.chance(0.55)
            ? `${rng.pick(CURRENT_CARS)}（${rng.int(2010, 2022)}年）`
            : null,
        budgetMin: budgeted ? Math.floor(cheapest / 10_000 - rng.int(0, 2)) * 10_000 : null,
        budgetMax: budgeted ? Math.ceil(dearest / 10_000 + rng.int(0, 3)) * 10_000 : null,
        paymentIntent,
        sourceId: sourceId(plan.sourceCode),
        ownerId: outcome.ownerId,
        level: outcome.level,
        nextContactAt: nullableAt(outcome.nextContactAt),
        fleet: isCompany,
        ownerSince: outcome.ownerSince,
        createdAt: at(plan.createdAt),
        updatedAt: at(outcome.lastAt),
      });
    }

    // Visitors and callers who left no contact details (about one visit in ten).
    const walkInSource = sourceId('walk_in_natural');
    const phoneSource = sourceId('phone_in_showroom');
    const anonymous = [
      { kind: 'visit' as const, count: Math.round((visitsWithContact.visit * 0.11) / 0.89) },
      { kind: 'phone_in' as const, count: Math.round((visitsWithContact.phone_in * 0.1) / 0.9) },
    ];
    for (const { kind, count } of anonymous) {
      for (let i = 0; i < count; i++) {
        const arrival = pastBusinessTime(rng.weighted(daysWeights));
        const left = arrival + (kind === 'visit' ? visitLength(arrival, 10, 60) : rng.int(1, 5) * MINUTE);
        data.showroomVisits.push({
          dealerId,
          id: rng.uuid(arrival),
          kind,
          customerId: null,
          leadId: null,
          arrivedAt: at(arrival),
          leftAt: left <= now ? at(left) : null,
          partySize: kind === 'visit' ? partySize() : 1,
          firstVisit: true,
          consultantId: kind === 'visit' ? rng.pick(consultants).id : null,
          seriesId: rng.chance(0.7)
            ? rng.weighted(catalog.map((s) => [s.id, s.def.interest] as const))
            : null,
          sourceId: kind === 'visit' ? walkInSource : phoneSource,
          leftContact: false,
          closedOnSpot: false,
          callbackDueAt: null,
          loggedBy: logger.id,
          note:
            kind === 'visit'
              ? rng.pick(['未留资料，只看车', '顺路看看，不愿留电话', '陪朋友来看车'])
              : '询价后挂断，未留电话',
          ...stamps(Math.min(left, now)),
        });
      }
    }

    // Order numbers by month of order, in order: SO-SHPD-2611-0001.
    const monthCounters = new Map<string, number>();
    ordersToNumber.sort(
      (a, b) => (a.order.orderedAt as Date).getTime() - (b.order.orderedAt as Date).getTime(),
    );
    for (const { order, followUp } of ordersToNumber) {
      const date = localDate((order.orderedAt as Date).getTime());
      const month = `${date.slice(2, 4)}${date.slice(5, 7)}`;
      const serial = (monthCounters.get(month) ?? 0) + 1;
      monthCounters.set(month, serial);
      order.orderNo = `SO-${store.code.replaceAll('-', '')}-${month}-${String(serial).padStart(4, '0')}`;
      followUp.result = `成交，订单号 ${order.orderNo}`;
    }
  };

  generateStore(0);
  generateStore(1);
  return data;
};

/** ISO 3779 transliteration of letters for the check digit (I, O and Q are never used). */
const VIN_VALUES = new Map(
  ['ABCDEFGH', 'JKLMN', 'P', 'R', 'STUVWXYZ'].flatMap((run, i) =>
    [...run].map((char, j) => [char, [1, 1, 7, 9, 2][i]! + j] as const),
  ),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A well-formed VIN of a BYD (WMI LGX) of model year 2026 (T), with its check digit. */
const vin = (rng: Random): string => {
  const descriptor = Array.from({ length: 5 }, () => rng.pick([...VIN_CHARS])).join('');
  const serial = String(rng.int(0, 999_999)).padStart(6, '0');
  const draft = `LGX${descriptor}0T${rng.pick(['A', 'C', 'S', 'X'])}${serial}`;
  const sum = [...draft].reduce((total, char, i) => {
    const value = /\d/.test(char) ? Number(char) : (VIN_VALUES.get(char) ?? 0);
    return total + value * (VIN_WEIGHTS[i] ?? 0);
  }, 0);
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return `${draft.slice(0, 8)}${check}${draft.slice(9)}`;
};
