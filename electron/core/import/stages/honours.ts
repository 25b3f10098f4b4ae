/**
 * Honours as lists and articles state them: the award's own name, out of the wrappers a page puts
 * around it (a 公示 of those "拟命名", a "名单", a year whose digits a mirror stripped), and the
 * honour a single case's text says it won ("X 被评为 Y", "荣获“Y”称号").
 */
import { CONFER_VERB_WORD, honourTail } from './listnames.js';
import { isPlaceToken } from './placelabel.js';

/** What the page says about the list, not what it confers: nominations (and a 创建名单's builders towards the title), the list, its publication. */
const WRAPPER_END = /(?:拟命名|拟推荐|拟表彰|拟认定|拟授予|初选|创建)?(?:名单|名录)?(?:的?公示|的?公告)?$/u;

/**
 * An award's name without its page's wrappers: "0年全国示范性老年友好型社区拟命名" → "全国示范性老年友好型社区"
 * (a year of fewer than four digits is what a site left after stripping numbers; a real year stays),
 * "全国先进基层群众性自治组织拟表彰名单" → "全国先进基层群众性自治组织". A nomination heading that names a
 * grade of its own ("拟入选优秀创新案例") keeps its words.
 */
export function normaliseAward(award: string | null): string | null {
  if (!award) return award;
  let a = award.trim().replace(/^[0-9０-９]{1,3}\s*年度?(?![0-9０-９])/u, '');
  const bare = a.replace(WRAPPER_END, '');
  if (bare.length >= 4) a = bare;
  return a || null;
}

/** The verbs that state an honour won, and what may stand between the winner and the verb. */
const WON = new RegExp(`(?:${CONFER_VERB_WORD}|被评选为|捧回|获)(?:了)?\\s*([^，,。；;！!？?]{2,50})`, 'gu');

/**
 * The honour a list's name gives after what it says of its winners: "我市7社区(村)入选全国示范性老年友好型社区创建"
 * → "全国示范性老年友好型社区创建" (the winners and their verb are the headline's, not the honour's). The name as
 * it is when no verb stands in it, or what follows is too short to be an honour.
 */
export function honourOfListName(name: string): string {
  let last: RegExpExecArray | null = null;
  for (const m of name.matchAll(WON)) last = m as RegExpExecArray;
  if (!last || last.index === 0) {
    // Whatever the verb: a subject counted ("我市7社区(村)", "我省3地"), a verb, then the honour by its opening.
    const subject = COUNTED_SUBJECT.exec(name);
    const found = subject ? honourTail(name.slice(subject[0].length).replace(WRAPPER_END, ''), (t) => HONOUR_WORD.test(t) || /(?:奖|称号|试点|实验区)/u.test(t)) : null;
    return found ? found.honour : name;
  }
  const object = last[1]!.trim();
  return object.length >= 4 && !NOT_HONOUR.test(object) ? object : name;
}

