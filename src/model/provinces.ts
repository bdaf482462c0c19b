/**
 * The 31 provincial-level divisions of mainland China, in the order of the national
 * statistical code (北京 11 … 新疆 65). The site groups plans by province in this order and
 * names per-province pages by `slug`; the synthesizer spreads invented plans over them.
 */
export interface Province {
  /** Full name as a catalogue's `province` holds it, e.g. 宁夏回族自治区. */
  name: string;
  /** Short name as plans print it, e.g. 宁夏. */
  short: string;
  /** ASCII slug for URLs, e.g. `ningxia`. */
  slug: string;
}

export const PROVINCES: readonly Province[] = [
  { name: '北京市', short: '北京', slug: 'beijing' },
  { name: '天津市', short: '天津', slug: 'tianjin' },
  { name: '河北省', short: '河北', slug: 'hebei' },
  { name: '山西省', short: '山西', slug: 'shanxi' },
  { name: '内蒙古自治区', short: '内蒙古', slug: 'neimenggu' },
  { name: '辽宁省', short: '辽宁', slug: 'liaoning' },
  { name: '吉林省', short: '吉林', slug: 'jilin' },
  { name: '黑龙江省', short: '黑龙江', slug: 'heilongjiang' },
  { name: '上海市', short: '上海', slug: 'shanghai' },
  { name: '江苏省', short: '江苏', slug: 'jiangsu' },
  { name: '浙江省', short: '浙江', slug: 'zhejiang' },
  { name: '安徽省', short: '安徽', slug: 'anhui' },
  { name: '福建省', short: '福建', slug: 'fujian' },
  { name: '江西省', short: '江西', slug: 'jiangxi' },
  { name: '山东省', short: '山东', slug: 'shandong' },
  { name: '河南省', short: '河南', slug: 'henan' },
  { name: '湖北省', short: '湖北', slug: 'hubei' },
  { name: '湖南省', short: '湖南', slug: 'hunan' },
  { name: '广东省', short: '广东', slug: 'guangdong' },
  { name: '广西壮族自治区', short: '广西', slug: 'guangxi' },
  { name: '海南省', short: '海南', slug: 'hainan' },
  { name: '重庆市', short: '重庆', slug: 'chongqing' },
  { name: '四川省', short: '四川', slug: 'sichuan' },
  { name: '贵州省', short: '贵州', slug: 'guizhou' },
  { name: '云南省', short: '云南', slug: 'yunnan' },
  { name: '西藏自治区', short: '西藏', slug: 'xizang' },
  { name: '陕西省', short: '陕西', slug: 'shaanxi' },
  { name: '甘肃省', short: '甘肃', slug: 'gansu' },
  { name: '青海省', short: '青海', slug: 'qinghai' },
  { name: '宁夏回族自治区', short: '宁夏', slug: 'ningxia' },
  { name: '新疆维吾尔自治区', short: '新疆', slug: 'xinjiang' },
];

/** The province a catalogue's `province` names, or null when it is not one of the 31. */
export const provinceByName = (name: string): Province | null => PROVINCES.find((p) => p.name === name) ?? null;
