/**
 * Stage 5, captions: photo captions that came along when text was copied out of a page. They
 * are short, end without sentence punctuation and describe a picture (a place and what
 * happens there, a poster, a ceremony). A real paragraph ends with 。！？ or is long.
 */
import { findMentions } from '../../regions/index.js';
import { splitPlaceLabel } from './placelabel.js';

const PHOTO_WORDS = /海报|合影|留念|现场|仪式|活动|会议|座谈会|运动会|报告会|授牌|揭牌|图为|照片|剪影|风采|掠影|一角|场景|画面|走访|慰问|服务|举行|开展|召开|组织|为老人|志愿者/u;
const SCENE = /(?:夜景|全景|风光|美景|鸟瞰|远眺|一角|掠影|剪影)$|^航拍/u;
const SENTENCE_END = /[。！？!?；;…:：]$/u;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9０-９]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|第[一二三四五六七八九十]+)/u;

export interface CaptionContext {
  /** The line follows a picture in the source, which makes a caption likely. */
  afterImage?: boolean;
}

/**
 * Newspaper captions say so: "…图为选手在进行实操比拼。", "…助老活动场景。黄海青 摄", "…助力农民增收。 供图/某中心",
 * "活动现场。受访者供图". The name and its role may be joined by a slash, as credits join them ("记者何明华/摄"),
 * and the page may print the role in traditional characters (攝). The outlet that sent the picture out may
 * close the credit ("…吃饭。某区委宣传部供图 某某网发", "…摄 新华社发").
 */
const PHOTO_CREDIT_END = /(?:^|[。，,\s])图为\S|[\u4e00-\u9fa5]{2,4}\s*[/／]?\s*[摄攝][)）]?$|[(（][^()（）]{0,12}摄[)）]$|(?:供图|图片提供|图片来源)\s*[/／:：]\s*[^\s/／:：]{2,24}$|图片由[^\s。]{2,24}提供$|[。\s][\u4e00-\u9fa5]{2,12}\s*供图[)）]?$|(?:[。\s]|供图|摄)\s*[\u4e00-\u9fa5]{1,8}(?:网|社|报|台)发[)）]?$/u;

/**
 * Marks a picture's caption carries by itself: a pointer before it ("▲志愿者为老人理发"), "图1 …" /
 * "图:…" before it, or the picture's kind after it ("…走出大门(视频截图)。", "(资料图)").
 */
const PICTURE_MARK = /^[▲△▼▽↑↓☝]\s*\S|^图\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[:：、．.]?\s*[\u4e00-\u9fa5“"]|^图\s*[:：]\s*\S|[(（]\s*(?:视频截图|资料图片?|图片来源于网络|网络图片|手机拍摄)\s*[)）][。.]?$/u;

export function isCaption(text: string, context: CaptionContext = {}): boolean {
  if (text.length >= 4 && text.length <= 160 && /^[▲△▼▽↑↓☝图]|[图拍]/u.test(text) && PICTURE_MARK.test(text) && (text.match(/[。！？]/gu) ?? []).length <= 2) return true;
  if (text.length >= 8 && text.length <= 160 && PHOTO_CREDIT_END.test(text) && !/^[一二三四五六七八九十]+、/u.test(text)) return true;
  if (text.length < 5 || text.length > 64) return false;
  if (SENTENCE_END.test(text) || /[。！？]/u.test(text)) return false;
  if (NUMBERED.test(text)) return false;
  if (context.afterImage) return true;
  // A view named as pictures are ("官渡古镇夜景", "社区全景", "航拍某村"): short, and still a caption.
  if (SCENE.test(text) && text.length >= 4 && !/[\s,，、]/u.test(text)) return true;
  // A heading ("济南 “泉社彤行”品牌…") puts a space after its place label; a caption runs on.
  if (splitPlaceLabel(text)) return false;
  const mentions = findMentions(text.slice(0, 12));
  if (mentions.length > 0 && mentions[0]!.start === 0) return text.length >= 8;
  if (PHOTO_WORDS.test(text) && text.length >= 10) return true;
  return /[,，]/u.test(text) && text.length >= 16;
}

const DATED_SCENE = /^[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*[,，]\s*(?:在|[\u4e00-\u9fa5]{2,12}[在于])/u;
const REPORTER = /^(?:本报|本刊|本网)?(?:全媒体)?(?:记者|通讯员)\s*[\u4e00-\u9fa5]/u;

/**
 * A newspaper page copied with its pictures' captions above the article: a run of one-sentence
 * lines right before the reporter's line ("本报记者 刘静静"). Returns their indexes (empty when
 * the top of the page is not of that shape).
 */
export function captionRunAtTop(lines: Array<{ text: string; image?: unknown; table?: unknown }>): number[] {
  const limit = Math.min(lines.length, 20);
  let reporter = -1;
  for (let i = 0; i < limit; i++) {
    if (REPORTER.test(lines[i]!.text) && lines[i]!.text.length <= 40) {
      reporter = i;
      break;
    }
  }
  if (reporter < 2) return [];
  const oneSentence = (t: string) => t.length >= 10 && t.length <= 100 && /[。]$/u.test(t) && (t.match(/[。！？]/gu) ?? []).length === 1;
  const fits = (l: { text: string; image?: unknown; table?: unknown }) => !l.image && !l.table && (oneSentence(l.text) || isCaption(l.text));
  const run = lines.slice(0, reporter);
  if (run.every(fits)) return run.map((_, i) => i);
  // The page's head (site name, breadcrumb, headline, date line) may sit above the run: then the run is
  // the lines right above the reporter's, three at least, one of them a caption by its own marks
  // ("…摄", "本版图片由…提供").
  let from = reporter;
  while (from > 0 && fits(lines[from - 1]!)) from--;
  const tail = lines.slice(from, reporter);
  // One or two captions in the news style ("5月20日,在市民政局婚姻登记处,新人正在排队…。") right
  // above the reporter's line: a day's date, a comma, the scene, in one short sentence.
  if (tail.length >= 1 && tail.length <= 2 && tail.every((l) => DATED_SCENE.test(l.text) && l.text.length <= 80)) return tail.map((_, i) => from + i);
  if (tail.length < 3 || !tail.some((l) => isCaption(l.text))) return [];
  return tail.map((_, i) => from + i);
}