/** The winners a list's name counts before its verb: "我市7社区(村)", "全省12个村", "我省3地" (a year, a round or a date is no count). */
const COUNTED_SUBJECT = /^[\u4e00-\u9fa5]{0,6}?(?<![0-9０-９])[0-9０-９一二三四五六七八九十百]{1,3}(?![0-9０-９年月日届批期号])\s*[个家所名项地]?[\u4e00-\u9fa5]{0,4}?(?:[（(][\u4e00-\u9fa5、]{1,6}[)）])?(?=[\u4e00-\u9fa5]{1,5}[“"0-9０-９全国省市中第])/u;

/** What an honour's name ends in: the kind of body, place or work it is given to, or a prize. */
const HONOUR_END = /(?:单位|集体|组织|社区|村|街道|镇|乡|县|区|市|城区|城市|机构|中心|站|点|基地|项目|案例|品牌|成果|奖|家庭|模范|标兵|示范|典型)$/u;
/** Words that make an object something else than an honour (a grant, praise, a result). */
const NOT_HONOUR = /(?:好评|认可|支持|资金|补助|经费|帮助|关注|肯定|满意|成效|成功|发展|提升|经验|机会|资格|批准|通过)/u;

/**
 * Whether a list's heading names an honour (a kind of body, work or prize it is given to, or the words
 * an honour is made of), not what else a notice may list: facilities inspected ("年检合格公墓"), the
 * materials to submit, the points of an inspection.
 */
export function namesHonour(award: string | null | undefined): boolean {
  const a = award?.trim() ?? '';
  return a.length >= 2 && (HONOUR_END.test(a) || HONOUR_WORD.test(a)) && !NOT_HONOUR.test(a);
}

/**
 * The honour a case's own text says it won: "延吉市民政局获评“全省民政工作…优秀单位”", "西宁市城东区获评
 * “全国和谐社区建设示范城区”", "…荣获“X”称号" — a name in quotes (the page's exact words, wherever they are
 * among the texts) before an unquoted object that ends as an honour does (a headline's short form).
 * Null when the texts state none.
 */
export function statedAward(texts: string[]): string | null {
  let plainFound: string | null = null;
  for (const t of texts) {
    for (const m of t.matchAll(WON)) {
      const object = m[1]!.trim();
      const quoted = /^[^“"”]{0,20}?[“"]([^“”"]{4,40})[”"]/u.exec(object);
      if (quoted) {
        const before = object.slice(0, quoted.index);
        // "荣获全省第二批“十百千”示范社会组织": the quoted word is inside the honour's name.
        // ("获评“X”的单位有": what follows 的 is who won it, not the honour.)
        const after = /^(?!的)[\u4e00-\u9fa5]{2,16}?(?=(?:荣誉)?称号|$|[^\u4e00-\u9fa5])/u.exec(object.slice(quoted.index + quoted[0].length))?.[0] ?? '';
        if (after && HONOUR_END.test(after)) return normaliseAward(`${before}${quoted[0]}${after}`.replace(/\s+/gu, ''));
        if (!NOT_HONOUR.test(quoted[1]!) && HONOUR_END.test(quoted[1]!)) return normaliseAward(quoted[1]!);
        continue;
      }
      const plain = object.replace(/(?:荣誉)?称号.*$|殊荣.*$/u, '');
      if (!plainFound && plain.length >= 4 && plain.length <= 30 && HONOUR_END.test(plain) && !NOT_HONOUR.test(plain) && HONOUR_WORD.test(plain)) plainFound = normaliseAward(plain);
    }
  }
  return plainFound;
}

/** The words an honour is made of (what a plain object needs to be one, not a grant or a result), a rating's grade among them. */
export const HONOUR_WORD = /(?:示范|先进|优秀|十佳|十大|最美|最佳|模范|标兵|明星|星级|品牌|典型|[1-5１-５]A级|[一二三四五]星)/u;

/**
 * An honour written short after its level word ("省民族团结进步模范集体") that the text names in full after its place
 * ("甘肃省民族团结进步模范集体"): the full name, as the level word alone stands for the place the text names. ("市级…"
 * and the like are grades of their own.)
 */
export function fullScope(honour: string, text: string): string {
  if (!/^[省市县区州](?!级)/u.test(honour)) return honour;
  for (let at = text.indexOf(honour); at >= 0; at = text.indexOf(honour, at + 1)) {
    const before = /[\u4e00-\u9fa5]{2,8}$/u.exec(text.slice(Math.max(0, at - 8), at))?.[0];
    if (!before) continue;
    for (let k = 0; k < before.length - 1; k++) {
      const place = before.slice(k) + honour[0];
      if (isPlaceToken(place)) return place + honour.slice(1);
    }
  }
  return honour;
}

/** The act that confers, naming the honour in quotes: "市政府决定,甲等30个社区为“淮安市和谐示范社区”". */
const DECIDED_AS = /(?:决定|同意|研究确定)[^。；;！]{0,120}?(?:命名)?为\s*[“"]([^“”"]{4,40})[”"]/u;

/**
 * An honour as the act of conferring names it: a list's heading that puts its year before the name ("2011年度X名单")
 * lists the winners of the honour the decision confers ("决定…为“X”"), whose name holds no year; and a name written short
 * after its level word is the full one (fullScope). The name as it is when the lead's decision names no such honour.
 */
export function asConferred(award: string, lead: string): string {
  const decided = DECIDED_AS.exec(lead)?.[1];
  const own = normaliseAward(award) ?? award;
  if (decided && own !== decided && own.endsWith(decided) && /^[0-9０-９]{4}\s*年度?$/u.test(own.slice(0, -decided.length).trim())) return decided;
  return fullScope(award, lead);
}
