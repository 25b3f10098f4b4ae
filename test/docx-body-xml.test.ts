/**
 * The body paragraphs the DOCX writer writes as XML itself (export/docx/bodyXml.ts) against the
 * same books written entirely through the docx package's objects (HUIBIAN_DOCX_BODY=package):
 * the document part must be the same, byte for byte, for every template and for what a body
 * can hold — comments and replies, footnotes, lists, tables, pictures, links, curly quotes,
 * text to escape, the 目录 and the indexes' PAGEREF fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { Block, CaseDocument, CollectionBundle, CommentThread } from '../electron/core/model/types.js';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';
import { part, unzip } from './docx-helpers.js';

const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));

/** The document part written one way. */
async function documentXml(packageBody: boolean, input: Parameters<typeof writeDocx>[0]): Promise<string> {
  const before = process.env.HUIBIAN_DOCX_BODY;
  if (packageBody) process.env.HUIBIAN_DOCX_BODY = 'package';
  else delete process.env.HUIBIAN_DOCX_BODY;
  try {
    // Either way an external link's relationship id is random (the package's uniqueId), and a
    // picture's docPr id counts the package's pictures in this process, so two exports differ there.
    return part(await unzip((await writeDocx(input)).bytes), 'word/document.xml')
      .replace(/r:id="rId[\w-]{16,}"/g, 'r:id="rId(random)"')
      .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="(n)"');
  } finally {
    if (before === undefined) delete process.env.HUIBIAN_DOCX_BODY;
    else process.env.HUIBIAN_DOCX_BODY = before;
  }
}

/** Both ways; and the paragraphs this path writes must be there, or the comparison proves nothing. */
async function assertSame(input: Parameters<typeof writeDocx>[0]): Promise<string> {
  const ours = await documentXml(false, input);
  const theirs = await documentXml(true, input);
  if (ours !== theirs) {
    let at = 0;
    while (ours[at] === theirs[at]) at++;
    assert.fail(`document.xml differs at ${at}:\n ours    …${ours.slice(Math.max(0, at - 120), at + 120)}\n package …${theirs.slice(Math.max(0, at - 120), at + 120)}`);
  }
  return ours;
}

/** A 2 × 1 PNG. */
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGAEAHPcC/0V1RtYAAAAASUVORK5CYII=';

/** Every kind of body content on top of a corpus case. */
function richBody(base: readonly Block[]): Block[] {
  const text = (t: string) => ({ type: 'text' as const, text: t });
  const para = (t: string) => ({ type: 'paragraph' as const, content: [text(t)] });
  return [
    ...base,
    { type: 'heading', level: 2, content: [text('二、做法 & 成效 <要点>')] },
    { type: 'paragraph', runIn: [text('一是')], content: [text('“Smart养老”平台'), { type: 'text', text: '加粗', marks: ['bold'] }, { type: 'text', text: '斜体上标', marks: ['italic', 'sup'] }, { type: 'break' }, text("含'撇号'与\"引号\"及\ttab")] },
    { type: 'paragraph', content: [text('见注释'), { type: 'footnote', blocks: [para('数据来源：2020年统计公报。')] }, { type: 'link', href: 'https://www.mca.gov.cn/', children: [text('民政部网站')] }, { type: 'link', href: '#local', children: [text('内部链接')] }] },
    { type: 'list', ordered: true, style: 'cjk', items: [[para('第一项')], [para('第二项')]] },
    { type: 'list', ordered: false, items: [[para('要点')]] },
    { type: 'quote', blocks: [para('引文一段。')] },
    { type: 'table', columnWidths: [1, 2], rows: [[{ blocks: [para('项目')], header: true }, { blocks: [para('内容')], header: true }], [{ blocks: [para('资金')] }, { blocks: [para('120万元')] }]] },
    { type: 'image', src: PNG, width: 400, height: 200, caption: [text('图为社区志愿者入户走访')] },
    { type: 'image', caption: [text('缺图的图注')] },
    { type: 'pageBreak' },
    para('分页后的一段。'),
  ] as Block[];
}

