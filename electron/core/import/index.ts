/**
 * The importer: reads one draft (TXT in any common Chinese encoding, HTML, DOCX, DOC, Markdown)
 * into the document model. Readers turn bytes into lines; the stages clean, classify, split,
 * structure and annotate them. Every failure is an ImportFailure with a message for the user;
 * nothing is written anywhere.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Block, CaseMeta, Region } from '../model/types.js';
import { ImportFailure, type DraftInfo, type ImportedCase, type ImportedFile } from '../model/imported.js';
import { blocksText } from '../model/text.js';
import { contextRegion, findMentions, narrower, provinceFromCitedNumbers, regionFromDocNumber, resolveRegion } from '../regions/index.js';
import { homeRegion, inside as insideRegion, namesOtherProvinces, ownLevelWord, pageRegion, placeEvidence, signerHome, spokenProvince, spokenRegion } from '../regions/home.js';
import { caseDepth } from '../regions/depth.js';
import { examplesScope, reporterSource } from '../regions/scope.js';
import { NATIONAL_ORGAN } from '../regions/national.js';
import type { ReadResult, SourceLine } from './lines.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './readers/zipguard.js';
import { damageWarning, decodeText, readText } from './readers/text.js';
import { formatFromName, sniff, SUPPORTED_EXTENSIONS, extensionOf, type Format } from './sniff.js';
import { clean, type CleanInfo } from './stages/clean.js';
import { scoreCategories } from './stages/category.js';
import { splitKeywords } from './stages/keywords.js';
import { levelGovernment, noticeShape, postedDate, readNotice } from './stages/notice.js';
import { splitDraft, type CaseDraft } from './stages/split.js';
import { unwrap } from './stages/unwrap.js';
import { findDate } from './stages/dates.js';
import { hasWideForms, isTraditional, isTraditionalLine, readingLines, restoreStrings, stripPinyin } from './stages/traditional.js';
import { expandFormTables } from './stages/formtables.js';
import { structure } from './stages/structure.js';
import { alignListRegions, awardFromText, isListDocument, listDrafts, readList } from './stages/lists.js';
import { streetCounty } from './stages/placelabel.js';
import { isOrgan, ownOrgan, unitAfterTitle, unitFromText, unitLine } from './stages/units.js';
import { unitPlacesItself } from './stages/unitmodel.js';
import { ownRegion, withOwnPlace } from './stages/orgnames.js';
import { captionRunAtTop, isCaption } from './stages/captions.js';
import { namesHonour, statedAward } from './stages/honours.js';

export interface ImportInput {
  name: string;
  path?: string;
  bytes?: Uint8Array;
}

export interface ImportOptions {
  /** Largest file accepted, checked before reading (default 50 MB). */
  maxBytes?: number;
  /** Largest total a DOCX may unpack to (default 300 MB); above it, or at a bomb-like ratio, it is refused. */
  maxUnpackedBytes?: number;
  /** A traditional-character draft is read through a simplified copy either way; true keeps the simplified text. */
  convertToSimplified?: boolean;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export { ImportFailure };

/** Reads one draft into the model. Throws ImportFailure with a user-facing message naming the reason. */
export async function importFile(input: ImportInput, options: ImportOptions = {}): Promise<ImportedFile> {
  const name = input.name || (input.path ? path.basename(input.path) : 'untitled');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = await loadBytes(name, input, maxBytes);
  try {
    const zipLimits = options.maxUnpackedBytes ? { ...DEFAULT_ZIP_LIMITS, maxUncompressed: options.maxUnpackedBytes } : DEFAULT_ZIP_LIMITS;
    const read = await readAny(name, bytes, zipLimits);
    const file = assembleDraft(name, read, options);
    file.contentHash = createHash('sha256').update(bytes).digest('hex');
    return file;
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw new ImportFailure(name, `“${name}”导入失败：${(error as Error).message}。 ${name} could not be imported.`);
  }
}

