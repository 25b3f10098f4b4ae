/**
 * Stage 4b, category: a transparent score of the text against the 民政 taxonomy. Each area has
 * a weighted keyword lexicon (model/categories.ts); a word in the title counts TITLE_WEIGHT
 * times a word in the body, and one in the opening paragraphs OPENING_WEIGHT times.
 * The area clearly ahead wins; when none is, or when several areas are broadly level (a whole
 * bureau's overview), the draft goes to 综合. The explanation lists the deciding words.
 */
import type { CategoryExplanation } from '../../model/types.js';
import { CATEGORY_LEXICON, GENERAL_CATEGORY } from '../../model/categories.js';

export { CATEGORY_LEXICON };

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
/** Which characters start a lexicon word: most of a text's characters start none and are passed at once. */
const starts = new Uint8Array(65536);

function lexiconIndex(): Map<number, string[]> {
  if (!byPrefix) {
    byPrefix = new Map();
    const words = new Set(Object.values(CATEGORY_LEXICON).flatMap((list) => list.map(([w]) => w)));
    for (const w of words) {
      starts[w.charCodeAt(0)] = 1;
      const key = w.charCodeAt(0) * 65536 + w.charCodeAt(1);
      const list = byPrefix.get(key);
      if (list) list.push(w);
      else byPrefix.set(key, [w]);
    }
  }
  return byPrefix;
}

let sharing: Map<string, number> | null = null;

/** How many areas list each lexicon word. */
function sharedBy(): Map<string, number> {
  if (!sharing) {
    sharing = new Map();
    for (const words of Object.values(CATEGORY_LEXICON)) for (const [w] of words) sharing.set(w, (sharing.get(w) ?? 0) + 1);
  }
  return sharing;
}