test('anthology: the body written as XML is the package\'s XML, byte for byte (comments, notes, lists, tables, pictures, links, 目录, indexes)', async () => {
  const bundle = await corpusBundle();
  const [first, second] = casesOf(bundle);
  const quote = first!.body.flatMap((b) => (b.type === 'paragraph' ? b.content : [])).find((i) => i.type === 'text' && i.text.length > 12) as { text: string };
  const threads: Record<string, CommentThread[]> = {
    [first!.id]: [
      { id: 't1', quote: quote.text.slice(2, 10), author: '王审稿', createdAt: '2024-05-01T08:00:00Z', text: '这个数字请核实出处', resolved: false, replies: [{ author: '李编辑', createdAt: '2024-05-02T09:30:00Z', text: '已核实' }] },
      { id: 't2', quote: '已经删去的句子', author: '王审稿', createdAt: '2024-05-03T08:00:00Z', text: '挂在标题上', resolved: true, replies: [] },
    ],
  } as unknown as Record<string, CommentThread[]>;
  const cases = { ...Object.fromEntries(casesOf(bundle).map((c) => [c.id, c])), [second!.id]: { ...second!, body: richBody(second!.body) } };
  const rich: CollectionBundle = { ...bundle, cases };
  const xml = await assertSame({ format: 'docx', template: loadTemplate('anthology'), bundle: rich, comments: threads });
  assert.match(xml, /<w:commentRangeStart w:id="0"\/>/);
  assert.match(xml, /<w:footnoteReference w:id="\d+"\/>/);
  assert.match(xml, /PAGEREF _Toc\d+ \\h/);
  assert.match(xml, /<w:numId w:val="\d+"\/>/);
  assert.match(xml, /<a:blip r:embed="rId\d+"/);
  assert.match(xml, /做法 &amp; 成效 &lt;要点&gt;/);
  assert.ok((xml.match(/<\/w:p>/g) ?? []).length > 500, 'a whole book of paragraphs');
});

test('feature and notice: the same XML either way', async () => {
  const bundle = await corpusBundle();
  const [first] = casesOf(bundle);
  const feature: CollectionBundle = { ...bundle, cases: { ...Object.fromEntries(casesOf(bundle).map((c) => [c.id, c])), [first!.id]: { ...first!, body: richBody(first!.body) } } };
  await assertSame({ format: 'docx', template: loadTemplate('feature'), bundle: feature });
  await assertSame({ format: 'docx', template: loadTemplate('notice'), notice: await corpusNotice() });
});

test('the switch is real: by default a body paragraph is written as XML, with HUIBIAN_DOCX_BODY=package it is the package\'s', async () => {
  const template = loadTemplate('anthology');
  const { DocxContext } = await import('../electron/core/export/docx/context.js');
  const { BodyParagraph } = await import('../electron/core/export/docx/bodyXml.js');
  const { textRun } = await import('../electron/core/export/docx/blocks.js');
  const { Paragraph } = await import('docx');
  const made = (ctx: InstanceType<typeof DocxContext>) => ctx.paragraph('normal', [textRun(ctx.book, ctx.book.get('normal').style, '正文')], '正文') as unknown;
  const ours = made(new DocxContext(template));
  assert.ok(ours instanceof BodyParagraph);
  process.env.HUIBIAN_DOCX_BODY = 'package';
  try {
    const theirs = made(new DocxContext(template));
    assert.ok(theirs instanceof Paragraph && !(theirs instanceof BodyParagraph));
  } finally {
    delete process.env.HUIBIAN_DOCX_BODY;
  }
});

test('without the docx compiler (another docx version) the parts come from Packer\'s zip: the same document part', async () => {
  const { Packer } = await import('docx');
  const bundle = await corpusBundle();
  const input = { format: 'docx' as const, template: loadTemplate('anthology'), bundle };
  const usual = await documentXml(false, input);
  const holder = Packer as unknown as { compiler?: { compile: (...args: unknown[]) => unknown } };
  const compiler = holder.compiler;
  assert.equal(typeof compiler?.compile, 'function', 'this docx version has the compiler the writer uses');
  // Packer zips through the same compiler: the writer is shown none the first time it looks,
  // and Packer, which looks after it, finds it.
  let looks = 0;
  holder.compiler = Object.create(compiler!, { compile: { get: () => (looks++ === 0 ? undefined : compiler!.compile.bind(compiler)) } });
  try {
    assert.equal(await documentXml(false, input), usual);
    assert.ok(looks >= 2, 'the writer looked, then Packer compiled');
  } finally {
    holder.compiler = compiler;
  }
});
