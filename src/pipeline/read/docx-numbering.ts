/**
 * Word's automatic list numbers: a paragraph that Word numbers (一、 （一） 1.) through a list
 * style has no number in its text; word/numbering.xml says how to print it. Plans typed in
 * Word often number their chapters and sections this way, and the structure stage needs the
 * numbers, so the .docx reader prints them as Word would.
 * Counters follow Word: lists (w:num) that share an abstract list continue each other's
 * numbers; a list with a start override restarts at its first paragraph; a paragraph at one
 * level restarts the deeper levels.
 */

/** The XML nodes we read (htmlparser2's DOM in XML mode, tags lower-cased, attributes as written). */
export interface XmlNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

export const isTag = (node: XmlNode, name: string) => node.type === 'tag' && node.name === name;
export const childTag = (node: XmlNode | undefined, name: string) => node?.children?.find((c) => isTag(c, name));
const val = (node: XmlNode | undefined) => node?.attribs?.['w:val'];

interface Level {
  start: number;
  /** w:isLgl: every level's number printed in decimal (1.1 under 第一章). */
  legal: boolean;
  format: string;
  text: string;
  suffix: string;
}

interface ListInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, Level>>;
  lists: Map<string, ListInstance>;
  /** Paragraph style id → its list (numId, level), following basedOn. */
  styles: Map<string, { numId: string; level: number }>;
}

const ZH_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return `十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${ZH_DIGITS[Math.floor(n / 10)]}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? `零${ZH_DIGITS[rest]}` : rest < 20 ? `一${chineseCounting(rest)}` : chineseCounting(rest);
    return `${ZH_DIGITS[Math.floor(n / 100)]}百${tail}`;
  }
  return String(n);
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
const roman = (n: number) => ROMAN.reduce((out, [v, s]) => { while (n >= v) { out += s; n -= v; } return out; }, '');
const letters = (n: number) => String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter value printed in one of Word's number formats (w:numFmt). */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10];
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12];
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export function parseNumbering(numbering: XmlNode | null, styles: XmlNode | null): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstracts: new Map(), lists: new Map(), styles: new Map() };
  const walk = (node: XmlNode | null, visit: (n: XmlNode) => void) => {
    if (!node) return;
    visit(node);
    for (const child of node.children ?? []) walk(child, visit);
  };
  walk(numbering, (node) => {
    if (isTag(node, 'w:abstractnum')) {
      const levels = new Map<number, Level>();
      for (const lvl of node.children ?? []) {
        if (!isTag(lvl, 'w:lvl')) continue;
        levels.set(Number(lvl.attribs?.['w:ilvl'] ?? 0), {
          start: Number(val(childTag(lvl, 'w:start')) ?? 1),
          legal: childTag(lvl, 'w:islgl') !== undefined && val(childTag(lvl, 'w:islgl')) !== '0' && val(childTag(lvl, 'w:islgl')) !== 'false',
          format: val(childTag(lvl, 'w:numfmt')) ?? 'decimal',
          text: val(childTag(lvl, 'w:lvltext')) ?? '',
          suffix: val(childTag(lvl, 'w:suff')) ?? 'tab',
        });
      }
      defs.abstracts.set(node.attribs?.['w:abstractNumId'] ?? '', levels);
    } else if (isTag(node, 'w:num')) {
      const startOverrides = new Map<number, number>();
      for (const o of node.children ?? []) {
        const start = val(childTag(o, 'w:startoverride'));
        if (isTag(o, 'w:lvloverride') && start !== undefined) startOverrides.set(Number(o.attribs?.['w:ilvl'] ?? 0), Number(start));
      }
      defs.lists.set(node.attribs?.['w:numId'] ?? '', { abstractId: val(childTag(node, 'w:abstractnumid')) ?? '', startOverrides });
    }
  });
  const styleNodes = new Map<string, XmlNode>();
  walk(styles, (node) => {
    if (isTag(node, 'w:style') && node.attribs?.['w:type'] === 'paragraph') styleNodes.set(node.attribs?.['w:styleId'] ?? '', node);
  });
  for (const id of styleNodes.keys()) {
    let style = styleNodes.get(id);
    for (let depth = 0; style && depth < 10; depth++) {
      const numPr = childTag(childTag(style, 'w:ppr'), 'w:numpr');
      const numId = val(childTag(numPr, 'w:numid'));
      if (numId !== undefined) {
        defs.styles.set(id, { numId, level: Number(val(childTag(numPr, 'w:ilvl')) ?? 0) });
        break;
      }
      style = styleNodes.get(val(childTag(style, 'w:basedon')) ?? '');
    }
  }
  return defs;
}

/** Numbers paragraphs in document order. */
export class ListNumberer {
  private readonly counters = new Map<string, number[]>();
  private readonly restarted = new Set<string>();
  constructor(private readonly defs: NumberingDefinitions) {}

  /** The printed number (with its separator) of a paragraph (w:p), or '' when Word prints none. */
  numberOf(paragraph: XmlNode): string {
    const pPr = childTag(paragraph, 'w:ppr');
    const numPr = childTag(pPr, 'w:numpr');
    const fromStyle = this.defs.styles.get(val(childTag(pPr, 'w:pstyle')) ?? '');
    const numId = val(childTag(numPr, 'w:numid')) ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return '';
    const level = Number(val(childTag(numPr, 'w:ilvl')) ?? fromStyle?.level ?? 0);
    const list = this.defs.lists.get(numId);
    const levels = list && this.defs.abstracts.get(list.abstractId);
    const def = levels?.get(level);
    if (!list || !levels || !def) return '';
    const counters = this.counters.get(list.abstractId) ?? [];
    this.counters.set(list.abstractId, counters);
    const override = list.startOverrides.get(level);
    const key = `${numId}/${level}`;
    if (override !== undefined && !this.restarted.has(key)) {
      this.restarted.add(key);
      counters[level] = override - 1;
    }
    counters[level] = (counters[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
    counters.length = level + 1; // deeper levels restart
    if (def.format === 'bullet') return '';
    const printed = def.text.replace(/%([1-9])/g, (_, k) => {
      const l = Number(k) - 1;
      return formatListNumber(counters[l] ?? levels.get(l)?.start ?? 1, def.legal ? 'decimal' : (levels.get(l)?.format ?? 'decimal'));
    });
    // Word puts a tab or space after the number; after 、 ） ． (as plans print them) it is only layout.
    const gap = def.suffix === 'nothing' || /[\u3000-\u303f\uff00-\uffef]$/.test(printed) ? '' : ' ';
    return printed === '' ? '' : printed + gap;
  }
}
