/**
 * Invented place names (two or three syllables, written and in pinyin for slugs), unique
 * within one synthesized set. Syllables avoid numerals (一 二 三 …) so an invented name can
 * never look like a heading number to the structure stage.
 */
import { pick, type Random } from './random.ts';

const SYLLABLES: readonly (readonly [string, string])[] = [
  ['安', 'an'], ['宁', 'ning'], ['平', 'ping'], ['和', 'he'], ['清', 'qing'], ['河', 'he'], ['山', 'shan'], ['阳', 'yang'],
  ['江', 'jiang'], ['泉', 'quan'], ['林', 'lin'], ['丰', 'feng'], ['源', 'yuan'], ['城', 'cheng'], ['台', 'tai'], ['石', 'shi'],
  ['兴', 'xing'], ['永', 'yong'], ['泰', 'tai'], ['华', 'hua'], ['新', 'xin'], ['长', 'chang'], ['金', 'jin'], ['云', 'yun'],
  ['桥', 'qiao'], ['德', 'de'], ['庆', 'qing'], ['乐', 'le'], ['明', 'ming'], ['溪', 'xi'], ['松', 'song'], ['岭', 'ling'],
  ['盛', 'sheng'], ['昌', 'chang'], ['富', 'fu'], ['寿', 'shou'], ['鹤', 'he'], ['枫', 'feng'], ['柳', 'liu'], ['梅', 'mei'],
  ['川', 'chuan'], ['原', 'yuan'], ['浦', 'pu'], ['湖', 'hu'], ['峰', 'feng'], ['坪', 'ping'], ['沙', 'sha'], ['桑', 'sang'],
  ['宜', 'yi'], ['景', 'jing'], ['嘉', 'jia'], ['瑞', 'rui'], ['通', 'tong'], ['定', 'ding'], ['靖', 'jing'], ['绥', 'sui'],
  ['汉', 'han'], ['滨', 'bin'], ['洛', 'luo'], ['临', 'lin'], ['望', 'wang'], ['晋', 'jin'], ['丹', 'dan'], ['凤', 'feng'],
];

export interface InventedName {
  /** The name without its suffix, e.g. 宁川 (as plans print it in 宁川县 and 全宁川). */
  stem: string;
  /** Pinyin of the stem, e.g. ningchuan. */
  pinyin: string;
}

/** Invents names, never the same stem twice and never one of `reserved` (the seeds' own names). */
export function nameInventor(random: Random, reserved: Iterable<string> = []) {
  const used = new Set<string>(reserved);
  return (): InventedName => {
    for (let attempt = 0; ; attempt++) {
      // Two syllables give ~4,000 names; after repeated collisions use three.
      const length = attempt < 20 ? 2 : 3;
      const parts = Array.from({ length }, () => pick(random, SYLLABLES));
      const stem = parts.map(([hanzi]) => hanzi).join('');
      if (new Set(stem).size < stem.length || used.has(stem)) continue;
      used.add(stem);
      return { stem, pinyin: parts.map(([, py]) => py).join('') };
    }
  };
}