async function loadBytes(name: string, input: ImportInput, maxBytes: number): Promise<Uint8Array> {
  if (input.bytes) {
    if (input.bytes.byteLength > maxBytes) throw tooBig(name, input.bytes.byteLength, maxBytes);
    if (input.bytes.byteLength === 0) throw empty(name);
    return input.bytes;
  }
  if (!input.path) throw new ImportFailure(name, `没有提供“${name}”的内容。 No content was given for ${name}.`);
  // Synchronous calls on one descriptor: a draft is a few kilobytes, and five awaited round trips
  // through the thread pool per file (stat, open, read, read, close) left the thread idle for
  // about a second in a batch of 1,000 drafts.
  let fd: number;
  try {
    fd = openSync(input.path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new ImportFailure(name, `“${name}”不是文件。 ${name} is not a file.`);
    throw new ImportFailure(name, `找不到或无法打开“${name}”。 ${name} could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) throw new ImportFailure(name, `“${name}”不是文件。 ${name} is not a file.`);
    // Refuse by size before reading a byte: a huge file must never be pulled into memory.
    if (s.size > maxBytes) throw tooBig(name, s.size, maxBytes);
    if (s.size === 0) throw empty(name);
    const buffer = Buffer.allocUnsafeSlow(s.size);
    let offset = 0;
    while (offset < s.size) {
      const bytesRead = readSync(fd, buffer, offset, s.size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, offset);
  } finally {
    closeSync(fd);
  }
}

function tooBig(name: string, size: number, max: number): ImportFailure {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  return new ImportFailure(name, `“${name}”太大（${mb(size)}），超过 ${mb(max)} 的上限，未导入。 ${name} is too large (${mb(size)}; the limit is ${mb(max)}).`);
}

function empty(name: string): ImportFailure {
  return new ImportFailure(name, `“${name}”是空文件，没有可导入的内容。 ${name} is empty.`);
}

function unsupported(name: string): ImportFailure {
  return new ImportFailure(
    name,
    `不支持“${name}”的文件类型（${extensionOf(name) || '无扩展名'}）。支持的格式：${SUPPORTED_EXTENSIONS.join(' ')}。 Unsupported file type; supported formats: ${SUPPORTED_EXTENSIONS.join(', ')}.`,
  );
}

/** A module loaded when first asked for, once. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

// The readers of markup load with the first draft of their format: a batch of text drafts never
// loads linkedom, Readability, htmlparser2 or markdown-it (≈0.3 s of CPU in every thread that
// imports, the API's and each import worker's).
const docReader = lazy(() => import('./readers/doc.js'));
const docxReader = lazy(() => import('./readers/docx.js'));
const htmlReader = lazy(() => import('./readers/html.js'));
const markdownReader = lazy(() => import('./readers/markdown.js'));
const mhtmlReader = lazy(() => import('./readers/mhtml.js'));

async function readAny(name: string, bytes: Uint8Array, zipLimits: ZipLimits): Promise<ReadResult> {
  const byName = formatFromName(name);
  const magic = sniff(bytes);
  // Magic bytes win over the name: office users rename files freely.
  if (magic === 'zip') {
    if (byName === null) throw unsupported(name);
    return (await docxReader()).readDocx(name, bytes, zipLimits);
  }
  if (magic === 'ole') {
    if (byName === null) throw unsupported(name);
    return (await docReader()).readDoc(name, bytes);
  }
  if (magic === 'pdf' || magic === 'image' || magic === 'rtf') {
    const what = magic === 'pdf' ? 'PDF' : magic === 'rtf' ? 'RTF' : '图片 image';
    throw new ImportFailure(name, `“${name}”实际是 ${what} 文件，无法作为文稿导入。支持的格式：${SUPPORTED_EXTENSIONS.join(' ')}。 ${name} is really a ${what} file; supported formats: ${SUPPORTED_EXTENSIONS.join(', ')}.`);
  }
  const format: Format | null = magic === 'html' && byName !== 'md' && byName !== 'mhtml' ? 'html' : byName;
  if (format === null) throw unsupported(name);
  if (format === 'docx' || format === 'doc') {
    // No zip/OLE signature: say what the file really is.
    let isText = false;
    try {
      decodeText(name, bytes.subarray(0, Math.min(bytes.length, 4096)));
      isText = true;
    } catch {}
    throw new ImportFailure(
      name,
      isText
        ? `“${name}”的扩展名是 ${extensionOf(name)}，但内容是纯文本，不是 Word 文档。请改为 .txt 后再导入。 ${name} is named like a Word document but is plain text; rename it to .txt.`
        : `“${name}”不是有效的 Word 文档（文件头不符）。 ${name} is not a valid Word document.`,
    );
  }
  if (format === 'html') {
    const { text, encoding, damaged } = decodeText(name, bytes);
    const read = (await htmlReader()).readHtml(text, 'html', encoding);
    read.warnings.push(...damageWarning(name, damaged));
    return read;
  }
  if (format === 'mhtml') return (await mhtmlReader()).readMhtml(name, bytes);
  if (format === 'md') {
    const { text, encoding, damaged } = decodeText(name, bytes);
    const read = (await markdownReader()).readMarkdown(text, encoding);
    read.warnings.push(...damageWarning(name, damaged));
    return read;
  }
  return readText(name, bytes);
}

/** Pinyin noise out, a traditional draft through its simplified copy, then the stages; the original characters back unless asked otherwise. */
function assembleDraft(name: string, read: ReadResult, options: ImportOptions): ImportedFile {
  const pinyin = stripPinyin(read.lines);
  let lines = pinyin.lines;
  let head = '';
  for (const l of lines) {
    head += `${l.text}\n`;
    if (head.length >= 1500) break;
  }
  const traditional = isTraditional(head);
  let restore: ((text: string) => string) | null = null;
  // The stages read one width and one script (traditional.ts readingLines); the editor gets the text as written.
  const wide = hasWideForms(lines);
  // A simplified page may carry lines in traditional characters (another script's template): those are read simplified.
  const mixed = !traditional && lines.some((l) => isTraditionalLine(l.text));
  if (traditional || wide || mixed) {
    const copy = readingLines(lines, mixed ? isTraditionalLine : traditional, options.convertToSimplified);
    lines = copy.lines;
    restore = wide || mixed || !options.convertToSimplified ? copy.restore : null;
  }
  let file = assemble(name, { ...read, lines });
  if (restore) file = restoreStrings(file, restore);
  if (traditional) {
    file.script = 'traditional';
    file.warnings.push(
      options.convertToSimplified
        ? '原文为繁体字，已按选择转换为简体。 The draft is in traditional characters and was converted to simplified, as chosen.'
        : '原文为繁体字：地区、单位和分类按简体识别，正文保留繁体；如需转换为简体，可在导入预览中选择“转换为简体”。 The draft is in traditional characters; it was matched through a simplified copy and kept as written.',
    );
  }
  if (pinyin.removed) file.warnings.push(`已删除镜像网站在汉字后加注的拼音（${pinyin.removed} 处）。 Bracketed pinyin added by a mirror site was removed (${pinyin.removed}).`);
  return file;
}

/**
 * A case's text with spacing and punctuation gone, taken from the simplified reading of a
 * traditional draft: the same case imported twice (or in the other script) has the same print.
 */
function fingerprint(title: string, bodyText: string): string {
  const text = `${title}\n${bodyText}`.replace(/[\s,.;:!?'"()[\]{}<>|/\\，。、；：！？“”‘’（）《》【】〔〕—–…·～~-]+/gu, '');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A notice naming no place of its own: the province of the documents it cites stands in for the text's. */
function noticeHint(context: ReturnType<typeof contextRegion>, text: string, own: string): ReturnType<typeof contextRegion> {
  if (context.province) return context;
  const province = provinceFromCitedNumbers(text, own);
  return province ? { ...context, province } : context;
}

function assemble(name: string, read: ReadResult): ImportedFile {
  const expanded = expandFormTables(read.lines);
  const rejoined = unwrap(expanded);
  const unwrapped = rejoined.length !== expanded.length;
  const cleaned = clean(rejoined);
  const lines = cleaned.lines;
  if (!lines.some((l) => l.text || l.image || l.table)) {
    throw new ImportFailure(name, `“${name}”中没有可导入的正文。 ${name} contains no text to import.`);
  }
  // The place is read from the text and the furniture that speaks of the page's own site (regions/home.ts placeEvidence).
  const allText = placeEvidence(rejoined.filter((l) => !l.furniture).map((l) => l.text), cleaned.dropped, true);
  // A national agency's dateline ("新华社北京2月21日电") names where the news was filed, not what it is about.
  const mentions = findMentions(allText.replace(/(?:新华社|中新社|中新网|人民网|新华网|央视网|中国新闻网)[\s\u3000]*[\u4e00-\u9fa5]{2,8}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日电/gu, ''));
  const context = contextRegion(allText, mentions);
  // Several cities named (captions, venues, a survey of a province): an article's opening place is not its region by itself.
  const cities = new Set(mentions.flatMap((m) => (m.places.length === 1 ? [m.places[0]!.level === 'county' ? m.places[0]!.city?.code : m.places[0]!.level === 'city' ? m.places[0]!.code : undefined] : [])).filter(Boolean));
  // The page's source ("来源: 济宁民政") says where the draft comes from when the text is mixed.
  // (Unless it names only provinces the text never names, in a text that names its own: another province's
  // portal or paper carrying the story says where the copy was found, neither the text's place nor its unit.)
  const foreignSource = Boolean(cleaned.info.publisher) && namesOtherProvinces(cleaned.info.publisher!, rejoined.map((l) => l.text), cleaned.dropped);
  const { publisher: _publisher, ...unsourced } = cleaned.info;
  const caseInfo: CleanInfo = foreignSource ? unsourced : cleaned.info;
  const source = cleaned.info.publisher && !foreignSource ? resolveRegion(cleaned.info.publisher, context) : null;
  if (source?.province && (!context.province || context.province === source.province)) {
    context.province = source.province;
    if (source.city && !context.city) context.city = source.city;
  }
  const articleContext = { ...context, competing: cities.size >= 2, home: homeRegion(allText, mentions, context) };
  const base = {
    file: name,
    format: read.format,
    dropped: cleaned.dropped,
    warnings: [...read.warnings],
  };
  const encoding = read.encoding ? { encoding: read.encoding } : {};

  const shape = noticeShape(lines, rejoined);
  if (shape) {
    const notice = readNotice(lines, shape, name);
    // A conferring text copied without its title (from its 主送 line or its 文号) is kept for its list:
    // nothing of the notice is left to file, and an editor imports it as the list it carries.
    // So is a 公示 without 文号 whose body is the list of those it proposes: the list is what an editor files.
    if (!notice.meta.title || (!notice.meta.docNumber && /公示$/u.test(notice.meta.title))) {
      const list = readList(lines);
      // (A list printed after the 公示's signature and date is its attachment: the notice is what is filed, the list its cases.)
      // (The 署名 or date is looked for in the lines the list was read from: the shape counts its own when the copy ran
      // them into the last paragraph, and a page's date line may have been read as its byline.)
      const closing = [shape.issuerAt, shape.dateAt].flatMap((k) => (k >= 0 ? [(shape.lines ?? lines)[k]?.text.trim() ?? ''] : [])).filter(Boolean);
      const appended = Boolean(notice.meta.title && closing.length && list?.items.length) && lines.slice(0, list!.items[0]!.at).some((l) => closing.some((c) => l.text.trim().endsWith(c)));
      // (Not a list only summarised, each group by its first name and count: the awardees are not on the copy, the decision is.)
      if (list && !appended && !list.summarised && isListDocument(lines, list)) return assembleList(name, lines, list, cleaned, context, base, encoding);
    }
    const warnings = [...base.warnings];
    if (!notice.meta.title) {
      notice.meta.title = name.replace(/\.[^.]+$/u, '');
      warnings.push(`未识别出通知的标题（复制时可能留在了网页标题栏），暂用文件名“${notice.meta.title}”。 The notice's title was not in the copy; the file name stands in.`);
    }
    notice.meta.region =
      resolveRegion(notice.meta.issuer ?? '', context) ??
      resolveRegion(notice.meta.organ ?? '', context) ??
      // Signed by level word alone ("区民政局 区财政局"): the document's home division at that level.
      ownRegion(notice.meta.issuer ?? notice.meta.organ, articleContext.home) ??
      spokenRegion(resolveRegion(notice.meta.title, context), articleContext.home, allText) ??
      // A township's government signs with no county before it ("嘎鲁图镇人民政府"): the division list's streets place it.
      resolveRegion(streetCounty(`${notice.meta.issuer ?? ''} ${notice.meta.organ ?? ''}`, context.province) ?? '', context) ??
      (notice.meta.docNumber ? regionFromDocNumber(notice.meta.docNumber, noticeHint(context, allText, notice.meta.docNumber)) : null) ??
      // A notice copied without organ or signature: the document's own division (its site, paper, the places it names).
      (!notice.meta.issuer && !notice.meta.organ ? articleContext.home : signerHome([notice.meta.issuer, notice.meta.organ], articleContext.home));
    // A title naming its government by level word alone leaves the organ to the division just found.
    const levelOrgan = notice.meta.organ ? null : levelGovernment(notice.meta.title, notice.meta.region);
    if (levelOrgan) notice.meta.organ = levelOrgan;
    const table = shape.info?.fields;
    const published = (table?.['发布日期'] ? findDate(table['发布日期']) : null) ?? shape.byline?.date ?? null;
    const posted = postedDate(notice.meta, [published, cleaned.info.date ?? null], cleaned.dropped, blocksText(notice.body));
    if (posted) [notice.meta.date, notice.meta.year] = [posted, Number(posted.slice(0, 4))];
    // A document reprinted in a news page: the page keeps its own headline, date and lead; the notice is the document.
    const wrapper = shape.wrapper;
    const info: DraftInfo = wrapper
      ? { title: wrapper.headline ?? notice.meta.title, date: published ?? cleaned.info.date ?? notice.meta.date ?? null }
      : { title: notice.meta.title, date: notice.meta.date ?? published ?? cleaned.info.date ?? null };
    if (wrapper?.lead.length) info.lead = structure(wrapper.lead, { captions: false, sentenceRunIns: false }).body;
    if (table && Object.keys(table).length) info.table = table;
    if (cleaned.info.publisher) info.publisher = cleaned.info.publisher;
    if (!notice.meta.region) warnings.push(`未能从发文机关确定所属地区。 No region could be read from the issuer “${notice.meta.issuer ?? ''}”.`);
    // A notice that announces its awards in its body ("分别是: 一、标题（单位） 二、…") carries them as cases.
    // (The 主送 line is included: portals run the body on after it.)
    const bodyLines = lines.slice(shape.addresseesAt >= 0 ? shape.addresseesAt : shape.bodyFrom);
    const bodyList = readList(bodyLines);
    // (Only a list of honours: a notice also lists what it inspected or asks for, and those are its content.)
    // (Not the groups a decision sums up by their first names, "A等20个企业为X": its list is not on the copy.)
    const bodyDrafts = bodyList && bodyList.items.length >= 2 && !bodyList.summarised ? listDrafts(bodyList, awardFromText(bodyLines.map((l) => l.text))) : [];
    const noticeCases = bodyDrafts.some((d) => namesHonour(d.award))
      ? bodyDrafts.map((d) => buildCase(d, name, 'case-list', caseInfo, context, notice.meta.year ?? null, '', notice.meta.title))
      : [];
    alignListRegions(noticeCases, notice.meta.region);
    return { ...base, warnings, ...encoding, kind: 'notice', info, cases: noticeCases, notice, captions: [] };
  }

  // Captions printed above a newspaper article become picture placeholders, as captions elsewhere do.
  // (Found before cleaning, which lifts the reporter's line that marks the run's end.)
  const topCaptions = new Set(captionRunAtTop(rejoined).map((k) => rejoined[k]));
  if (topCaptions.size) lines.forEach((l, k) => topCaptions.has(l) && (lines[k] = { text: l.text, image: {} }));
  const list = readList(lines);
  if (list && isListDocument(lines, list)) return assembleList(name, lines, list, cleaned, articleContext, base, encoding);

  const split = splitDraft(lines, cleaned.info);
  const info = draftInfo(split.title, split.subtitle, cleaned.info);
  const captions: string[] = [];
  if (split.lead.length) {
    const lead = structure(split.lead, { captions: true, sentenceRunIns: false });
    captions.push(...lead.captions);
    // Captions stay in the lead as picture placeholders, as they do in case bodies.
    info.lead = lead.body.map((b) => (b.type === 'paragraph' && split.kind === 'feature' ? { ...b, role: 'lead' as const } : b));
  }
  const docYear = yearOf(`${split.title ?? ''} ${split.subtitle ?? ''}`) ?? (cleaned.info.date ? Number(cleaned.info.date.slice(0, 4)) : null);
  const untitled: string[] = [];
  for (const draft of split.cases) {
    // A draft with no title line at all is named after its file, for the editor to change.
    if (!draft.title) {
      draft.title = name.replace(/\.[^.]+$/u, '');
      untitled.push(`未识别出标题，暂用文件名“${draft.title}”。 No title line was found; the file name stands in.`);
    }
  }
  // Captions in the lead describe pictures, not where the article is from.
  const leadText = split.lead.filter((l) => !l.image && !isCaption(l.text)).map((l) => l.text).join('\n');
  const cases: ImportedCase[] = split.cases.map((draft) => buildCase(draft, name, split.kind, caseInfo, articleContext, docYear, leadText));
  for (const c of cases) captions.push(...c.captions);
  const warnings = [...base.warnings, ...untitled, ...caseWarnings(cases)];
  if (unwrapped) warnings.push('按固定行宽断行的文本已重新合并为段落。 Hard-wrapped lines were joined into paragraphs.');
  return { ...base, warnings, ...encoding, kind: split.kind, info, cases, notice: null, captions };
}

/** An award or shortlist document: its items become title-only cases with the award the list confers. */
function assembleList(
  name: string,
  lines: SourceLine[],
  list: NonNullable<ReturnType<typeof readList>>,
  cleaned: ReturnType<typeof clean>,
  context: ReturnType<typeof contextRegion> & { home?: Region | null },
  base: Pick<ImportedFile, 'file' | 'format' | 'dropped' | 'warnings'>,
  encoding: { encoding?: string },
): ImportedFile {
  const first = list.items[0]!.at;
  const nameLine = list.nameAt >= 0 ? lines[list.nameAt]!.text : null;
  const titleLine = lines[0] && lines[0].text.length <= 80 && !/[。！？]/u.test(lines[0].text) && first > 0 ? lines[0].text : null;
  const title = nameLine ?? titleLine;
  const before = lines.slice(0, first).map((l) => l.text);
  const award = awardFromText([...(nameLine ? [nameLine] : []), ...(titleLine ? [titleLine] : []), ...before]);
  const year = yearOf(`${title ?? ''} ${award ?? ''}`) ?? (cleaned.info.date ? Number(cleaned.info.date.slice(0, 4)) : null);
  const about = [award ?? '', title ?? '', ...before].join('\n');
  const cases = listDrafts(list, award).map((d) => buildCase(d, name, 'case-list', cleaned.info, context, year, '', about));
  // A county's own competition ("滨湖区首届社区治理创新成果评选") lists that county's work: items
  // without a place of their own are in it (a community named like another district is not).
  const scopeText = [nameLine ?? '', titleLine ?? '', before.find((t) => /[。！？]/u.test(t))?.split(/[。！？]/u)[0] ?? ''].join('\n');
  const scope = resolveRegion(scopeText, context);
  if (scope?.county) {
    list.items.forEach((it, k) => {
      const c = cases[k];
      if (c && !it.place && c.meta.region?.county !== scope.county && (!c.meta.region || c.meta.region.city === scope.city)) c.meta.region = scope;
    });
  }
  alignListRegions(cases, context.province ? { province: context.province, city: context.city ?? null, county: context.county ?? null } : null);
  inSharedCounty(cases);
  // A report's entry stands for the page: a unit written by the page's level word ("我市某中心") is the page's own
  // body, and an entry nothing else places is where the page is from.
  for (const [k, c] of (list.report ? cases : []).entries()) {
    // (A work its clause names no body for, "我市“X”工作获…", is the text's own body's: the unit the page has as a case's.)
    if (!c.meta.unit && list.items[k]?.whole) c.meta.unit = unitFromText(lines.filter((l) => l.text && !l.image).map((l) => l.text), lines[0]?.text ?? '', null, context.home);
    const own = c.meta.unit ? withOwnPlace(c.meta.unit, context.home) : null;
    if (own) c.meta.unit = own;
    if (!c.meta.region?.province) c.meta.region = ownRegion(c.meta.unit, context.home) ?? context.home ?? null;
  }
  const leadLines = lines.slice(0, first).filter((l, k) => !list.taken.has(k) && k !== list.nameAt && !(titleLine && k === 0));
  const info = draftInfo(title, null, cleaned.info);
  if (leadLines.length) info.lead = structure(leadLines, { captions: false, sentenceRunIns: false }).body;
  // Items carry no text, so "no body" is what a list is, not something to check.
  const warnings = [...base.warnings, ...caseWarnings(cases).filter((w) => !w.includes('has no body text'))];
  return { ...base, warnings, ...encoding, kind: 'award-list', info, cases, notice: null, captions: [] };
}

/**
 * A list whose items are placed in one county, but for some named after a zone by the wider name of the province or
 * municipality it lies in ("滨海新区泰达街道芳林社区、新北街道…、天津港保税区远洋社区、中新天津生态城和韵社区等20个社区"):
 * those are in that county too. (Only items whose place is their own name's, at the province or municipality alone and
 * not by its full name: a heading "天津市" over a county's list, or a body named "天津市…", is the municipality's.)
 */
function inSharedCounty(cases: ImportedCase[]): void {
  const placed = cases.filter((c) => c.meta.region?.county);
  const county = placed[0]?.meta.region;
  if (!county || placed.length < 2 || placed.some((c) => c.meta.region!.code !== county.code)) return;
  const wider = cases.filter((c) => {
    const r = c.meta.region;
    if (!r?.province || r.county) return false;
    const ownName = !c.meta.heading || c.meta.heading === c.meta.title;
    return ownName && (!r.city || r.city === r.province) && r.province === county.province && !c.meta.title.includes(r.province);
  });
  if (wider.length === 0 || wider.length + placed.length !== cases.length || wider.length >= placed.length) return;
  for (const c of wider) c.meta.region = { ...county };
}

/** What the import preview should point out for the editor to check. */
function caseWarnings(cases: ImportedCase[]): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const title = c.meta.title;
    if (!c.meta.region) out.push(`“${title}”：未能确定所属地区。 No region could be determined for “${title}”.`);
    if (c.body.length === 0) out.push(`“${title}”：没有正文。 “${title}” has no body text.`);
  }
  return out;
}

