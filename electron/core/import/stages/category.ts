/**
 * Stage 4b, category: a transparent score of the text against the 民政 taxonomy. Each area has
 * a weighted keyword lexicon (model/categories.ts, documented per 业务领域); a word in the title
 * counts TITLE_WEIGHT times a word in the body, and one in the opening paragraphs OPENING_WEIGHT
 * times; a hint in the title that modifies another area's word ("社区食堂": where, not what) weighs as
 * the opening's. The area clearly ahead wins; when none is, or when several areas the text names by
 * subject words are broadly level (a whole bureau's overview), the draft goes to 综合. A list item, which has a title only, draws on
 * its honour and its list's heading and lead. The explanation lists the deciding words.
 */
import type { CategoryExplanation } from '../../model/types.js';
import { CATEGORY_LEXICON, GENERAL_CATEGORY } from '../../model/categories.js';

export { CATEGORY_LEXICON };

/**
 * The few numbers of the score, fitted by scripts/fit-category.ts with leave-one-batch-out over the
 * tuning batches (test/fixtures/portal/batches): the fitted values and the held-out figures are in
 * that script's report and the commit that set them.
 */
export interface CategoryParams {
  /** A word in the title counts this many times a word in the body. */
  titleWeight: number;
  /** A word in the opening paragraphs counts this many times a word further down. */
  openingWeight: number;
  /** The leader must beat the runner-up by this factor to count as clearly ahead. */
  leadFactor: number;
  /** Areas scoring at least this share of the leader count as "level" with it… */
  broadShare: number;
  /** …and this many level areas make a draft about 民政 as a whole (综合). */
  broadAreas: number;
  /** In an article, the other areas' summed score at this share of the leader's makes a survey. */
  surveyShare: number;
  /** The same for a headline about 民政 as a whole ("民政事业高质量发展"). */
  wholeFieldShare: number;
  /** Below this score nothing is said clearly enough to name an area. */
  minScore: number;
}

export const CATEGORY_PARAMS: Readonly<CategoryParams> = {
  titleWeight: 4,
  openingWeight: 2,
  leadFactor: 1.25,
  broadShare: 0.45,
  broadAreas: 4,
  surveyShare: 0.9,
  wholeFieldShare: 0.35,
  minScore: 4,
};

export const TITLE_WEIGHT = CATEGORY_PARAMS.titleWeight;
/** Words listed per area in the explanation (the strongest first). */
const MAX_WORDS = 10;

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

/** Forgets the lexicon's indexes after CATEGORY_LEXICON was changed in place (scripts/fit-category.ts --ablate). */
export function lexiconChanged(): void {
  byPrefix = null;
  sharing = null;
}

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
export const OPENING_WEIGHT = CATEGORY_PARAMS.openingWeight;
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
  /**
   * A list item's honour ("全国示范性老年友好型社区", "慈善楷模"), as the list confers it on the item. An
   * honour is conferred by the body that runs one area's work and judges the work by it, so an
   * honour that names an area by a subject word files the item there, whatever the item's own title
   * names ("九如城养老抗疫志愿服务团队" as a 慈善楷模 is 慈善's). One that names none, or only by a hint
   * ("十大公益项目", "社会治理创新奖"), leaves the item to its own words and its list's.
   */
  honour?: string | null;
  /** Other values of the fitted numbers (scripts/fit-category.ts tries them); the defaults otherwise. */
  params?: Partial<CategoryParams>;
}

/** A headline about 民政 as a whole ("民政事业高质量发展", "海南民政这十年"): a smaller share of other areas makes it a survey. */
const WHOLE_FIELD = /民政(?:事业|工作|改革|系统|力量|这|十年|发展|综述|成就|成效|亮点|民生)/u;

/**
 * Where a title first names an area (its earliest lexicon word), or Infinity. A Chinese compound
 * noun is head-final: a word with another area's word right after it modifies that word
 * ("社区名称" is a name, "社区养老" care of the elderly), so it names no area of its own there.
 */
