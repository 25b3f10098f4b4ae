/**
 * Every shape the model allows, nested every way the schema lets it (lists, quotes, tables and
 * pictures inside one another, footnotes holding lists, tables and notes of their own, a table
 * cell taller than a page, a row of thirty cells), through the three templates in both formats
 * with the bundled faces only: nothing throws, and every text of the model reads back from the
 * page (the PDF with pdftotext, the DOCX as LibreOffice prints it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Block, CaseDocument, CollectionBundle, Inline, NoticeDocument, TableCell } from '../electron/core/model/types.js';
import { text as t, HEADINGS_AND_ROLES, SCREENSHOT_PNG as png } from './fixtures/shapes.js';
import { sofficeToPdf, squash, workDir } from './docx-helpers.js';

process.env.HUIBIAN_BUNDLED_FONTS = '1';
const { runExport } = await import('../electron/core/export/index.js');
const { checkDocument } = await import('../electron/core/model/schema.js');

const dir = workDir('shapes');
const p = (text: string, ...more: Inline[]): Block => ({ type: 'paragraph', content: [t(text), ...more] });
const cell = (...blocks: Block[]): TableCell => ({ blocks });
const STEMS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星';

const body: Block[] = [
  ...HEADINGS_AND_ROLES,
  {
    type: 'paragraph',
    runIn: [t('一是形态齐全。', { marks: ['bold'] })],
    content: [
      ...(['bold', 'italic', 'underline', 'strike', 'sup', 'sub'] as const).map((m) => t(`${m}文字`, { marks: [m] })),
      { type: 'break' },
      { type: 'footnote', blocks: [p('脚注内容'), { type: 'list', ordered: false, items: [[p('脚注里的列表')]] }, { type: 'quote', blocks: [p('脚注里的引文')] }] },
      { type: 'link', href: 'https://www.mca.gov.cn/', children: [t('民政部网站', { marks: ['underline'] })] },
      t('拉丁字母ABC与数字2024年'),
    ],
  },
  // A character no bundled face has (Ext-B) prints as 〓 carrying the real one; an emoji likewise.
  p('Ext-B字𠀀与emoji😀'),
  ...(['decimal', 'cjk', 'paren-cjk', 'paren-decimal'] as const).map(
    (style, i): Block => ({ type: 'list', ordered: true, style, start: i + 1, items: [[p(`${style}第一项`)], [p('第二项'), { type: 'list', ordered: false, items: [[p('嵌套项')]] }]] }),
  ),
  { type: 'list', ordered: false, items: [] },
  { type: 'list', ordered: true, style: 'cjk', start: 99, items: [[p('九十九项')], [p('一百项')], [p('一百零一项')]] },
  {
    type: 'list',
    ordered: true,
    items: [
      [],
      [{ type: 'heading', level: 2, content: [t('列表项里的标题')] }],
      [{ type: 'quote', blocks: [p('列表项里的引文')] }],
      [{ type: 'table', rows: [[cell(p('列表里的表格'))]] }],
      [{ type: 'image', caption: [t('列表里的图注')] }],
    ],
  },
  {
    type: 'quote',
    blocks: [
      p('引文一段'),
      { type: 'quote', blocks: [p('引文中的引文')] },
      { type: 'list', ordered: true, items: [[p('引文里的列表')]] },
      { type: 'table', rows: [[cell(p('引文里的表格'))]] },
      { type: 'heading', level: 3, content: [t('引文里的标题')] },
    ],
  },
  {
    type: 'table',
    columnWidths: [2, 1, 1],
    rows: [
      [{ blocks: [p('项目'), { type: 'list', ordered: false, items: [[p('表头里的列表')]] }], header: true }, { blocks: [p('数量')], header: true, colSpan: 2 }],
      [{ blocks: [p('养老机构')], rowSpan: 2 }, cell(p('12')), cell()],
      [cell(p('8')), cell({ type: 'list', ordered: true, items: [[p('表格里的列表')]] })],
      [cell({ type: 'heading', level: 1, content: [t('格里的标题')] }), cell({ type: 'quote', blocks: [p('格里的引文')] }), cell({ type: 'table', rows: [[cell(p('表中表'))]] })],
      [
        cell({ type: 'image', src: png, width: 1440, height: 900, caption: [t('格里的图注')] }),
        cell(p('格里的脚注', { type: 'footnote', blocks: [p('格里脚注的内容')] })),
        cell({ type: 'pageBreak' }, p('分页后的格')),
      ],
      [cell(p('只有一格的行'))],
    ],
  },
  { type: 'table', rows: [] },
  { type: 'table', rows: [[]] },
  { type: 'table', rows: [[cell(...Array.from({ length: 70 }, (_, i) => p(`高格第${i + 1}段`))), cell(p('高格旁边'))]] },
  { type: 'table', rows: [[...STEMS].map((c) => cell(p(c)))] },
  { type: 'image', src: png, width: 1440, height: 900, alt: '编辑器截图', caption: [t('图1 编辑器'), t('（截图）', { marks: ['italic'] })] },
  { type: 'image', caption: [t('图2 原稿缺图的图注')] },
  { type: 'image', src: png, alt: '只有替代文字的图' },
  { type: 'image' },
  { type: 'pageBreak' },
  { type: 'paragraph', content: [] },
  { type: 'heading', level: 1, content: [] },
  { type: 'heading', level: 2, content: [t('带脚注的标题'), { type: 'footnote', blocks: [p('标题的脚注')] }] },
  { type: 'image', caption: [t('带脚注的图注'), { type: 'footnote', blocks: [p('图注的脚注')] }] },
  // Word has no note inside a note: LibreOffice would not open the file; both formats set it in the outer note's text.
  p('脚注套脚注', { type: 'footnote', blocks: [p('外层脚注', { type: 'footnote', blocks: [p('内层脚注')] })] }),
  p('脚注里有表格', { type: 'footnote', blocks: [p('有表的脚注'), { type: 'table', rows: [[cell(p('脚注表格甲')), cell(p('脚注表格乙'))]] }, { type: 'image', src: png, width: 200, height: 100, caption: [t('脚注里的图注')] }] }),
  { type: 'paragraph', content: [{ type: 'link', href: 'https://www.mca.gov.cn/', children: [t('链接甲'), t('链接乙', { marks: ['bold'] })] }] },
  { type: 'paragraph', runIn: [t('只有引题。')], content: [] },
  p('全形态案例的最后一段'),
];

const lead: Block[] = [p('导语一段'), { type: 'image', caption: [t('导语的图注')] }, { type: 'list', ordered: true, items: [[p('导语里的列表')]] }];
const cases: Record<string, CaseDocument> = {
  a: {
    kind: 'case',
    id: 'a',
    meta: { title: '全形态案例', subtitle: '副标题', heading: '济宁 任城区', region: { province: '山东省', city: '济宁市', county: '任城区', code: '370811' }, category: '养老服务', unit: '任城区民政局', award: '优秀创新案例', year: 2024 },
    body,
  },
  b: { kind: 'case', id: 'b', meta: { title: '只有标题的案例' }, body: [] },
  c: { kind: 'case', id: 'c', meta: { title: '第三个案例' }, body: [p('第三个案例的正文')] },
};
const bundle: CollectionBundle = {
  collection: {
    id: 'k',
    title: '全形态汇编',
    subtitle: '副题',
    year: 2024,
    publisher: '山东省民政厅',
    lead,
    credits: { 责任编辑: '张三' },
    sections: [{ title: '养老服务', caseIds: ['a', 'b'] }, { title: '空篇', caseIds: [] }, { title: '社会救助', caseIds: ['c', 'gone'] }],
  },
  cases,
};
const notice: NoticeDocument = {
  kind: 'notice',
  id: 'n',
  meta: {
    title: '关于开展全形态通知的通知',
    organ: '曲阜市民政局',
    docNumber: '曲民发〔2024〕1号',
    signers: ['王五'],
    addressees: '各镇街民政办',
    issuer: '曲阜市民政局',
    date: '2024-06-01',
    note: '联系人：赵六',
    cc: '市政府办公室',
    printer: '曲阜市民政局办公室',
    printDate: '2024-06-02',
    sealImage: png,
  },
  body,
  attachments: [{ title: '附件一', blocks: body.slice(0, 14) }, { title: '附件二', blocks: [] }],
};
const bare: NoticeDocument = { kind: 'notice', id: 'm', meta: { title: '只有标题的通知' }, body: [p('最简通知正文')], attachments: [] };

/** Every text inline the blocks hold (captions, cells, notes, links included). */
function texts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') {
    const node = value as { type?: string; text?: string };
    if (node.type === 'text' && node.text) out.push(node.text);
    for (const v of Object.values(node)) texts(v, out);
  }
  return out;
}

