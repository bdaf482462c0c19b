/**
 * Synthesizes a plausible national plan set for scale tests: each plan is one of the real
 * seeds' texts with the seed's own place names (province, city, county and their short
 * forms, from its catalogue entry) replaced by invented ones, so its structure — numbering
 * families, boxes, indicator tables — stays exactly as valid as the seed's. Plans are spread
 * over the 31 provinces in turn; the same seed number gives the same bytes.
 */
import { stringify } from 'yaml';
import type { CatalogEntry, Status } from '../model/plan.ts';
import { PROVINCES, provinceByName, type Province } from '../model/provinces.ts';
import { nameInventor, type InventedName } from './names.ts';
import { pick, seededRandom, type Random } from './random.ts';

export interface SeedPlan {
  entry: CatalogEntry;
  /** The seed's text (UTF-8 .txt seeds only: the synthesizer rewrites text, not PDFs). */
  text: string;
}

export interface SynthOptions {
  count: number;
  seed: number;
  /** How often a final seed becomes a draft (讨论稿/征求意见稿); drafts stay drafts. */
  draftShare?: number;
  /** How often a city-level seed is reused as a province-level 规划. */
  provinceShare?: number;
  /** Spread the plans over the first this many provinces only (a two-shard test set: 2); all 31 by default. */
  provinces?: number;
}

export interface SynthesizedSet {
  catalog: CatalogEntry[];
  /** File name → text, one per catalogue entry (`source`). */
  files: Map<string, string>;
  /** catalog.yaml, valid under the catalogue schema. */
  catalogYaml: string;
}

/** 会宁县 → 会宁, 巴彦淖尔市 → 巴彦淖尔: the form plans print in 全会宁 or 会宁人. */
export const nameStem = (name: string): string => name.replace(/(?:自治区|自治州|地区|市|县|区|旗|盟|州)$/, '');

/** Full name → short form of a province, from the table when it is one of the 31. */
const provinceShort = (name: string) => provinceByName(name)?.short ?? nameStem(name);

/**
 * Replaces every key of `names` in `text` in one pass, longest first, so a replacement is
 * never replaced again (会宁县 before 会宁, 宁夏回族自治区 before 宁夏).
 */
export function replaceNames(text: string, names: ReadonlyMap<string, string>): string {
  const keys = [...names.keys()].filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return text;
  const pattern = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (m) => names.get(m)!);
}

interface Region {
  level: CatalogEntry['level'];
  province: Province;
  city?: { full: string; name: InventedName };
  county?: { full: string; name: InventedName };
}

/** The seed's place names → the synthesized plan's. */
function renaming(seed: CatalogEntry, region: Region): Map<string, string> {
  const names = new Map<string, string>();
  const put = (from: string | undefined, to: string) => {
    if (from && from.length >= 2 && from !== to) names.set(from, to);
  };
  put(seed.province, region.province.name);
  put(provinceShort(seed.province), region.province.short);
  if (seed.city) {
    // A city seed reused as a province plan: the city's names become the province's.
    put(seed.city, region.city?.full ?? region.province.name);
    put(nameStem(seed.city), region.city?.name.stem ?? region.province.short);
  }
  if (seed.county && region.county) {
    put(seed.county, region.county.full);
    put(nameStem(seed.county), region.county.name.stem);
  }
  return names;
}

const DRAFTS: readonly Status[] = ['征求意见稿', '讨论稿'];

function chooseStatus(random: Random, seed: CatalogEntry, draftShare: number): Status {
  if (seed.status !== '正式') return seed.status;
  return random() < draftShare ? pick(random, DRAFTS) : '正式';
}

/** The seed's own names, never to be invented again (a replaced text must not keep them by accident). */
function reservedStems(seeds: readonly SeedPlan[]): string[] {
  return seeds.flatMap(({ entry }) => [entry.city, entry.county].filter((n): n is string => Boolean(n)).map(nameStem));
}

export function synthesizePlans(seeds: readonly SeedPlan[], options: SynthOptions): SynthesizedSet {
  if (seeds.length === 0) throw new Error('synthesize: no seed plans to recombine');
  const random = seededRandom(options.seed);
  const invent = nameInventor(random, reservedStems(seeds));
  const draftShare = options.draftShare ?? 0.15;
  const provinceShare = options.provinceShare ?? 0.2;
  const catalog: CatalogEntry[] = [];
  const files = new Map<string, string>();
  const slugs = new Set<string>();

  for (let i = 0; i < options.count; i++) {
    // Provinces in turn, so any N plans cover min(N, 31) provinces (or min(N, options.provinces)).
    const province = PROVINCES[i % Math.min(options.provinces ?? PROVINCES.length, PROVINCES.length)];
    const { entry: seed, text } = pick(random, seeds);
    let level = seed.level;
    if (level === '市级' && random() < provinceShare) level = '省级';
    const region: Region = { level, province };
    const suffixOf = (name: string | undefined, fallback: string) => (name ? name.slice(nameStem(name).length) || fallback : fallback);
    if (level !== '省级') {
      const name = invent();
      region.city = { full: name.stem + suffixOf(seed.city, '市'), name };
    }
    if (level === '县级') {
      const name = invent();
      region.county = { full: name.stem + suffixOf(seed.county, '县'), name };
    }
    const names = renaming(seed, region);
    const own = region.county?.name ?? region.city?.name;
    const base = `${province.slug}${own ? `-${own.pinyin}` : ''}${seed.kind === '实施方案' ? '-fangan' : ''}`;
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);

    const source = `${String(i + 1).padStart(5, '0')}_${slug}.txt`;
    const entry: CatalogEntry = {
      slug,
      title: replaceNames(seed.title, names),
      shortName: region.county?.full ?? region.city?.full ?? province.name,
      province: province.name,
      ...(region.city && { city: region.city.full }),
      ...(region.county && { county: region.county.full }),
      level,
      ...(seed.issuer && { issuer: replaceNames(seed.issuer, names) }),
      ...(seed.docNumber && { docNumber: replaceNames(seed.docNumber, names) }),
      ...(seed.date && { date: seed.date }),
      kind: seed.kind,
      status: chooseStatus(random, seed, draftShare),
      source,
    };
    catalog.push(entry);
    files.set(source, replaceNames(text, names));
  }

  const header =
    `# Synthesized by \`npm run synth -- --plans ${options.count} --seed ${options.seed}\` for scale tests:\n` +
    '# the real seeds\' texts under invented place names. Not real plans; do not publish.\n';
  return { catalog, files, catalogYaml: header + stringify({ plans: catalog }) };
}