function firstMention(title: string, category: string): number {
  let at = Infinity;
  for (const [word] of CATEGORY_LEXICON[category] ?? []) {
    for (let i = title.indexOf(word); i >= 0 && i < at; i = title.indexOf(word, i + 1)) {
      if (modifies(title, i + word.length, category)) continue;
      at = i;
    }
  }
  return at;
}

/** Whether another area's word begins at `end`, or after a 的 there ("社区的老年人"). */
function modifies(title: string, end: number, category: string): boolean {
  const from = title[end] === '的' ? end + 1 : end;
  return Object.entries(CATEGORY_LEXICON).some(([other, words]) => other !== category && words.some(([w]) => title.startsWith(w, from) && !(CATEGORY_LEXICON[category] ?? []).some(([own]) => own === w)));
}

/**
 * The occurrences, by word, of hints (weight below TOPIC_WEIGHT: 社区, 居民) that modify another area's
 * word in a title (firstMention's head-final reading): "社区食堂", "社区的老年人" are a canteen and old
 * people in a community. A subject word modifying a hint keeps its weight: "老年友好社区" is a kind of
 * community that 养老 work makes.
 */
function modifiers(title: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [category, words] of Object.entries(CATEGORY_LEXICON)) {
    for (const [word, weight] of words) {
      if (weight >= TOPIC_WEIGHT || found.has(word)) continue;
      let n = 0;
      for (let i = title.indexOf(word); i >= 0; i = title.indexOf(word, i + word.length)) if (modifies(title, i + word.length, category)) n++;
      if (n) found.set(word, n);
    }
  }
  return found;
}

/** A word of at least this weight names a subject (养老, 低保, 减灾); weight 1 only hints (社区, 治理). */
const TOPIC_WEIGHT = 2;

/**
 * A list item with a title only, and its list's context (the honour, the list's name lines, then
 * its lead). Its honour, when that names an area by a subject word, files it (CategoryOptions.honour).
 * Otherwise an item that is just a name (a community, a town's government, a station, a division:
 * "某街道某社区", "某镇人民政府", "海淀区") carries no subject of its own — its place-type word (社区) is
 * no topic — so the list says what it is in: the list's name lines weigh as its title, the lead as
 * its opening, and a list about 民政 work as a whole ("民政工作先进单位") that names no area files its
 * items under 综合 unless the item's own name says what kind of body it is. An item whose title
 * names a subject is scored by its title over the list's context.
 */
function prepareListItem(title: string, context: string, options: CategoryOptions): Decide {
  const ofItem = prepareItem(title, context, options);
  const honour = options.honour?.trim() ? withoutPlaceWords(options.honour) : '';
  if (!honour || !hasTopic(countWords(honour))) return ofItem;
  // The honour read as a title of its own: the area it names by a subject word.
  const byHonour = prepareText(honour, '', options);
  return (params) => {
    const result = byHonour(params);
    return result.category === GENERAL_CATEGORY ? ofItem(params) : result;
  };
}

/** Whether counted words name a subject (a word of TOPIC_WEIGHT or more), not only hint at one. */
function hasTopic(counts: Map<string, number>): boolean {
  return Object.values(CATEGORY_LEXICON).some((words) => words.some(([word, weight]) => weight >= TOPIC_WEIGHT && (counts.get(word) ?? 0) > 0));
}

