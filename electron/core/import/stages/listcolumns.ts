/**
 * Columns of list tables: the headings that say which cell of a row is its title, unit, place or
 * award (Word and web tables, rows copied with cell bars or spaces), and tables copied cell by cell,
 * one cell to a line, as a browser copy of a table without its bars reads: a header row of k heading
 * cells, then rows of k cells. Which cell is which comes from its heading, not from the page.
 */
import type { SourceLine } from '../lines.js';

export const COLUMN = {
  // (Any "…名称" heading names what the row lists, 社工站名称, 学校名称, unless it names the unit, 单位名称, 机构名称.)
  title: /^(?:案例名称|案例题目|案例标题|项目名称|成果名称|品牌名称|作品名称|创新案例|案例|名称|标题|题目|小区名|小区名称|社区名称|村名称|村\(社区\)名称|村（社区）名称|(?!.*(?:单位|机构)名称)[\u4e00-\u9fa5（）()]{1,8}名称)$/u,
  // (A funded project's table names who carries it out: 承接单位, 执行机构, 运营单位, 实施主体.)
  unit: /^(?:项目|案例|品牌)?(?:申报单位|报送单位|推荐单位|创新单位|实施单位|单位名称|获奖单位|完成单位|申报主体|所在单位|单位|实施机构|申报机构|承接机构|服务机构|机构名称|承办单位|选送单位|参赛单位|承接单位|执行单位|执行机构|运营单位|运营机构|实施主体|承接主体)$/u,
  // (A community's table names the street or township it is in: 所属街道, 乡镇（街道）, 县（市、区）.)
  place: /^(?:地区|所在地|所在地区|所属地区|推荐地区|地市|设区市|市州|区县|县市区|省份|部门\/地区|部门地区|所在区域|所属区域|区域|所在区|所在县|所属县区|所属区|所属县|所属市|所在市|(?:所属|所在)?(?:街道|乡镇|镇街)(?:[（(](?:乡镇|街道)[)）])?|(?:所属|所在)?乡镇[（(]街道[)）]|县[（(]市、区[)）]|县[（(]市区[)）])$/u,
  // (A results table grades by 等次 or 等级 with the act before it, 评审等次, 拟表彰等次, or says the result, 评审结果.)
  award: /^(?:拟|拟定)?(?:获奖|评定|评审|评选|表彰|奖励|评估|考核)?(?:等次|等级|奖次|名次)$|^(?:评选|评审|评定|评估)结果$|^(?:奖项|入选类别|获奖情况|所获奖项|获得奖项|荣誉称号)$/u,
};

/** Headings a header row may also hold besides the columns read. */
export const OTHER_COLUMN = /^(?:序号|编号|排名|备注|说明|类别|分类)$/u;

export function headerColumns(cells: string[]): Partial<Record<keyof typeof COLUMN, number>> | null {
  const cols: Partial<Record<keyof typeof COLUMN, number>> = {};
  cells.forEach((c, k) => {
    const t = c.replace(/[\s\u3000:：]+/gu, '');
    for (const [name, re] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, RegExp]>) if (cols[name] === undefined && re.test(t)) cols[name] = k;
  });
  return cols.title !== undefined || cols.unit !== undefined ? cols : null;
}

function headingCell(text: string): boolean {
  const t = text.replace(/[\s\u3000:：|｜]+/gu, '');
  return t.length >= 1 && t.length <= 10 && (OTHER_COLUMN.test(t) || Object.values(COLUMN).some((re) => re.test(t)));
}

/**
 * "小区名 / 所在区域 / 所获奖项 / 方兴园小区 / 经开区 / 最和谐小区 / …", one cell to a line: the header
 * (two to six heading cells, a title or unit among them) and the rows of as many cells after it,
 * up to the first row with a cell that is prose, empty or a heading again, or whose place or award
 * cell is too long to be one; at least two rows.
 */
