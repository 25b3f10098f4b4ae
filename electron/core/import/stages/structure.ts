/**
 * Stage 6, structure inside a case (or a notice's body and attachment): numbered lines become
 * headings of levels 1–4 or run-in headings, field labels ("案例概况:") become level-1 headings,
 * parenthesised responsibility lines become notes, and photo captions become image blocks.
 * The author's text is kept exactly; only the split between run-in and content is added.
 */
import type { Block, HeadingLevel, ImageBlock, Inline, ParagraphBlock, TextInline } from '../../model/types.js';
import type { SourceLine } from '../lines.js';
import { isCaption } from './captions.js';

/** Field blocks of an application form: each becomes a level-1 heading and a section. */
const SECTION_NAMES =
  '案例概况|案例简介|案例背景|基本情况|背景情况|主要做法|创新做法|经验做法|具体做法|工作做法|做法成效|工作成效|主要成效|取得成效|实施效果|成效|特色亮点|创新点|创新亮点|经验启示|经验与启示|推广价值|推广意义|存在问题|下一步打算|下一步工作|工作思路|主要内容|项目概况';
export const SECTION_LABEL = new RegExp(`^(${SECTION_NAMES})\\s*[:：]\\s*(.*)$`, 'u');
/** The same names as headings of their own ("## 案例概况" in Markdown, a Word heading). */
export const SECTION_NAME = new RegExp(`^(?:${SECTION_NAMES})[:：]?$`, 'u');
/** Facts about the case rather than its text. */
export const META_FIELD = /^(创新单位|申报单位|报送单位|推荐单位|实施单位|责任单位|案例名称|案例类别|案例类型|所属领域|联系人|联系电话|撰稿人|撰稿|执笔人|执笔)\s*[:：]\s*(.*)$/u;
const CONTACT_FIELD = /^联系/u;
/** A bare short label line of some other form ("主要经验:"). */
const BARE_LABEL = /^([\u4e00-\u9fa5]{2,10})\s*[:：]$/u;

