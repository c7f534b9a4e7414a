/**
 * The default lead-source tree (线索来源) of a new store, DOMAIN §2 (seeds 001 and 004):
 * channel -> source -> sub-source. Each store gets its own copy and may rename, add or deactivate
 * entries; the `code` is stable and is what intake adapters, imports and reports refer to.
 */
export type SourceTier = 'channel' | 'source' | 'sub_source';

export type SourceNode = {
  /** Stable lower_snake identifier, unique within the tree. */
  code: string;
  nameZh: string;
  nameEn: string;
  tier: SourceTier;
  /** The code of the node one tier up; null for a channel. */
  parentCode: string | null;
  /** Position among its siblings (10, 20, 30... leaves room to insert). */
  sort: number;
};

type Def = { code: string; zh: string; en: string; children?: readonly Def[] };

const leaf = (code: string, zh: string, en: string): Def => ({ code, zh, en });
const node = (code: string, zh: string, en: string, children: readonly Def[]): Def => ({
  code,
  zh,
  en,
  children,
});

const TREE: readonly Def[] = [
  node('walk_in', '展厅来店', 'Walk-in', [
    leaf('walk_in_natural', '自然到店', 'Walked in'),
    leaf('walk_in_passing', '路过进店', 'Passing by'),
    leaf('walk_in_advert', '看广告到店', 'Came after an advert'),
  ]),
  node('phone_in', '来电', 'Phone-in', [
    leaf('phone_in_showroom', '展厅来电', 'Showroom line'),
    leaf('phone_in_advert', '广告来电', 'Call after an advert'),
  ]),
  node('hotline_400', '400热线', '400 hotline', [
    leaf('hotline_400_brand', '厂家400热线', 'Brand 400 line'),
    leaf('hotline_400_dealer', '本店400热线', 'Store 400 line'),
  ]),
  node('online', '网络', 'Online', [
    node('online_portal', '汽车网站', 'Auto portals', [
      leaf('autohome', '汽车之家', 'Autohome'),
      leaf('dongchedi', '懂车帝', 'Dongchedi'),
      leaf('yiche', '易车', 'Yiche'),
      leaf('pcauto', '太平洋汽车', 'PCauto'),
    ]),
    node('online_social', '新媒体', 'Social media', [
      leaf('douyin', '抖音', 'Douyin'),
      leaf('wechat_official', '微信公众号', 'WeChat official account'),
      leaf('xiaohongshu', '小红书', 'Xiaohongshu'),
    ]),
    leaf('brand_website', '品牌官网', 'Brand website'),
    node('online_order', '网上订单', 'Online orders', [
      leaf('brand_app_order', '品牌App订单', 'Brand app order'),
      leaf('ecommerce_order', '电商平台订单', 'E-commerce platform order'),
    ]),
  ]),
  node('event', '活动', 'Events', [
    node('exhibition', '车展/展示会', 'Exhibitions', [
      leaf('auto_show', '车展', 'Auto show'),
      leaf('mall_display', '商圈展示会', 'Mall display'),
    ]),
    node('offline_event', '线下活动', 'Offline events', [
      leaf('test_drive_event', '试驾会', 'Test-drive event'),
      leaf('community_event', '社区活动', 'Community event'),
    ]),
    node('in_store_event', '店内活动', 'In-store events', [
      leaf('promotion_day', '促销日', 'Promotion day'),
      leaf('owner_club_event', '车主俱乐部活动', 'Owner club event'),
    ]),
  ]),
  node('prospecting', '开拓', 'Outbound prospecting', [
    leaf('prospecting_mall', '商场', 'Malls'),
    leaf('prospecting_school', '学校', 'Schools'),
    leaf('prospecting_enterprise', '企业', 'Enterprises'),
    leaf('prospecting_residential', '社区/小区', 'Residential areas'),
    leaf('prospecting_government', '政府机关', 'Government offices'),
  ]),
  node('personal_network', '人脉', 'Personal network', [
    leaf('network_friends_family', '亲友', 'Friends and family'),
    leaf('network_social', '社交圈', 'Social circle'),
  ]),
  node('referral', '客户推介', 'Referral', [
    leaf('referral_owner', '老车主推荐', 'Owner referral'),
    leaf('referral_friend', '朋友推荐', 'Friend referral'),
    leaf('referral_broker', '中介推荐', 'Broker referral'),
  ]),
  node('owned_base', '基盘', 'Owned-customer base', [
    leaf('add_on', '增购', 'Add-on purchase'),
    leaf('replacement', '换购', 'Replacement'),
    leaf('trade_in', '置换', 'Trade-in'),
    leaf('vip', 'VIP客户', 'VIP customer'),
    leaf('repurchase', '续购', 'Repurchase'),
  ]),
  node('employee_purchase', '员工购车', 'Employee purchase', [
    leaf('employee_store', '本店员工', 'Store staff'),
    leaf('employee_group', '集团/厂家员工', 'Group and brand staff'),
  ]),
  node('fleet', '集团客户', 'Fleet and group accounts', [
    leaf('fleet_enterprise', '企业客户', 'Enterprise fleet'),
    leaf('fleet_public_sector', '政企采购', 'Public sector'),
    leaf('fleet_ride_hailing', '网约车/租赁公司', 'Ride-hailing and rental'),
  ]),
  node('info_station', '二级网点/信息站', 'Regional info stations', [
    leaf('secondary_dealer', '二级网点', 'Secondary outlet'),
    leaf('info_station_agent', '信息站', 'Info station'),
  ]),
  node('other', '其他', 'Other', [
    leaf('bulk_import', '批量导入', 'Bulk import'),
    leaf('other_unknown', '其他来源', 'Other source'),
  ]),
];

const TIERS: readonly SourceTier[] = ['channel', 'source', 'sub_source'];

const flatten = (defs: readonly Def[], parentCode: string | null, depth: number): SourceNode[] =>
  defs.flatMap((def, index) => {
    const tier = TIERS[depth];
    if (!tier) throw new Error(`source tree too deep at ${def.code}`);
    const own: SourceNode = {
      code: def.code,
      nameZh: def.zh,
      nameEn: def.en,
      tier,
      parentCode,
      sort: (index + 1) * 10,
    };
    return [own, ...flatten(def.children ?? [], def.code, depth + 1)];
  });

/** The tree in order: every node comes after its parent. */
export const DEFAULT_SOURCES: readonly SourceNode[] = flatten(TREE, null, 0);

const BY_CODE = new Map(DEFAULT_SOURCES.map((source) => [source.code, source]));

export const defaultSourceByCode = (code: string): SourceNode | undefined => BY_CODE.get(code);

/** The channel a default source belongs to (the channel itself for a channel); undefined for an unknown code. */
export const defaultChannelOf = (code: string): SourceNode | undefined => {
  let current = BY_CODE.get(code);
  while (current?.parentCode) current = BY_CODE.get(current.parentCode);
  return current;
};
