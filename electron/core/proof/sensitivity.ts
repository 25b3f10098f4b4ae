/**
 * Personal data and classification marks that must not go to print unnoticed (个人信息保护法
 * 第28条 treats health and 低保/特困 status as sensitive; 保密法 governs 密级 marks). Every
 * finding blocks the export until an editor masks it or keeps it with a reason.
 */
import type { DocumentRule, RawFinding, Segment } from './types.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999: region, a real birth date and the ISO 7064 MOD 11-2 check digit. */
export function isIdCardNumber(s: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

function mask(s: string, keepStart: number, keepEnd: number): string {
  let seen = 0;
  const digits = s.replace(/[^\dXx]/g, '').length;
  return s.replace(/[\dXx]/g, (c) => {
    const i = seen++;
    return i < keepStart || i >= digits - keepEnd ? c : '*';
  });
}

function block(rule: string, start: number, raw: string, suggestion: string | null, message: string): RawFinding {
  return { rule, severity: 'block', start, end: start + raw.length, suggestion, message };
}

// Each rule first looks for what any of its matches must contain (a run of digits, an @, 密),
// a cheaper scan than its full pattern: most segments have none.
function idCards(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/\d{17}/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (!isIdCardNumber(m[0])) continue;
    out.push(block('sens.id-card', m.index, m[0], mask(m[0], 6, 4), '居民身份证号码（校验位正确），印发前须遮盖或确认保留'));
  }
  return out;
}

function phones(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  // A mobile number has runs of four digits; a landline seven or eight.
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(/(?<![\d*])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\d*])/g)) {
    out.push(block('sens.mobile', m.index, m[0], mask(m[0], m[0].startsWith('1') ? 3 : 5, 4), '手机号码，印发前须遮盖或确认保留'));
  }
  // A landline needs its area code written as one ("0537-4412345", "(0537)4412345") or a label before it.
  for (const m of text.matchAll(/(?<![\d*-])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}-)?\d{7,8}(?:-\d{1,5})?(?![\d*])/g)) {
    const hasCode = /^[(（]?0\d{2,3}[)）-]/.test(m[0]);
    const label = /(?:电话|热线|座机|传真|联系方式|电\s*话)[:：]?\s*$/.test(text.slice(Math.max(0, m.index - 8), m.index));
    if (!hasCode && !label) continue;
    if (!hasCode && /^(?:19|20)\d{6}$/.test(m[0])) continue; // 20200408 is a date
    out.push(block('sens.landline', m.index, m[0], mask(m[0], hasCode ? m[0].indexOf('-') >= 0 ? m[0].indexOf('-') : 4 : 0, 2), '固定电话号码，印发前须遮盖或确认保留'));
  }
  return out;
}

function bankCards(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!/\d{4}/.test(segment.text)) return out;
  for (const m of segment.text.matchAll(/(?<![\dA-Za-z])(?:62|4\d|5[1-5]|3[47]|9\d)\d{2}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![\dA-Za-z])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 16 || digits.length > 19 || !luhn(digits)) continue;
    if (digits.length === 18 && isIdCardNumber(digits)) continue;
    out.push(block('sens.bank-card', m.index, m[0], mask(m[0], 4, 4), '银行卡号（通过 Luhn 校验），印发前须遮盖或确认保留'));
  }
  return out;
}

function emails(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!segment.text.includes('@')) return out;
  for (const m of segment.text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)) {
    const at = m[0].indexOf('@');
    const masked = m[0][0] + '***' + m[0].slice(at);
    out.push(block('sens.email', m.index, m[0], masked, '电子邮箱地址，印发前须遮盖或确认保留'));
  }
  return out;
}

/** Common surnames (the hundred most frequent, which cover ~85% of the population). */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const VULNERABLE = '低保|特困|特殊困难|救助|残疾|残障|病|患|失能|失智|孤儿|困境儿童|留守';
const PERSON_BEFORE = '低保户|低保对象|特困人员|特困供养人员|贫困户|困难户|困难群众|残疾人|患者|病人|村民|居民|老人|群众|儿童|孤儿|五保户|老党员|救助对象';
const PERSON_AFTER = '老人|大爷|大妈|大娘|奶奶|爷爷|阿姨|婆婆|老汉|一家|家中|夫妇|同学|小朋友|（化名）|\\(化名\\)|[，,]\\s*[男女]|[，,]\\s*\\d{1,3}岁|今年\\d{1,3}岁|患有|身患|因病|因残';
const NOT_GIVEN = '名位个户人家多余年岁龄类级的和与或等是在有对为中内外里';
const COMMON_WORDS = new Set(['高龄', '周边', '全体', '老年', '常住', '于是', '江边', '方面', '方式', '方便', '金融', '林业', '孔子', '马上', '周末', '程序', '高度', '高效', '石油', '黄金', '何时', '任何', '任务', '任意', '宋体', '龙头', '万元', '钱财', '严重', '史上', '邵阳', '付出', '许多', '曾经', '唐代', '朱红', '范围', '孙辈', '白天', '钟点', '谢谢', '叶片', '程度', '程式', '罗列', '胡同', '包括']);
const TITLES = /^(?:书记|局长|主任|县长|市长|区长|厅长|部长|镇长|乡长|村长|副|同志指出|委员|科长|站长|院长|所长|代表)/;

