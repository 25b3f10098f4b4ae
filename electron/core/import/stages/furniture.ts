/**
 * Portal furniture told by general features of a line rather than by one phrase per site:
 * its length, whether it holds a sentence, how much of it is digits and separators, whether it
 * is a label with nothing after it, and a small lexicon of the widget and sidebar labels that
 * portal and blog templates print (搜索, 网站分类, 标签列表, 朗读, map …). clean.ts asks these
 * questions of each line; what they drop is listed in `dropped` like everything else.
 */
import { findDate } from './dates.js';
import { bigramShare } from '../../model/similarity.js';

/**
 * Widget, sidebar and template labels that are never a draft's own line when they stand alone.
 * (Words a heading could be — 评论, 图片, 专题 — are not here: clean.ts reads those by position.)
 */
const WIDGET_LABELS = new Set([
  '搜索', '站内搜索', '全站搜索', '搜索一下', '新闻搜索', '新闻查询', '信息检索', '站内检索', '全文检索', '网站分类', '文章分类', '栏目分类', '标签列表', '标签云', '热门标签', '文章归档', '日期归档', '最新文章', '最新发布', '最新评论', '热门文章',
  '随机文章', '最近发表', '友情链接', '相关文档', '相关附件', '大家爱看', '为您推荐', '猜你喜欢', '分享让更多人看到', '点赞', '在看', '朗读', '听新闻', '语音播报',
  '我要纠错', '纠错', '百度地图', 'map', 'Map', '二维码', '手机阅读', '微信扫一扫', '扫码阅读', '收起', '展开', '查看原文', '阅读原文',
  '关注我们', '政务微博', '政务微信', '政务新媒体', '微信公众号', '官方微博', '官方微信', '我要打印', '打印文章', '关闭本页', '设为首页', '加入收藏',
  // A web video player's captions dialog, its closing label left alone when its opener was not copied.
  '结束对话视窗',
  // A social platform's article page: its prompts and buttons.
  '预览时标签不可点', '微信扫一扫关注该公众号', '微信扫一扫关注该公众号', '继续滑动看下一个', '轻触阅读原文', '知道了', '写留言', '留言', '赞', '分享', '收藏', '听过',
  '举报/反馈', '举报', '反馈', '已关注', '关注', '返回搜狐,查看更多', '返回搜狐，查看更多', '查看更多', '展开全文', '点击展开全文', '打开APP', '打开App', '下载APP', '下载App',
  // A portal's header: its app's link and its logo picture copied as its alternative text ('客户端', 'logo').
  '客户端', '手机客户端', 'logo', 'LOGO', 'Logo',
  // A comment box's form: its captcha field and its list's label (a form's words, never a line of a draft).
  '验证码', '请输入验证码', '全部评论', '最新评论', '热门评论', '用户登录', '立即注册', '还没有账号?', '还没有账号？',
  // A news portal's channel word over its menu ("推荐", "要闻推荐").
  '推荐', '为你推荐', '今日推荐', '编辑推荐',
  // Accessibility and reading tools, and a portal's side boxes.
  '智能问答', '无障碍浏览', '无障碍阅读', '长者模式', '关怀模式', '繁体版', '简体版', '朗读全文', '停止朗读', '全文朗读', '网站纠错', '新闻排行', '点击排行', '阅读排行', '点击进入专题', '进入专题',
 '点击查看原文', '查看原文', '点击阅读原文', '更多', '查看更多>>', '更多>>', '更多>', '更多+', 'MORE', 'more', 'MORE+', '+更多',
]);

/**
 * Where a share bar sends the page (微信, 微博, QQ空间 …): words that are furniture only in a row of
 * such words or widget labels ("分享 微信", "微博 空间 qq"), never alone.
 */
const SHARE_TARGETS = new Set(['转发', '微信', '微博', '新浪微博', '腾讯微博', '朋友圈', '微信好友', '好友', 'QQ', 'qq', 'Qq', 'QQ空间', 'qq空间', '空间', '豆瓣', '人人网', '复制链接', '链接', '钉钉', '抖音', '头条', '今日头条']);

/** A platform's app promotion ("打开APP 阅读更多精彩内容", "下载客户端 查看更多"). */
/** Text-size buttons ("A+ A A-", "A- A A+", "【大】【中】【小】" one to a line or in a row), and a share bar's instructions ("打开微信“扫一扫”，…点击屏幕右上角分享按钮"). */
const SIZE_BUTTONS = /^(?:A[+＋\-－]?\s*){2,4}$|^(?:[【[]\s*[大中小]\s*[】\]]\s*){1,3}$/u;
const SHARE_HOWTO = /^(?:打开|用)微信.{0,20}扫一扫.{0,40}(?:分享|朋友圈)/u;
/** An article's end mark ("（完）", "【完】", "- END -"). */
const END_MARK = /^[-—–\s]*[(（【[]?\s*(?:完|全文完|END|End|end)\s*[)）】\]]?[-—–\s]*$/u;
/**
 * A platform's prompt to follow, share or open elsewhere ("长按识别二维码关注", "点个“在看”",
 * "关注“某某民政”微信公众号", "更多精彩内容请下载客户端"): short, no sentence, and it names what to do.
 */
const FOLLOW_PROMPT = /^(?:请|欢迎)?(?:长按|扫描|扫码|点击|点个|关注|更多精彩|微信扫码|微信扫一扫|扫一扫)[^。！？]{0,24}?(?:关注|公众号|二维码|在看|阅读原文|查看原文|分享|客户端|下载)[^。！？，,]{0,8}$/u;
/** A share bar's prompt to read the page on a phone ("微信扫一扫,随时随地看", "扫一扫 手机阅读"): what to scan it with and what for. */
const SCAN_PROMPT = /^(?:微信|手机|用手机)?扫一扫\s*[,，]?\s*[^。！？，,]{0,8}(?:看|阅读|浏览|查看|分享|打开)$/u;
/** The site's own contact for contributions ("投稿邮箱：…", "新闻投稿:…"): a reader's channel, not the draft's contact. */
const SUBMIT_LINE = /^(?:投稿邮箱|投稿信箱|新闻投稿|投稿|来稿邮箱)\s*[:：]\s*\S+@\S+/u;
const APP_PROMO = /^(?:打开|下载|前往)\s*(?:APP|App|app|客户端)\s*[,，]?\s*(?:阅读|查看|浏览|看)?(?:更多|全文|精彩)?\S{0,8}$/u;
/**
 * A platform's reading-time estimate ("全文2265字,阅读约需2分钟", "正文共4814个字,预计阅读需14分钟▼"): the length of
 * the text in characters and the minutes it takes to read, nothing else.
 */