/** A list item by its own title and its list's context (its honour naming no area). */
function prepareItem(title: string, context: string, options: CategoryOptions): Decide {
  const asBefore = prepareText(title, context, options);
  // The item's own title alone: what its work is ("老年大学…"), or what kind of body it names (a
  // 社会福利院, a 社区服务中心, a village's 党支部).
  const byName = prepareText(title, '', options);
  // Where the list leaves the item level between areas or names none (an honour outside 民政, or
  // 民政 work as a whole: "民政系统先进集体"), the item's own words decide if they can: a welfare home
  // is 养老服务's, a community's service centre 基层's; 综合 is left for items that say nothing either.
  const orOwn = (result: CategoryResult, params?: Partial<CategoryParams>): CategoryResult => {
    if (result.category !== GENERAL_CATEGORY) return result;
    const own = byName(params);
    return own.category === GENERAL_CATEGORY ? result : own;
  };
  if (hasTopic(countWords(withoutPlaceWords(title)))) {
    // An item that names its work by a subject word in its own title ("支持发展志愿服务组织") is that
    // work's: its list's lead, which says what all its items share (治理 in every line of a city's list
    // of reforms), only decides when the title alone leaves it level.
    return (params) => {
      const own = byName(params);
      return own.category !== GENERAL_CATEGORY && own.explanation[0]!.words.some((w) => w.weight >= TOPIC_WEIGHT * (params?.titleWeight ?? CATEGORY_PARAMS.titleWeight)) ? own : orOwn(asBefore(params), params);
    };
  }
  if (!NAME_ONLY.test(title.trim())) return (params) => orOwn(asBefore(params), params);
  const lines = context.split('\n').map((l) => l.trim()).filter(Boolean);
  const isName = (l: string) => l.length <= 60 && !/[。！？!?；;]/u.test(l);
  // Each line masked on its own, before the join: a label line ("案例名称") is then still one.
  const listName = lines.filter(isName).map(withoutPlaceWords).join(' ');
  const lead = lines.filter((l) => !isName(l)).join('\n');
  const ofList = prepareText(listName, lead, options);
  const wholeField = WHOLE_FIELD.test(listName);
  return (params) => {
    let result = ofList(params);
    if (wholeField && firstMention(listName, result.category) === Infinity) result = { ...result, category: GENERAL_CATEGORY };
    // The list says nothing either: the item's own words with the list's around them.
    if (!result.explanation.length) result = asBefore(params);
    return orOwn(result, params);
  };
}

/** A title that is a name only: a community, village, street, town, its government or committee, a station or centre. */
const NAME_ONLY = /(?:社区|村|街道|镇|乡|苏木|嘎查|[省市区县旗州盟]|小区|居委会|村委会|人民政府|政府|办事处|委员会|服务中心|服务站|中心|站|所|院|馆|协会|商会|基金会|促进会|联合会|(?<![格布大全结开])局|厅|办)$/u;

/** Verbs that introduce what the work serves. */
const PURPOSE = /[，,\s]*(?:助力|赋能|护航|助推)/u;

/**
 * Words that are part of a place's name say nothing of the subject: "自治" in a division's name
 * (某某自治县, 自治州, 自治旗) is no 村民自治, and a community or village named between its street or
 * town and 社区/村 ("北苑街道拥军社区", "某镇双拥村") is named, not about 拥军.
 */
const COMMUNITY_NAME = /(?<=街道|[镇乡])[\u4e00-\u9fa5]{2,3}(?=社区|村(?![民级务委]))/gu;
/**
 * 命名 has two senses. Naming a place (区划地名's work) makes the thing named its topic, before the
 * verb or as a noun: "地名命名", "社区命名须说明理由", "命名、更名", "命名原则", "以人名命名". Conferring an
 * honour takes the honoured after it or a conferrer's auxiliary before it: "决定命名北京市…", "被命名为",
 * "获命名", "拟命名名单", "关于命名2022年…", "命名表彰". Only the first names an area.
 */
const CONFERRED = /(?<=[被获拟])命名|命名(?!、|更名|原则|方案|要求|规定|规则|采词|申请|申报|对象|[应须的，,。；;）)]|$)/gmu;
/** A field's label ("案例名称 |", "项目名称:", a table's head) names a column, not what the text is about. */
const LABEL = /名称(?=\s*[|｜:：]|\s*$)/gmu;
/**
 * Other bodies' work named by a fixed term that holds an area's word says nothing of 民政's areas:
 * 养老保险 and 养老金 are 人社's social insurance, 未成年人思想道德建设 the 文明委's moral education (its
 * "先进城市" an honour of 精神文明建设), 社区矫正 the 司法行政's supervision of offenders.
 */