function yearOf(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/u.exec(text);
  return m ? Number(m[1]) : null;
}

function draftInfo(title: string | null, subtitle: string | null, info: CleanInfo): DraftInfo {
  const out: DraftInfo = { title, subtitle, date: info.date ?? null };
  if (info.publisher) out.publisher = info.publisher;
  if (info.publication) out.publication = info.publication;
  if (info.credits) out.credits = info.credits;
  if (info.keywords) out.keywords = splitKeywords(info.keywords);
  if (info.authors) out.authors = info.authors;
  return out;
}

/**
 * "邓州网讯", "牡丹晚报讯", "今日竹山网消息": a local outlet's dateline names the place (an outlet called 今日+place,
 * 今日六合 or 今日鄂尔多斯, by the place after 今日); a national agency's ("新华社北京2月21日电") does not.
 */
const OUTLET_DATELINE = /^(?:今日)?([\u4e00-\u9fa5]{2,6}?)(?:网讯|日报讯|晚报讯|报讯|网消息|讯|消息)[\s\u3000]/u;
const AGENCY_DATELINE = /^(?:新华社|中新社|中新网|人民网|央视网|新华网|本报|本网)[\s\u3000]*[\u4e00-\u9fa5]{0,6}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)[^)）]*?[)）]?/u;