const READING_TIME = /^[^。]{0,6}?[0-9０-９,，]+\s*个?字\s*[,，、]?\s*[^。0-9]{0,8}?(?:阅读|读完)[^。0-9]{0,6}?[0-9０-９]+(?:\.[0-9]+)?\s*分钟\S{0,2}$/u;
/** A search box's prompt left as text ("请输入关键字", "输入关键词搜索", "请输入搜索内容"). */
const SEARCH_PROMPT = /^(?:请)?输入(?:您要|你要)?(?:搜索|查询|检索)?的?(?:关键[字词]|内容|标题|信息)(?:进行)?(?:搜索|查询|检索)?\.{0,3}…?$/u;
/**
 * A link to a site rather than a line of text: a portal's name alone ("中央政府门户网站", the sister-site
 * links of a header), a site's name with its address in brackets ("某某网【example.com】"), a button to
 * follow a site ("关注某某网"), a download link's label ("下载地址: 点击此处下载").
 */
const SITE_LINK = /^[\u4e00-\u9fa5]{2,12}(?:门户网站|门户网)$|^(?:全国|国家)(?:一体化在线)?政务[\u4e00-\u9fa5]{0,8}平台$|^[\u4e00-\u9fa5A-Za-z0-9]{2,16}\s*[【[(（]\s*(?:https?:\/\/)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\/?\s*[】\])）]$|^关注\s*[“"]?[\u4e00-\u9fa5]{2,10}(?:网|网站|公众号|微博|客户端)[”"]?$|^(?:(?:附件)?下载(?:地址|链接)\s*[:：]\s*)?点击(?:此处|这里)(?:下载|查看)$/u;
/** Where a picture was, its note that it is an archive photo ("(资料图)", "(相关资料图)", "(资料图片仅供参考)"): the picture's, never the text's. */
const PICTURE_NOTE = /^[(（]\s*(?:(?:相关)?资料(?:图|图片|照片)|图片|配图)\s*[,，]?\s*(?:仅供参考)?\s*[)）]$/u;
/** A platform's statement that it only stores what its users post. */
const PLATFORM_NOTE = /仅提供信息存储(?:空间)?服务|观点仅代表作者本人|不代表本(?:站|网|平台)(?:的)?(?:观点|立场)/u;

/** Words of a portal's top menu ("首页 政务公开 政务服务 互动交流"). */
const MENU_LITERALS = ['首页', '网站首页', '主页', '政务公开', '信息公开', '政府信息公开', '政务服务', '网上办事', '办事服务', '互动交流', '政民互动', '公众参与', '新闻中心', '新闻动态', '通知公告', '工作动态', '领导信息', '机构设置', '机构职能', '专题专栏', '在线访谈', '民意征集', '数据开放', 'English', '无障碍', '长者版', '关怀版', '繁體', '简体'];
const MENU_WORDS = new RegExp(`^(?:${MENU_LITERALS.join('|')}|走进\\S{1,4}|魅力\\S{1,4})$`, 'u');

/**
 * The words of a portal's header links, menu and tools, for reading them run together: a copy of adjacent
 * links without their separators ("数据开放平台智能问答繁体登录注册", "无障碍版无障碍版"). Words of one character
 * (赞) are left out: they would cut any text into words.
 */
const HEADER_WORDS = new Set(
  [...MENU_LITERALS, ...WIDGET_LABELS, '登录', '登陆', '注册', '退出', '繁体', '简体版', '繁体版', '無障礙', '无障碍版', '手机版', '移动版', '数据开放平台', '网站地图', '个人中心', '联系我们', '设为首页', '加入收藏'].filter((w) => w.length >= 2),
);
const HEADER_WORD_MAX = Math.max(...[...HEADER_WORDS].map((w) => w.length));

/**
 * An article's tools, which a news page prints under its headline run together ("打印网摘纠错商城分享推荐 字号"):
 * read as isRunTogetherHeader reads a header, but they stand under the headline, so they are no top menu.
 */
const TOOL_WORDS = new Set(['打印', '网摘', '纠错', '商城', '分享', '推荐', '收藏', '字号', '字体', '评论', '转发', '举报', '复制链接', '大字号', '小字号']);
const TOOL_WORD_MAX = Math.max(...[...TOOL_WORDS].map((w) => w.length));

