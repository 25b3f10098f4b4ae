/**
 * Stage 1, clean: removes what the web page or the magazine site wrapped around the draft
 * (navigation, breadcrumbs, page tools, editor lines, "related articles" blocks and all that
 * follows them, visit counters, URLs, a title repeated at the bottom) and lifts the byline,
 * date, source and magazine credits out as metadata. Nothing else is changed.
 */
import type { SourceLine } from '../lines.js';
import { bracketedStamp, DATE_ONLY, fileNameStamp, findDate, isoDate, NUMERIC_DATE, stampDate } from './dates.js';
import { splitInlines } from './structure.js';
import { findMentions } from '../../regions/index.js';
import { namesOtherProvinces } from '../../regions/home.js';
import { readInfoTable } from './infotable.js';
import { bracketedMetaNote, footLabelRun, isMenuWord, injectedSymbolCount, isChannelRow, isClock, isHotWords, isInfoTableRow, isLoneIndexField, isMarkupResidue, isMenuRow, isModeSwitch, isPaperBanner, isPager, isPaperReaderLine, isPictureFileName, isSiteNotice, isSpamLine, isWidgetLabel, isWidgetRow, looseDateLine, metaFields, paperReaderSource, spamTail, splitTagTail, stripInjectedSymbols } from './furniture.js';
import { headlineAt, isForeignPageTitle, isLinkRow, isNeverTitle, mayBeHeadline, mayWrapTitle, DOCUMENT_TITLE, pageTitleParts } from './title.js';
import { bigramShare } from '../../model/similarity.js';
import { noticeShape } from './notice.js';
import { isNameAlone } from './orgnames.js';
import { likeNeighbours, linePage, lineWeights, observe, scoreLines, type LinePage, type LineScore } from './linemodel.js';

export interface CleanInfo {
  date?: string;
  publisher?: string;
  authors?: string;
  publication?: string;
  credits?: Record<string, string>;
  keywords?: string[];
}

export interface CleanResult {
  lines: SourceLine[];
  dropped: string[];
  info: CleanInfo;
}

/** Headings of link lists that end an article page: they and everything after are not the draft. */
const TAIL_BLOCK = /^(?:[>＞»›•·]\s*)?[【[]?(?:网友评论|相关新闻|相关阅读|相关链接|相关文章|相关推荐|推荐阅读|猜你喜欢|延伸阅读|热点推荐|热门推荐|热门文章|往期回顾|往期推荐|往期精彩|精彩回顾|喜欢此内容的人还喜欢|更多阅读|精彩推荐|新闻推荐|更多新闻|你可能感兴趣的|您可能感兴趣的)[】\]]?[:：]?$/u;
const NAV_BAR = /^[^。！？]{1,200}$/u;
const BREADCRUMB = /^[>＞»›]\s*[\u4e00-\u9fa5]{2,12}\s*[>＞»›]|^(?:当前位置|您的位置|您现在的位置|您当前的位置|您当前位置|当前的位置|您所在的位置|所在位置|当前所在|位置)\s*[:：]|^(?:首页|主页|网站首页)\s*[>＞»›→/／]|^[^。]{0,60}[>＞»›]\s*[^。]{1,30}[>＞»›]|^[^。，,！？\s>＞]{2,16}\s*(?:>>|＞＞|»)\s*[^。！？>＞]{1,30}$|^[\u4e00-\u9fa5]{2,16}(?:网|网站)\s*[>＞»›]\s*[\u4e00-\u9fa5]{2,16}(?:网|网站|频道)/u;
const PAGE_TOOLS = /^(?:[[【(（<＜]?\s*(?:首页|网站首页|返回首页|返回顶部|打印本页|打印页面|打印此页|打印|列印本页|列印此页|列印|关闭本页|关闭窗口|关闭视窗|关闭|收藏本页|加入收藏|收藏|分享到|分享至|分享|字号|字体|[大中小]|默认|放大|缩小|视力保护色|皮肤设置|现在时间|扫一扫在手机打开当前页|扫一扫|手机版|保存|下载|上一篇|下一篇|阅读下一篇|阅读上一篇|上一版|下一版|上一页|下一页|返回列表|返回|登录|一键登录|注册|举报|无障碍|网站无障碍|长者版|关怀版|版面目录|版面导航|标题导航|本版标题导航|本版导航|本版目录|本期导航|本期目录|新闻内容|上一期|下一期|往期回顾|评论|表情|图片|文字大小|字体大小|字号大小)\s*[\]】)）>＞<＜]?[\s|｜:：\-—–]*)+$/u;
/**
 * Portal widgets and credits that carry words after them: "【字体: 打印本页", "扫一扫在手机上查看当前页面",
 * "你是第 12 位访问者", "返回红网首页 返回湖南频道首页", "Produced By …", reprint statements.
 */