/**
 * A person's name beside 低保/特困/救助/残疾/病 words: a surname and one or two characters,
 * with a cue that it is a person (低保户张某, 王秀英老人, 李明，男，63岁) and a vulnerable-status
 * word in the same sentence. Names already reduced to 某 are what masking produces.
 */
const VULNERABLE_WORD = new RegExp(VULNERABLE);
// Built once (matchAll copies it): compiling it for every segment was most of this rule's time.
const NAME_WITH_CUE = new RegExp(`(?:(${PERSON_BEFORE})([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=[，,、。；：\\s（(等和及与]|${PERSON_AFTER}|$)|([${SURNAMES}][\\u4e00-\\u9fff]{1,2}?)(?=${PERSON_AFTER}))`, 'g');

function vulnerableNames(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  const text = segment.text;
  if (!VULNERABLE_WORD.test(text)) return out;
  for (const m of text.matchAll(NAME_WITH_CUE)) {
    const name = m[2] ?? m[3]!;
    const start = m.index + (m[1]?.length ?? 0);
    if (/某|X|×|\*/.test(name) || TITLES.test(text.slice(start + name.length))) continue;
    // "万名老人", "高龄老人", "余户": a surname character opening a common word, not a name.
    if (NOT_GIVEN.includes(name[1]!) || COMMON_WORDS.has(name)) continue;
    const sentenceStart = Math.max(text.lastIndexOf('。', start), 0);
    const nextStop = text.indexOf('。', start + name.length);
    const sentence = text.slice(sentenceStart, nextStop < 0 ? text.length : nextStop);
    if (!VULNERABLE_WORD.test(sentence)) continue;
    const masked = name[0] + '某'.repeat(name.length - 1);
    out.push(block('sens.vulnerable-name', start, name, masked, `“${name}”像是与低保、特困、救助、残疾或疾病情况同时出现的个人姓名，印发前须化名或确认已获同意`));
  }
  return out;
}

function classification(segment: Segment): RawFinding[] {
  const out: RawFinding[] = [];
  if (!segment.text.includes('密')) return out;
  for (const m of segment.text.matchAll(/(绝密|机密|秘密)\s*★\s*(?:\d+\s*[年个月]+)?/g)) {
    out.push(block('sens.classified', m.index, m[0], null, `密级标志“${m[0].trim()}”：涉密文件不得用本软件公开印发，请核实后删除或确认`));
  }
  const whole = /^\s*(绝密|机密|秘密)\s*$/.exec(segment.text);
  if (whole) out.push(block('sens.classified', segment.text.indexOf(whole[1]!), whole[1]!, null, `单独一行的密级“${whole[1]}”：涉密文件不得用本软件公开印发，请核实后删除或确认`));
  return out;
}

const WHY = '个人信息保护法第28条、保密法';

export const SENSITIVITY_RULES: DocumentRule[] = [
  { info: { id: 'sens.id-card', family: 'sensitivity', clause: `GB 11643-1999；${WHY}`, title: '身份证号码' }, check: idCards },
  { info: { id: 'sens.mobile', family: 'sensitivity', clause: WHY, title: '手机号码' }, check: phones },
  { info: { id: 'sens.landline', family: 'sensitivity', clause: WHY, title: '固定电话' } },
  { info: { id: 'sens.bank-card', family: 'sensitivity', clause: `ISO/IEC 7812（Luhn）；${WHY}`, title: '银行卡号' }, check: bankCards },
  { info: { id: 'sens.email', family: 'sensitivity', clause: WHY, title: '电子邮箱' }, check: emails },
  { info: { id: 'sens.vulnerable-name', family: 'sensitivity', clause: '个人信息保护法第28条（敏感个人信息）', title: '困难群体的姓名' }, check: vulnerableNames },
  { info: { id: 'sens.classified', family: 'sensitivity', clause: '保密法第20条、GB/T 9704-2012 7.2.2', title: '密级标志' }, check: classification },
];