/** Occurrences of every lexicon word in `text` (each word counted on its own, as indexOf would). */
function countWords(text: string): Map<string, number> {
  const index = lexiconIndex();
  const counts = new Map<string, number>();
  const lastEnd = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const first = text.charCodeAt(i);
    if (!starts[first]) continue;
    const words = index.get(first * 65536 + text.charCodeAt(i + 1));
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

/** What a draft says first says what it is about: its opening paragraphs weigh double. */
export const OPENING_WEIGHT = 2;
const OPENING_CHARS = 300;

export interface CategoryOptions {
  /**
   * A news article or report rather than one case: when the areas after the leader together
   * weigh about as much as the leader, and the title does not name the leader, the text surveys
   * a bureau's work and goes to 综合 (a single case names other areas only in passing).
   */
  article?: boolean;
  /**
   * The body is not the case's own text but its list's context (the list's name and award lines,
   * then its lead): the case is a list item with a title only.
   */
  listItem?: boolean;
}

/** In an article, the other areas' summed score at this share of the leader's makes a survey. */
const SURVEY_SHARE = 0.9;
/** A headline about 民政 as a whole ("民政事业高质量发展", "海南民政这十年"): a smaller share of other areas makes it a survey. */
const WHOLE_FIELD = /民政(?:事业|工作|改革|系统|力量|这|十年|发展|综述|成就|成效|亮点|民生)/u;
const WHOLE_FIELD_SHARE = 0.35;

/** Where a title first names an area (its earliest lexicon word), or Infinity. */
function firstMention(title: string, category: string): number {
  let at = Infinity;
  for (const [word] of CATEGORY_LEXICON[category] ?? []) {
    const i = title.indexOf(word);
    if (i >= 0 && i < at) at = i;
  }
  return at;
}

/** A word of at least this weight names a subject (养老, 低保, 减灾); weight 1 only hints (社区, 治理). */
const TOPIC_WEIGHT = 2;

/**
 * A list item with a title only. An item that is just a name (a community, a town's government,
 * a station: "某街道某社区", "某镇人民政府") carries no subject of its own — its place-type word
 * (社区) is no topic — so the list says what it is in: the list's name lines weigh as its title,
 * the lead as its opening, and a list about 民政 work as a whole ("民政工作先进单位") that names
 * no area files its items under 综合. An item whose title names a subject is scored as before,
 * its title over the list's context.
 */
function scoreListItem(title: string, context: string, options: CategoryOptions): CategoryResult {
  const asBefore = () => scoreCategories(title, context, { ...options, listItem: false });
  const own = countWords(withoutPlaceWords(title));
  const hasTopic = Object.values(CATEGORY_LEXICON).some((words) => words.some(([word, weight]) => weight >= TOPIC_WEIGHT && (own.get(word) ?? 0) > 0));
  if (hasTopic || !NAME_ONLY.test(title.trim())) return asBefore();
  const lines = context.split('\n').map((l) => l.trim()).filter(Boolean);
  const isName = (l: string) => l.length <= 60 && !/[。！？!?；;]/u.test(l);
  const listName = lines.filter(isName).join(' ');
  const lead = lines.filter((l) => !isName(l)).join('\n');
  const result = scoreCategories(listName, lead, { ...options, listItem: false });
  if (WHOLE_FIELD.test(listName) && firstMention(listName, result.category) === Infinity) return { ...result, category: GENERAL_CATEGORY };
  // The list says nothing either: the item's own words, such as they are.
  return result.explanation.length ? result : asBefore();
}

/** A title that is a name only: a community, village, street, town, its government or committee, a station or centre. */
const NAME_ONLY = /(?:社区|村|街道|镇|乡|苏木|嘎查|居委会|村委会|人民政府|政府|办事处|委员会|服务中心|服务站|中心|站|所|院|馆|协会|商会|基金会|促进会|联合会|局|厅|办)$/u;

/** Verbs that introduce what the work serves. */
const PURPOSE = /[，,\s]*(?:助力|赋能|护航|助推)/u;

/**
 * Words that are part of a place's name say nothing of the subject: "自治" in a division's name
 * (某某自治县, 自治州, 自治旗) is no 村民自治, and a community or village named between its street or
 * town and 社区/村 ("北苑街道拥军社区", "某镇双拥村") is named, not about 拥军.
 */
const COMMUNITY_NAME = /(?<=街道|[镇乡])[\u4e00-\u9fa5]{2,3}(?=社区|村(?![民级务委]))/gu;
function withoutPlaceWords(text: string): string {
  return text.replace(/自治(?=[区州县旗])/gu, '··').replace(COMMUNITY_NAME, (name) => '·'.repeat(name.length));
}

export function scoreCategories(title: string, body: string, options: CategoryOptions = {}): CategoryResult {
  if (options.listItem) return scoreListItem(title, body, options);
  const scores: CategoryExplanation[] = [];
  title = withoutPlaceWords(title);
  body = withoutPlaceWords(body);
  // A title's purpose ("…慈善基金助力基层治理", "…，助力社会治理现代化") is what the work serves, not what it
  // is: the words after 助力/赋能/护航/助推 weigh as the opening's, the subject before them as the title's.
  const purposeAt = title.search(PURPOSE);
  const purpose = purposeAt > 0 ? title.slice(purposeAt) : '';
  if (purpose) title = title.slice(0, purposeAt);
  const titleCounts = countWords(title);
  // The opening counts twice: once in the whole body, once more on its own.
  const opening = countWords(body.slice(0, OPENING_CHARS));
  const bodyCounts = countWords(body);
  for (const [w, n] of opening) bodyCounts.set(w, (bodyCounts.get(w) ?? 0) + n * (OPENING_WEIGHT - 1));
  for (const [w, n] of countWords(purpose)) bodyCounts.set(w, (bodyCounts.get(w) ?? 0) + n * OPENING_WEIGHT);
  for (const [category, words] of Object.entries(CATEGORY_LEXICON)) {
    let score = 0;
    const used: CategoryExplanation['words'] = [];
    for (const [word, listed] of words) {
      // A term several areas list ("五社联动", "流浪乞讨") speaks for each of them less than a term
      // that names one area: its weight is shared among them.
      const weight = listed / (sharedBy().get(word) ?? 1);
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
  const rest = scores.slice(1).reduce((sum, s) => sum + s.score, 0);
  const present = scores.filter((s) => s.score > 0).length;
  const third = scores[2]?.score ?? 0;
  if (top.score < 4 || broad >= BROAD_AREAS) category = GENERAL_CATEGORY;
  // A headline that names the leading area says what the article is about, whatever else it covers.
  else if (options.article && present >= 2 && rest >= top.score * (WHOLE_FIELD.test(title) ? WHOLE_FIELD_SHARE : SURVEY_SHARE) && (present >= 3 || WHOLE_FIELD.test(title)) && firstMention(title, top.category) === Infinity) category = GENERAL_CATEGORY;
  else if (top.score < second.score * LEAD_FACTOR) {
    // Two areas level and the rest far behind: a title that names both ("婚姻登记处与慈善地标")
    // is about the first it names, a title that names only one of them ("…抗震救灾工作") about
    // that one; otherwise neither leads.
    const a = firstMention(title, top.category);
    const b = firstMention(title, second.category);
    const apart = third < second.score * 0.25 && a !== b;
    // A title that names exactly one of the two settles it, whatever a third area adds: only a
    // true tie (the title naming both or neither, with others close) is 综合.
    const onlyOne = (a === Infinity) !== (b === Infinity);
    category = (apart || onlyOne) && Math.min(a, b) < Infinity ? (a < b ? top.category : second.category) : GENERAL_CATEGORY;
  }
  return { category, explanation: scores.filter((s) => s.score > 0).slice(0, 5) };
}
