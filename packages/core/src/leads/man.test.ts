import { describe, expect, it } from 'vitest';
import { manAction } from './man';

describe('MAN combinations (seed 001)', () => {
  it.each([
    [true, true, true, 'MAN', '优质客户，直接促成'],
    [true, true, false, 'MAn', '暂无需求，持续关注'],
    [true, false, true, 'MaN', '多接触，形式多样化，改善其原有印象或提高品牌信心'],
    [true, false, false, 'Man', '开发潜在需求，促使其决策'],
    [false, true, true, 'mAN', '保持联络，属于隐形客户，随时可能上升为潜在客户'],
    [false, true, false, 'mAn', '只有好感而不行动，分析原因'],
    [false, false, true, 'maN', '让其中一个因素（金钱、信心）产生'],
    [false, false, false, 'man', '非潜在客户，放弃'],
  ])('money %s, authority %s, need %s is %s: %s', (money, authority, need, code, zh) => {
    const action = manAction({ money, authority, need });
    expect(action.code).toBe(code);
    expect(action.zh).toBe(zh);
    expect(action.prospect).toBe(code !== 'man');
  });
});
