/**
 * Lead grading (意向级别), seed 001. One table: what each level means, the checklist a consultant ticks
 * when grading, and the default contact cadence (the dealer's own rule table may change the cadence).
 */
export const LEVELS = ['O', 'H', 'A', 'B', 'C'] as const;
export type Level = (typeof LEVELS)[number];

export const isLevel = (value: string): value is Level => (LEVELS as readonly string[]).includes(value);

export type LevelDefinition = {
  level: Level;
  meaning: { zh: string; en: string };
  /** Any one of these puts a lead at this level. */
  criteria: readonly { key: string; zh: string; en: string }[];
  /** Seed 001's contact cadence in days; C is "holiday care" (null: by the holiday calendar). */
  cadenceDays: number | null;
};

export const LEVEL_TABLE: readonly LevelDefinition[] = [
  {
    level: 'O',
    meaning: { zh: '订单：已收订金', en: 'Order: deposit received' },
    criteria: [{ key: 'deposit_received', zh: '已收一定订金', en: 'Deposit received' }],
    cadenceDays: 3,
  },
  {
    level: 'H',
    meaning: { zh: '7日内成交', en: 'Closes within 7 days' },
    criteria: [
      { key: 'model_colour_chosen', zh: '车型车色已选定', en: 'Model and colour chosen' },
      {
        key: 'payment_and_delivery_given',
        zh: '已提供付款方式及交车日期',
        en: 'Payment method and delivery date given',
      },
      { key: 'financing_in_progress', zh: '分期手续进行中', en: 'Financing in progress' },
      { key: 'trade_in_in_progress', zh: '二手车进行处理中', en: 'Trade-in being handled' },
    ],
    cadenceDays: 2,
  },
  {
    level: 'A',
    meaning: { zh: '1个月内成交', en: 'Closes within 1 month' },
    criteria: [
      { key: 'terms_negotiated', zh: '已谈判购车条件', en: 'Purchase terms negotiated' },
      { key: 'purchase_date_fixed', zh: '购车时间已确定', en: 'Purchase date fixed' },
      { key: 'next_meeting_booked', zh: '选定了下次商谈日期', en: 'Next meeting booked' },
      { key: 'came_back_to_see', zh: '再度来看展示车', en: 'Came back to see the car' },
      { key: 'asked_trade_in_help', zh: '要求协助处理旧车', en: 'Asked for help with a trade-in' },
    ],
    cadenceDays: 1,
  },
  {
    level: 'B',
    meaning: { zh: '1-3个月内成交', en: 'Closes in 1-3 months' },
    criteria: [
      { key: 'stated_intent', zh: '商谈中表露出有购车意愿', en: 'Stated an intent to buy' },
      { key: 'choosing_model', zh: '正在决定拟购车种', en: 'Choosing a model' },
      { key: 'hesitating', zh: '对选择车种犹豫不决', en: 'Hesitating between models' },
      { key: 'able_to_buy', zh: '经判定有购车条件者', en: 'Judged able to buy' },
    ],
    cadenceDays: 7,
  },
  {
    level: 'C',
    meaning: { zh: '购车时间不明确', en: 'No clear purchase date' },
    criteria: [
      { key: 'vague_intent', zh: '购车意向不明确', en: 'Vague intent' },
      { key: 'may_be_lost', zh: '有可能失单（对竞品兴趣更浓）', en: 'May be lost (keener on a competitor)' },
    ],
    cadenceDays: null,
  },
];

export const levelDefinition = (level: Level): LevelDefinition => {
  const found = LEVEL_TABLE.find((d) => d.level === level);
  if (!found) throw new Error(`unknown level ${level}`);
  return found;
};

/** The level the ticked checklist points to: the hottest level with any criterion ticked. */
export const levelFromCriteria = (ticked: readonly string[]): Level | undefined =>
  LEVEL_TABLE.find((d) => d.criteria.some((c) => ticked.includes(c.key)))?.level;

/** Order of heat, for "went up" / "went down" in level-change reports. */
export const levelRank = (level: Level): number => LEVELS.length - LEVELS.indexOf(level);

/**
 * Why a lead cannot be graded now, or undefined when it can: a closed lead (won or lost) keeps the
 * level it closed with; an open lead and one in the nurturing pool are graded.
 */
export const gradingProblem = (status: 'open' | 'won' | 'lost' | 'nurturing'): string | undefined =>
  status === 'won' || status === 'lost'
    ? `This lead is closed as ${status}: a closed lead is not graded.`
    : undefined;
