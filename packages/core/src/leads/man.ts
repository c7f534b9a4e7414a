/**
 * MAN qualification (seed 001): Money (购买力), Authority (决定权 / confidence), Need (需求). Capital
 * letter = has it. Each of the eight combinations has the action the seed recommends.
 */
export type Man = { money: boolean; authority: boolean; need: boolean };

export type ManAction = {
  code: 'MAN' | 'MAn' | 'MaN' | 'Man' | 'mAN' | 'mAn' | 'maN' | 'man';
  prospect: boolean;
  zh: string;
  en: string;
};

const ACTIONS: Record<ManAction['code'], Omit<ManAction, 'code'>> = {
  MAN: { prospect: true, zh: '优质客户，直接促成', en: 'Ideal prospect: close now' },
  MAn: { prospect: true, zh: '暂无需求，持续关注', en: 'No need yet: keep watching' },
  MaN: {
    prospect: true,
    zh: '多接触，形式多样化，改善其原有印象或提高品牌信心',
    en: 'Contact more, in varied ways; improve their impression and confidence in the brand',
  },
  Man: {
    prospect: true,
    zh: '开发潜在需求，促使其决策',
    en: 'Develop the latent need and push for a decision',
  },
  mAN: {
    prospect: true,
    zh: '保持联络，属于隐形客户，随时可能上升为潜在客户',
    en: 'Keep in touch: a hidden customer who may turn into a prospect',
  },
  mAn: { prospect: true, zh: '只有好感而不行动，分析原因', en: 'Likes us but does not act: find out why' },
  maN: {
    prospect: true,
    zh: '让其中一个因素（金钱、信心）产生',
    en: 'Help one factor (money or confidence) appear',
  },
  man: { prospect: false, zh: '非潜在客户，放弃', en: 'Not a prospect: drop' },
};

export const manCode = ({ money, authority, need }: Man): ManAction['code'] =>
  `${money ? 'M' : 'm'}${authority ? 'A' : 'a'}${need ? 'N' : 'n'}` as ManAction['code'];

export const manAction = (man: Man): ManAction => {
  const code = manCode(man);
  return { code, ...ACTIONS[code] };
};