const NUM_L1 = /^([一二三四五六七八九十百]{1,3})\s*[、.．]\s*/u;
const NUM_L2 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/u;
const NUM_L3 = /^([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*/u;
const NUM_L4 = /^[（(]\s*([0-9０-９]{1,3})\s*[)）]\s*|^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/u;

const ORDINAL_RUNIN = /^(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后|第[一二三四五六七八九十]{1,3}[,，、]?)[^。！？；;]{1,40}?[。：:；;]/u;
const COLON_RUNIN = /^([^\s,，。:：；;！？“”"《》()（）]{2,12})[:：]/u;
const NOT_RUNIN_SPEAKER = /(?:说|表示|指出|强调|认为|介绍|提出|要求|称|道)[:：]$/u;
/** A contributor line closing a case: "(济南市民政局 张三)", "济南市民政局供稿", "（通讯员 李四）". */
const BYLINE_LINE =
  /^[（(]\s*((?:[\u4e00-\u9fa5]{2,24}(?:局|厅|部|委|办|处|科|站|院|中心|政府|协会|会|所|社|报|台|馆|室|街道|镇|乡))(?:\s+[\u4e00-\u9fa5·]{2,4})+|(?:记者|通讯员|作者|撰稿|供稿|执笔)\s*[:：/]?\s*[\u4e00-\u9fa5·\s、,，]{2,30})\s*[)）]$|^[（(]?\s*([\u4e00-\u9fa5·\s、,，]{2,40}?)\s*(?:供稿|供图|撰稿|报送|整理|提供)\s*[)）]?$/u;
const NOTE_LINE = /^[（(][^（()）]*(?:牵头领导|责任领导|分管领导|责任科室|责任单位|牵头单位|配合单位|责任部门|牵头科室)[^（()）]*[)）]$/u;

export interface StructureOptions {
  /** Recognise photo captions (not in notices). */
  captions: boolean;
  /** Recognise unnumbered run-in sentences ("扛起一面旗帜,党建引航擦亮品牌。"). */
  sentenceRunIns: boolean;
}

export interface StructureResult {
  body: Block[];
  sections: string[];
  captions: string[];
  fields: Record<string, string>;
  /** Contributor lines lifted out of the text, in order. */
  bylines: string[];
}

function plain(text: string): TextInline {
  return { type: 'text', text };
}

/** Splits styled runs at a character offset (for run-ins on bold lines). */
export function splitInlines(inlines: Inline[], at: number): [Inline[], Inline[]] {
  const head: Inline[] = [];
  const tail: Inline[] = [];
  let pos = 0;
  for (const inline of inlines) {
    if (inline.type !== 'text') {
      (pos < at ? head : tail).push(inline);
      continue;
    }
    const end = pos + inline.text.length;
    if (end <= at) head.push(inline);
    else if (pos >= at) tail.push(inline);
    else {
      const cut = at - pos;
      head.push({ ...inline, text: inline.text.slice(0, cut) });
      tail.push({ ...inline, text: inline.text.slice(cut) });
    }
    pos = end;
  }
  return [head, tail];
}

function contentOf(line: SourceLine): Inline[] {
  return line.inlines ? line.inlines : [plain(line.text)];
}

function paragraphWithRunIn(line: SourceLine, runInLength: number): ParagraphBlock {
  const text = line.text;
  if (runInLength <= 0 || runInLength >= text.length) return { type: 'paragraph', content: contentOf(line) };
  if (line.inlines) {
    const [head, tail] = splitInlines(line.inlines, runInLength);
    const trimmedTail = trimStartInlines(tail);
    return { type: 'paragraph', runIn: head, content: trimmedTail };
  }
  return { type: 'paragraph', runIn: [plain(text.slice(0, runInLength))], content: [plain(text.slice(runInLength).replace(/^[\s\u3000]+/u, ''))] };
}

function trimStartInlines(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first && first.type === 'text') {
    const t = first.text.replace(/^[\s\u3000]+/u, '');
    return t ? [{ ...first, text: t }, ...inlines.slice(1)] : inlines.slice(1);
  }
  return inlines;
}

/** A line opening with a bold phrase that ends in 。/：("**建立一张清单。**逐户摸排…"): the author's own run-in. */
function boldRunIn(line: SourceLine): number {
  const first = line.inlines?.[0];
  if (!first || first.type !== 'text' || !first.marks?.includes('bold')) return 0;
  const t = first.text;
  if (t.length > 40 || t.length >= line.text.length || !/[。：:；;]$/u.test(t.trimEnd())) return 0;
  return t.length;
}

/** Length of the numbered line's run-in (number + first sentence), 0 when the line is a heading on its own. */
function numberedRunIn(text: string, numberLength: number): number {
  const rest = text.slice(numberLength);
  const m = /^[^。！？；;:：]{1,48}[。！？；;:：]/u.exec(rest);
  if (!m) return -1;
  const after = rest.slice(m[0].length).trim();
  if (!after) return 0;
  return numberLength + m[0].length;
}

/** "扛起一面旗帜,党建引航擦亮品牌。…": a short parallel first sentence that works as a heading. */
function sentenceRunIn(text: string): number {
  const m = /^[^。！？；;]{2,32}[。]/u.exec(text);
  if (!m) return 0;
  const sentence = m[0];
  const after = text.slice(sentence.length);
  if (after.length < 20) return 0;
  const body = sentence.slice(0, -1);
  if (/[0-9０-９]{4}年|[0-9０-９]+(?:万|亿|%|个|人|元|家|次)/u.test(body)) return 0;
  const parts = body.split(/[,，]/u);
  if (parts.length === 1) return body.length <= 14 && !/[、:：]/u.test(body) ? sentence.length : 0;
  if (parts.length === 2 && parts.every((p) => p.length >= 2 && p.length <= 18)) return sentence.length;
  return 0;
}

export function runInLength(text: string, sentenceRunIns: boolean): number {
  const o = ORDINAL_RUNIN.exec(text);
  if (o && o[0].length < text.length) return o[0].length;
  const c = COLON_RUNIN.exec(text);
  if (c && c[0].length < text.length && !NOT_RUNIN_SPEAKER.test(c[0]) && !/^[0-9０-９]/u.test(c[1]!)) return c[0].length;
  if (sentenceRunIns) return sentenceRunIn(text);
  return 0;
}

function numbered(text: string): { level: HeadingLevel; length: number } | null {
  let m = NUM_L2.exec(text);
  if (m) return { level: 2, length: m[0].length };
  m = NUM_L4.exec(text);
  if (m) return { level: 4, length: m[0].length };
  m = NUM_L1.exec(text);
  if (m) return { level: 1, length: m[0].length };
  m = NUM_L3.exec(text);
  if (m) return { level: 3, length: m[0].length };
  return null;
}

/** Builds a list block from consecutive list lines (the shallowest depth among them is the list's own). */
function listBlock(lines: SourceLine[], options: StructureOptions): { block: Block; captions: string[] } {
  const depth = Math.min(...lines.map((l) => l.list!.depth));
  const first = lines.find((l) => l.list!.depth === depth)!.list!;
  const items: SourceLine[][] = [];
  for (const line of lines) {
    if (line.list!.depth === depth && line.list!.first) items.push([]);
    if (items.length === 0) items.push([]);
    items[items.length - 1]!.push(line);
  }
  const captions: string[] = [];
  const blocks = items.map((itemLines) => {
    const own: SourceLine[] = [];
    for (const l of itemLines) {
      // Lines of nested lists keep their list mark and nest; the item's own lines lose it.
      if (l.list!.depth === depth) {
        const rest: SourceLine = { ...l };
        delete rest.list;
        own.push(rest);
      } else own.push(l);
    }
    const inner = structure(own, options);
    captions.push(...inner.captions);
    return inner.body;
  });
  const block: Block = first.ordered
    ? { type: 'list', ordered: true, style: 'decimal', start: first.number, items: blocks }
    : { type: 'list', ordered: false, items: blocks };
  return { block, captions };
}

export function structure(lines: SourceLine[], options: StructureOptions): StructureResult {
  const body: Block[] = [];
  const sections: string[] = [];
  const captions: string[] = [];
  const fields: Record<string, string> = {};
  const bylines: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (line.list) {
      // A run of list lines becomes one list block; deeper levels nest inside their item.
      let end = i;
      while (end < lines.length && lines[end]!.list) end++;
      const list = listBlock(lines.slice(i, end), options);
      body.push(list.block);
      captions.push(...list.captions);
      i = end - 1;
      continue;
    }
    if (line.table) {
      body.push(line.table);
      continue;
    }
    if (line.image) {
      const image: ImageBlock = { type: 'image' };
      if (line.image.src) image.src = line.image.src;
      if (line.image.alt) image.alt = line.image.alt;
      if (line.image.width) image.width = line.image.width;
      if (line.image.height) image.height = line.image.height;
      // The caption is the figure's own, or the short line right after the picture.
      let caption = text;
      const next = lines[i + 1];
      if (!caption && next && !next.image && !next.table && isCaption(next.text, { afterImage: true })) {
        caption = next.text;
        i++;
      }
      if (caption) {
        image.caption = [plain(caption)];
        captions.push(caption);
      }
      body.push(image);
      continue;
    }
    if (!text) continue;
    const field = META_FIELD.exec(text);
    if (field) {
      fields[field[1]!] = field[2]!.trim();
      // A contact line (names, phone and ID numbers) stays in the text: the proofing gate's
      // sensitivity rules must see it, and only the editor decides to remove it.
      if (CONTACT_FIELD.test(field[1]!)) body.push({ type: 'paragraph', content: contentOf(line) });
      continue;
    }
    const label = SECTION_LABEL.exec(text) ?? (line.heading ? (SECTION_NAME.test(text) ? [text, text.replace(/[:：]$/u, ''), ''] : null) : BARE_LABEL.exec(text));
    if (label) {
      const name = label[1]!;
      sections.push(name);
      body.push({ type: 'heading', level: 1, content: [plain(name)] });
      const rest = (label[2] ?? '').trim();
      if (rest) body.push(paragraphWithRunIn({ text: rest }, runInLength(rest, false)));
      continue;
    }
    const byline = options.captions ? BYLINE_LINE.exec(text) : null;
    if (byline) {
      bylines.push((byline[1] ?? byline[2] ?? text).replace(/\s+/gu, ' ').trim());
      continue;
    }
    if (NOTE_LINE.test(text)) {
      body.push({ type: 'paragraph', role: 'note', content: contentOf(line) });
      continue;
    }
    const num = numbered(text);
    if (num) {
      const run = numberedRunIn(text, num.length);
      if (run > 0) {
        body.push(paragraphWithRunIn(line, run));
        continue;
      }
      if (run === 0 || text.length <= 40) {
        body.push({ type: 'heading', level: num.level, content: contentOf(line) });
        continue;
      }
      body.push({ type: 'paragraph', content: contentOf(line) });
      continue;
    }
    if (line.heading) {
      body.push({ type: 'heading', level: line.heading, content: contentOf(line) });
      continue;
    }
    if (options.captions && isCaption(text)) {
      captions.push(text);
      body.push({ type: 'image', caption: [plain(text)] });
      continue;
    }
    body.push(paragraphWithRunIn(line, boldRunIn(line) || runInLength(text, options.sentenceRunIns)));
  }
  return { body, sections, captions, fields, bylines };
}