export function isRunTogetherTools(text: string): boolean {
  const t = text.trim();
  if (t.length > 40 || /[。，,！？!?:：、；;“”"《》()（）]/u.test(t)) return false;
  let words = 0;
  for (const token of t.split(/[\s\u3000|｜]+/u).filter(Boolean)) {
    const n = headerWords(token, TOOL_WORDS, TOOL_WORD_MAX);
    if (n === 0) return false;
    words += n;
  }
  return words >= 4;
}

/** How many header words `token` is made of, one after another with nothing else (0 when it is not). */
function headerWords(token: string, vocabulary: Set<string> = HEADER_WORDS, longest = HEADER_WORD_MAX): number {
  if (token.length > 48) return 0;
  // Fewest words that cover token[0, i), or Infinity.
  const best: number[] = [0];
  for (let i = 1; i <= token.length; i++) {
    best[i] = Infinity;
    for (let k = Math.max(0, i - longest); k <= i - 2; k++) if (best[k]! + 1 < best[i]! && vocabulary.has(token.slice(k, i))) best[i] = best[k]! + 1;
  }
  return Number.isFinite(best[token.length]) ? best[token.length]! : 0;
}

/**
 * A header's links copied run together ("某某网 数据开放平台智能问答繁体登录注册"): three header words at least,
 * some of them with no blank between, and at most the site's name before them. No punctuation.
 */
export function isRunTogetherHeader(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || /[。，,！？!?:：、；;“”"《》()（）]/u.test(t)) return false;
  const tokens = t.split(/[\s\u3000|｜]+/u).filter(Boolean);
  let words = 0;
  let joined = false;
  for (const [k, token] of tokens.entries()) {
    const n = headerWords(token);
    if (n === 0 && !(k === 0 && tokens.length > 1 && token.length <= 8)) return false;
    words += n;
    if (n >= 2) joined = true;
  }
  return joined && words >= 3;
}

/** A portal's menu word alone on its line ("新闻中心", "政务公开"): a column's name, never a story's headline. */
export function isMenuWord(text: string): boolean {
  return MENU_WORDS.test(text.trim());
}

/** How organ names end (局, 政府, 委员会 …). */
const ORGAN_END = /(?:局|厅|部|委|办|政府|委员会|办公室|中心|院|会|处|站)$/u;

/** Sentence punctuation: a line holding it is text, whatever else it looks like. */
const SENTENCE = /[。！？；;]/u;

/** Labels whose value is metadata: 来源, 编辑, 作者 … (after 繁→简, which the stages read through). */
const META_LABEL = /(?:来源|编辑|责编|作者|记者|通讯员|审核|校对)\s*[:：]|^(?:责任编辑|编辑|责编|审核|校对)\s+[\u4e00-\u9fa5·]{2,4}$/u;

/** A widget's label standing alone on a line (exactly, or with the colon of an empty label: "相关文档:"). */
export function isWidgetLabel(text: string): boolean {
  if (text.length > 120) return false;
  const t = text.trim().replace(/\s*[:：]$/u, '');
  if (READING_TIME.test(t) || SEARCH_PROMPT.test(t) || (t.length <= 40 && (SITE_LINK.test(t) || PICTURE_NOTE.test(t))) || APP_PROMO.test(t) || (PLATFORM_NOTE.test(t) && t.length <= 120) || SIZE_BUTTONS.test(t) || SHARE_HOWTO.test(t) || (SUBMIT_LINE.test(t) && t.length <= 80) || END_MARK.test(t) || (FOLLOW_PROMPT.test(t) && t.length <= 32) || (SCAN_PROMPT.test(t) && t.length <= 16) || isForumLine(t) || isRunTogetherTools(t)) return true;
  const bare = t.replace(/^[【[(（<]\s*/u, '').replace(/\s*[】\])）>]$/u, '');
  if (WIDGET_LABELS.has(t) || WIDGET_LABELS.has(bare)) return true;
  // A label spaced out to fill its button ("搜 索", "分 享").
  if (t.length <= 8 && /^[\u4e00-\u9fa5](?:[\s\u3000]+[\u4e00-\u9fa5])+$/u.test(t) && (WIDGET_LABELS.has(t.replace(/[\s\u3000]+/gu, '')) || isWidgetRow(t.replace(/[\s\u3000]+/gu, '')))) return true;
  // A row of such labels ("政务微博 政务微信").
  if (t.length > 40 || !/[\s\u3000|｜]/u.test(t)) return false;
  const parts = t.split(/[\s\u3000|｜]+/u).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => WIDGET_LABELS.has(p) || SHARE_TARGETS.has(p));
}

/**
 * A forum's post page as the board software prints it beside each post (Discuz, dvbbs, phpwind): the
 * poster's profile fields, their labels spaced to align ("经 验 值:24885", "积    分:11591.6", "注册日期:2009-06-23"),
 * the poster's status ("某某目前处于离线状态"), and the post's action buttons in brackets after the board's
 * name ("《某某论坛》显示文章详细内容: [展开] [回复] [网址] [举报] [屏蔽]"). The template's words, never a draft's.
 * Labels a story could print with a value of its own (积分, 等级 in a points scheme) count only spaced out.
 */
const FORUM_FIELD = /^(?:经验值|魅力值|注册日期|注册时间|最后登录|上次登录|在线时间|阅读权限|用户组|发帖数|帖子数|主题数|精华帖?)\s*[:：]\s*\S[^。，,]{0,20}$/u;
const FORUM_SPACED_FIELD = /^(?:等[\s\u3000]+级|积[\s\u3000]+分|威[\s\u3000]+望|金[\s\u3000]+钱|帖[\s\u3000]+子)\s*[:：]\s*\S[^。，,]{0,20}$/u;
const FORUM_STATUS = /^[^\s。，,]{1,16}?目前(?:处于)?(?:离线|在线|隐身)(?:状态)?$/u;
const BUTTON_ROW = /^[^。！？]{0,30}?(?:\s*[[【]\s*[\u4e00-\u9fa5]{2,4}\s*[\]】]){3,}$/u;

/** The links a board prints under a poster's profile, each about that user ("查看某某个人资料   给某某发悄悄话   将某某加入好友"). */
const FORUM_LINK = /^(?:查看|给|将|搜索|把)\S{1,16}?(?:资料|悄悄话|短消息|短信息|好友|文章|帖子|主题|邮件)$/u;

export function isForumLine(text: string): boolean {
  const t = text.trim();
  if (t.length <= 160 && !SENTENCE.test(t)) {
    const parts = t.split(/[\s\u3000]+/u);
    if (parts.length >= 3 && parts.every((p) => FORUM_LINK.test(p))) return true;
  }
  if (t.length > 60) return false;
  if (FORUM_STATUS.test(t) || BUTTON_ROW.test(t)) return true;
  if (!/[:：]/u.test(t)) return false;
  if (FORUM_FIELD.test(t.replace(/(?<=[\u4e00-\u9fa5])[\s\u3000]+(?=[\u4e00-\u9fa5])/gu, ''))) return true;
  return FORUM_SPACED_FIELD.test(t);
}

/** Picture formats a page names where its pictures were ("ad1 webp", "微信图片_20220815151451.png"). */
const PICTURE_FORMAT = /^(?:png|jpe?g|gif|webp|bmp|svg|tiff?)$/iu;

/**
 * A picture's file name or an advertisement slot left as text where the picture was: a file name
 * ending in a picture format ("微信图片_20220815151451.png", "IMG_0123.JPG"), or a few Latin tokens
 * ending in the format's name ("ad1 webp"). No sentence, no running Chinese text.
 */
export function isPictureFileName(text: string): boolean {
  const t = text.trim();
  if (t.length > 80) return false;
  // A template's slot named as its builder names it, lower-case letters and a number, perhaps the block's word and
  // its number ("ad1", "gb30深读01"): where an advertisement or a page block was, never a line of a draft.
  if (/^[a-z]{1,4}[0-9]{1,4}(?:[\u4e00-\u9fa5]{1,4}[0-9]{1,3})?$/u.test(t)) return true;
  const file = /^[\w\u4e00-\u9fa5()（）\-.]{1,70}\.([A-Za-z]{3,4})$/u.exec(t);
  if (file) return PICTURE_FORMAT.test(file[1]!) && !/[。，,！？]/u.test(t);
  const tokens = t.split(/\s+/u);
  return tokens.length >= 2 && tokens.length <= 3 && tokens.every((k) => /^[A-Za-z0-9_-]{1,20}$/u.test(k)) && PICTURE_FORMAT.test(tokens[tokens.length - 1]!);
}

/** An e-paper's banner: the paper's name with its digital edition ("上虞日报 数字报纸", "某某晚报电子版"). */
const PAPER_EDITION = /^[\u4e00-\u9fa5]{2,12}(?:(?:日报|晚报|时报|报)\s*|\s*[-—·]\s*)(?:数字报纸|数字报刊|数字报|数字版|电子报纸|电子报|电子版|数字日报)$/u;
export function isPaperBanner(text: string): boolean {
  // (A browser's page title may name the edition twice: "今日某地-数字报|今日某地-电子版".)
  const t = text.trim();
  return t.length <= 60 && t.split(/\s*[|｜]\s*/u).every((p) => PAPER_EDITION.test(p));
}

/**
 * A news portal's channel menu copied as one row ("最新原创 专题 新经济 曝光台 中国访谈 … 温州 绍兴 衢州"): many
 * short words apart, no punctuation, some of them longer than a name (a row of people's names has
 * only two- and three-character words). Only the caller knows it is above the text.
 */
export function isChannelRow(text: string): boolean {
  if (text.length > 120 || /[。，,！？!?:：、；;“”"《》()（）]/u.test(text)) return false;
  const parts = text.trim().split(/[\s\u3000]+/u);
  if (parts.length < 8 || parts.some((p) => p.length > 8)) return false;
  return parts.filter((p) => p.length >= 4).length >= 2;
}

/**
 * A top menu copied as one line of words apart ("首页 政务公开 政务服务 互动交流 走进某县", "首页  新闻中心  工作动态"):
 * three short words at least, no punctuation, and most of them a portal's menu words.
 */
export function isMenuRow(text: string): boolean {
  if (isRunTogetherHeader(text)) return true;
  if (text.length > 80 || !/\s/u.test(text) || /[。，,！？:：、]/u.test(text)) return false;
  const parts = text.trim().split(/[\s\u3000]+/u);
  if (parts.length < 3 || parts.some((p) => p.length > 8)) return false;
  // A breadcrumb copied without its arrows ("首页 资讯 正文", "网站首页 新闻中心 详细内容"): the site's home, its parts, the page.
  if (parts.length <= 5 && /^[\u4e00-\u9fa5]{0,4}首页$/u.test(parts[0]!) && /^(?:正文|正文内容|详情|详细内容|详细信息|内容)$/u.test(parts[parts.length - 1]!)) return true;
  const menu = parts.filter((p) => MENU_WORDS.test(p)).length;
  return menu >= 2 && menu >= parts.length / 2;
}

/**
 * A row of a portal's information table (政府信息公开) copied away from the table ("公开责任部门 某局 公开形式: 主动公开",
 * "主题分类 民政 体裁分类 通知"): two of the table's own labels on a line without a sentence. Its fields are the page's.
 */
const INFO_ROW_LABEL = /(?:索引号|索取号|发布机构|发文机构|所属机构|责任部门|公开方式|公开形式|公开范围|公开类别|公开时限|主题分类|体裁分类|组配分类|成文日期|生成日期|公开日期|有效性)/gu;

export function isInfoTableRow(text: string): boolean {
  const t = text.trim();
  // (A row with a date or a number is left to readInfoTable and the date lines, which read its values.)
  if (t.length > 100 || SENTENCE.test(t) || /[，,]|[0-9０-９]{2}/u.test(t)) return false;
  return new Set(t.match(INFO_ROW_LABEL) ?? []).size >= 2;
}

/** A portal's index number alone on its line ("索引号：11510000MB1234567X/2023-00123"): one field of its table. */
export function isLoneIndexField(text: string): boolean {
  return /^(?:信息)?(?:索引号|索取号|统一编号|统一编码)\s*[:：]?\s*[0-9A-Za-z][0-9A-Za-z\-/_.]{5,40}$/u.test(text.trim());
}

/**
 * A page's clock ("今天是：2023年5月6日 星期六", "2023年5月6日 星期六 农历三月十七"): today's date, not the
 * draft's. (A date with its weekday alone is an e-paper's issue date, which dates the page.)
 */
export function isClock(text: string): boolean {
  if (text.length > 40 || !/星期|周/u.test(text) || /[。，,！？]/u.test(text) || /(?:发布|来源|作者|浏览|阅读)/u.test(text)) return false;
  return /星期[一二三四五六日天]|周[一二三四五六日]/u.test(text) && /[0-9０-９]{4}\s*[-年/.]/u.test(text) && /今天|今日|当前|现在|农历|天气/u.test(text);
}

/** A cheap first look: a widget row names one of these. */
const WIDGET_HINT = /视力|护眼|颜色|字体|字号|文字大小|默认|打印|关闭|点击|浏览|阅读|访问|查看/u;

/** A counter with its label and number, the number perhaps in brackets ("点击数：123", "浏览次数：[ 123 ]"). */
const COUNTER_FIELD = /(?:点击|浏览|阅读|访问|查看)(?:次数|数|量|率)?\s*(?:[:：]\s*[[【(（]?\s*[0-9０-９,，]*|[[【(（]?\s*[0-9０-９][0-9０-９,，]*)\s*[\]】)）]?\s*次?/gu;

/** Words only a page's display widgets print (eye-care colours, text size, restore defaults, print, close, bookmark the page). */
const WIDGET_WORDS = /(?:保护视力色|视力保护色|护眼模式|字体颜色|背景颜色|字体大小|字号大小|文字大小|字号|字体|恢复默认|默认|[大中小]|打印本页|打印|关闭窗口|关闭|收藏此页|收藏本页|加入收藏)/gu;

/**
 * A row of display widgets ("保护视力色:   字体颜色: 【   绿恢复默认", "字号:[ 大 中 小 ] 打印"): once its
 * widget words, labels' colons, brackets and blanks are taken away, almost nothing is left.
 */
export function isWidgetRow(raw: string): boolean {
  if (raw.length > 80) return false;
  // A label spaced out to fill its button ("【打 印】", "字 号:") reads as the label.
  const text = raw.replace(/(?<=[\u4e00-\u9fa5])[\s\u3000]+(?=[\u4e00-\u9fa5])/gu, '');
  if (!WIDGET_HINT.test(text) || SENTENCE.test(text) || /[，,]/u.test(text)) return false;
  // Counters go with the widgets ("点击数：123 【打印本页】", "浏览次数：[ 123 ]").
  const counters = text.match(COUNTER_FIELD) ?? [];
  const bare = text.replace(COUNTER_FIELD, ' ');
  const words = bare.match(WIDGET_WORDS) ?? [];
  if (!words.some((w) => w.length >= 2) && counters.length === 0) return false;
  const rest = bare.replace(WIDGET_WORDS, '').replace(/[\s\u3000:：|｜[\]【】()（）<>《》\-—_·•]/gu, '');
  return rest.length <= 2;
}

/**
 * A site's or a publisher's colophon line: who holds the rights ("民生资讯网 mszx.org.cn 版权所有。", "版权为 荆楚网 …
 * 所有"), who runs or supervises it ("X主办 | Y 主管", "出品:X"), its licences ("互联网新闻信息许可证 4212025003"),
 * the site speaking of what it reprints ("本网部分转载文章…请相关权利人与本网站联系。"), and a reprint's note of where
 * the text first appeared ("原文刊载于2022年第20期《民生周刊》杂志"). Each is a short line that says only that:
 * a draft names a sponsor or a paper inside a sentence of its own ("由民政部主办的创建…"), never so.
 */
const RIGHTS_HELD = /版权所有|版权为.{1,40}所有|版权归.{1,30}所有|^(?:COPYRIGHT|Copyright)\b|^©/u;
const HOST_ROLE = /^(?:主办|主管|承办|协办|出品|监制|运营|技术支持)(?:单位|方)?\s*[:：]\s*\S/u;
/** A name with its role after it ("泌阳县文明办 主办"); set apart by a blank unless the line has bars between its parts. */
const ROLE_AFTER = /\S\s+(?:主办|主管|承办|协办|出品|技术支持)(?:单位)?$/u;
const ROLE_AFTER_CLOSE = /\S(?:主办|主管|承办|协办|技术支持)(?:单位)?$/u;
const LICENCE = /^[\u4e00-\u9fa5()（）]{2,24}(?:许可证|备案号|备案)(?:编号)?\s*[:：]?\s*[(（]?[\u4e00-\u9fa5A-Za-z0-9()（）-]{2,30}[)）]?(?:号)?\s*[-—]?$/u;
const SITE_SPEAKS = /^(?:本网|本站|本网站|本平台)[^。]{0,60}(?:转载|版权|权利人|侵权|授权|删除|来源于网络)/u;
const PROVENANCE = /^(?:原文|本文|此文)?(?:原载|刊载|刊发|发表|首发|刊登)(?:于|在)[^。，,；;]{2,40}$/u;

export function isColophon(text: string): boolean {
  const t = text.trim();
  if (t.length > 100) return false;
  if (SITE_SPEAKS.test(t)) return true;
  // Beyond the site's own statements, a colophon line holds no clause of a sentence.
  if (/[，,；;！？!?]/u.test(t) || /。./u.test(t)) return false;
  if (t.length <= 80 && RIGHTS_HELD.test(t)) return true;
  if (LICENCE.test(t) || PROVENANCE.test(t)) return true;
  // Roles set apart by bars ("X主办 | Y 主管"): every part is a name with its role.
  const parts = t.split(/\s*[|｜]\s*/u).filter(Boolean);
  return t.length <= 80 && parts.length > 0 && parts.every((p) => HOST_ROLE.test(p) || ROLE_AFTER.test(p) || (parts.length > 1 && ROLE_AFTER_CLOSE.test(p)));
}

/**
 * A site's own notice about itself at the top of a page ("本站已启用无障碍浏览系统,欢迎点击访问!",
 * "欢迎访问某某网"): short, about the site, and no sentence of the draft.
 */
export function isSiteNotice(text: string): boolean {
  // Its colophon is the site's note about itself too, wherever it stands.
  if (isColophon(text)) return true;
  // A greeting to the site followed by its boast ("您好,欢迎来到某某信息网!老站,搜索引擎当天收录,欢迎发信息").
  if (text.length <= 60 && !/[。？]/u.test(text) && /^(?:(?:您好|你好)\s*[，,!！]\s*)?欢迎(?:您)?(?:访问|光临|来到)[^。，,！!？?\s]{2,16}(?:网|网站|门户|平台)\s*[!！]/u.test(text)) return true;
  if (text.length > 40 || !/本站|本网|欢迎/u.test(text) || /[。？]/u.test(text)) return false;
  // A greeting may come first ("您好，欢迎访问某某市民政局网站！").
  text = text.replace(/^(?:您好|你好)\s*[，,!！]\s*/u, '');
  return /^(?:本站|本网站?)[^。]{0,16}(?:无障碍|适老化|长者版|关怀版|读屏|语音)/u.test(text) || /^[^。，,]{0,10}欢迎(?:您)?(?:点击)?(?:访问|光临|来到)(?:本站|本网|[^。，,]{0,14}(?:网|网站|政府网|门户))?\s*[!！]?$|[,，]\s*欢迎(?:您)?(?:点击)?(?:访问|光临|使用)\s*[!！]?$|^欢迎(?:您)?(?:访问|光临)[^。，,！？!?\s]{2,12}[!！]$/u.test(text);
}

/**
 * A headline printed with the page's tags after bars ("…新局面|民政|东莞|局面"): the headline and
 * the tag tail, or null. Tags are short words without punctuation, two at least; the headline
 * before them is longer than any of them, so a row of menu items is not read as one.
 */
export function splitTagTail(text: string): { head: string; tail: string } | null {
  if (text.length > 120 || SENTENCE.test(text)) return null;
  const m = /^([^|｜]{8,}?)\s*((?:[|｜]\s*[^|｜\s，,。:：]{1,6}\s*){2,6})$/u.exec(text);
  if (!m) return null;
  const tags = m[2]!.split(/[|｜]/u).map((t) => t.trim()).filter(Boolean);
  if (tags.length < 2 || tags.some((t) => t.length >= m[1]!.length / 2)) return null;
  return { head: m[1]!.trim(), tail: m[2]!.trim() };
}

/**
 * A short line of a few words around a machine-printed date ("网络整理 2019-03-15 最新信息",
 * "2023-02-28 06:39:59 综合"): the page's date line, whatever its words are. The date is the
 * numeric kind a CMS prints (2019-03-15, 2019/03/15), never a 成文日期 written with 年月日,
 * and the other words are two or fewer short tokens, none a sentence and none an organ.
 */
export function looseDateLine(raw: string): string | null {
  // The text-size buttons a page sets on the same line ("… 字号: 大 中 小") are its widgets, no words of the line.
  const text = raw.replace(TEXT_SIZE_TAIL, '');
  if (text.length > 40 || SENTENCE.test(text) || /[，,]/u.test(text)) return null;
  const tokens = text.trim().split(/[\s\u3000]+/u);
  const at = tokens.findIndex((t) => /^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}$/u.test(t));
  if (at < 0) return null;
  // A social platform's header adds its own words ("原创 张三 某某民政 2023-05-06 10:00 发表于四川").
  const platform = tokens.some((t) => PLATFORM_WORD.test(t));
  const others = tokens.filter((t, k) => k !== at && !/^[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?$/u.test(t) && !PLATFORM_WORD.test(t));
  if (platform && others.length <= 4 && others.every((t) => t.length <= 10 && !/[0-9]/u.test(t))) return findDate(tokens[at]!);
  // (An organ with a date is a signature, which stays the notice's.)
  if (others.length === 0 || others.length > 2 || others.some((t) => t.length > 6 || /[0-9]/u.test(t) || ORGAN_END.test(t))) return null;
  return findDate(tokens[at]!);
}

const TEXT_SIZE_TAIL = /\s*[[【]?\s*(?:字号|字体|文字)\s*[:：]?\s*[[【]?\s*(?:[大中小]\s*[\]】]?\s*){2,3}[\]】]?\s*$/u;

/** Words a social platform prints around an article's date: 原创, 发表于四川, 已关注, …官方账号. */
const PLATFORM_WORD = /^(?:原创|转载|发表于\S{0,6}|已关注|\+?关注|\S{0,12}官方账号|\S{0,12}号)$/u;

/** Labels of a page's date/source fields ("发布者:管理员 发布时间:2023-05-06 阅读:12次"). */
const FIELD_LABEL = /(发布者|发布人|发布单位|作者|来源|信息来源|文章来源|发布时间|发布日期|更新时间|时间|日期|阅读|浏览|点击|访问|阅读次数|浏览次数|点击数|编辑|责任编辑)\s*[:：]/gu;

/**
 * A line made only of a page's date and source fields, two at least ("发布者:管理员 发布时间:2023-05-06
 * 阅读:12次"), each value short: the line's fields, or null.
 */
export function metaFields(text: string): Record<string, string> | null {
  if (text.length > 100 || !/[:：]/u.test(text) || SENTENCE.test(text)) return null;
  const marks = [...text.matchAll(FIELD_LABEL)];
  if (marks.length < 2 || marks[0]!.index !== 0) return null;
  const out: Record<string, string> = {};
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    const start = m.index! + m[0].length;
    const end = k + 1 < marks.length ? marks[k + 1]!.index! : text.length;
    const value = text.slice(start, end).replace(/[|｜]/gu, ' ').trim();
    // Labels must follow a value's end, not stand inside a word ("小时间" is no 时间 label).
    if (k > 0 && !/[\s|｜]$/u.test(text.slice(0, m.index!)) && !/^(?:发布|阅读|浏览|点击|访问|编辑|来源|作者)/u.test(m[1]!)) return null;
    if (value.length > 30) return null;
    out[m[1]!] = value;
  }
  return out;
}

/**
 * A bracketed source/editor note with the next widget's label run onto it ("[来源:信网 编辑:芃芃]大家爱看"):
 * the note's text when the line is that, else null. What follows the bracket is a few characters
 * at most and no sentence.
 */
export function bracketedMetaNote(text: string): string | null {
  if (text.length > 120 || !/^\s*[[【(（]/u.test(text)) return null;
  // One group or several in a row ("【来源：某县民政局】【作者：】【发布时间：2023-01-01】").
  const m = /^\s*((?:[[【(（][^\][【】()（）]{1,60}[\]】)）]\s*)+)(.{0,8})$/u.exec(text);
  if (!m || SENTENCE.test(m[2]!) || /[，,]/u.test(m[2]!)) return null;
  const groups = [...m[1]!.matchAll(/[[【(（]([^\][【】()（）]{1,60})[\]】)）]/gu)].map((g) => g[1]!.trim());
  if (!groups.some((g) => META_LABEL.test(g))) return null;
  if (!groups.every((g) => META_LABEL.test(g) || /^(?:发布|更新)?(?:时间|日期)\s*[:：]/u.test(g) || isWidgetLabel(g) || isWidgetRow(g))) return null;
  return groups.join(' ');
}

/**
 * Lines at the foot of a page, after its last paragraph, that are all short labels: how many of
 * the last lines form such a run (blank lines included), or 0. The run stops at anything that may
 * be the draft's own ending — what `isKeepable` says (an organ, a place, a person's name), a line
 * with punctuation or digits, a longer line. Whether the run goes is the caller's decision (clean.ts
 * wants a widget's label among the lines dropped there).
 */
export function footLabelRun(texts: string[], isKeepable: (text: string) => boolean): number {
  let n = 0;
  for (let k = texts.length - 1; k >= 0; k--) {
    const t = texts[k]!.trim();
    if (t && (t.length > 8 || SENTENCE.test(t) || /[，,、。]/u.test(t) || /[0-9]/u.test(t) || (!isWidgetLabel(t) && isKeepable(t)))) break;
    n++;
  }
  return n;
}

/**
 * A portal's switch between display modes ("退出老年人模式", "长者模式", "切换到关怀版", "无障碍浏览"): a mode
 * word for older or impaired readers with the word for a mode or edition, and perhaps the verb that
 * switches it. The page's, whatever the site calls the mode.
 */
const MODE_SWITCH = /^(?:进入|退出|切换(?:到|至)?|开启|关闭|打开|返回|使用)?\s*(?:老年人?|长者|关怀|适老化?|无障碍|读屏|大字(?:体)?|盲人|标准|普通|常规|纯文本)\s*(?:模式|版本?|浏览|阅读)$/u;

export function isModeSwitch(text: string): boolean {
  const t = text.trim();
  return t.length <= 16 && MODE_SWITCH.test(t);
}

/**
 * What an HTML template leaves when a page is copied as text: the end of a comment ("--> 2022-03-02 …
 * /enpproperty-->"), its start ("<!--"), or a tag alone on its line. No draft writes these.
 */
export function isMarkupResidue(text: string): boolean {
  const t = text.trim();
  if (t.length > 300 || /。/u.test(t)) return false;
  return /^(?:-->|<!--)|(?:-->|<!--)$|<!--[\s\S]*-->/u.test(t) || /^<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>$/u.test(t);
}

/**
 * A pager: the links to a long item's pages ("【 第1页 第2页 第3页 第4页 】", "上一页 1 2 3 下一页 尾页",
 * "共4页 首页 上一页 下一页"). Its words are page numbers and the steps between pages, in either script;
 * two of them at least, and one naming a page (第N页, 共N页) or a step (上一页, 下一页, 尾页). No draft writes one.
 */
const PAGER_TOKEN = /^(?:第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[页頁]|共\s*[0-9０-９]{1,3}\s*[页頁]|[首尾末][页頁]|上一?[页頁]|下一?[页頁]|[0-9０-９]{1,3}|…|\.{2,3}|[<>«»‹›]+)$/u;
const PAGER_WORD = /[页頁]/u;

export function isPager(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || !PAGER_WORD.test(t)) return false;
  const tokens = t.replace(/[【】[\]［］()（）|｜]/gu, ' ').replace(/(?<=[页頁])(?=\S)|(?<=\S)(?=第\s*[0-9０-９一二三四五六七八九十])/gu, ' ').split(/[\s\u3000]+/u).filter(Boolean);
  return tokens.length >= 2 && tokens.every((w) => PAGER_TOKEN.test(w)) && tokens.filter((w) => PAGER_WORD.test(w)).length >= (tokens.some((w) => /^[0-9０-９]/u.test(w)) ? 1 : 2);
}

/** A site's search box with its suggested words ("热搜词: 政府工作报告 营商环境 …"). */
export function isHotWords(text: string): boolean {
  return text.length <= 160 && !SENTENCE.test(text) && /^(?:[•·▪◦*]\s*)?(?:热搜词|热搜|热门搜索|热门关键词|搜索热词|(?:相关)?热词(?:搜索)?|大家都在搜|热点搜索)\s*[:：]/u.test(text.trim());
}

/** The previous/next and index links an e-paper reader prints beside its labels. */
const READER_LINKS = /\s*(?:上一篇|下一篇|上一版|下一版|上一期|下一期|返回目录|版面导航|标题导航|往期回顾|PDF(?:版|下载)?)\s*/gu;
/** An e-paper reader's own name ("电子报阅读机", "数字报阅读器"). */
const READER_NAME = /^[\u4e00-\u9fa5]{0,6}(?:电子报|数字报|报纸|读报|电子版|数字版)(?:阅读(?:机|器|系统|平台)?)$/u;
/** An e-paper reader's labelled fields: the paper, the page, the issue. */
const READER_FIELD = /^(?:当前)?(?:报纸名称|报纸|报刊名称|报刊|刊名|版面|版次|版名|本版|期号|期数)\s*[:：]\s*(.*)$/u;

/**
 * An e-paper reader's furniture ("电子报阅读机", "当前报纸名称:拉萨晚报", "版面:第02版:要闻 上一篇 下一篇"):
 * its name, or one of its labelled fields with a short value and its links, no sentence.
 */
export function isPaperReaderLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || SENTENCE.test(t) || /[，,]/u.test(t)) return false;
  const bare = t.replace(READER_LINKS, ' ').trim();
  if (READER_NAME.test(bare)) return true;
  const field = READER_FIELD.exec(bare);
  return Boolean(field && field[1]!.length <= 24);
}

/** The paper an e-paper reader names ("当前报纸名称:拉萨晚报" → 拉萨晚报), or null. */
export function paperReaderSource(text: string): string | null {
  const m = /^(?:当前)?(?:报纸名称|报刊名称|报纸|刊名)\s*[:：]\s*([\u4e00-\u9fa5]{2,12}(?:报|刊))$/u.exec(text.trim());
  return m ? m[1]! : null;
}

/**
 * Spam a mirror injects (gambling and lottery sites): a brand of such a site ("加拿大28", "PC28", "时时彩",
 * "百家乐"), its site words (官网, 网址, 平台, 注册), trust words (正规, 靠谱, 信誉) and its game words
 * (开奖, 预测, 走势, 投注). A brand counts twice; three points make spam. 福利彩票 and 体育彩票, which
 * civil-affairs texts report on, name no brand here.
 */
const SPAM_BRAND = /(?:加拿大|澳门|澳洲|新加坡|台湾|香港|北京|幸运)\s*(?:28|PC28|快[38乐]|赛车|飞艇|时时彩|快乐8)|PC\s?28|PK\s?10|时时彩|六合彩|百家乐|娱乐城|新葡京|太阳城|皇冠(?:体育|娱乐|足球|网)|真人(?:娱乐|视讯)|博彩|棋牌(?:游戏|平台|官网)|老虎机/iu;
const SPAM_SITE = /官网|网址|官方网站|注册|登录|下载|平台|APP/giu;
const SPAM_TRUST = /正规|靠谱|信誉|唯一|官方/gu;
const SPAM_PLAY = /开奖|预测|走势|赔率|投注|下注|彩金|返水|稳赚|必中|计划群|大小单双/gu;

/** Words of a text that warns against such sites or reports on fighting them: no spam. */
const SPAM_WARNING = /打击|整治|防范|警惕|谨防|诈骗|严禁|取缔|查处|举报|违法|犯罪|赌博/u;

function spamPoints(text: string): number {
  if (SPAM_WARNING.test(text)) return 0;
  const count = (re: RegExp) => Math.min(2, text.match(re)?.length ?? 0);
  return (SPAM_BRAND.test(text) ? 2 : 0) + count(SPAM_SITE) + Math.min(1, count(SPAM_TRUST)) + count(SPAM_PLAY);
}

/** An injected spam line, whole: spam by its features, and no sentence of the draft in it. */
export function isSpamLine(text: string): boolean {
  if (text.length > 200 || /。/u.test(text)) return false;
  return SPAM_BRAND.test(text) && spamPoints(text) >= 3;
}

/**
 * A spam sentence with the draft's headline run on after it ("基于加拿大28正规官网…真正为用户带来帮助(铸牢…)青海
 * 西宁…"): the headline, cut where the spam ends, or null. Of the places a clause or a bracket starts, the
 * one whose remainder holds no spam word and shares most of its words with the rest of the page (`page`)
 * starts the headline; a print of the headline further down the page moves the cut to where it starts.
 */
export function spamTail(text: string, page: string): string | null {
  if (text.length > 300 || !SPAM_BRAND.test(text) || spamPoints(text) < 3) return null;
  let best: { tail: string; share: number } | null = null;
  for (const m of text.matchAll(/[,，;；。!！?？](?=\S)|(?=[(（【[])/gu)) {
    const tail = text.slice(m.index! + m[0].length).trim();
    if (tail.length < 8 || tail.length > 80 || spamPoints(tail) > 0 || /[,，;；。!！?？]/u.test(tail)) continue;
    const share = bigramShare(tail, page);
    if (!best || share > best.share || (share === best.share && tail.length < best.tail.length)) best = { tail, share };
  }
  if (!best || best.share === 0) return null;
  // The page may print the headline again (a news agency's "题:…" line, a template's residue): where
  // it does, the headline starts where that print does, wherever the spam's last clause ended.
  const tail = best.tail;
  let from = tail.length;
  for (const line of page.split('\n')) from = Math.min(from, reprintStart(tail, line));
  return tail.length - from >= 8 ? tail.slice(from).trim() : tail;
}

/**
 * Where `line` reprints the end of `text`: the index in `text` from which both read alike to their
 * ends (blanks aside, and a character written in a variant form now and then: 宁/甯), or text.length.
 */
function reprintStart(text: string, line: string): number {
  const a = text.replace(/\s+/gu, '');
  const b = line.replace(/\s+/gu, '');
  let i = a.length - 1;
  let j = b.length - 1;
  let variants = 0;
  for (; i >= 0 && j >= 0; i--, j--) {
    if (a[i] === b[j]) continue;
    const han = /[\u4e00-\u9fa5]/u;
    if (!han.test(a[i]!) || !han.test(b[j]!) || ++variants > Math.max(1, (a.length - i) / 6)) break;
  }
  const same = a.length - 1 - i;
  if (same < 8) return text.length;
  // Back from the blank-free index to the text's own.
  let k = text.length;
  for (let n = 0; n < same; ) if (!/\s/u.test(text[--k]!)) n++;
  return k;
}

/**
 * Symbols a mirror injects inside words to dodge duplicate detection ("石榴♂籽", "官ξ 网", "利↘用"):
 * a symbol, a Greek letter or a presentation form between two Chinese characters (a blank may follow
 * it). A page has them by the handful or not at all, so they go only when five or more stand on the
 * page; a sign a draft writes between words (～, ＋, ℃, circled numbers) is never one.
 */
const INJECTED = /(?<=[\u4e00-\u9fa5])(?:[\p{Sm}\p{So}\p{Script=Greek}@\u2580-\u259f\u25a0-\u25ff\ufe30-\ufe4f](?<![～~＋+=＝<>＜＞|｜℃°※]))\s?(?=[\u4e00-\u9fa5])/gu;

/** A sign INJECTED can match: a line with none has no injected symbol, and skips the pattern's lookbehind at every character. */
const INJECTED_SIGN = /[\p{Sm}\p{So}\p{Script=Greek}@\u2580-\u259f\u25a0-\u25ff\ufe30-\ufe4f]/u;

/** The injected symbols in `texts`, counted up to `enough` (the caller asks only whether a page has that many). */
export function injectedSymbolCount(texts: string[], enough = Infinity): number {
  let n = 0;
  for (const t of texts) {
    if (!INJECTED_SIGN.test(t)) continue;
    n += t.match(INJECTED)?.length ?? 0;
    if (n >= enough) break;
  }
  return n;
}

export function stripInjectedSymbols(text: string): string {
  return text.replace(INJECTED, '');
}
