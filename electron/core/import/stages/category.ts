/**
 * Stage 4b, category: a transparent score of the text against the 民政 taxonomy. Each area has
 * a weighted keyword lexicon; a word in the title counts TITLE_WEIGHT times a word in the body.
 * The area clearly ahead wins; when none is, or when several areas are broadly level (a whole
 * bureau's overview), the draft goes to 综合. The explanation lists the deciding words.
 */
import type { CategoryExplanation } from '../../model/types.js';
import { GENERAL_CATEGORY } from '../../model/categories.js';

type Lexicon = Record<string, Array<[word: string, weight: number]>>;

export const CATEGORY_LEXICON: Lexicon = {
  社会救助: [['社会救助', 3], ['低保', 3], ['最低生活保障', 3], ['特困', 3], ['临时救助', 3], ['救助', 2], ['流浪乞讨', 3], ['救助管理', 3], ['救助站', 3], ['受助', 2], ['兜底', 2], ['困难群众', 2], ['困难家庭', 2], ['特殊困难', 2], ['救助对象', 2], ['低收入', 2], ['救急难', 3]],
  养老服务: [['养老', 3], ['老年人', 2], ['老人', 2], ['敬老院', 3], ['幸福院', 3], ['居家养老', 3], ['失能', 2], ['照护', 2], ['日间照料', 3], ['助餐', 2], ['适老化', 2], ['养老机构', 3], ['护理', 1], ['托养', 2], ['医养', 3]],
  儿童福利: [['儿童', 3], ['孤儿', 3], ['孤弃', 3], ['未成年人', 2], ['留守儿童', 3], ['困境儿童', 3], ['儿童福利', 3], ['儿童主任', 2], ['儿童督导员', 2], ['监护', 2], ['养育', 2], ['收养', 3]],
  社会组织: [['社会组织', 3], ['社团', 2], ['民办非企业', 3], ['基金会', 2], ['行业协会', 2], ['商会', 2], ['登记管理', 2], ['孵化', 2], ['枢纽型', 2], ['年报', 1], ['社会团体', 3]],
  基层政权和社区治理: [['社区治理', 3], ['乡村治理', 3], ['基层治理', 3], ['社区', 1], ['村(居)', 2], ['村（居）', 2], ['村民', 2], ['自治', 2], ['议事', 3], ['协商', 2], ['村务', 3], ['两委', 2], ['村规民约', 3], ['居委会', 2], ['村委会', 2], ['报告会', 2], ['村级', 1], ['网格', 1], ['信用', 1], ['实验区', 1], ['基层政权', 3], ['小区', 1], ['物业', 2], ['业主', 2], ['治理', 1], ['居民', 1], ['楼栋', 1]],
  社会事务: [['殡葬', 3], ['丧事', 3], ['殡仪', 3], ['婚姻登记', 3], ['婚俗', 3], ['移风易俗', 2], ['公墓', 3], ['火化', 2], ['残疾人', 2], ['两项补贴', 2], ['流浪乞讨', 2], ['身后事', 2]],
  慈善事业和社会工作: [['慈善', 3], ['社会工作', 3], ['社工', 3], ['志愿者', 2], ['志愿服务', 2], ['捐赠', 2], ['公益', 1], ['福彩', 2], ['慈善超市', 2], ['社会捐助', 2]],
  区划地名: [['区划', 3], ['地名', 3], ['界线', 3], ['行政区域', 2], ['门牌', 2], ['勘界', 3], ['边界', 2]],
  优抚安置: [['优抚', 3], ['退役军人', 3], ['烈士', 3], ['军休', 2], ['双拥', 3], ['复员', 2], ['伤残军人', 3]],
  防灾减灾救灾: [['减灾', 3], ['救灾', 3], ['灾害', 2], ['防灾', 3], ['受灾', 2], ['灾民', 2], ['避难', 2]],
};

export const TITLE_WEIGHT = 4;
/** Words listed per area in the explanation (the strongest first). */
const MAX_WORDS = 10;
/** The leader must beat the runner-up by this factor to count as clearly ahead. */
const LEAD_FACTOR = 1.25;
/** Areas scoring at least this share of the leader count as "level" with it. */
const BROAD_SHARE = 0.45;
const BROAD_AREAS = 4;

/** Lexicon words by their first two characters, so a text is scanned once for all of them. */
let byPrefix: Map<number, string[]> | null = null;

function lexiconIndex(): Map<number, string[]> {
  if (!byPrefix) {
    byPrefix = new Map();
    const words = new Set(Object.values(CATEGORY_LEXICON).flatMap((list) => list.map(([w]) => w)));
    for (const w of words) {
      const key = w.charCodeAt(0) * 65536 + w.charCodeAt(1);
      const list = byPrefix.get(key);
      if (list) list.push(w);
      else byPrefix.set(key, [w]);
    }
  }
  return byPrefix;
}

/** Occurrences of every lexicon word in `text` (each word counted on its own, as indexOf would). */
function countWords(text: string): Map<string, number> {
  const index = lexiconIndex();
  const counts = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const words = index.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
    if (!words) continue;
    for (const w of words) {
      // Non-overlapping occurrences of the same word, like a repeated indexOf.
      if ((lastEnd.get(w) ?? 0) > i || !text.startsWith(w, i)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
      lastEnd.set(w, i + w.length);
    }
  }
  return counts;
}

export interface CategoryResult {
  category: string;
  explanation: CategoryExplanation[];
}

export function scoreCategories(title: string, body: string): CategoryResult {
  const scores: CategoryExplanation[] = [];
  const titleCounts = countWords(title);
  const bodyCounts = countWords(body);
  for (const [category, words] of Object.entries(CATEGORY_LEXICON)) {
    let score = 0;
    const used: CategoryExplanation['words'] = [];
    for (const [word, weight] of words) {
      const inTitle = titleCounts.get(word) ?? 0;
      const inBody = bodyCounts.get(word) ?? 0;
      // Title and body occurrences are listed apart, so that score = Σ count × weight exactly.
      if (inTitle) used.push({ word, count: inTitle, weight: weight * TITLE_WEIGHT });
      if (inBody) used.push({ word, count: inBody, weight });
      score += (inTitle * TITLE_WEIGHT + inBody) * weight;
    }
    used.sort((a, b) => b.count * b.weight - a.count * a.weight);
    scores.push({ category, score, words: used.slice(0, MAX_WORDS) });
  }
  scores.sort((a, b) => b.score - a.score);
  const top = scores[0]!;
  const second = scores[1]!;
  const broad = scores.filter((s) => s.score >= top.score * BROAD_SHARE).length;
  let category = top.category;
  if (top.score < 4 || top.score < second.score * LEAD_FACTOR || broad >= BROAD_AREAS) category = GENERAL_CATEGORY;
  return { category, explanation: scores.filter((s) => s.score > 0).slice(0, 5) };
}