const OTHER_WORK = /养老保险|养老金|未成年人思想道德建设|社区矫正/gu;
function withoutPlaceWords(text: string): string {
  return text
    .replace(OTHER_WORK, (term) => '·'.repeat(term.length))
    .replace(/自治(?=[区州县旗])/gu, '··')
    .replace(COMMUNITY_NAME, (name) => '·'.repeat(name.length))
    .replace(CONFERRED, '··')
    .replace(LABEL, '··');
}

/** What one scoring was given, as scripts/fit-category.ts records it to score again under other numbers. */
export interface CategoryInput {
  title: string;
  body: string;
  options: CategoryOptions;
}

/** A draft counted once, decided under any values of the fitted numbers. */
export type Decide = (params?: Partial<CategoryParams>) => CategoryResult;

let observer: ((input: CategoryInput, result: CategoryResult) => void) | null = null;

/** Hears every draft's scoring; null to stop. For the fitting script, not the app. */
export function observeCategoryScoring(listener: ((input: CategoryInput, result: CategoryResult) => void) | null): void {
  observer = listener;
}

/** Counts the lexicon's words in a draft once; the returned function decides its area under given numbers. */
export function prepareCategory(title: string, body: string, options: CategoryOptions = {}): Decide {
  return options.listItem ? prepareListItem(title, body, options) : prepareText(title, body, options);
}

export function scoreCategories(title: string, body: string, options: CategoryOptions = {}): CategoryResult {
  const result = prepareCategory(title, body, options)(options.params);
  observer?.({ title, body, options }, result);
  return result;
}

/** One lexicon word's occurrences in a draft, by where they stand. */
interface WordCount {
  word: string;
  /** Its weight, shared among the areas that list it. */
  weight: number;
  inTitle: number;
  /** In the whole body, the opening included. */
  inBody: number;
  inOpening: number;
  /** After a purpose verb in the title (助力…). */
  inPurpose: number;
  /** Listed as a hint (weight below TOPIC_WEIGHT). */
  hint: boolean;
}

function prepareText(title: string, body: string, options: CategoryOptions): Decide {
  title = withoutPlaceWords(title);
  body = withoutPlaceWords(body);
  // A title's purpose ("…慈善基金助力基层治理", "…，助力社会治理现代化") is what the work serves, not what it
  // is: the words after 助力/赋能/护航/助推 weigh as the opening's, the subject before them as the title's.
  const purposeAt = title.search(PURPOSE);
  const purpose = purposeAt > 0 ? title.slice(purposeAt) : '';
  if (purpose) title = title.slice(0, purposeAt);
  const titleCounts = countWords(title);
  const purposeCounts = countWords(purpose);
  // A hint modifying another area's word ("社区食堂", "社区的老年人") says where the title's subject is, not
  // what it is: it weighs as the opening's (modifiers).
  for (const [word, n] of modifiers(title)) {
    titleCounts.set(word, (titleCounts.get(word) ?? 0) - n);
    purposeCounts.set(word, (purposeCounts.get(word) ?? 0) + n);
  }
  // The opening counts twice: once in the whole body, once more on its own.
  const opening = countWords(body.slice(0, OPENING_CHARS));
  const bodyCounts = countWords(body);
  const areas = Object.entries(CATEGORY_LEXICON).map(([category, words]) => {
    const counts: WordCount[] = [];
    for (const [word, listed] of words) {
      // A term several areas list ("五社联动", "流浪乞讨") speaks for each of them less than a term
      // that names one area: its weight is shared among them.
      const c = { word, weight: listed / (sharedBy().get(word) ?? 1), hint: listed < TOPIC_WEIGHT, inTitle: titleCounts.get(word) ?? 0, inBody: bodyCounts.get(word) ?? 0, inOpening: opening.get(word) ?? 0, inPurpose: purposeCounts.get(word) ?? 0 };
      if (c.inTitle || c.inBody || c.inPurpose) counts.push(c);
    }
    return { category, counts, mention: firstMention(title, category), topical: counts.some((c) => !c.hint) };
  });
  const wholeField = WHOLE_FIELD.test(title);
  return (params) => {
    const p = { ...CATEGORY_PARAMS, ...params };
    const scores: CategoryExplanation[] = areas.map(({ category, counts }) => {
      let score = 0;
      const used: CategoryExplanation['words'] = [];
      for (const c of counts) {
        const inBody = c.inBody + c.inOpening * (p.openingWeight - 1) + c.inPurpose * p.openingWeight;
        // Title and body occurrences are listed apart, so that score = Σ count × weight exactly.
        if (c.inTitle) used.push({ word: c.word, count: c.inTitle, weight: c.weight * p.titleWeight });
        if (inBody) used.push({ word: c.word, count: inBody, weight: c.weight });
        score += (c.inTitle * p.titleWeight + inBody) * c.weight;
      }
      used.sort((a, b) => b.count * b.weight - a.count * a.weight);
      return { category, score, words: used.slice(0, MAX_WORDS) };
    });
    const mention = new Map(areas.map((a) => [a.category, a.mention]));
    const topical = new Set(areas.filter((a) => a.topical).map((a) => a.category));
    return { category: decide(scores, mention, topical, wholeField, options, p), explanation: [...scores].sort((a, b) => b.score - a.score).filter((s) => s.score > 0).slice(0, 5) };
  };
}