const WIDGET = /^[[【(（]?\s*(?:字体|字号)\s*[:：]|^扫一扫.{0,16}(?:当前页|本页|页面|手机|二维码)|^[你您]是(?:本站)?第\s*[0-9０-９]+\s*位|^(?:返回\S{1,12}首页\s*)+$|^(?:Produced|Powered|Designed|Supported)\s+By\b|^本(?:文|稿|站)(?:为|系|是).{0,20}(?:原创|稿件|文章).{0,10}转载|^(?:未经|转载请).{0,30}(?:授权|注明|出处|许可)|^(?:[【[(（]?(?:免责)?声明[】\])）]?\s*[:：]?\s*)?本(?:文|站|网)?(?:转载|转自|来源于|来自|内容来自|仅代表|所载).{0,50}(?:版权|侵权|删除|联系|观点|立场)|如(?:有|涉及)侵权.{0,12}(?:删除|联系)|版权归原作者所有|^(?:免责声明|版权声明)\s*[:：]?$|^[^。]{0,40}(?:如需|如若|如要|欢迎)?转载[^。]{0,12}(?:请|须|需|务必)?注明(?:出处|来源)|^(?:—+|-+)\s*分享\s*(?:—+|-+)$|^(?:分享|推荐|转发)(?:到|至|给)\s*[:：]?\s*(?:[\u4e00-\u9fa5A-Za-z]{1,6}\s*){1,6}$|^扫描?(?:二维码|码)(?:分享|关注|阅读|打开)?\S{0,10}$|^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]|^(?:手机)?扫(?:一扫|码)\s*(?:在手机上|用手机)?\s*(?:查看|阅读|打开|分享|浏览)?\s*(?:手机版|本页|当前页面?|此页)?$|^(?:浏览|阅读|访问|点击)(?:次数|量)\s*[:：]?\s*$/iu;
/**
 * Comment boxes, follow-us links, site notices and CMS template leftovers ("[field:title/]").
 */
const SITE_WIDGET = /^(?:已有\s*[0-9０-９]+\s*人(?:评论|参与|阅读).{0,12}|[(（]?请登录(?:后)?(?:发言|评论).{0,20}|发表评论|我要评论|(?:新浪)?微博|微信(?:公众号)?|抖音|今日头条|客户端下载|\[field:[^\]]{1,30}\]|\{dede:[^}]{1,30}\}|\{\$[^}]{1,30}\}|温馨提示\s*[:：].{0,60}|收录于(?:专题|合集|话题|栏目)\s*[:：#]?.{0,24}|(?:论文|文章|期刊)?(?:部分内容|全文|在线)阅读|(?:阅读|展开|查看)全文)$/u;
/** "德州日报记者 王五", "某某特区报记者 甲 乙 通讯员 丙 文/图": another outlet's reporters (and their roles). */
const OUTLET_REPORTER = /^([\u4e00-\u9fa5]{2,10}?(?:日报|晚报|报|电视台|广播电视台|融媒体中心|通讯社|社))(?:全媒体)?(?:记者|通讯员)\s*([\u4e00-\u9fa5·]{1,4}(?:(?:\s+|[、，,]\s*)[\u4e00-\u9fa5·]{1,4})*(?:\s+(?:通讯员|记者|实习生)\s*[\u4e00-\u9fa5·]{1,4}(?:\s+[\u4e00-\u9fa5·]{1,4})*)*)(?:\s+(?:文\/图|图\/文|文图|摄影?|报道))?$/u;
/** A byline of role and names apart, without a colon ("作者 潘雨洁 应进祥", "文 张三"). */
const SPACED_AUTHOR = /^(?:作者|文|撰稿|撰文|记者)\s+[\u4e00-\u9fa5·]{2,4}(?:\s+[\u4e00-\u9fa5·]{2,4}){0,3}$/u;
/** A page's date field with month and day only ("日期:03-08", "时间：3月8日"). */
const PARTIAL_DATE_FIELD = /^(?:发布)?(?:日期|时间)\s*[:：]\s*[0-9０-９]{1,2}\s*[-/月.]\s*[0-9０-９]{1,2}\s*日?$/u;
const REPORTER_LINE = /^(?:本报|本刊|本网)(?:全媒体)?(?:记者|通讯员)\s*[\u4e00-\u9fa5·]{1,4}(?:\s+[\u4e00-\u9fa5·]{1,4})*(?:\s+(?:通讯员|记者|实习生)(?:\s+[\u4e00-\u9fa5·]{1,4})+)*$/u;
/** The reporter's line as agencies print it, the role, the name and 报道 ("记者王国忠报道", "本报记者 李茹 报道"): a byline, not text. */
const REPORTED_BY = /^(?:本报|本刊|本网)?(?:全媒体)?(?:记者|通讯员)\s*([\u4e00-\u9fa5·]{2,4}?)\s*报道$/u;
/** A column label with its English name ("行业资讯Industry News"), or an English label alone ("Wedding customs"). */
const ENGLISH_LABEL = /^[\u4e00-\u9fa5]{0,10}\s*[A-Z][A-Za-z]+(?:[\s&][A-Za-z]+){0,4}$/u;
/** A headline ending in an acronym glued to its words ("…推出婚改APP", "…建设CBD"): no column's English name, which stands apart or in words. */
const HEADLINE_ACRONYM = /[\u4e00-\u9fa5]{4,}[A-Z]{2,5}$/u;
/** An e-paper's page label: "第A2版:要闻", "A02版", "00003版:新闻·民生" (the number zero-padded). */
const PAPER_PAGE = /^第?\s*[A-Z]?[0-9０-９]{1,5}\s*版\s*[:：]?\s*[\u4e00-\u9fa5A-Za-z]{0,10}(?:[·・][\u4e00-\u9fa5A-Za-z]{1,8})?$/u;
/** The page label alone ("第05版"), whose page name follows on the next line. */
const BARE_PAPER_PAGE = /^第?\s*[A-Z]?[0-9０-９]{1,3}\s*版$/u;
// The role may be set off by a bar as news apps print it ("编辑丨周某", "审核 | 赵某").
const EDITOR = /^[[【(（]?(?:责任编辑|本期编辑|本版编辑|技术编辑|美术编辑|视觉编辑|编审|初审编辑|复审编辑|终审编辑|编辑|审核|审校|审签|校对|终审|复审|初审|责编|值班编辑|值班主任|网站编辑|信息员|录入|发布人)\s*(?:[:：]|[|｜丨]\s*(?=[\u4e00-\u9fa5]{2,4}$))/u;
const COUNTER = /^(?:[0-9０-９]{3,}|(?:浏览|访问|阅读|点击|点赞|赞|评论|收藏|转发)(?:次数|量|数)?\s*[:：]?\s*[0-9０-９][0-9０-９,，.]*\s*[万千]?\+?\s*次?(?:\s+(?:浏览|访问|阅读|点击|点赞|评论|收藏|转发)(?:次数|量|数)?\s*[:：]?\s*[0-9０-９][0-9０-９,，.]*\s*[万千]?\+?\s*次?)*(?:\s+(?:分类|栏目|所属栏目|类别)\s*[:：]\s*[^\s。，,]{1,12})?)$/u;
const PHOTO_CREDIT = /^(?:图片来源|图源|图片提供|图片|摄影|供图|图\/文|图)\s*[:：/]\s*\S{1,30}$/u;
const FOOTER = /^主办(?:单位)?\s*[:：].{2,40}(?:承办|协办|技术支持)(?:单位)?\s*[:：]|^[\u4e00-\u9fa5()（）]{2,24}\s+(?:主办|承办|协办|主管)$|^本(?:网站|站|网)由.{2,30}(?:主办|承办|维护|管理)|地址\s*[:：].{2,40}邮编\s*[:：]?\s*[0-9]{6}|版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备|备案号|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|联系我们|网站地图|网站声明|(?:建议|推荐)使用.{0,20}浏览器|分辨率|Produced\s+By|(?:广告|新闻|服务|投诉)热线\s*[:：]|(?:经营|服务)?许可证(?:编号)?\s*(?:\(ICP\)|（ICP）)?\s*[:：]/iu;

/** Where a news app left a picture out ("打开网易新闻 查看更多图片"), or a Markdown copy its picture ("![]()", "![alt](a.jpg)"): the picture's caption may follow. */
const APP_PICTURE = /^(?:打开|下载|点击)[\u4e00-\u9fa5A-Za-z]{2,10}\s*(?:查看|浏览|看)(?:更多|高清|大)?(?:图片|图集|组图)$|^!\[[^\]\n]{0,80}\]\([^)\s]{0,300}\)$/u;
/** A short menu item with its bullet ("- 首页", "• English"), as a page's top menu copies. */
const MENU_ITEM = /^[-•·*▪◦]\s*[^\s。，,！？:：]{1,12}$/u;
/** A reporter's or author's name alone (2–3 characters, or spaced "王  五"). */
const NAME_ALONE = /^[\u4e00-\u9fa5]{2,3}$|^[\u4e00-\u9fa5][\s\u3000]+[\u4e00-\u9fa5]{1,2}$/u;
/** Link-group labels of a portal's foot ("国务院部门网站", "区(县)政府网站", "其他网站"). */
const LINK_GROUP = /^[\u4e00-\u9fa5()（）]{0,14}(?:网站|网站群|链接)$/u;

/**
 * A web video player's captions-settings dialog, copied as text: from "开始对话视窗" to "结束对话视窗",
 * and its technical keys ("file ID:", "media type:", "[X]").
 */
const PLAYER_OPEN = /^开始对话视窗/u;
const PLAYER_CLOSE = /^结束对话视窗/u;
const PLAYER_KEY = /^(?:[A-Za-z][A-Za-z ]{1,20}\s*:|\[X\])$/u;
/** A repost's note of the headline it had: "(原标题:…)", or without its brackets ("原标题:…", as news portals print it). */
const ORIGINAL_TITLE = /^[(（]\s*原(?:标|题)题?\s*[:：][^()（）]{2,120}[)）]$|^原(?:标|题)题?\s*[:：](?=[^()（）]{2,120}$)(?!.*[。！？])/u;
/** A page's labels copied apart from their values ("发布时间:" / "2024-…", "来源:" / "某某网"). */
const BARE_LABEL = /^(?:发布时间|发布日期|发表时间|更新时间|时间|日期|浏览量|浏览次数|浏览|阅读量|阅读次数|阅读|点击量|点击数|访问量|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑)\s*[:：]$/u;

const SOURCE = /来源\s*[:：|｜丨]\s*([^\s:：|｜丨]+)/u;
const AUTHOR = /作者\s*[:：]\s*([^\s:：]*)/u;
const PUBLICATION = /^(《?[\u4e00-\u9fa5A-Za-z]{2,16}》?)\s*([0-9０-９]{4}\s*年\s*(?:第\s*)?[0-9０-９]{1,2}\s*期)$/u;
/** A page's keyword field, with its tags or printed empty (the CMS's field without a value is furniture too). */
const KEYWORDS = /^(?:关键[词字]|主题词|标签|Tags?)\s*[:：]\s*(.*)$/iu;
const CREDIT_ROLES = '策划|执行|统筹|撰文|文字|文|图片|图|视频|摄影|摄|编辑|责编|记者|通讯员|监制|主编|设计|美编|出品|制作|剪辑|海报|值班主任';
const CREDIT_PAIR = new RegExp(`(${CREDIT_ROLES})\\s*[/／:：|｜]\\s*([^\\s/／:：|｜☉]+)`, 'gu');
const CREDIT_LINE = new RegExp(`^[☉◎●○■□◆◇★☆•·\\s]*(?:(?:${CREDIT_ROLES})\\s*[/／:：|｜]\\s*[^\\s/／:：|｜☉]+\\s*)+$`, 'u');
/** A byline at the very end of an article: "(津市市民政局 贺蔚 张明焕)". */
const TRAILING_BYLINE = /[（(]\s*((?:[\u4e00-\u9fa5]{2,24}(?:局|厅|部|委|办|处|科|站|院|中心|政府|协会|会|所|社|报|台|馆|室|街道|镇|乡))(?:\s+[\u4e00-\u9fa5·]{2,4})+|(?:记者|通讯员|作者|文|撰稿)\s*[:：/]?\s*[\u4e00-\u9fa5·\s、,，]{2,30})\s*[)）]$/u;

export const BYLINE_PATTERN = TRAILING_BYLINE;

function isNavBar(text: string): boolean {
  const bars = text.match(/[|｜]/gu)?.length ?? 0;
  if (bars < 2 || !NAV_BAR.test(text)) return false;
  // "来源：某县人民政府 | 发布时间：2023-05-06 | 浏览次数：" is the page's date and source line, read as such.
  if (/(?:来源|发布时间|发布日期|日期|时间|作者)\s*[:：]/u.test(text) && findDate(text)) return false;
  const parts = text.split(/[|｜]/u).map((p) => p.trim()).filter(Boolean);
  // A table row copied with its bars ("1 | 标题 | 单位", "序号 | 案例名称 | 申报单位") is the draft's.
  if (/^[0-9０-９]{1,3}[.．、]?$/u.test(parts[0] ?? '') || parts.some((p) => /^(?:序号|案例名称|项目名称|申报单位|报送单位|推荐单位|单位名称|成果名称)$/u.test(p))) return false;
  return parts.length >= 2 && parts.every((p) => p.length <= 24);
}

/** The furniture lexicon and shapes, line by line (also a feature of the fitted line model). */
export function isFurniture(text: string): boolean {
  if (text.length > 200) return false;
  // Asked of the same line by several passes (the line model, the menu, the loop, the tail): the answer depends on
  // the text alone, so it is kept for the page being cleaned. (Only for that page: clean() empties it. Kept across
  // pages, a line's text held its whole file in memory, a slice of it, and 1,000 drafts' GC cost more than it saved.)
  let known = FURNITURE_SEEN.get(text);
  if (known === undefined) FURNITURE_SEEN.set(text, (known = furnitureShape(text)));
  return known;
}

const FURNITURE_SEEN = new Map<string, boolean>();

function furnitureShape(text: string): boolean {
  return (
    isNavBar(text) ||
    BREADCRUMB.test(text) ||
    // A breadcrumb printed as the last item of a bulleted menu ("• 当前位置: 首页 > …").
    (/^[•·▪◦*]\s*/u.test(text) && BREADCRUMB.test(text.replace(/^[•·▪◦*]\s*/u, ''))) ||
    PAGE_TOOLS.test(text) ||
    (EDITOR.test(text) && text.length <= 40) ||
    COUNTER.test(text) ||
    PHOTO_CREDIT.test(text) ||
    (FOOTER.test(text) && text.length <= 120 && !/。/u.test(text)) ||
    (WIDGET.test(text) && text.length <= 80) ||
    SITE_WIDGET.test(text) ||
    (ENGLISH_LABEL.test(text) && text.length <= 40 && !HEADLINE_ACRONYM.test(text)) ||
    PAPER_PAGE.test(text) ||
    isWidgetLabel(text) ||
    isWidgetRow(text) ||
    isSiteNotice(text) ||
    isMenuRow(text) ||
    isClock(text) ||
    isLoneIndexField(text) ||
    isPictureFileName(text) ||
    isPaperBanner(text) ||
    isModeSwitch(text) ||
    isMarkupResidue(text) ||
    isHotWords(text) ||
    isPaperReaderLine(text) ||
    isSpamLine(text) ||
    isPager(text) ||
    isInfoTableRow(text) ||
    /^[|｜\s]+$/u.test(text) ||
    // A rule drawn in dashes ("——", "-----…"): a page's separator, no words of the draft.
    /^[—–\-─━_=～~\s]{2,}$/u.test(text)
  );
}

/** A table copied cell by cell leaves a bar at the end of each cell ("山东省 |"): the bar is no text. */
function cellText(line: SourceLine): SourceLine {
  if (!/[|｜]\s*$/u.test(line.text) || /^[|｜\s]+$/u.test(line.text)) return line;
  const text = line.text.replace(/^\s*[|｜]\s*/u, '').replace(/\s*[|｜]\s*$/u, '');
  // Only lone cells: a line of several cells is a table row (or an information table) and stays whole.
  if (!text || /[|｜]/u.test(text)) return line;
  const { inlines: _inlines, ...rest } = line;
  return { ...rest, text };
}

/** A date-led line without sentences: "2021-01-30 07:48:36 来源: 济宁民政 作者:", "时间:2018-06-10 00:00". */
function readDateLine(text: string, info: CleanInfo): boolean {
  if (text.length > 90 || /[。！？]/u.test(text)) return false;
  // "2020年4月8日" alone is a notice's or letter's date line: it stays in the text.
  if (DATE_ONLY.test(text) && text.includes('年')) return false;
  // A date with a 发文字号 ("(1997年3月26日鄂政发〔1997〕019号)") is a document's header line, the notice's to read
  // (an older number's too: "(1995年11月2日 粤民福(1995)字第8号)").
  if (/[〔[［【(（]\s*[0-9０-９]{4}\s*[〕\]］】)）]\s*(?:[\u4e00-\u9fa5]{0,3}字)?第?\s*[0-9０-９]{1,4}\s*号/u.test(text)) return false;
  // "新浪财经·2026-02-10 04:19": the outlet, then the date; "http://www.sina.com.cn 2005年07月27日08:47 上海青年报": the site's address, then the date and the paper.
  const outlet = OUTLET_DATE.exec(text);
  const m = outlet ?? /^[(（[【]?\s*(?:发布时间|发布日期|发表时间|更新时间|时间|日期|发文日期|TIME|DATE)?\s*[:：]?\s*\[?/iu.exec(text)!;
  const rest = text.slice(m[0].length).replace(/\s*[)）\]】]$/u, '');
  // "2021 09/ 22 15:35:35": the year spaced off a month/day pair, as some news CMSs print it.
  const spaced = SPACED_DATE.exec(rest);
  if (spaced) {
    const date = isoDate(Number(spaced[1]), Number(spaced[2]), Number(spaced[3]));
    if (date) {
      info.date ??= date;
      const name = outlet?.[1] ?? outlet?.[2] ?? outlet?.[3];
      if (name) info.publisher ??= name;
      return true;
    }
  }
  // "15.01.2015 17:31": the day first, as European-style portals and aggregators print it.
  const dmy = /^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$/u.exec(rest);
  if (dmy) {
    const date = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    if (date) {
      info.date ??= date;
      return true;
    }
  }
  const d = NUMERIC_DATE.exec(rest);
  if (!d || d.index !== 0) {
    // "来源: 济宁民政 作者:" without a date, or with it further on ("来源:民政部网站 作者: 发布时间:2018-03-24").
    if (/^(?:来源|作者|信息来源|文章来源|本文来源|稿件来源|新闻来源|内容来源)\s*(?:[:：]|[|｜丨](?=\s*[\u4e00-\u9fa5]))/u.test(text) && text.length <= 80) {
      readSourceAuthor(text, info);
      const later = findDate(text);
      if (later) info.date ??= later;
      return true;
    }
    // "本文转自:人民网-贵州频道": a repost names where it was taken from, as a 来源 line does.
    const repost = /^(?:本文|本稿|文章)?(?:转自|转载自|转载于|摘自|选自)\s*[:：]\s*([^\s:：|｜]{2,30})$/u.exec(text);
    if (repost) {
      info.publisher ??= repost[1]!;
      const later = findDate(text);
      if (later) info.date ??= later;
      return true;
    }
    return false;
  }
  // A date followed by running text is the text's (a notice's date with the next document run on), not a page's date line.
  const after = rest.slice(d.index + d[0].length).replace(/^\s*[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{1,2}(?:\s*[:：]\s*[0-9０-９]{1,2})?/u, '').trim();
  if (after.length > 24 && !/来源|作者|编辑|责编|浏览|阅读|点击|访问|字体|字号|发布|信息|版次|报|网/u.test(after)) return false;
  const date = findDate(rest);
  if (!date) return false;
  info.date ??= date;
  // An outlet is the source; a site printing its domain names the source after it when it carries another's story.
  if (outlet && !outlet[1] && (outlet[2] ?? outlet[3])) info.publisher ??= (outlet[2] ?? outlet[3])!;
  readSourceAuthor(rest, info);
  if (outlet?.[1]) info.publisher ??= outlet[1];
  return true;
}

const OUTLET_DATE = /^([\u4e00-\u9fa5]{2,16}(?:网站|网|门户))\s+(?:https?:\/\/)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\S*\s+(?=[0-9０-９]{4}\s*[-年/.])|^(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\/?\s+(?=[0-9０-９]{4}\s*[-年/.])|^([\u4e00-\u9fa5A-Za-z]{2,12})\s*(?:[·・•|｜]\s*)+(?:作者\s*[:：]?\s*[\u4e00-\u9fa5·]{2,4}\s+)?(?:(?:发布|发表|更新)?(?:时间|日期)\s*[:：]?\s*)?(?=[0-9０-９]{4}\s*[-年/.])|^([\u4e00-\u9fa5]{2,10}(?:日报|晚报|报|网|电视台|客户端|新闻|资讯|财经))\s+(?=[0-9０-９]{4}\s*[-年/.])/u;
const SPACED_DATE = /^([0-9]{4})\s+([0-9]{1,2})\s*[/／-]\s*([0-9]{1,2})(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$/u;

function readSourceAuthor(text: string, info: CleanInfo): void {
  const s = SOURCE.exec(text) ?? /(?:发布机构|发布单位)\s*[:：]\s*([^\s:：|｜]+)/u.exec(text);
  if (s && s[1] && !info.publisher) info.publisher = s[1];
  const a = AUTHOR.exec(text);
  if (a && a[1] && !info.authors) info.authors = a[1];
}

function readCredits(text: string, info: CleanInfo): boolean {
  if (text.length > 80 || !CREDIT_LINE.test(text)) return false;
  const credits: Record<string, string> = { ...(info.credits ?? {}) };
  for (const m of text.matchAll(CREDIT_PAIR)) credits[m[1]!] = m[2]!;
  info.credits = credits;
  return true;
}

export function clean(raw: SourceLine[]): CleanResult {
  FURNITURE_SEEN.clear();
  const input = withoutTagTails(withoutInjectedSymbols(raw));
  const page = linePage(input, isFurniture);
  observe(page, input);
  const scores = scoreLines(page);
  const info: CleanInfo = {};
  const droppedAt: Array<{ at: number; text: string }> = [];
  const keep: Array<{ at: number; line: SourceLine }> = [];
  const metaAt: number[] = [];
  let cut = input.length;
  for (let i = 0; i < input.length; i++) {
    if (TAIL_BLOCK.test(input[i]!.text)) {
      cut = i;
      break;
    }
  }
  // A portal's information table (索引号, 发文机构, 发布日期 …) is metadata wherever it stands at the top.
  const table = readInfoTable(input);
  if (table) {
    const when = table.fields['发布日期'] ?? table.fields['成文日期'] ?? table.fields['发文日期'] ?? table.fields['生成日期'];
    const date = when ? findDate(when) : null;
    if (date) info.date ??= date;
    // The table's source is the page's source, as on a 来源 line.
    const source = (table.fields['信息来源'] ?? table.fields['来源'] ?? table.fields['文章来源'] ?? '').trim().split(/\s+/u)[0];
    if (source) info.publisher ??= source;
    // A date/source line read as part of the table ("来源:红网 作者:刘赛 编辑:周芬 2016-04-15 13:58:41") still dates the page.
    for (const i of [...table.lines].sort((a, b) => a - b)) {
      const text = input[i]!.text;
      if (info.date || !/(?:时间|日期)\s*[:：]|[0-9０-９]{4}\s*[-年/.][^\n]*[0-9]{1,2}:[0-9]{2}/u.test(text)) continue;
      const d = findDate(text);
      if (d) info.date = d;
    }
  }
  const menu = topMenu(input);
  let pageLabelAt = -2;
  let inPlayer = false;
  let tableAt = -1;
  let bareLabel: { at: number; label: string } | null = null;
  // Whether a sentence has been kept yet: read once per kept line, not once per line read.
  let sentenceSeen = false;
  let scanned = 0;
  const sentenceKept = (): boolean => {
    for (; scanned < keep.length; scanned++) if (/[。！？]/u.test(keep[scanned]!.line.text)) sentenceSeen = true;
    return sentenceSeen;
  };
  for (let i = 0; i < cut; i++) {
    if (table?.lines.has(i) && input[i]!.text) {
      tableAt = i;
      droppedAt.push({ at: i, text: input[i]!.text });
      // A page's source/date row read as a one-line table ("信息来源:县民政局 发布日期:…") anchors the headline above it.
      if (table.lines.size === 1) metaAt.push(i);
      continue;
    }
    let line = cellText(input[i]!);
    let text = line.text;
    if (!text) {
      keep.push({ at: i, line });
      continue;
    }
    const beforeText = i <= 14 && !sentenceKept();
    // A shared link run into what it shares ("https://mp.weixin.qq.com/s/…关注:某县召开…会"): the address and
    // the forwarding label go, the words after them stay.
    const linked = beforeText && i <= 6 ? GLUED_LINK.exec(text) : null;
    if (linked && text.length - linked[0].length >= 6) {
      droppedAt.push({ at: i, text: linked[0] });
      const { inlines: _inlines, ...rest } = line;
      line = { ...rest, text: text.slice(linked[0].length) };
      text = line.text;
    }
    // A social platform's header broken over lines: the account with the day without its year ("某某之窗 6月24日"),
    // and the poster's region alone beside it (the platform prints where it was posted from): the page's, dating nothing.
    if (beforeText && i <= 14 && ACCOUNT_DAY.test(text)) {
      droppedAt.push({ at: i, text });
      const before = keep[keep.length - 1];
      if (before && before.at === lastTextAt(input, i) && isProvinceAlone(before.line.text)) {
        droppedAt.push({ at: before.at, text: before.line.text });
        keep.pop();
      }
      const next = input[i + 1]?.text.trim() ?? '';
      if (isProvinceAlone(next)) {
        droppedAt.push({ at: i + 1, text: next });
        i++;
      }
      continue;
    }
    // Above the text, a headline may carry the page's tags after bars ("…新局面|民政|东莞|局面").
    const tagged = beforeText && i <= 12 ? splitTagTail(text) : null;
    if (tagged) {
      droppedAt.push({ at: i, text: tagged.tail });
      const { inlines: _inlines, ...rest } = line;
      line = { ...rest, text: tagged.head };
      text = tagged.head;
    }
    // A browser's page title copied as the headline ("…-栏目-某某网"): the headline stays, the column and site go.
    // (Both readings compare the line with the text below it, joined once.)
    const titleLike = i <= 30 && !tagged && mayWrapTitle(text) && !sentenceKept();
    const below = titleLike ? input.slice(i + 1, i + 200).map((l) => l.text).join('\n') : '';
    const wrapped = titleLike && !isFurniture(text) ? pageTitleParts(text, below) : null;
    // Another page's title over this text ("某部:鼓励…_某某蜘蛛池", sharing none of its words): that page's, as its furniture is.
    if (!wrapped && titleLike && isForeignPageTitle(text, below)) {
      droppedAt.push({ at: i, text });
      continue;
    }
    if (wrapped) {
      droppedAt.push({ at: i, text });
      const { inlines: _inlines, ...rest } = line;
      line = { ...rest, text: wrapped.head };
      text = wrapped.head;
    }
    // A spam sentence a mirror ran into the headline: the headline stays, the spam goes.
    const spam = beforeText ? spamTail(text, input.slice(i + 1, i + 12).map((l) => l.text).join('\n')) : null;
    if (spam) {
      droppedAt.push({ at: i, text: text.slice(0, text.length - spam.length).trim() });
      line = { text: spam };
      text = spam;
    }
    // An e-paper reader's field naming the paper ("当前报纸名称:拉萨晚报"): the page's source.
    const reader = beforeText ? paperReaderSource(text) : null;
    if (reader) info.publisher ??= reader;
    // An e-paper's banner ("上虞日报 数字报纸") names the paper the page is from: its source.
    if (beforeText && isPaperBanner(text)) {
      info.publisher ??= text.replace(/\s*(?:数字报纸|数字报刊|数字报|数字版|电子报纸|电子报|电子版|数字日报)$/u, '');
      droppedAt.push({ at: i, text });
      continue;
    }
    // The page's outlet alone on a line above the text, once its reporter or source line named it
    // ("深圳特区报"), and a paper's masthead motto ("深圳市委机关报,改革开放的窗口").
    if (beforeText && ((info.publisher && text === info.publisher) || (text.length <= 30 && !/[。！？]/u.test(text) && /机关报|党报|党委机关|官方(?:网站|客户端|媒体)/u.test(text)))) {
      droppedAt.push({ at: i, text });
      continue;
    }
    // A news portal's channel menu on one row, among the first lines and above the text.
    if (beforeText && i <= 6 && isChannelRow(text)) {
      droppedAt.push({ at: i, text });
      continue;
    }
    // A repost copied from its "(原标题:…)" line, nothing above it that could be a headline: that headline is the draft's.
    const original = ORIGINAL_TITLE.test(text) && !keep.some((k) => k.line.text && !isNeverTitle(k.line.text) && !isColumnLabel(k.line.text) && !SITE_BANNER.test(k.line.text.trim())) ? /[:：]\s*(.+?)\s*[)）]?$/u.exec(text)?.[1] : undefined;
    if (original) {
      droppedAt.push({ at: i, text });
      keep.push({ at: i, line: { text: original } });
      continue;
    }
    if (PLAYER_OPEN.test(text)) inPlayer = true;
    if (inPlayer || PLAYER_KEY.test(text) || ORIGINAL_TITLE.test(text)) {
      if (PLAYER_CLOSE.test(text)) inPlayer = false;
      droppedAt.push({ at: i, text });
      continue;
    }
    // The value of a label copied on the line before: a source's name, a date, a count.
    const label = bareLabel && bareLabel.at === lastTextAt(input, i) ? bareLabel.label : null;
    bareLabel = null;
    if (BARE_LABEL.test(text)) {
      bareLabel = { at: i, label: text.replace(/\s*[:：]$/u, '') };
      droppedAt.push({ at: i, text });
      continue;
    }
    if (label && text.length <= 24 && !/[。，,！？]/u.test(text)) {
      const date = /时间|日期/u.test(label) ? findDate(text) : null;
      if (date) info.date ??= date;
      else if (/来源/u.test(label)) info.publisher ??= text;
      else if (/作者/u.test(label)) info.authors ??= text;
      if (date || !/时间|日期/u.test(label)) {
        droppedAt.push({ at: i, text });
        metaAt.push(i);
        continue;
      }
    }
    if (APP_PICTURE.test(text)) {
      // The picture itself is missing; a placeholder keeps its place, so a caption after it reads as one.
      droppedAt.push({ at: i, text });
      keep.push({ at: i, line: { text: '', image: {} } });
      continue;
    }
    // An e-paper's page list: "第05版" then the page's name ("社会治理") on the next line.
    const pageName = pageLabelAt === i - 1 && text.length <= 10 && !/[。，,！？:：]/u.test(text);
    if (BARE_PAPER_PAGE.test(text)) pageLabelAt = i;
    if (line.furniture || menu.has(i) || pageName || isFurniture(text)) {
      // A column label printed with its English name on the next line ("婚礼习俗" / "Wedding customs").
      const before = keep[keep.length - 1];
      if (ENGLISH_LABEL.test(text) && !/[\u4e00-\u9fa5]/u.test(text) && before && before.at === i - 1 && i <= 6 && /^[\u4e00-\u9fa5]{2,8}$/u.test(before.line.text)) {
        droppedAt.push({ at: before.at, text: before.line.text });
        keep.pop();
      }
      droppedAt.push({ at: i, text });
      continue;
    }
    // An e-paper's issue date by its page label or under the paper's name ("某某日报" / "2023年05月06日" /
    // "第03版：民生"), above the text: the page's date, not a notice's date line.
    if (beforeText && i <= 8 && DATE_ONLY.test(text.replace(/\s+/gu, '')) && text.includes('年') && isIssueDate(input, i)) {
      info.date ??= findDate(text) ?? undefined;
      droppedAt.push({ at: i, text });
      metaAt.push(i);
      continue;
    }
    // Lines lifted out as metadata are listed too: the dropped list is everything that left the text.
    if (readDateLine(text, info)) {
      droppedAt.push({ at: i, text });
      metaAt.push(i);
      continue;
    }
    // A few words around a CMS date above the text ("网络整理 2019-03-15 最新信息") date the page too.
    const loose = beforeText && i <= 14 ? looseDateLine(text) : null;
    if (loose) {
      info.date ??= loose;
      droppedAt.push({ at: i, text });
      metaAt.push(i);
      continue;
    }
    // "发布者:管理员 发布时间:2023-05-06 阅读:12次": a line of the page's fields only.
    const fields = metaFields(text);
    if (fields && Object.entries(fields).some(([k, v]) => /时间|日期/u.test(k) && findDate(v))) {
      const when = Object.entries(fields).find(([k, v]) => /时间|日期/u.test(k) && findDate(v))!;
      info.date ??= findDate(when[1])!;
      readSourceAuthor(text, info);
      droppedAt.push({ at: i, text });
      metaAt.push(i);
      continue;
    }
    // "[来源:信网 编辑:芃芃]大家爱看": the page's source note, the next widget's label run onto it.
    const note = bracketedMetaNote(text);
    if (note) {
      readSourceAuthor(note, info);
      droppedAt.push({ at: i, text });
      continue;
    }
    const pub = PUBLICATION.exec(text);
    if (pub) {
      info.publication ??= `${pub[1]!} ${pub[2]!.replace(/\s+/g, '')}`;
      droppedAt.push({ at: i, text });
      continue;
    }
    const kw = KEYWORDS.exec(text);
    if (kw && text.length <= 80) {
      const keywords = kw[1]!.split(/[\s,，、;；]+/u).filter(Boolean);
      if (keywords.length) info.keywords = keywords;
      droppedAt.push({ at: i, text });
      continue;
    }
    // "本报记者 刘静静", "本报记者 王冰洁 通讯员 宋 成": the reporters, metadata like a byline.
    // "德州日报记者 王五": another outlet's reporter; the outlet is the page's source.
    // (A mirror may have turned the spaces between the role and the names into "?": "本报记者?翟 倩".)
    const spaced = /[?？]/u.test(text) ? text.replace(/(?<=[\u4e00-\u9fa5])[?？]+(?=[\u4e00-\u9fa5])/gu, ' ') : text;
    const outletReporter = OUTLET_REPORTER.exec(spaced);
    if (outletReporter && text.length <= 40) {
      info.authors ??= outletReporter[2]!.replace(/(?:通讯员|记者|实习生)\s*/gu, ' ').replace(/\s+/gu, ' ').trim();
      info.publisher ??= outletReporter[1]!;
      droppedAt.push({ at: i, text });
      continue;
    }
    // "作者 潘雨洁 应进祥": the role and the names set apart by blanks, no colon.
    if (i <= 20 && SPACED_AUTHOR.test(spaced)) {
      info.authors ??= spaced.replace(/^\S+\s+/u, '').replace(/\s+/gu, ' ').trim();
      droppedAt.push({ at: i, text });
      continue;
    }
    // "日期:03-08": a date field without its year dates nothing, but it is the page's field under the headline.
    if (beforeText && PARTIAL_DATE_FIELD.test(text)) {
      droppedAt.push({ at: i, text });
      metaAt.push(i);
      continue;
    }
    const reported = REPORTED_BY.exec(spaced);
    if (reported) {
      info.authors ??= reported[1]!;
      droppedAt.push({ at: i, text });
      continue;
    }
    const reporter = REPORTER_LINE.exec(spaced);
    if (reporter && text.length <= 40) {
      info.authors ??= spaced.replace(/^(?:本报|本刊|本网)?(?:全媒体)?(?:记者|通讯员)\s*/u, '').replace(/\s+/gu, ' ').trim();
      droppedAt.push({ at: i, text });
      continue;
    }
    if (readCredits(text, info)) {
      droppedAt.push({ at: i, text });
      continue;
    }
    // An app's or column's name right under the date/source line ("时刻新闻"), before the text: the page's.
    const underMeta = lastTextAt(input, i);
    if (underMeta >= 0 && (metaAt[metaAt.length - 1] === underMeta || tableAt === underMeta) && i <= 14 && text.length <= 8 && COLUMN_LABEL.test(text) && !keep.some((k) => /[。！？]/u.test(k.line.text))) {
      droppedAt.push({ at: i, text });
      continue;
    }
    // The author's name alone right under the date/source line ("唐军华"): a byline, not text.
    if (metaAt.length && metaAt[metaAt.length - 1]! === lastTextAt(input, i) && i <= 14 && NAME_ALONE.test(text) && findMentions(text).length === 0) {
      info.authors ??= text.replace(/[\s\u3000]+/gu, ' ');
      droppedAt.push({ at: i, text });
      continue;
    }
    keep.push({ at: i, line });
  }
  for (let i = cut; i < input.length; i++) if (input[i]!.text) droppedAt.push({ at: i, text: input[i]!.text });

  joinBrokenHeadline(keep);
  dropForeignHeadlines(keep, droppedAt);
  stripInjectedPrefix(keep);
  dropAboveRepeatedHeadline(keep, droppedAt);
  dropAboveBreadcrumb(keep, droppedAt, info);
  dropAboveTitle(keep, droppedAt, metaAt, info, scores);
  dropRepeatedTail(keep, droppedAt);
  dropLinkGroups(keep, droppedAt);
  dropFootLabels(keep, droppedAt);
  dropBelowFootFurniture(keep, droppedAt);
  dropForeignTail(keep, droppedAt);
  dropAfterClosingEditor(keep, droppedAt, input);
  dropAfterEndMark(keep, droppedAt);
  liftTrailingByline(keep, info);
  liftTrailingSource(keep, droppedAt, info);
  dropOutletLabel(keep, droppedAt);
  dropSiteBanner(keep, droppedAt, input);
  dropLeadingLabels(keep, droppedAt, info);
  dropAboveHeadline(keep, droppedAt, info, scores, metaAt);
  dropModelFurniture(keep, droppedAt, scores, page);
  titleFromField(keep, input);

  droppedAt.sort((a, b) => a.at - b.at);
  info.date ??= headStamp(keep, droppedAt) ?? undefined;
  // A dropped line is listed as the page printed it, injected symbols and all.
  const asPrinted = (d: { at: number; text: string }) => (input !== raw && raw[d.at] && d.text === input[d.at]!.text ? raw[d.at]!.text : d.text);
  return { lines: keep.map((k) => k.line), dropped: droppedAt.map(asPrinted), info };
}

/**
 * A page no rule above dated: the stamp its head carries (dates.ts stampDate) on a line dropped above the
 * text (a byline whose labels run together, "…白银新闻网发布时间:2019-1-28"), at the start of the first
 * paragraph ("2025-05-21 09:00本报讯…"), or in brackets after the headline ("…公示 (2020-06-09 )").
 */
function headStamp(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): string | null {
  const text = keep.filter((k) => k.line.text);
  const first = text.find((k) => /[。！？]/u.test(k.line.text));
  const head = first ? first.at : Infinity;
  const above = [...droppedAt.filter((d) => d.at < head), ...text.filter((k) => k.at < head).map((k) => ({ at: k.at, text: k.line.text }))];
  for (const d of above.sort((a, b) => a.at - b.at)) {
    const date = stampDate(d.text);
    if (date) return date;
  }
  const stamped = (text[0] ? bracketedStamp(text[0].line.text) : null) ?? (first ? stampDate(first.line.text.slice(0, 24)) : null);
  if (stamped) return stamped;
  // Last, the stamp in the name of a picture the page left as text.
  for (const d of droppedAt) {
    const date = isPictureFileName(d.text) ? fileNameStamp(d.text) : null;
    if (date) return date;
  }
  return null;
}

/**
 * Lines the fitted line model is sure are furniture leave the text, listed in place so the preview
 * can restore them: once the headline is chosen, only outside the running text (its head and foot,
 * on a page that has some, and a foot of a few lines), never the headline, a notice's own head and
 * foot, or a row among rows of its shape (a list's, a table's).
 */
function dropModelFurniture(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, scores: (i: number) => LineScore, page: LinePage): void {
  const at = lineWeights().furnitureAt;
  if (at >= 1 || page.lastText < 0) return;
  // A notice's head and foot (版头, 发文字号, 附件, 落款) are the document's own, whatever they look like;
  // a document reprinted in a news page is its own from its 主送 on, the page's head above it is the page's.
  const notice = noticeShape(keep.map((e) => e.line));
  if (notice && (!notice.wrapper || notice.lines)) return;
  const documentFrom = notice ? notice.addresseesAt : keep.length;
  // The headline is chosen by now: the first line left.
  const headline = keep.find((e) => e.line.text)?.at ?? -1;
  // A page's foot is a few lines; many lines after the last paragraph are a list or a table the draft prints.
  const foot = keep.filter((e) => e.at > page.lastText && (e.line.text || e.line.table)).length <= FOOT_LINES;
  for (let k = keep.length - 1; k >= 0; k--) {
    const e = keep[k]!;
    if (k >= documentFrom) continue;
    // A heading or list item the source declared (Word styles, Markdown #, HTML h1–h4, <li>) is the draft's structure.
    if (e.line.heading || e.line.list) continue;
    // A label ending in its colon ("案例概况:") introduces what follows: the hand rules judge it with its value.
    if (/[:：]$/u.test(e.line.text)) continue;
    if (!e.line.text || e.line.image || e.line.table || e.at === headline || (e.at >= page.firstText && e.at <= page.lastText) || (e.at > page.lastText && !foot)) continue;
    const s = scores(e.at);
    // A line like those around it is a row of a list or a table, kept or dropped with them by the rules.
    if (s.furniture < at || likeNeighbours(page, e.at) >= 0.5) continue;
    // A share ("通过率达95%以上") is a finding of the draft's; counters and credits count, never in per cent.
    if (SHARE.test(e.line.text)) continue;
    droppedAt.push({ at: e.at, text: e.line.text });
    keep.splice(k, 1);
  }
}

const FOOT_LINES = 6;
const SHARE = /\d(?:\.\d+)?\s*[%％]/u;

/**
 * Symbols a mirror injected inside words ("石榴♂籽", "官ξ 网") leave every line, when the page has
 * enough of them to show it was done (furniture.ts says which symbols and how many).
 */
function withoutInjectedSymbols(input: SourceLine[]): SourceLine[] {
  if (injectedSymbolCount(input.map((l) => l.text), 5) < 5) return input;
  return input.map((line) => {
    const text = stripInjectedSymbols(line.text);
    if (text === line.text) return line;
    const { inlines, ...rest } = line;
    const runs = inlines?.map((r) => (r.type === 'text' ? { ...r, text: stripInjectedSymbols(r.text) } : r));
    return runs && runs.map((r) => (r.type === 'text' ? r.text : '')).join('') === text ? { ...rest, text, inlines: runs } : { ...rest, text };
  });
}

/**
 * A copy taken from a page's source keeps the closing tag of a heading or paragraph at a line's end ("…幸福光</h1>",
 * "…擺“龍門陣”。</p>"), perhaps with its '<' lost to a damaged byte ("…惫?/h1>"): the markup, never the text, is cut.
 */
const TAG_TAIL = /\s*<?\/(?:h[1-6]|p|div|span|strong|b|em|i|u|font|title|a|td|th|li|center)>\s*$/iu;
function withoutTagTails(input: SourceLine[]): SourceLine[] {
  let out: SourceLine[] | null = null;
  for (const [i, line] of input.entries()) {
    // (The cheap look first: only a line ending in '>' can end in a tag.)
    if (!line.text.trimEnd().endsWith('>') || !TAG_TAIL.test(line.text)) continue;
    const text = line.text.replace(TAG_TAIL, '');
    if (!/[^\s]/u.test(text) || /[<>]/u.test(text)) continue;
    const { inlines: _inlines, ...rest } = line;
    (out ??= input.slice())[i] = { ...rest, text };
  }
  return out ?? input;
}

/**
 * Scraper mirrors glue a site name onto the start of the title and of paragraphs ("三亿体育喜事新办…",
 * "三亿体育7月13日上午…"). A short token that starts several of the first lines, names no place or
 * organ, and is glued straight onto a date in one of them is such a name: it is cut from every
 * line start. (Real drafts repeat openings too, but with a place or an organ: "沂水县…".)
 */
function stripInjectedPrefix(keep: Array<{ at: number; line: SourceLine }>): void {
  const top = keep.slice(0, 8).filter((k) => k.line.text.length > 8 && !k.line.image && !k.line.table);
  for (let n = 6; n >= 3; n--) {
    const counts = new Map<string, number>();
    for (const k of top) {
      const p = k.line.text.slice(0, n);
      if (/^[\u4e00-\u9fa5]+$/u.test(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    for (const [p, c] of counts) {
      // (关于 opens a document's title, the headline's and the document's own alike: "关于发布2022年度…的通知".)
      if (c < 2 || /[的市县区省局厅部委镇乡村街民政我本该全各于]/u.test(p)) continue;
      const onDate = top.some((k) => k.line.text.startsWith(p) && /^[0-9０-９]{1,4}\s*[年月日]/u.test(k.line.text.slice(n)));
      if (!onDate || findMentions(p).length > 0) continue;
      for (let j = 0; j < keep.length; j++) {
        const line = keep[j]!.line;
        if (!line.text.startsWith(p) || line.text.length <= p.length + 2) continue;
        const { inlines: _inlines, ...rest } = line;
        keep[j] = { at: keep[j]!.at, line: { ...rest, text: line.text.slice(n) } };
      }
      return;
    }
  }
}

/**
 * A portal puts the article's date/source line right under its title; the short lines above
 * that title (site name, column label, a borrowed portal's name) are the page's, not the
 * draft's. Only the top of the page is looked at, and only lines without sentences go.
 */
function dropAboveTitle(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, metaAt: number[], info: CleanInfo, scores: (i: number) => LineScore): void {
  const meta = metaAt[0];
  if (meta === undefined) return;
  let title = -1;
  // A portal's head may run long (a menu one item a line, share buttons, a breadcrumb): the headline over
  // the date line is looked for among the first 40 lines, but beyond the first eight only over the text.
  for (let k = 0; k < Math.min(keep.length, 40); k++) {
    if (keep[k]!.at > meta) break;
    if (keep[k]!.line.text) title = k;
  }
  // A subtitle ("——…") may sit between the title and the date line.
  if (title > 0 && /^(?:——|--|—)/u.test(keep[title]!.line.text)) title--;
  // The headline over the date line is the line the fitted model finds likeliest among those above it
  // (a hotline, a kicker or a unit may stand between), with no sentence between them.
  // A headline printed twice over its date line (a forum's repost of a news page: the post's subject, then the page's
  // headline) is that headline: its upper print opens the page's own part, and what stands above it is the board's.
  const twice = title > 0 ? keep.findIndex((k, j) => j < title && k.line.text.length >= 6 && k.line.text === keep[title]!.line.text) : -1;
  if (twice >= 0) title = twice;
  else if (title > 0) {
    let best = title;
    for (let k = title - 1; k >= 0 && !/[。！？]/u.test(keep[k]!.line.text); k--) {
      const t = keep[k]!.line.text;
      if (t && !/^(?:——|--|—)/u.test(t) && !isNeverTitle(t) && scores(keep[k]!.at).headline > scores(keep[best]!.at).headline) best = k;
    }
    title = best;
  }
  if (title <= 0) return;
  if (title >= 8 && !textFollows(keep, meta)) return;
  // The anchor must sit right under a headline: a paragraph above a source line at the foot is text.
  // (A long notice title, several organs and a forwarded document's name, is still a headline.)
  if (/[。！？]/u.test(keep[title]!.line.text)) return;
  const above = keep.slice(0, title);
  // Above it, only lines without a sentence: short ones, or rows of links however long.
  if (above.some((k) => k.line.image || k.line.table || (k.line.text.length > 40 && !isLinkRow(k.line.text) && !isNeverTitle(k.line.text)) || /[。！？]/u.test(k.line.text))) return;
  for (const k of above) if (k.line.text) droppedAt.push({ at: k.at, text: k.line.text });
  // A bureau's own site names itself at the top ("重庆市武隆区民政局"): the page's source when no line says one.
  const site = above.find((k) => SITE_ORGAN.test(k.line.text) && findMentions(k.line.text).length > 0);
  if (site) info.publisher ??= ownOrgan(site.line.text, keep[title]!.line.text);
  keep.splice(0, title);
}

/**
 * A breadcrumb ("当前位置: 首页 > 新闻中心 > 正文") or a top menu opens the page's own part: what a portal prints above it
 * is its header (the site's or its sponsor's name, a mobile-edition link, a menu, a group of sister sites,
 * the day's date), never the draft's — on the tuning pages of two dozen portals no headline stands above
 * the first breadcrumb. Only short lines without a sentence go, and only when the breadcrumb comes
 * before the text.
 */
function dropAboveBreadcrumb(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, info: CleanInfo): void {
  let crumb = Infinity;
  for (const d of droppedAt) if (d.at < crumb && d.at <= 24 && (BREADCRUMB.test(d.text) || isMenuRow(d.text))) crumb = d.at;
  if (crumb === Infinity) return;
  let cut = 0;
  while (cut < keep.length && keep[cut]!.at < crumb) {
    const line = keep[cut]!.line;
    if (line.image || line.table || line.text.length > 40 || /[。！？]/u.test(line.text)) return;
    cut++;
  }
  if (!keep.slice(0, cut).some((k) => k.line.text)) return;
  const headline = keep.slice(cut).find((k) => k.line.text)?.line.text ?? '';
  for (const k of keep.slice(0, cut)) {
    if (!k.line.text) continue;
    droppedAt.push({ at: k.at, text: k.line.text });
    // A bureau's site naming itself there is the page's source, as dropAboveTitle reads it. (A date there is the site's clock.)
    if (SITE_ORGAN.test(k.line.text) && findMentions(k.line.text)[0]?.start === 0) info.publisher ??= ownOrgan(k.line.text, headline);
  }
  keep.splice(0, cut);
}

/** Whether a paragraph of text (a sentence, 30 characters or more) follows input line `at` within a few lines. */
function textFollows(keep: Array<{ at: number; line: SourceLine }>, at: number): boolean {
  return keep.filter((k) => k.at > at && k.line.text).slice(0, 4).some((k) => k.line.text.length >= 30 && /[。！？]/u.test(k.line.text));
}

/** A line led by a province's name ("某某省民政厅部署…"): a place no other division's name is mistaken for. */
function ledByProvince(text: string): boolean {
  const m = findMentions(text.slice(0, 12))[0];
  return m !== undefined && m.start === 0 && m.places.length === 1 && m.places[0]!.level === 'province';
}

/**
 * Another article's headline over this one's text (an e-paper's list of its page's headlines, a related story's
 * headline): a line above the first paragraph that may be a headline and names only provinces the text never names,
 * in a text that names places of its own, is not about this text (regions/home.ts reads another site's banner so).
 * Only a headline led by its province is read so: a shorter place's name is too often a word or another's name.
 */
function dropForeignHeadlines(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  const body = keep.findIndex((k) => (k.line.text.length >= 30 && /[。！？]/u.test(k.line.text)) || k.line.image || k.line.table);
  if (body <= 0 || body > 24) return;
  const text = keep.slice(body).map((k) => k.line.text);
  const dropped = droppedAt.map((d) => d.text);
  for (let j = body - 1; j >= 0; j--) {
    const t = keep[j]!.line.text;
    // (A list's row, "某市:甲区、乙区", names its places by design; only a headline's shape is read.)
    if (!t || keep[j]!.line.list || keep[j]!.line.heading || !mayBeHeadline(t) || /[:：、，,;；]/u.test(t) || t.length < 8 || DOCUMENT_TITLE.test(t.trim()) || !ledByProvince(t) || !namesOtherProvinces(t, text, dropped)) continue;
    droppedAt.push({ at: keep[j]!.at, text: t });
    keep.splice(j, 1);
  }
}

/**
 * A page without a date line under its headline: when its first line can never be a headline (a
 * stale date, a row of links, a reader's widget) or names an organ alone over a news story's
 * headline (a kicker), title.ts finds the headline over the first paragraph and what stands above
 * it goes. A date alone among those lines dates the page when nothing else did.
 */
function dropAboveHeadline(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, info: CleanInfo, scores: (i: number) => LineScore, metaAt: number[] = []): void {
  const body = keep.findIndex((k) => (k.line.text.length >= 30 && /[。！？]/u.test(k.line.text)) || k.line.image || k.line.table);
  if (body <= 0 || body > 24 || keep[body]!.line.image || keep[body]!.line.table) return;
  const top = keep.slice(0, body).map((k, j) => ({ k, j })).filter(({ k }) => k.line.text);
  // A page copied without its headline: what stands over its first paragraph, when none of it can be
  // a headline (a date alone, a reader's label, a spam line), is the page's. (A headline in a menu's words,
  // "魅力社区", stands right over the page's date line, which no menu word does: it is the headline.)
  const anchored = (at: number) => metaAt.some((m) => m > at && m - at <= 2);
  if (top.length && top.every(({ k }) => isNeverTitle(k.line.text) && !isLinkRow(k.line.text) && !(isMenuWord(k.line.text) && anchored(k.at)))) {
    dropHead(keep, droppedAt, info, top[top.length - 1]!.j + 1);
    return;
  }
  if (top.length < 2) return;
  // A date alone between an article's headline and its first paragraph is the page's date line.
  const under = top[1];
  if (top.length === 2 && DATE_ONLY.test(under!.k.line.text.replace(/\s+/gu, '')) && !DOCUMENT_TITLE.test(top[0]!.k.line.text.trim()) && !isNeverTitle(top[0]!.k.line.text)) {
    info.date ??= findDate(under!.k.line.text) ?? undefined;
    droppedAt.push({ at: under!.k.at, text: under!.k.line.text });
    keep.splice(under!.j, 1);
    return;
  }
  // The rows of links clean() already took from among these lines still tell where the page's head ends.
  const first = top[0]!.k.at;
  const last = top[top.length - 1]!.k.at;
  const nav = droppedAt.filter((d) => d.at > first && d.at < last && (isLinkRow(d.text) || isChannelRow(d.text) || isMenuRow(d.text) || BREADCRUMB.test(d.text)));
  const lines = [...top.map(({ k, j }) => ({ at: k.at, text: k.line.text, j })), ...nav.map((d) => ({ at: d.at, text: d.text, j: -1 }))].sort((a, b) => a.at - b.at);
  const at = headlineAt(lines.map((l) => l.text), keep.slice(body, body + 3).map((k) => k.line.text).join('\n'), (k) => scores(lines[k]!.at).headline);
  if (at < 0) {
    // No headline found, but the lines leading the page still cannot be one: they go, the rest stays.
    let n = 0;
    while (n < top.length && isNeverTitle(top[n]!.k.line.text) && !isLinkRow(top[n]!.k.line.text)) n++;
    if (n > 0) dropHead(keep, droppedAt, info, top[n - 1]!.j + 1);
    return;
  }
  if (at === 0 || lines[at]!.j < 0) return;
  dropHead(keep, droppedAt, info, lines[at]!.j);
}

/** The page's head, keep[0, cut), goes: a date alone in it dates the page, a bureau's site name is its source. */
function dropHead(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, info: CleanInfo, cut: number): void {
  for (const k of keep.slice(0, cut)) {
    if (!k.line.text) continue;
    droppedAt.push({ at: k.at, text: k.line.text });
    if (DATE_ONLY.test(k.line.text.replace(/\s+/gu, ''))) info.date ??= findDate(k.line.text) ?? undefined;
    // A bureau's site naming itself in the head is the page's source, as dropLeadingLabels reads it.
    if (SITE_ORGAN.test(k.line.text) && findMentions(k.line.text)[0]?.start === 0) info.publisher ??= k.line.text;
  }
  keep.splice(0, cut);
}

/**
 * A district portal's headline names its bureau by level only ("区民政局:着力…", "县民政局召开…"):
 * the site's name says which, written from that level down ("重庆市武隆区民政局" → "武隆区民政局").
 */
function ownOrgan(site: string, headline: string): string {
  const level = /^([区县市旗])(?:民政局|民政和社会保障局|人民政府)/u.exec(headline)?.[1];
  if (!level) return site;
  const place = findMentions(site).find((m) => m.text.endsWith(level) && m.start > 0);
  return place ? site.slice(place.start) : site;
}

/** An organ's name as a site's name: a place, then the organ ("某市某区民政局", "某省民政厅"). */
const SITE_ORGAN = /^[\u4e00-\u9fa5]{2,20}(?:民政局|民政厅|民政处|人民政府|社会保障局|民政和社会保障局|社会事务局)$/u;

/** After the last real paragraph, a line that repeats an earlier one (the page title) is furniture. */
function dropRepeatedTail(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  let lastBody = -1;
  for (let k = keep.length - 1; k >= 0; k--) {
    const t = keep[k]!.line.text;
    if (t.length > 60 || /[。！？]$/u.test(t)) {
      lastBody = k;
      break;
    }
  }
  if (lastBody < 0) return;
  const seen = new Set(keep.slice(0, lastBody).map((k) => k.line.text));
  for (let k = keep.length - 1; k > lastBody; k--) {
    const t = keep[k]!.line.text;
    // An organ over a date is a signature, though the same organ heads the page ("某市民政局" / … / "某市民政局" / "2021年5月10日").
    const next = keep.slice(k + 1).find((n) => n.line.text)?.line.text ?? '';
    if (t && seen.has(t) && !DATE_ONLY.test(next.replace(/\s+/gu, ''))) {
      droppedAt.push({ at: keep[k]!.at, text: t });
      keep.splice(k, 1);
    }
  }
}

function liftTrailingByline(keep: Array<{ at: number; line: SourceLine }>, info: CleanInfo): void {
  for (let k = keep.length - 1; k >= Math.max(0, keep.length - 3); k--) {
    const line = keep[k]!.line;
    if (!line.text) continue;
    const m = TRAILING_BYLINE.exec(line.text);
    if (!m) continue;
    if (!info.authors) info.authors = m[1]!.replace(/\s+/gu, ' ').trim();
    // "(津市市民政局 贺蔚 张明焕)": the organ its writers are from sent the page in.
    const organ = /^([\u4e00-\u9fa5]{4,24}(?:局|厅|委|办|站|院|中心|政府|协会|街道|社区))\s+[\u4e00-\u9fa5·]{2,4}/u.exec(m[1]!)?.[1];
    if (organ && findMentions(organ)[0]?.start === 0) info.publisher ??= organ;
    const rest = line.text.slice(0, m.index).replace(/[\s\u3000]+$/u, '');
    if (!rest) keep.splice(k, 1);
    else if (line.inlines) keep[k] = { at: keep[k]!.at, line: { text: rest, inlines: splitInlines(line.inlines, rest.length)[0] } };
    else keep[k] = { at: keep[k]!.at, line: { text: rest } };
    return;
  }
}

/** A short page ending its last paragraph with "(来源:某县民政局)": the page's source, as on a line of its own. */
const TRAILING_SOURCE = /\s*[（(]\s*(?:来源|信息来源|稿件来源)\s*[:：]\s*([^\s()（）:：]{2,24})\s*[)）]\s*$/u;

function liftTrailingSource(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, info: CleanInfo): void {
  for (let k = keep.length - 1; k >= Math.max(0, keep.length - 3); k--) {
    const line = keep[k]!.line;
    if (!line.text) continue;
    const m = TRAILING_SOURCE.exec(line.text);
    if (!m) return;
    info.publisher ??= m[1]!;
    droppedAt.push({ at: keep[k]!.at, text: m[0].trim() });
    const rest = line.text.slice(0, m.index).replace(/[\s\u3000]+$/u, '');
    if (!rest) keep.splice(k, 1);
    else if (line.inlines) keep[k] = { at: keep[k]!.at, line: { ...line, text: rest, inlines: splitInlines(line.inlines, rest.length)[0] } };
    else keep[k] = { at: keep[k]!.at, line: { ...line, text: rest } };
    return;
  }
}

/**
 * The outlet's name alone on a line right above the paragraph whose dateline it opens
 * ("晋江新闻网" over "晋江新闻网4月11日讯 昨日…"): the page's label, not the text's.
 */
function dropOutletLabel(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  for (let k = 0; k < Math.min(keep.length, 8); k++) {
    const text = keep[k]!.line.text.trim();
    if (!text || text.length > 12 || !/(?:网|报|客户端|电视台|广播电视台|融媒体中心|新闻)$/u.test(text)) continue;
    let n = k + 1;
    while (n < keep.length && !keep[n]!.line.text.trim()) n++;
    const next = keep[n]?.line.text.trim() ?? '';
    if (next.length > text.length + 8 && next.startsWith(text) && /^[0-9０-９]{0,2}\s*(?:月[0-9０-９]{1,2}日)?\s*(?:讯|电|消息)/u.test(next.slice(text.length))) {
      droppedAt.push({ at: keep[k]!.at, text: keep[k]!.line.text });
      keep.splice(k, 1);
      return;
    }
  }
}

/**
 * A site's name alone at the very top of the page with the page's tools right under it ("某某网" / "字体:",
 * "某某百科" / "分享"): the site's banner over its tool bar, never a headline, which has its date or its text
 * under it, not the tools. (Over the headline, with the date line under that, dropAboveTitle takes it.)
 */
const BANNER_SHARE = 0.2;
const SITE_BANNER = /^[\u4e00-\u9fa5A-Za-z]{2,10}(?:网|网通|网站|百科|在线|门户|论坛|频道|客户端)$/u;
function dropSiteBanner(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, input: SourceLine[]): void {
  const first = keep.findIndex((k) => k.line.text.trim());
  if (first < 0 || keep.slice(0, first).some((k) => k.line.image || k.line.table)) return;
  const text = keep[first]!.line.text.trim();
  if (!SITE_BANNER.test(text)) return;
  let n = keep[first]!.at + 1;
  while (n < input.length && !input[n]!.text.trim()) n++;
  const next = input[n]?.text.trim() ?? '';
  const tools = !!next && droppedAt.some((d) => d.at === n) && (isWidgetLabel(next) || isWidgetRow(next) || WIDGET.test(next) || PAGE_TOOLS.test(next));
  // Over the text itself (a page copied without its headline), a site's name shares none of the words
  // below; a short headline that ends so ("织密兜底保障网") shares the text's.
  if (!tools && bigramShare(text, keep.slice(first + 1, first + 4).map((k) => k.line.text).join('\n')) >= BANNER_SHARE) return;
  droppedAt.push({ at: keep[first]!.at, text: keep[first]!.line.text });
  keep.splice(first, 1);
}

/**
 * A portal's column or site name printed above the headline: "工作动态", "民政要闻", "某某民政网",
 * a paper's name over its item ("中国社会报").
 * (Not "…公告" or "…信息": short notices are titled so.)
 */
/** Column and page-type names a portal prints above an article, said exactly ("通知公告", "文章详情", "视频"). */
const COLUMN_NAMES = new Set(['通知公告', '公示公告', '公告公示', '政策解读', '政策法规', '媒体关注', '媒体聚焦', '媒体报道', '图片新闻', '视频新闻', '部门动态', '乡镇动态', '工作信息', '政务信息', '文章详情', '新闻详情', '详情', '正文', '阅读模式', '视频', '图集', '图片', '组图', '专题']);

const COLUMN_LABEL = /^(?!关于)(?:[\u4e00-\u9fa5]{0,6}(?:动态|要闻|新闻|资讯|快讯|专题|专栏|聚焦|视点|播报|头条|热点|时政)|[\u4e00-\u9fa5]{2,10}(?:网|门户网站|政务网|客户端|日报|晚报|时报|社会报|报))$/u;

/** A column's or page type's name as a portal prints it over an article ("工作动态", "通知公告"). */
function isColumnLabel(text: string): boolean {
  const t = text.trim();
  return t.length <= 12 && (COLUMN_LABEL.test(t) || COLUMN_NAMES.has(t));
}

/**
 * Short column and site lines at the very top, above a headline (a line without 。 and not
 * itself such a label), are the page's. A dated or sourced page is handled by dropAboveTitle;
 * this is the page copied without its date line.
 */
function dropLeadingLabels(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, info: CleanInfo): void {
  let k = 0;
  const labels: number[] = [];
  let site: string | null = null;
  while (k < keep.length && k < 4) {
    const text = keep[k]!.line.text.trim();
    if (!text) {
      k++;
      continue;
    }
    if (keep[k]!.line.image || keep[k]!.line.table) break;
    // A bureau's site names itself above an undated headline ("盐亭县民政局"): the page's source.
    if (!site && labels.length === k && SITE_ORGAN.test(text) && text.length <= 20 && findMentions(text)[0]?.start === 0) {
      site = text;
      labels.push(k);
      k++;
      continue;
    }
    if (text.length > 12 || !(COLUMN_LABEL.test(text) || COLUMN_NAMES.has(text)) || findMentions(text).some((m) => m.full)) break;
    labels.push(k);
    k++;
  }
  while (k < keep.length && !keep[k]!.line.text.trim()) k++;
  const head = keep[k]?.line.text.trim() ?? '';
  // (A headline may exclaim at its end; punctuation with more text after it is a sentence.)
  if (!labels.length || !head || head.length > 80 || /。|[！？!?][^”"’）)]/u.test(head) || COLUMN_LABEL.test(head)) return;
  // A site's name goes only over an article: the headline, then a paragraph with a sentence.
  if (site) {
    let n = k + 1;
    while (n < keep.length && !keep[n]!.line.text.trim()) n++;
    const next = keep[n]?.line.text ?? '';
    if (!/[。！？]/u.test(next) || next.length < 30 || SITE_ORGAN.test(head) || /^(?:关于|印发)|(?:通知|通报|意见|决定|批复|函|报告|请示|方案|办法)$/u.test(head)) return;
    info.publisher ??= site;
  }
  // The line after the headline must be text, so that the headline is not itself a label over a list.
  for (const j of labels.reverse()) {
    droppedAt.push({ at: keep[j]!.at, text: keep[j]!.line.text });
    keep.splice(j, 1);
  }
}


/** A date alone beside an e-paper's page label or under the paper's name is the issue's date. */
function isIssueDate(input: SourceLine[], i: number): boolean {
  const before = lastTextAt(input, i);
  let after = i + 1;
  while (after < input.length && !input[after]!.text.trim()) after++;
  const prev = before >= 0 ? input[before]!.text.trim() : '';
  const next = after < input.length ? input[after]!.text.trim() : '';
  const page = (t: string) => PAPER_PAGE.test(t) || BARE_PAPER_PAGE.test(t);
  return page(prev) || page(next) || (/^[\u4e00-\u9fa5]{2,10}(?:日报|晚报|时报|报)$/u.test(prev) && before <= 2);
}

/** The index of the last line with text before `i` (-1 when none). */
/** A page's field naming its own title ("标题:某区首推公益生态葬"), as a CMS's template prints it at the head or the foot. */
const TITLE_FIELD = /^(?:文章)?标\s*题\s*[:：]\s*(.{4,80}?)\s*(?:[[【(（][^[\]【】()（）]{1,8}[\]】)）])?$/u;

/**
 * A page copied from below its headline, the text's first line a sentence: its own title field, when it has
 * one that reads as a headline and shares the text's words, heads the text.
 */
function titleFromField(keep: Array<{ at: number; line: SourceLine }>, input: SourceLine[]): void {
  const first = keep.find((k) => k.line.text);
  if (!first || !/[。！？]/u.test(first.line.text)) return;
  for (const l of input) {
    const m = l.text.length <= 100 ? TITLE_FIELD.exec(l.text.trim()) : null;
    if (!m || !mayBeHeadline(m[1]!)) continue;
    const body = keep.slice(0, 40).map((k) => k.line.text).join('\n');
    if (bigramShare(m[1]!, body) < 0.5) continue;
    keep.unshift({ at: first.at, line: { text: m[1]! } });
    return;
  }
}

/** A web address with words run onto it, and the label a repost gives what it forwards ("关注:", "转载:"). */
const GLUED_LINK = /^https?:\/\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9_\-./?=&%#~+]*)?(?=[\u4e00-\u9fa5])(?:(?:关注|转|转载|转发|分享|推荐|原文|链接)\s*[:：]\s*)?/u;
/** An account's name and the day it posted, without the year ("某某之窗 6月24日"), as a platform's header prints them. */
const ACCOUNT_DAY = /^(?![0-9０-９]{4}\s*年)[\u4e00-\u9fa5A-Za-z0-9·]{2,12}\s+[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:\s+[0-9]{1,2}:[0-9]{2})?$/u;

function isProvinceAlone(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 8) return false;
  const m = findMentions(t);
  return m.length === 1 && m[0]!.text === t && m[0]!.places.some((p) => p.level === 'province');
}

/**
 * A headline the copy broke over two lines ("某县召开甲乡、乙乡" / "更名征求意见会"): two lines in a row over
 * the text, no sentence, the second short, and the words across the break are the text's own (its first
 * paragraph says "…乙乡更名…"), as they would not be across a headline and the next line.
 */
function joinBrokenHeadline(keep: Array<{ at: number; line: SourceLine }>): void {
  const top: number[] = [];
  for (let k = 0; k < keep.length && top.length < 6; k++) {
    if (!keep[k]!.line.text) continue;
    if (/[。！？]/u.test(keep[k]!.line.text)) break;
    top.push(k);
  }
  for (let n = 0; n + 1 < top.length; n++) {
    const a = keep[top[n]!]!.line.text.trim();
    const b = keep[top[n + 1]!]!.line.text.trim();
    if (a.length < 8 || a.length > 40 || b.length < 4 || b.length > 16 || /[\s。！？!?，,；;:：]/u.test(a) || /[\s。！？!?，,、；;:：“”"《》()（）【】]/u.test(b)) continue;
    if (isNeverTitle(a) || isNeverTitle(b) || DOCUMENT_TITLE.test(b) || DOCUMENT_TITLE.test(a)) continue;
    const seam = a.slice(-3) + b.slice(0, 3);
    let seen = false;
    for (let k = top[n + 1]! + 1; k < keep.length && k <= top[n + 1]! + 12 && !seen; k++) seen = keep[k]!.line.text.includes(seam);
    if (!seen) continue;
    const { inlines: _inlines, ...rest } = keep[top[n]!]!.line;
    keep[top[n]!] = { at: keep[top[n]!]!.at, line: { ...rest, text: a + b } };
    keep.splice(top[n + 1]!, 1);
    return;
  }
}

function lastTextAt(input: SourceLine[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (input[k]!.text) return k;
  return -1;
}

/**
 * A page's top menu copied as bullets ("- 首页", "- English", "- 登录"): three or more short
 * bulleted items in a row, starting among the first lines, before any sentence.
 */
function topMenu(input: SourceLine[]): Set<number> {
  const out = new Set<number>();
  let seen = 0;
  let run: number[] = [];
  for (let i = 0; i < input.length && seen < 16; i++) {
    const text = input[i]!.text;
    // Furniture above the menu (a search box, bars, a language switch) does not push it down the page.
    if (!text || (!MENU_ITEM.test(text) && isFurniture(text))) continue;
    seen++;
    if (MENU_ITEM.test(text)) {
      run.push(i);
      continue;
    }
    if (run.length >= 3 && seen - run.length <= 3) for (const k of run) out.add(k);
    if (/[。！？]/u.test(text)) break;
    run = [];
  }
  return out;
}

/**
 * Pages that list their own headlines above the article (an e-paper's page index, a portal's
 * "this page" box) print the article's headline twice: once in the list, once over the text.
 * Everything above the second print is the page's, when none of it is a sentence.
 */
function dropAboveRepeatedHeadline(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  const body = keep.findIndex((k) => k.line.text.length >= 30 && /[。！？]/u.test(k.line.text));
  if (body <= 1) return;
  let head = body - 1;
  while (head > 0 && !keep[head]!.line.text) head--;
  const title = keep[head]!.line.text;
  if (!title || title.length < 6 || title.length > 80 || /[。！？]/u.test(title)) return;
  const first = keep.findIndex((k) => k.line.text === title);
  if (first < 0 || first >= head) return;
  if (keep.slice(0, head).some((k) => k.line.image || k.line.table || /[。！？]/u.test(k.line.text))) return;
  for (const k of keep.slice(0, head)) if (k.line.text) droppedAt.push({ at: k.at, text: k.line.text });
  keep.splice(0, head);
}

/**
 * An editor line (编辑/责任编辑/编审) closing the article: what an aggregator prints after it,
 * the next item's headline and cut teaser, a stray review mark, is not the article's — when
 * it is a few lines none of which ends a sentence.
 */
function dropAfterClosingEditor(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>, input: SourceLine[]): void {
  const firstBody = keep.findIndex((k) => k.line.text.length >= 30 && /[。！？]/u.test(k.line.text));
  if (firstBody < 0) return;
  const editorAt = droppedAt
    .map((d) => d.at)
    .filter((at) => at > keep[firstBody]!.at && EDITOR.test(input[at]!.text))
    .sort((a, b) => a - b)[0];
  if (editorAt === undefined) return;
  const after = keep.map((k, j) => ({ k, j })).filter(({ k }) => k.at > editorAt);
  const texts = after.filter(({ k }) => k.line.text);
  if (!texts.length || texts.length > 3 || texts.some(({ k }) => /[。！？]$/u.test(k.line.text) || k.line.image || k.line.table)) return;
  for (const { k } of texts) droppedAt.push({ at: k.at, text: k.line.text });
  keep.splice(after[0]!.j);
}

/**
 * A news agency's end mark closing a paragraph ("…落实老年人优待政策。(完)"): what a mirror or an
 * aggregator prints after it (an unrelated sentence, the next item's teaser) is not the article's,
 * when it is a few lines at most.
 */
function dropAfterEndMark(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  let end = -1;
  for (let k = keep.length - 1; k >= 0 && k >= keep.length - 6; k--) {
    if (/[。！？”][\s\u3000]*[(（【]\s*完\s*[)）】]$/u.test(keep[k]!.line.text)) {
      end = k;
      break;
    }
  }
  if (end < 0) return;
  const after = keep.slice(end + 1).filter((k) => k.line.text || k.line.image || k.line.table);
  if (!after.length || after.length > 3 || after.some((k) => k.line.image || k.line.table)) return;
  for (const k of after) droppedAt.push({ at: k.at, text: k.line.text });
  keep.splice(end + 1);
}

/**
 * Short labels in a run at the foot, a widget's among them (a blog template's sidebar: "搜索" /
 * "网站分类" / "标签列表"; a map widget's "Baidu" / "map"). An organ, a place or a name ends the run:
 * a notice's signature and an author's name stay.
 */
function dropFootLabels(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  const texts = keep.map((k) => (k.line.image || k.line.table ? '。' : k.line.text));
  const n = footLabelRun(texts, (t) => NAME_ALONE.test(t) || /(?:局|厅|部|委|办|政府|中心|会|院|站|所|社区|村|街道|镇|乡)$/u.test(t) || findMentions(t).length > 0);
  const run = keep.slice(keep.length - n).filter((k) => k.line.text);
  if (run.length === 0 || n === keep.length) return;
  // The widget labels clean() already took from among these lines vouch for the run.
  const from = keep[keep.length - n - 1]!.at;
  if (!droppedAt.some((d) => d.at > from && isWidgetLabel(d.text))) return;
  for (const k of run) droppedAt.push({ at: k.at, text: k.line.text });
  keep.splice(keep.length - n);
}

/** Index of the last kept line that is the text's own (a picture, a table, or a sentence of 30+ characters); -1 if none. */
function lastParagraph(keep: Array<{ at: number; line: SourceLine }>): number {
  for (let k = keep.length - 1; k >= 0; k--) {
    const line = keep[k]!.line;
    if (line.image || line.table || (line.text.length >= 30 && /[。！？]/u.test(line.text))) return k;
  }
  return -1;
}

/**
 * Once the page's own furniture starts under the last paragraph (a page's tools, its editor, a "next article"
 * link, its colophon), the draft has ended: the few lines after it that hold no sentence are the page's too
 * (another article's headline, an e-paper's page index, a counter with its login link). A signature (an
 * organ, a name or a date alone) among them keeps them all: it is the draft's close, printed after a tool.
 */
function dropBelowFootFurniture(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  const last = lastParagraph(keep);
  if (last < 0) return;
  const from = keep[last]!.at;
  let furniture = Infinity;
  for (const d of droppedAt) if (d.at > from && d.at < furniture) furniture = d.at;
  if (furniture === Infinity) return;
  const after = keep.map((k, j) => ({ k, j })).filter(({ k }) => k.at > furniture && k.line.text);
  if (!after.length || after.length > FOOT_LINES) return;
  if (after.some(({ k }) => k.line.image || k.line.table || k.line.text.length > 80 || /[。！？]/u.test(k.line.text) || isSignatureLine(k.line.text))) return;
  for (const { k } of after) droppedAt.push({ at: k.at, text: k.line.text });
  for (const { j } of after.reverse()) keep.splice(j, 1);
}

/**
 * The last lines of a page, under its last paragraph, that share none of the text's words: short, no
 * sentence, no signature (an organ, a name, a date, a contact): another page's foot, not this draft's close.
 */
/** Below this share of their character pairs in the text, headlines under it are other articles'. */
const FOREIGN_LINKS_SHARE = 0.1;
function dropForeignTail(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  const last = lastParagraph(keep);
  if (last < 0) return;
  const text = keep.slice(0, last + 1).map((k) => k.line.text).join('\n');
  let n = 0;
  for (let k = keep.length - 1; k > last && n < 3; k--) {
    const line = keep[k]!.line;
    if (!line.text) continue;
    const t = line.text.trim();
    // (A caption under the last picture is the picture's: it may share no word with the text.)
    if (line.image || line.table || line.heading || line.list || keep[k - 1]?.line.image || isSignatureLine(t) || !/[\u4e00-\u9fa5]{2}/u.test(t)) break;
    // Or the last line is other articles' headlines run together ("甲被传出售背后:业绩…挑战大 乙通报3起…典型案件"), an
    // aggregator's links under the text: headline-shaped halves apart, no sentence, next to none of the text's words.
    const headlines = n === 0 && t.length <= 80 && !/[。！？]/u.test(t) && /\S{8,}\s+\S{8,}/u.test(t) && t.split(/\s+/u).every((h) => h.length >= 8 && !/[,，、]$/u.test(h)) && bigramShare(t, text) < FOREIGN_LINKS_SHARE;
    if (!headlines && (t.length > 24 || !/^[\u4e00-\u9fa5A-Za-z0-9\s]+$/u.test(t) || bigramShare(t, text) > 0)) break;
    droppedAt.push({ at: keep[k]!.at, text: line.text });
    keep.splice(k, 1);
    n++;
  }
}

/**
 * A line a draft closes with: an organ, a person's name or a date (its 落款, alone or on one line), an
 * attachment, or its one contact ("联系电话:…"; a site's foot gives several ways to reach it on one line).
 */
function isSignatureLine(text: string): boolean {
  const t = text.trim();
  if (findDate(t) || /^附件/u.test(t) || NAME_ALONE.test(t) || isNameAlone(t) || /(?:局|厅|部|委|办|政府|中心|会|院|站|所|社区|村|街道|镇|乡|公司|集团)$/u.test(t)) return true;
  return OWN_CONTACT.test(t) && new Set(t.match(CONTACT_LABELS) ?? []).size < 2;
}

const OWN_CONTACT = /^[^:：]{0,8}(?:联系人|联系电话|联系方式|电话|手机|传真|邮箱|地址)\s*[:：]/u;
const CONTACT_LABELS = /[\u4e00-\u9fa5A-Za-z]{0,6}?(?:联系人|电话|手机|传真|邮箱|地址|邮编|QQ|微信)\s*[:：]/gu;

/** Link-group labels in a run at the foot, after the last paragraph ("国务院部门网站", "其他网站"). */
function dropLinkGroups(keep: Array<{ at: number; line: SourceLine }>, droppedAt: Array<{ at: number; text: string }>): void {
  let k = keep.length;
  let labels = 0;
  while (k > 0) {
    const t = keep[k - 1]!.line.text;
    if (t && !LINK_GROUP.test(t)) break;
    if (t) labels++;
    k--;
  }
  if (labels < 2) return;
  for (const d of keep.slice(k)) if (d.line.text) droppedAt.push({ at: d.at, text: d.line.text });
  keep.splice(k);
}
