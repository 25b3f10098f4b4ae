/**
 * Application forms (申报表) are often Word tables: a label cell ("案例名称", "创新单位",
 * "案例概况") beside its value. Such a table is turned back into the lines a typed form would
 * have, so that the split and structure stages read it like any other draft.
 */
import type { Block } from '../../model/types.js';
import { blocksText } from '../../model/text.js';
import type { SourceLine } from '../lines.js';

const TITLE_LABEL = /^(?:案例名称|案例标题|项目名称|标题|名称)$/u;
const FORM_LABEL =
  /^(?:案例名称|案例标题|项目名称|创新单位|申报单位|报送单位|推荐单位|实施单位|责任单位|案例类别|案例类型|所属领域|联系人|联系电话|撰稿人|执笔人|案例概况|案例简介|案例背景|基本情况|主要做法|创新做法|经验做法|具体做法|工作成效|主要成效|取得成效|实施效果|特色亮点|创新点|经验启示|推广价值|推广意义|存在问题|下一步打算)$/u;

function cellText(blocks: Block[]): string {
  return blocksText(blocks).replace(/[\s\u3000]+/gu, ' ').trim();
}

function label(blocks: Block[]): string {
  return cellText(blocks).replace(/[\s:：]+/gu, '');
}

export function expandFormTables(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const table = line.table;
    if (!table) {
      out.push(line);
      continue;
    }
    const rows = table.rows.filter((r) => r.length >= 2);
    const labelled = rows.filter((r) => FORM_LABEL.test(label(r[0]!.blocks)));
    if (labelled.length < 2 || labelled.length < rows.length * 0.6) {
      out.push(line);
      continue;
    }
    const title = labelled.find((r) => TITLE_LABEL.test(label(r[0]!.blocks)));
    if (title) out.push({ text: cellText(title.slice(1).flatMap((c) => c.blocks)) });
    for (const row of table.rows) {
      if (row === title) continue;
      const name = row.length >= 2 ? label(row[0]!.blocks) : '';
      if (!FORM_LABEL.test(name)) {
        for (const cell of row) for (const t of blocksText(cell.blocks).split('\n')) if (t.trim()) out.push({ text: t.trim() });
        continue;
      }
      const paragraphs = row
        .slice(1)
        .flatMap((c) => blocksText(c.blocks).split('\n'))
        .map((t) => t.trim())
        .filter(Boolean);
      if (paragraphs.length <= 1) out.push({ text: `${name}:${paragraphs[0] ?? ''}` });
      else {
        out.push({ text: `${name}:` });
        for (const p of paragraphs) out.push({ text: p });
      }
    }
  }
  return out;
}
