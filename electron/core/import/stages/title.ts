/**
 * Which line at the top of a page is its headline. The headline is the line the rest of the page
 * is about, told by features rather than by a list of words to skip: it stands near the top of the
 * content, right over the text; it reads as a headline (8–40 characters, no sentence, no terminal
 * punctuation); it shares words with the first paragraphs. Some lines can never be it, whatever
 * their place: a date alone, numbers, a row of links, a reader's or a portal's widget, a spam line,
 * a label with its value. clean.ts drops what stands above the headline it finds.
 */
import { DATE_ONLY, NUMERIC_DATE } from './dates.js';
import { isChannelRow, isClock, isHotWords, isMarkupResidue, isMenuWord, isModeSwitch, isPager, isPaperReaderLine, isSiteNotice, isSpamLine, isWidgetLabel, isWidgetRow } from './furniture.js';
import { isNameAlone } from './orgnames.js';
import { bigramShare } from '../../model/similarity.js';

const SENTENCE_END = /[。！？!?]/u;

/** A news story's dateline opening its first paragraph ("本报讯", "某某网讯", "新华社北京5月6日电"). */
export const NEWS_DATELINE = /^(?:本报讯|本刊讯|本网讯|[\u4e00-\u9fa5]{2,8}(?:网|报|台|社|中心)讯|[\u4e00-\u9fa5]{2,8}(?:社|网)[\u4e00-\u9fa5]{2,6}[0-9０-９]{1,2}月[0-9０-９]{1,2}日电|据[\u4e00-\u9fa5]{2,8}(?:报道|消息))/u;

/**
 * Links side by side ("延吉概况 延吉新闻 社会民生 公示公告 …"): four tokens at least, each short, most of
 * them two to six characters, no punctuation a sentence or a headline would hold.
 */