export function cellRows(lines: SourceLine[], at: number): { rows: string[][]; end: number } | null {
  // The header starts at its first heading cell (one found inside it is not a header of its own).
  if (!headingCell(lines[at]!.text) || (at > 0 && headingCell(lines[at - 1]!.text))) return null;
  let k = 0;
  while (at + k < lines.length && k < 6 && headingCell(lines[at + k]!.text)) k++;
  if (k < 2) return null;
  let header = lines.slice(at, at + k).map((l) => l.text.replace(/[|｜]\s*$/u, '').trim());
  // The numbers under a 序号 heading, one a line, are dropped with page numbers: its rows are one cell short.
  const numbered = /^(?:序号|编号)$/u.test(header[0]!) && !/^\s*[0-9０-９]{1,3}\s*[|｜]?\s*$/u.test(lines[at + k]?.text ?? '');
  if (numbered) {
    header = header.slice(1);
    at += 1;
    k -= 1;
    if (k < 2) return null;
  }
  const cols = headerColumns(header);
  if (!cols) return null;
  const rows: string[][] = [header];
  let j = at + k;
  for (; j + k <= lines.length; j += k) {
    const row = lines.slice(j, j + k).map((l) => l.text.replace(/[|｜]\s*$/u, '').trim());
    if (row.some((c) => !c || c.length > 60 || /[。！？]/u.test(c) || headingCell(c))) break;
    // A place or award cell is short: a longer one means the cells are out of step (a merged cell copied once).
    if ((cols.place !== undefined && row[cols.place]!.length > 16) || (cols.award !== undefined && row[cols.award]!.length > 20)) break;
    rows.push(row);
  }
  const byNumber = numberedRows(lines, at + k, header, cols);
  if (byNumber && byNumber.rows.length > rows.length - 1) return { rows: [header, ...byNumber.rows], end: byNumber.end };
  return rows.length >= 3 ? { rows, end: j } : null;
}

const ROW_NUMBER = /^\s*([0-9０-９]{1,3})\s*[.．、]?\s*[|｜]?\s*$/u;

/**
 * Rows numbered under a 序号 heading, one cell a line: each row runs from its number to the next, so a cell merged
 * down a group of rows (a grade, a place, copied once on the group's first row) leaves the rows after it short by
 * that cell instead of out of step; rowItems sets the short rows' cells in their columns. The last row runs to as
 * many cells as the header has, or fewer where what follows is no cell.
 */
function numberedRows(lines: SourceLine[], from: number, header: string[], cols: Partial<Record<keyof typeof COLUMN, number>>): { rows: string[][]; end: number } | null {
  if (!/^(?:序号|编号)$/u.test(header[0]!.replace(/[\s\u3000]+/gu, ''))) return null;
  const k = header.length;
  // (Columns a group may share: the grade, the place, a class; a row is short by no more of them than there are.)
  const shared = header.filter((c, n) => n === cols.award || n === cols.place || /^(?:类别|分类)$/u.test(c)).length;
  if (!shared) return null;
  const number = (j: number) => (j < lines.length ? Number(ROW_NUMBER.exec(lines[j]!.text)?.[1]?.normalize('NFKC') ?? NaN) : NaN);
  const cell = (j: number) => lines[j]!.text.replace(/[|｜]\s*$/u, '').trim();
  // (A labelled field after the table, "联系电话:…", is no cell of its last row.)
  const good = (c: string) => Boolean(c) && c.length <= 60 && !/[。！？]/u.test(c) && !/^[^:：]{1,8}[:：]/u.test(c) && !headingCell(c);
  const rows: string[][] = [];
  let j = from;
  for (let n = 1; number(j) === n; n++) {
    let e = j + 1;
    while (e < lines.length && e - j < k && number(e) !== n + 1 && good(cell(e))) e++;
    if (e - j < k - shared) break;
    rows.push(lines.slice(j, e).map((_, m) => cell(j + m)));
    j = e;
  }
  return rows.length >= 2 ? { rows, end: j } : null;
}
