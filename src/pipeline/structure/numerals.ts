/** Chinese numerals as printed in headings (一 … 九十九) ↔ numbers. */
const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to 99, or NaN. */
export function zhNumeralValue(text: string): number {
  if (!/^[〇零一二两三四五六七八九十]{1,3}$/.test(text)) return NaN;
  if (!text.includes('十')) return text.length === 1 ? DIGITS[text] : NaN;
  const [tens, ones] = text.split('十');
  const t = tens === '' ? 1 : DIGITS[tens];
  const o = ones === '' ? 0 : DIGITS[ones];
  return t === undefined || o === undefined ? NaN : t * 10 + o;
}

const NAMES = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numeral for 1 … 99. */
export function zhNumeral(value: number): string {
  if (value < 10) return NAMES[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : NAMES[tens]}十${ones === 0 ? '' : NAMES[ones]}`;
}