/**
 * The area the scores make clear, or 综合. `mention`: where the title first names each area; `topical`:
 * the areas the text names by a subject word, not only by hints.
 */
function decide(unsorted: CategoryExplanation[], mention: Map<string, number>, topical: Set<string>, wholeField: boolean, options: CategoryOptions, p: CategoryParams): string {
  const scores = [...unsorted].sort((a, b) => b.score - a.score);
  const top = scores[0]!;
  const second = scores[1]!;
  const broad = scores.filter((s) => s.score >= top.score * p.broadShare).length;
  const rest = scores.slice(1).reduce((sum, s) => sum + s.score, 0);
  // The areas the text treats: a survey names each by a subject word; a case's setting (社区, 居民) and
  // its means (公益, 爱心) are hints at areas it does not treat.
  const present = scores.filter((s) => s.score > 0 && topical.has(s.category)).length;
  const third = scores[2]?.score ?? 0;
  const at = (category: string) => mention.get(category) ?? Infinity;
  if (top.score < p.minScore || broad >= p.broadAreas) return GENERAL_CATEGORY;
  // A headline that names the leading area says what the article is about, whatever else it covers.
  if (options.article && present >= 2 && rest >= top.score * (wholeField ? p.wholeFieldShare : p.surveyShare) && (present >= 3 || wholeField) && at(top.category) === Infinity) {
    // …and one that names another area the text also treats is about that one: a survey is a
    // headline naming none of them ("民政事业高质量发展").
    const named = scores.filter((s) => s.score > 0 && at(s.category) < Infinity).sort((x, y) => at(x.category) - at(y.category))[0];
    return named && !wholeField ? named.category : GENERAL_CATEGORY;
  }
  if (top.score >= second.score * p.leadFactor) return top.category;
  // Two areas level and the rest far behind: a title that names both ("婚姻登记处与慈善地标")
  // is about the first it names, a title that names only one of them ("…抗震救灾工作") about
  // that one; otherwise neither leads.
  const a = at(top.category);
  const b = at(second.category);
  const apart = third < second.score * 0.25 && a !== b;
  // A title that names exactly one of the two settles it, whatever a third area adds: only a
  // true tie (the title naming both or neither, with others close) is 综合.
  const onlyOne = (a === Infinity) !== (b === Infinity);
  return (apart || onlyOne) && Math.min(a, b) < Infinity ? (a < b ? top.category : second.category) : GENERAL_CATEGORY;
}