test('every shape, every template, both formats, bundled faces: nothing throws and no text is lost', async () => {
  for (const doc of [...Object.values(cases), notice, bare]) checkDocument(doc);
  const bodyTexts = texts(body);
  const runs = [
    // The anthology has no place for a feature's 导语 (Collection.lead): only the feature prints it.
    { name: 'anthology', template: 'anthology', input: { bundle }, want: [...bodyTexts, '全形态案例', '任城区民政局', '只有标题的案例', '第三个案例的正文', '全形态汇编'] },
    { name: 'feature', template: 'feature', input: { bundle }, want: [...bodyTexts, ...texts(lead), '全形态案例', '第三个案例的正文', '全形态汇编', '责任编辑：张三'] },
    { name: 'notice', template: 'notice', input: { notice }, want: [...bodyTexts, '关于开展全形态通知的通知', '曲民发〔2024〕1号', '各镇街民政办', '联系人：赵六', '市政府办公室', '附件一', '附件二'] },
    { name: 'bare-notice', template: 'notice', input: { notice: bare }, want: ['只有标题的通知', '最简通知正文'] },
  ] as const;
  const read: Array<Promise<void>> = [];
  for (const run of runs) {
    for (const format of ['pdf', 'docx'] as const) {
      const outPath = path.join(dir, `${run.name}.${format}`);
      const result = await runExport({ template: run.template, format, outPath, ...run.input });
      if (format === 'docx' && run.name === 'anthology') {
        // A heading in a cell and a list in a header cell are bold, as the PDF sets them.
        const xml = await (await JSZip.loadAsync(readFileSync(outPath))).file('word/document.xml')!.async('string');
        for (const words of ['格里的标题', '表头里的列表']) assert.match(xml, new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*<w:b/>(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>${words}</w:t>`), `${words} bold in the DOCX`);
      }
      if (format === 'pdf') assert.ok(result.fonts.every((f) => /^(Noto|LXGW)/.test(f.face)), `${run.name}.pdf in bundled faces: ${result.fonts.map((f) => f.face).join(', ')}`);
      const check = async () => {
        const pdf = format === 'pdf' ? outPath : await sofficeToPdf(new Uint8Array(readFileSync(outPath)), `shapes-${run.name}`);
        const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
        const lost = [...new Set(run.want)].filter((w) => !text.includes(squash(w)));
        assert.deepEqual(lost, [], `${run.name}.${format} loses text`);
        if (run.name === 'anthology' && format === 'docx') {
          // The 目录's cached page numbers come from the page estimate, which counts every block in a cell:
          // the case after the one full of tables opens on the folio the 目录 gives it.
          const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
          // The 目录 page: after the cover, and after the 前言 where the collection has a lead.
          const tocPage = pages.find((pg) => /^\s*目\s*录/.test(pg)) ?? '';
          const listed = Number(/第三个案例\.+\s*(\d+)/.exec(tocPage)?.[1]);
          const opens = pages.find((pg) => pg.includes('第三个案例的正文'));
          assert.equal(opens?.trim().split('\n').at(-1)?.trim(), String(listed), `第三个案例 opens on folio ${listed}, as the 目录 says`);
        }
        if (run.name !== 'bare-notice') assert.ok(text.includes('一百、一百项') && text.includes('一百零一、一百零一项'), `${run.name}.${format}: Chinese list numbers past 99`);
      };
      read.push(check());
      // Two LibreOffice conversions at a time at most: the machine has two cores.
      if (read.length >= 2) await Promise.all(read.splice(0));
    }
  }
  await Promise.all(read);
});