export function isLinkRow(text: string): boolean {
  if (text.length > 200 || /[。，,！？!?、；;“”"《》]/u.test(text)) return false;
  const parts = text.trim().split(/[\s\u3000|｜/／›»>＞]+/u).filter(Boolean);
  if (parts.length < 4 || parts.some((p) => p.length > 10)) return false;
  // A link is named by a word, not by a value after its label: a row with a clock time and a labelled
  // source ("2022/06/05/ 12:49 来源:新甘肃 记者 文洁") is the page's date and source line, which may stand under its headline.
  if (parts.filter((p) => /[:：]./u.test(p)).length >= 2) return false;
  // Nor is a reporters' byline ("记者 张三 通讯员 李四"), whose names stand apart like links.
  if (isReporterByline(text)) return false;
  return parts.filter((p) => p.length >= 2 && p.length <= 6).length >= parts.length * 0.75;
}

/**
 * A reporter's byline: an outlet perhaps, then the role, then one to four names ("新甘肃·甘肃日报记者 文洁",
 * "城市晚报全媒体记者 陆续", "新黄河记者:孙锋"). It says who wrote the story, never what it is about.
 */
const REPORTER_BYLINE = /^[(（]?[^。，,！？!?:：]{0,16}?(?:全媒体)?(?:记者|通讯员|实习生)\s*[:：|｜_]?\s*[\u4e00-\u9fa5·]{2,4}(?:(?:\s+|[、，,]\s*)[\u4e00-\u9fa5·]{2,4}){0,3}[)）]?$/u;

export function isReporterByline(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && REPORTER_BYLINE.test(t);
}

/**
 * A page's labelled field with its value ("当前报纸名称:拉萨晚报", "日期:03-08", "栏目:工作动态"): the label
 * ends in a field's word. (A headline "民政部：加快…" has a speaker before its colon, not a field.)
 */
const FIELD = /^[\u4e00-\u9fa5]{0,6}(?:名称|日期|时间|版面|版次|来源|作者|编辑|栏目|分类|类别|字号|标签|浏览|点击|阅读|期号|期数)\s*[:：]\s*\S{0,24}$/u;

/**
 * A breadcrumb: the path to the page, its steps short and joined by arrows ("首页 > 新闻中心 > 工作动态",
 * "当前位置：首页 » 政务公开"), or by the "?" a copy leaves for an arrow it could not encode ("首页 ? 新时代文明实践 ?
 * 移风易俗"). Two arrows at least, or the label of a location before one. (An arrow → marks a flow in a headline, "从“输血”→“造血”", no path.)
 */
const BREADCRUMB_PATH = /^(?:(?:(?:当前|您的|您现在的|您当前的|所在)?位置|当前所在)\s*[:：]\s*)?(?:[^>＞»›。，,！？?]{1,14}(?:\s*[>＞»›]|\s[?？])\s*){2,}[^>＞»›。，,！？?]{0,16}$|^(?:(?:当前|您的|您现在的|您当前的|所在)位置|当前所在)\s*[:：]\s*[^。，,！？]{1,40}[>＞»›→]/u;

export function isBreadcrumb(text: string): boolean {
  const t = text.trim();
  return t.length <= 80 && BREADCRUMB_PATH.test(t);
}

/**
 * The labels of a page's date and source fields ("时间:", "来源:", "作者:", "点击:"): a line holding two of
 * them is the page's date/source line, however long its values ("[南沙群岛] 时间:2025-05-05 … 来源:… 点击:35次").
 * A headline may have a speaker before one colon, never two labelled fields. (Such a line is still no end of
 * the page's head, as isNeverTitle's lines are: it stands under the headline as often as over it.)
 */
const PAGE_FIELD = /(?:时间|日期|来源|作者|编辑|责编|记者|通讯员|点击|浏览|阅读|访问|发布者?|字号|字体)(?:次数|数|量|人)?\s*[:：]/gu;

/** A share bar ("分享到： 微信 微博 QQ空间") or a row of the page's widgets ("【字体：大 中 小】【打印】"): the article's tools. */
function isPageTools(text: string): boolean {
  const t = text.trim();
  return /^[[【(（]?\s*(?:分享到|分享至|转发到|一键分享|分享)\s*[:：]/u.test(t) || isWidgetLabel(t) || isWidgetRow(t);
}

/**
 * Shapes no headline has: a web address or domain alone ("www.mzj.example.gov.cn"), a column's tag alone in
 * brackets ("【民政要闻】"), a picture's caption by its own mark ("图为…", "▲…"). (A repost's "原标题:…" is not one: copied from it, the page has no other headline.)
 */
const NEVER_SHAPE = /^(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]\S*)?$|^[【[［]\s*[^【】[\]［］]{1,10}\s*[】\]］]$|^(?:图为|[▲△▼▽↑☝])\s*\S/u;

/**
 * A contact field alone ("热线电话:0398-2182069", "邮箱:…@…"): never chosen as the headline. (It is no
 * never-line: at an article's foot it is the draft's own contact, which the line model must keep.)
 */
const CONTACT_FIELD = /^[\u4e00-\u9fa5]{0,8}(?:电话|热线|手机|传真|邮箱|信箱|QQ)(?:号码)?\s*[:：]\s*[0-9０-９A-Za-z@._\-—()（）\s,，、]{5,60}$/u;

/**
 * A record's fields in brackets, each label with its value ("【法宝引证码】CLI.1.304262 【时效性】尚未施行",
 * "【发布单位】某局 【发布日期】…"): two labelled fields, as PAGE_FIELD's colons are, are no headline.
 */
const BRACKET_FIELDS = /^(?:[【[［]\s*[\u4e00-\u9fa5]{2,8}\s*[】\]］]\s*[^【】[\]［］\s][^【】[\]［］]{0,40}){2,}$/u;

/** A line that can never be a page's headline, wherever it stands. */
export function isNeverTitle(text: string): boolean {
  const t = text.trim();
  if (!t) return true;
  if (isBreadcrumb(t) || NEVER_SHAPE.test(t) || BRACKET_FIELDS.test(t) || isSiteNotice(t) || isWidgetLabel(t) || isMenuWord(t)) return true;
  const squeezed = t.replace(/\s+/gu, '');
  if (DATE_ONLY.test(squeezed) || /^[0-9０-９\s:：\-/.年月日星期周一二三四五六日天]+$/u.test(t)) return true;
  if (NUMERIC_DATE.test(t) && t.replace(NUMERIC_DATE, '').replace(/[0-9:：\s星期周一二三四五六日天]/gu, '').length === 0) return true;
  if (isReporterByline(t)) return true;
  if (isClock(t) || isLinkRow(t) || isChannelRow(t) || isPaperReaderLine(t) || isSpamLine(t) || isModeSwitch(t) || isHotWords(t) || isMarkupResidue(t) || isPager(t)) return true;
  return FIELD.test(t);
}

/** A 发文字号 ("辽民发〔2021〕33号"). */
const DOC_NUMBER = /[〔[［【(（]\s*(?:19|20)[0-9]{2}\s*[〕\]］】)）]\s*[0-9０-９]{1,4}\s*号/u;

/** A notice's or a document's title: its head above it (organ, date) is its own. */
export const DOCUMENT_TITLE = /^(?:关于|印发)|(?:通知|通报|意见|决定|批复|函|报告|请示|方案|办法|规定|细则|公告|通告|公示|纪要|命令|议案)$/u;

/** An organ or place named alone ("州救助管理站", "某县民政局"): a kicker or a site's name, not a story's headline. */
export function isNameOnly(text: string): boolean {
  return isNameAlone(text);
}

/**
 * Whether a line may be a page's headline at all: 4–80 characters, no full stop, not ending open
 * (a comma, a colon), and nothing that can never be one. How likely it is, among those that may,
 * is the fitted line model's (linemodel.ts), which weighs its words shared with the text, its length
 * and its place.
 */
export function mayBeHeadline(text: string): boolean {
  const t = text.trim();
  // (A line opening with a news dateline, "新华社北京5月10日电 题:…", is the story's first lines, not its headline.)
  return !isNeverTitle(t) && !CONTACT_FIELD.test(t) && !NEWS_DATELINE.test(t) && (t.match(PAGE_FIELD)?.length ?? 0) < 2 && t.length >= 4 && t.length <= 80 && !/。/u.test(t) && !/[，,、:：；;]$/u.test(t);
}

/**
 * A page's title as a browser shows it, copied as the headline: the headline, then the column and the site
 * after dashes, underscores or bars ("…成长-某某民生-某某网", "…场所_某某蜘蛛池", "…纪实|某某频道"); a series
 * label before a bar ("新时代新征程|…"); a content site's tag after a second colon ("某地:…问题:环球关注").
 * Told by structure, not by names: what was wrapped around the headline is short and foreign to the text
 * (none or few of its character pairs recur below), or names a site (ends in 网, 频道, 客户端 …), or is
 * the start of one of the page's own lines (its banner, its furniture); the headline left shares the
 * text's words. Returns the headline and what was cut, or null.
 */
export function pageTitleParts(text: string, below: string): { head: string; cut: string[] } | null {
  const t = text.trim();
  if (t.length > 120 || t.includes('。') || !mayWrapTitle(t)) return null;
  // A page's date and source line ("2021-09-05 17:57 | 来源:某某网") names its site after a colon too: it is no headline.
  if (NUMERIC_DATE.test(t) || t.match(PAGE_FIELD)) return null;
  const pageOwn = (part: string) => bigramShare(part, below) < FOREIGN_SHARE || SITE_END.test(part) || below.includes(`\n${part}`);
  let head = t;
  const cut: string[] = [];
  const sep = TITLE_SEPARATOR.exec(head);
  if (sep && sep.index >= 6 && !(/[0-9０-９]$/u.test(head.slice(0, sep.index)) && /^[0-9０-９]/u.test(head.slice(sep.index + sep[0].length)))) {
    const tail = head.slice(sep.index + sep[0].length);
    const parts = tail.split(TITLE_SEPARATOR);
    if (parts.length <= 3 && parts.every((p) => TITLE_PART.test(p)) && pageOwn(parts[parts.length - 1]!) && parts.every((p, k) => bigramShare(p, below) < SHARED || below.includes(`\n${p}`) || (k === parts.length - 1 && SITE_END.test(p)))) {
      cut.push(tail);
      head = head.slice(0, sep.index).trim();
    }
  }
  // A tag after a second colon: the first colon is the headline's own (a speaker, a place), the second the site's.
  const colon = /^(.+[:：].+?)\s*[:：]\s*([\u4e00-\u9fa5]{2,8})$/u.exec(head);
  if (colon && bigramShare(colon[2]!, below) < FOREIGN_SHARE) {
    cut.push(colon[2]!);
    head = colon[1]!.trim();
  }
  const label = /^([^|｜:：\s]{2,12})\s*[|｜]\s*([^|｜]{8,})$/u.exec(head);
  if (label && TITLE_PART.test(label[1]!) && bigramShare(label[1]!, below) < FOREIGN_SHARE) {
    cut.unshift(label[1]!);
    head = label[2]!.trim();
  }
  if (!cut.length || head.length < 6 || !mayBeHeadline(head) || bigramShare(head, below) < HEAD_SHARE) return null;
  return { head, cut };
}

/**
 * Another page's title as a browser shows it ("某部:鼓励…场所_某某蜘蛛池", "…成长-某某频道-某某网"), over a text
 * it is not about: the same structure as pageTitleParts reads, the site's part foreign to the text or a site's
 * name, and the headline left shares next to none of the text's character pairs (a page's own headline
 * always shares some). It is that page's furniture, not this one's headline.
 */
export function isForeignPageTitle(text: string, below: string): boolean {
  const t = text.trim();
  if (t.length > 120 || t.includes('。') || !mayWrapTitle(t) || NUMERIC_DATE.test(t) || t.match(PAGE_FIELD)) return false;
  const sep = TITLE_SEPARATOR.exec(t);
  if (!sep || sep.index < 6) return false;
  const head = t.slice(0, sep.index).trim();
  const parts = t.slice(sep.index + sep[0].length).split(TITLE_SEPARATOR);
  if (parts.length > 3 || !parts.every((p) => TITLE_PART.test(p))) return false;
  const last = parts[parts.length - 1]!;
  if (!SITE_END.test(last) && bigramShare(last, below) >= FOREIGN_SHARE && !below.includes(`\n${last}`)) return false;
  // (A source line, "本文转自:某某网-某某频道", names where this text came from: the source rules read it.)
  return mayBeHeadline(head) && head.length >= 8 && !/^(?:本文|此文|文章)?(?:转自|转载自|来源|来自|摘自|原载)/u.test(head) && bigramShare(head, below) < FOREIGN_HEAD;
}
/** Below this share of its pairs in the text a page title's headline is another page's. */
const FOREIGN_HEAD = 0.05;

/** Some separator a page's title could be built with: the cheap test before the reading. */
const TITLE_WRAP_HINT = /[-_|｜－]|[:：].*[:：]/u;
export function mayWrapTitle(text: string): boolean {
  return TITLE_WRAP_HINT.test(text);
}
const TITLE_SEPARATOR = /\s*(?:--|[-_|｜－])\s*/u;
/** A column's or a site's name: a short run of characters, no punctuation or spaces a headline would hold. */
const TITLE_PART = /^[\u4e00-\u9fa5A-Za-z0-9·.]{2,16}$/u;
/**
 * How a site's name ends: the vocabulary of outlets (网, 网站, 频道, 客户端, 日报, 论坛, a domain), and of the
 * organs whose portals title their pages "headline_某某市民政局" (局, 厅, 政府, 委员会 …).
 */
const SITE_END = /(?:网|網|网站|網站|在线|在線|频道|頻道|客户端|客戶端|门户|門戶|日报|日報|晚报|晚報|新闻|新聞|论坛|論壇|平台|局|厅|廳|政府|委员会|委員會|办公室|辦公室|\.(?:com|cn|net|org))$/iu;
/** Below this share of its pairs in the text a part is foreign to it; a headline shares some of its words (HEAD_SHARE), however it is styled. */
const FOREIGN_SHARE = 0.2;
const HEAD_SHARE = 0.1;

/** Below this share of its character pairs in the text a first line is foreign to it; from SHARED on a line repeats it. */
const STALE_SHARE = 0.25;
/** A collection's head: what gathers cases, lists or documents under it. */
const COLLECTION_HEAD = /(?:汇编|选编|案例集|文集|名单|名录|目录|合集|选登)$/u;
/** A heading numbered as a part of the document (一、 / （一） / 1.). */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.、．])/u;
const SHARED = 0.6;

/**
 * The headline among the lines over the first paragraph (`top`, in page order, non-empty), given how
 * likely each is the headline (`likelihood`, the fitted line model's) and the paragraphs' text: its
 * index, or -1 when the first line may stand as it is. The first line gives way
 * only when it can never be a headline, or when it names an organ alone over a news story's headline
 * (the kicker "州救助管理站" over "积极为流浪乞讨人员寻亲" and "本报讯…"). Lines above the one chosen must
 * be no sentences.
 */
export function headlineAt(top: string[], body: string, likelihood: (k: number) => number): number {
  if (top.length < 2) return -1;
  const first = top[0]!.trim();
  const never = isNeverTitle(first);
  const kicker = !never && isNameOnly(first) && first.length <= 12 && NEWS_DATELINE.test(body.trimStart());
  // A line that is the page's (a date alone, a row of links, a reader's label) under the site's or a
  // column's name ("某县民政局" / "2023年05月06日" / headline, "新时代文明实践" / "延吉摄影" / a menu row /
  // headline): the page's head runs down to it, so the first line is no headline either (a notice keeps its head).
  let dated = -1;
  if (!never && !kicker) {
    for (let k = 1; k < top.length - 1; k++) {
      if (SENTENCE_END.test(top[k]!) && !isNeverTitle(top[k]!)) break;
      // (A share bar, a page's tools or a byline stand under a headline as often as over it: they end no head.)
      if (isNeverTitle(top[k]!) && !isPageTools(top[k]!) && !isReporterByline(top[k]!) && top.slice(0, k).every((u) => (u.length <= 20 || isNeverTitle(u)) && !(SENTENCE_END.test(u) && !isNeverTitle(u)))) dated = k;
    }
  }
  // A document's head (its 发文字号, its title) is its own: nothing of it or under it goes.
  const docAt = top.findIndex((t) => DOC_NUMBER.test(t) || DOCUMENT_TITLE.test(t.trim()));
  // A first line that shares almost none of the text's words, over one that shares most of them, is another
  // article's headline (an e-paper's index, a previous-article link, a related story) printed over this one's.
  // A collection's own head ("…案例汇编", "…名单") shares few words with any one case under it, and a numbered
  // heading under it opens a group of the collection, not a story: neither is read so.
  const stale = !never && !kicker && dated < 0 && docAt < 0 && first.length >= 8 && !COLLECTION_HEAD.test(first.trim()) && mayBeHeadline(first) && bigramShare(first, body) < STALE_SHARE && top.slice(1).some((t) => mayBeHeadline(t) && bigramShare(t, body) >= SHARED);
  // (The next line that may be a headline takes its place, as the first line would have stood.)
  const next = stale ? top.findIndex((t, k) => k > 0 && mayBeHeadline(t)) : -1;
  if (next > 0 && !NUMBERED_HEADING.test(top[next]!.trim())) return next;
  if (!never && !kicker && (dated < 0 || docAt >= 0)) return -1;
  let best = -1;
  let bestScore = 0;
  for (let k = Math.max(1, dated + 1); k < (docAt >= 0 ? docAt + 1 : top.length); k++) {
    // Only lines without a sentence may stand above the headline.
    if (SENTENCE_END.test(top[k - 1]!) && !isNeverTitle(top[k - 1]!)) break;
    const t = top[k]!.trim();
    // A subtitle ("——…") belongs under its headline, never in its place.
    if (/^(?:——|--|—)/u.test(t)) continue;
    const s = mayBeHeadline(t) ? likelihood(k) : -1;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  // A kicker gives way only to a headline that reads as one.
  if (kicker && (best < 0 || top[best]!.trim().length < 8 || isNameOnly(top[best]!))) return -1;
  return best;
}