/**
 * Where a single article is from when neither its title nor its unit says: the outlet's
 * dateline, else the opening sentence narrowed to what the whole text confirms (a caption or a
 * venue naming a county must not narrow a province's article), else the text's dominant place.
 */
/** A local outlet named in the text ("昌宁政务网", "秭归新闻网"): where a page that names no place of its own comes from. */
const LOCAL_OUTLET = /([\u4e00-\u9fa5]{2,4}?)(?:政务网|新闻网|融媒体中心|融媒|发布|电视台|广播电视台|日报|晚报)/gu;

function outletRegion(text: string, hint: Partial<Region>): Region | null {
  const found = new Map<string, Region>();
  for (const m of text.matchAll(LOCAL_OUTLET)) {
    const r = resolveRegion(m[1]!, hint);
    if (r?.county || r?.city) found.set(r.code ?? m[1]!, r);
  }
  // Only one outlet place, or the page is not from one place.
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** Where a meeting or an event is held: "在长沙召开", "在某区隆重举行". */
const VENUE = /在([\u4e00-\u9fa5]{2,12}?)(?:隆重)?(?:召开|举行|举办|开幕)/u;

/** A sentence whose subject is a national organ (its own lead-in words aside): see articleRegion. */
const NATIONAL_SUBJECT = new RegExp(String.raw`^(?:据悉|近日|日前|今年以来|目前|(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日(?:上午|下午|晚)?)?[,，]?\s*(?:为[^。；;]{2,90}?[,，]\s*)?(?:记者从[^,，。]{0,14}?)?(?:${NATIONAL_ORGAN}|全国)`, 'u');

function articleRegion(opening: string, hint: Partial<Region>, context: ReturnType<typeof contextRegion> & { competing?: boolean; home?: Region | null }, text = ''): Region | null {
  const outlet = OUTLET_DATELINE.exec(opening);
  if (outlet) {
    const r = resolveRegion(outlet[1]!, hint);
    if (r) return r;
  }
  const sentence = firstSentence(opening.replace(AGENCY_DATELINE, '').replace(/^\s*(?:本报讯|本网讯)?\s*[(（][^()（）]{0,30}[)）]\s*/u, ''));
  // News about the nation ("民政部近日印发…", "记者从国务院新闻办获悉…") has no region, whatever places it lists.
  // The national organ must be the sentence's subject, not a mention ("被民政部获准…的连山区民政局").
  if (NATIONAL_SUBJECT.test(sentence)) return null;
  const found = resolveRegion(sentence, hint);
  // The reporter's source ("记者从徐汇区规划局获悉") is the organ the news is from: its division, inside what the opening names.
  const told = reporterSource(opening, hint);
  if (told && (!found || (insideRegion(told, found) && !insideRegion(found, told)))) return told;
  // A meeting of the whole division held somewhere in it ("全省养老服务工作会议在长沙召开", "全市…推进会在某区举行"):
  // the place is its venue, the level word its scope.
  const venue = found ? VENUE.exec(sentence)?.[1] : undefined;
  const scope = venue && findMentions(venue).length > 0 ? ownLevelWord(sentence, found!.province) : null;
  if (found && scope === '省' && found.city) return resolveRegion(found.province!);
  if (found && scope === '市' && found.county && found.city && found.city !== found.province) return resolveRegion(`${found.province}${found.city}`);
  // "我区下管镇…" in a local paper's report: the paper's own district or county ("上虞日报" → 上虞区).
  const we = /我([区县市])/u.exec(sentence)?.[1];
  if (we && !found?.county) {
    const home = outletRegion(text, hint);
    if (home && (we === '市' ? home.city && !home.county : home.county?.endsWith(we)) && (!found || found.province === home.province)) return home;
  }
  const whole = context.province ? resolveRegion(`${context.province}${context.city ?? ''}`) : null;
  // A county bureau's page that says only "县民政局": the local outlet it names (or the page's source,
  // 某市融媒体中心) says which county, when it lies inside what the whole text says.
  if (!found && /[县区市]民政局|我[县区市]/u.test(text)) {
    const outletPlace = outletRegion(text, hint);
    const inside = outletPlace && whole && outletPlace.province === whole.province && (!whole.city || outletPlace.city === whole.city) && !whole.county;
    if (!whole || inside) {
      // A city bureau's page ("市民政局", "我市") in a paper named after a district is the city's
      // (a county-level city's own paper, 某市融媒体中心, has its own 市民政局).
      if (outletPlace?.county && !/[县区]民政局|我[县区]/u.test(text) && outletPlace.city && !outletPlace.county.endsWith('市')) return resolveRegion(`${outletPlace.province}${outletPlace.city}`);
      if (outletPlace) return outletPlace;
    }
  }
  // Nothing named in the opening: the document's own division (the townships it names, its site), as deep as the home reads
  // inside the city the whole text names, unless the text speaks as that city (全市, 我市).
  if (!found) {
    // A text that shows its work by places in several of its province's cities ("记者到巩义、许昌等地作了探访") is the
    // province's, whatever city it names most; so is one that speaks as its province (全省, 我省) where that city is read
    // from its counties alone (a city that names itself, "西宁是全省老年人口最集中的城市", ranks itself in its province).
    if (whole?.city && whole.province && (examplesScope(text)?.province === whole.province || (ownLevelWord(text, whole.province) === '省' && !namesItself(text, whole.city)))) return resolveRegion(whole.province);
    const deeper = whole?.city && context.home && insideRegion(context.home, whole) && ownLevelWord(text, whole.province) !== '市';
    return deeper ? context.home! : (whole ?? context.home ?? spokenProvince(text));
  }
  // "河南省民政厅坚持…": the opening names the province only, and that is the article's scope.
  if (!context.competing || !found.city) return found;
  if (!context.province || found.province !== context.province) return found.province === context.province ? found : (whole ?? found);
  if (context.city && found.city === context.city) return found;
  return whole;
}

/** The text names the city itself (by its name or short name), not only its counties. */
function namesItself(text: string, city: string): boolean {
  return findMentions(text).some((m) => m.places.some((p) => p.level === 'city' && p.name === city));
}

function buildCase(
  draft: CaseDraft,
  file: string,
  kind: string,
  info: CleanInfo,
  context: ReturnType<typeof contextRegion> & { competing?: boolean; home?: Region | null },
  docYear: number | null,
  leadText = '',
  /** For a list item (no text of its own): the list's name and lead, which say what area it is in. */
  categoryContext = '',
): ImportedCase {
  // A unit printed with the head: dashed or bracketed after the title, or on a ◉/供稿 line under it.
  const afterTitle = draft.unit ? null : unitAfterTitle(draft.title);
  if (afterTitle) draft = { ...draft, title: afterTitle.title, unit: afterTitle.unit };
  const line = draft.unit ? null : unitLine(draft.lines, context.home);
  if (line) draft = { ...draft, unit: line.unit, lines: line.keep ? draft.lines : draft.lines.filter((_, k) => k !== line.at) };
  const s = structure(draft.lines, { captions: true, sentenceRunIns: true });
  const stated =
    draft.unit ??
    s.fields['创新单位'] ??
    s.fields['申报单位'] ??
    s.fields['报送单位'] ??
    s.fields['实施单位'] ??
    s.fields['推荐单位'] ??
    s.fields['供稿单位'] ??
    // A single article's page names its source; when that is an organ, it is the unit.
    (kind === 'single-case' && isOrgan(info.publisher) ? info.publisher! : null) ??
    // "（某市民政局供稿）" closing the case: the organ that sent it in.
    (s.bylines.map((b) => ownOrgan(b, context.home)).find(Boolean) ?? null);
  // Otherwise an organ in brackets closing the text, or the body its title and opening sentences
  // have as subject ("某县民政局聚焦…") or as the one chosen ("某站入选…"), did the work.
  const unit = stated ?? unitFromText(s.body.filter((b) => b.type === 'paragraph').map((b) => blocksText([b])), draft.title, draft.subtitle, context.home);
  const hint = { ...context };
  const unitRegion = unit && unitPlacesItself(unit) ? resolveRegion(unit, hint) : null;
  if (unitRegion?.province) hint.province = unitRegion.province;
  if (unitRegion?.city) hint.city = unitRegion.city;
  const firstParagraph = firstParagraphText(s.body);
  const authors =
    s.fields['撰稿人'] ?? s.fields['撰稿'] ?? s.fields['执笔人'] ?? s.fields['执笔'] ?? s.bylines[0] ?? (kind === 'single-case' ? info.authors ?? null : null);
  const titleRegion = resolveRegion(draft.title, hint);
  const headingRegion = draft.heading ? resolveRegion(draft.heading, hint) : null;
  const read =
    // A single article's heading naming a province or city over a unit in one of its counties (an account's region
    // label "山西" over 永和县民政局) is the unit's county; a list's group heading is the scope of all its items.
    (headingRegion && kind === 'single-case' ? narrower(headingRegion, unitRegion) : headingRegion) ??
    // A title naming a prefecture or city over a unit in one of its counties: the unit's county.
    narrower(titleRegion, unitRegion) ??
    (authors ? resolveRegion(authors, hint) : null) ??
    // A single article's own rule decides, national news included; list and feature cases read their opening.
    (kind === 'single-case'
      ? // The page's source standing in for the unit: the text's own place inside it, at the level it speaks of.
        unit && unit === info.publisher
        ? pageRegion(unitRegion, articleRegion(leadText || firstParagraph, hint, context, `${info.publisher ?? ''}\n${draft.title}\n${blocksText(s.body)}`), `${draft.title}\n${blocksText(s.body)}`)
        : (unitRegion ?? articleRegion(leadText || firstParagraph, hint, context, `${info.publisher ?? ''}\n${draft.title}\n${blocksText(s.body)}`))
      : (resolveRegion(firstSentence(firstParagraph), hint) ?? unitRegion));
  // An article's region at the depth its text supports (regions/depth.ts), unless its unit or title names it.
  const region =
    kind === 'single-case'
      ? caseDepth(read, {
          title: `${draft.title}\n${draft.subtitle ?? ''}`,
          paragraphs: [...(leadText ? [leadText] : []), ...s.body.filter((b) => b.type === 'paragraph').map((b) => blocksText([b]))],
          // (A unit read from the text's own sentences is a reading of the text as the depth is: its scene's body in a city's
          // account, "锦江区民政局婚姻登记处…" under "成都:", does not fix it; a stated unit, 申报单位 or the page's organ, does.)
          fixed: Boolean((unitRegion && stated) || titleRegion?.county || draft.heading),
        })
      : read;
  const bodyText = blocksText(s.body);
  // A list item's own honour ("2014年全国综合减灾示范社区") says its area as the list's name does.
  const itemContext = !bodyText && draft.award && !categoryContext.includes(draft.award) ? `${draft.award}\n${categoryContext}` : categoryContext;
  const category = scoreCategories(`${draft.title} ${draft.subtitle ?? ''}`, bodyText || itemContext, { article: kind === 'single-case', listItem: !bodyText && Boolean(itemContext), honour: draft.award });
  if (draft.groupCategory) {
    // The draft itself files the case under an area: that beats any word count.
    category.category = draft.groupCategory;
    category.explanation = [
      { category: draft.groupCategory, score: 0, words: [{ word: `分组标题 group heading: ${draft.groupHeading ?? draft.groupCategory}`, count: 1, weight: 0 }] },
      ...category.explanation,
    ];
  }
  const date = kind === 'single-case' ? info.date ?? null : null;
  const meta: CaseMeta = {
    title: draft.title,
    subtitle: draft.subtitle,
    heading: draft.heading,
    region,
    category: category.category,
    categoryExplanation: category.explanation,
    unit,
    // A single article states its own honour ("X被评为Y", "荣获“Y”称号") in its headline or lead.
    award: draft.award ?? (kind === 'single-case' ? statedAward([draft.title, firstParagraph]) : null),
    year: docYear ?? (date ? Number(date.slice(0, 4)) : null),
    date,
    authors,
    sourceFile: file,
    status: 'draft',
  };
  return { meta, body: s.body, sections: s.sections, captions: s.captions, fingerprint: fingerprint(draft.title, bodyText) };
}

function firstParagraphText(body: Block[]): string {
  for (const b of body) if (b.type === 'paragraph') return blocksText([b]);
  return '';
}

function firstSentence(text: string): string {
  // A quoted lead ("“我在社区住了快十年……”4月16日,某社区居民说") is the speaker's words: the
  // sentence that places it is the attribution after the quote.
  const quoted = /^[“"]([^”"]{0,200})[”"]/u.exec(text);
  const m = /^[^。！？]{0,80}/u.exec(quoted ? text.slice(quoted[0].length) : text);
  return m ? m[0] : '';
}

export type { SourceLine };
