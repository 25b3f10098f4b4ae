/**
 * Word's automatic numbering as it prints. mammoth turns every numbered paragraph into an
 * HTML list item and loses the format, so "一、" "（一）" "1." "（1）" — the 层次序号 an
 * official document chooses — would arrive as a decimal list. This reads numbering.xml
 * (abstract levels: start, numFmt, lvlText, lvlRestart; nums with their overrides) and the
 * numbering styles carry (styles.xml, through basedOn), counts the paragraphs in document
 * order as Word does, and writes each label into its paragraph as literal text, with the
 * paragraph's numbering switched off. Bullets, and lists numbered "1." at every level (what the
 * model's ordered list prints), stay lists.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after this (0-based) level; -1 never restarts. */
  restart: number | null;
}

interface Numbering {
  /** numId → levels (by ilvl) with the num's overrides applied. */
  levels: Map<string, Map<number, Level>>;
  /** numId → abstractNumId: Word counts per abstract list, so two nums over one list continue each other. */
  abstractOf: Map<string, string>;
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
};

function readLevels(xml: string): Map<number, Level> {
  const out = new Map<number, Level>();
  for (const m of xml.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const ilvl = Number(attr(m[1]!, 'ilvl') ?? '0');
    const body = m[2]!;
    const val = (tag: string) => {
      const t = new RegExp(`<w:${tag}\\b[^>]*/?>`).exec(body);
      return t ? attr(t[0], 'val') : null;
    };
    const restart = val('lvlRestart');
    out.set(ilvl, { start: Number(val('start') ?? '1') || 0, format: val('numFmt') ?? 'decimal', text: val('lvlText') ?? '', restart: restart === null ? null : Number(restart) - 1 });
  }
  return out;
}

export function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1]!, 'abstractNumId');
    if (id !== null) abstracts.set(id, readLevels(m[2]!));
  }
  const levels = new Map<string, Map<number, Level>>();
  const abstractOf = new Map<string, string>();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1]!, 'numId');
    const abs = /<w:abstractNumId\b[^>]*>/.exec(m[2]!);
    const absId = abs ? attr(abs[0], 'val') : null;
    if (id === null || absId === null) continue;
    const merged = new Map(abstracts.get(absId) ?? []);
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(attr(o[1]!, 'ilvl') ?? '0');
      const own = readLevels(o[2]!).get(ilvl);
      const startOverride = /<w:startOverride\b[^>]*>/.exec(o[2]!);
      const base = own ?? merged.get(ilvl);
      if (base) merged.set(ilvl, startOverride ? { ...base, start: Number(attr(startOverride[0], 'val') ?? base.start) } : base);
    }
    levels.set(id, merged);
    // A num with overrides of its own starts its own count.
    abstractOf.set(id, /<w:lvlOverride\b/.test(m[2]!) ? `num:${id}` : absId);
  }
  return { levels, abstractOf };
}

/** styleId → the numbering a paragraph style carries (through basedOn). */
export function styleNumbering(stylesXml: string): Map<string, { numId: string; ilvl: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1]!, 'styleId');
    if (!id) continue;
    const body = m[2]!;
    const numId = /<w:numId\b[^>]*>/.exec(body);
    const ilvl = /<w:ilvl\b[^>]*>/.exec(body);
    const based = /<w:basedOn\b[^>]*>/.exec(body);
    const entry: { numId?: string; ilvl?: number; basedOn?: string } = {};
    if (numId) entry.numId = attr(numId[0], 'val') ?? undefined;
    if (ilvl) entry.ilvl = Number(attr(ilvl[0], 'val') ?? '0');
    if (based) entry.basedOn = attr(based[0], 'val') ?? undefined;
    own.set(id, entry);
  }
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let cur: string | undefined = id;
    for (let guard = 0; cur && guard < 20; guard++) {
      const s = own.get(cur);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      cur = s.basedOn;
    }
    if (numId && numId !== '0') out.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return out;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1–9999 in Chinese counting ("十一", "二十", "一百零五"). */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0) return String(n);
  if (n >= 10000) return String(n);
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length) parts.push(digits[0]!);
    zero = false;
    parts.push(digits[d]! + unit);
  }
  const out = parts.join('');
  // "一十一" is written "十一".
  return n >= 10 && n < 20 && digits === CN_DIGITS ? out.slice(1) : out;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function letter(n: number): string {
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** "1." "2." at every level, or bullets: what the model's own ordered list prints, so such a list stays a list. */
function isPlainDecimal(levels: Map<number, Level>): boolean {
  for (const [ilvl, l] of levels) if (l.format !== 'bullet' && !(l.format === 'decimal' && l.text === `%${ilvl + 1}.`)) return false;
  return true;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * document.xml with every numbered (non-bullet) paragraph's label written in as text and its
 * numbering switched off (numId 0), or null when nothing is numbered.
 */
export function printNumbering(documentXml: string, numberingXml: string, stylesXml: string | null): string | null {
  const numbering = readNumbering(numberingXml);
  if (numbering.levels.size === 0) return null;
  const byStyle = stylesXml ? styleNumbering(stylesXml) : new Map<string, { numId: string; ilvl: number }>();
  const counters = new Map<string, Array<number | undefined>>();
  let changed = false;
  // A paragraph's properties come first in it: <w:p …><w:pPr>…</w:pPr>.
  const out = documentXml.replace(/(<w:p(?:\s[^>]*)?>)(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)/g, (whole, open: string, pPrWhole: string, pPr: string) => {
    let numId: string | null = null;
    let ilvl = 0;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr);
    if (numPr) {
      const id = /<w:numId\b[^>]*>/.exec(numPr[1]!);
      const lvl = /<w:ilvl\b[^>]*>/.exec(numPr[1]!);
      numId = id ? attr(id[0], 'val') : null;
      ilvl = lvl ? Number(attr(lvl[0], 'val') ?? '0') : 0;
    }
    const style = /<w:pStyle\b[^>]*>/.exec(pPr);
    const styleNum = style ? byStyle.get(attr(style[0], 'val') ?? '') : undefined;
    if (numId === null && styleNum) {
      numId = styleNum.numId;
      ilvl = styleNum.ilvl;
    } else if (numId !== null && !/<w:ilvl\b/.test(numPr?.[1] ?? '') && styleNum && styleNum.numId === numId) ilvl = styleNum.ilvl;
    if (numId === null || numId === '0') return whole;
    const levels = numbering.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || isPlainDecimal(levels)) return whole;
    const key = numbering.abstractOf.get(numId) ?? numId;
    const count: Array<number | undefined> = counters.get(key) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    // Deeper levels restart when a level above them advances (unless lvlRestart says otherwise).
    for (let d = ilvl + 1; d < 9; d++) {
      const deeper = levels.get(d);
      if (deeper && (deeper.restart === null || (deeper.restart !== -1 && ilvl <= deeper.restart))) delete count[d];
    }
    counters.set(key, count);
    const label = level.text.replace(/%([1-9])/g, (_m, k: string) => {
      const d = Number(k) - 1;
      const lv = levels.get(d);
      const value = count[d] ?? lv?.start ?? 1;
      return formatNumber(value, d === ilvl ? level.format : (lv?.format ?? 'decimal'));
    });
    changed = true;
    const off = numPr ? pPr.replace(numPr[0], '<w:numPr><w:numId w:val="0"/></w:numPr>') : `${pPr}<w:numPr><w:numId w:val="0"/></w:numPr>`;
    const run = label ? `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>` : '';
    return `${open}${pPrWhole.replace(pPr, () => off)}${run}`;
  });
  return changed ? out : null;
}
