/**
 * The document model's schema at the library's door: malformed editor states from a client
 * are refused naming the bad node and leave the collection exportable; every shape the schema
 * allows is stored and set by each template in both formats.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { createApi, type Api } from '../electron/core/api/index.js';
import { ApiError, type ApiResults } from '../electron/core/api/schema.js';
import { HB_NODE_TYPES } from '../electron/core/model/lexical.js';
import { checkDocument, LIMITS, ModelError } from '../electron/core/model/schema.js';
import type { Block, NoticeMeta } from '../electron/core/model/types.js';
import { text as t, HEADINGS_AND_ROLES, SCREENSHOT_PNG as png } from './fixtures/shapes.js';
import { corpusPath } from './fixtures/corpus.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-schema-'));
let api: Api;
let collectionId: string;
let caseIds: string[];

async function call<M extends keyof ApiResults>(method: M, input: unknown): Promise<ApiResults[M]> {
  return (await api.dispatch(method, input)) as ApiResults[M];
}

before(async () => {
  api = createApi({ dataDir: tmp, transport: 'cli' });
  const preview = await call('import.preview', { files: [{ name: 'jining-2020-shortlist.txt', path: corpusPath('jining-2020-shortlist.txt') }] });
  const commit = await call('import.commit', { previewId: preview.previewId });
  collectionId = commit.collectionId;
  caseIds = commit.imported.flatMap((f) => f.documentIds);
});
after(() => {
  api.close();
  if (!process.env.KEEP) rmSync(tmp, { recursive: true, force: true });
});

type Node = Record<string, unknown> & { children?: Node[] };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const paragraphOf = (...children: Node[]): Node => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', children });

async function pdfText(file: string): Promise<string> {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('malformed editor states', () => {
  test('six malformed states are refused naming the node, the case is unchanged, and the collection still exports as PDF and DOCX', async () => {
    const id = caseIds[0]!;
    const got = await call('documents.get', { id });
    const state = got.editorState as { root: Node };
    const withBlock = (block: Node) => {
      const s = clone(state);
      s.root.children!.splice(1, 0, block);
      return s;
    };
    let deep: Node = paragraphOf({ type: 'text', text: '最深处', format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
    for (let i = 0; i < 1500; i++) deep = { type: 'quote', children: [deep] };
    const malformed: Array<[string, unknown, RegExp]> = [
      ['unknown block type', withBlock({ type: HB_NODE_TYPES.modelBlock, version: 1, block: { type: 'weird' } }), /body\[1\]: 未知的块类型 "weird"/],
      ['image caption of wrong types', withBlock({ type: HB_NODE_TYPES.image, version: 1, caption: [{ type: 'text', text: 42 }] }), /body\[1\]\.caption\[0\]\.text/],
      ['footnote without blocks', withBlock(paragraphOf({ type: HB_NODE_TYPES.footnote, version: 1, blocks: [] })), /body\[1\]\.content\[0\]\.blocks: 脚注/],
      ['text node without text', withBlock(paragraphOf({ type: 'text', format: 0, version: 1 })), /editorState: 编辑器内容无法读取（root\.children\[1\]\.children\[0\]：文字节点缺少文字（text））/],
      ['no root', { notRoot: {} }, /root/],
      ['1,500-deep nesting', withBlock(deep), /嵌套超过/],
    ];
    for (const [what, editorState, pattern] of malformed) {
      await assert.rejects(
        api.dispatch('documents.save', { id, editorState }),
        (error: unknown) => {
          assert.ok(error instanceof ApiError, `${what}: an ApiError`);
          assert.equal(error.code, 'invalid-input', `${what}: code`);
          assert.match(error.message, pattern, `${what}: ${error.message}`);
          return true;
        },
        what,
      );
    }
    const after = await call('documents.get', { id });
    assert.equal(after.revision, got.revision, 'no refused save wrote a revision');
    assert.deepEqual(after.document, got.document);

    for (const format of ['pdf', 'docx'] as const) {
      const outPath = path.join(tmp, `after-malformed.${format}`);
      const result = await call('export.run', { collectionId, template: 'anthology', format, outPath });
      assert.equal(result.path, outPath);
      const text = format === 'pdf' ? await pdfText(outPath) : await docxText(outPath);
      assert.ok(text.replace(/\s+/g, '').includes(after.document.meta.title.replace(/\s+/g, '')), `${format} holds the case title`);
    }
  });

  test('the model schema bounds strings, arrays and depth; empty category names are refused', async () => {
    const big = (n: number) => '字'.repeat(n);
    const doc = (body: unknown, meta: Record<string, unknown> = { title: '题' }) => ({ kind: 'case', id: 'x', meta, body }) as never;
    assert.throws(() => checkDocument(doc([{ type: 'paragraph', content: [{ type: 'text', text: big(LIMITS.text + 1) }] }])), ModelError);
    assert.throws(() => checkDocument(doc([], { title: big(LIMITS.short + 1) })), /meta\.title/);
    assert.throws(() => checkDocument(doc(Array.from({ length: LIMITS.blocks + 1 }, () => ({ type: 'pageBreak' })))), /body/);
    assert.throws(() => checkDocument(doc([], { title: '题', category: ' ' })), /meta\.category: 业务领域不能为空/);
    assert.doesNotThrow(() => checkDocument(doc([{ type: 'paragraph', content: [{ type: 'text', text: big(LIMITS.text) }] }])));
    await assert.rejects(api.dispatch('categories.add', { name: '   ' }), (e: ApiError) => e.code === 'invalid-input' && /不能为空/.test(e.message));
    await assert.rejects(api.dispatch('categories.rename', { from: '养老服务', to: ' ' }), (e: ApiError) => e.code === 'invalid-input');
    await assert.rejects(api.dispatch('documents.save', { id: caseIds[0], meta: { unit: big(LIMITS.short + 1) } }), /meta\.unit/);
  });
});

describe('every shape the schema allows', () => {
  const p = (text: string): Block => ({ type: 'paragraph', content: [t(text)] });
  const body: Block[] = [
    ...HEADINGS_AND_ROLES,
    {
      type: 'paragraph',
      runIn: [t('一是形态齐全。', { marks: ['bold'] })],
      content: [
        ...(['bold', 'italic', 'underline', 'strike', 'sup', 'sub'] as const).map((m) => t(`${m}文字`, { marks: [m] })),
        t('有批注的文字', { comments: ['thread-1'] }),
        { type: 'break' },
        { type: 'footnote', blocks: [p('脚注内容'), { type: 'list', ordered: false, items: [[p('脚注里的列表')]] }] },
        { type: 'link', href: 'https://www.mca.gov.cn/', children: [t('民政部网站', { marks: ['underline'] })] },
      ],
    },
    ...(['decimal', 'cjk', 'paren-cjk', 'paren-decimal'] as const).map(
      (style, i): Block => ({ type: 'list', ordered: true, style, start: i + 1, items: [[p(`${style}第一项`)], [p('第二项'), { type: 'list', ordered: false, items: [[p('嵌套项')]] }]] }),
    ),
    { type: 'list', ordered: false, items: [] },
    { type: 'quote', blocks: [p('引文一段'), { type: 'quote', blocks: [p('引文中的引文')] }] },
    {
      type: 'table',
      columnWidths: [2, 1, 1],
      rows: [
        [{ blocks: [p('项目')], header: true }, { blocks: [p('数量')], header: true, colSpan: 2 }],
        [{ blocks: [p('养老机构')], rowSpan: 2 }, { blocks: [p('12')] }, { blocks: [] }],
        [{ blocks: [p('8')] }, { blocks: [{ type: 'list', ordered: true, items: [[p('表格里的列表')]] }] }],
      ],
    },
    { type: 'image', src: png, width: 1440, height: 900, alt: '编辑器截图', caption: [t('图1 编辑器'), t('（截图）', { marks: ['italic'] })] },
    { type: 'image', caption: [t('图2 原稿缺图的图注')] },
    { type: 'pageBreak' },
    { type: 'paragraph', content: [] },
    p('全形态案例的最后一段'),
  ];

  test('stored, read back unchanged, and set by anthology, feature and notice in PDF and DOCX', async () => {
    const store = api.context.store;
    const shapes = store.createCollection({ title: '全形态汇编', subtitle: '副题', year: 2024, publisher: '山东省民政厅', lead: [p('导语一段')], credits: { 责任编辑: '张三' } });
    const caseMeta = {
      title: '全形态案例',
      subtitle: '副标题',
      heading: '济宁 任城区',
      region: { province: '山东省', city: '济宁市', county: '任城区', code: '370811' },
      category: '养老服务',
      categoryExplanation: [{ category: '养老服务', score: 3, words: [{ word: '养老', count: 3, weight: 1 }] }],
      unit: '任城区民政局',
      award: '优秀创新案例',
      year: 2024,
      date: '2024-05-01',
      authors: '李四',
      sourceFile: 'shapes.docx',
      status: 'review' as const,
    };
    const caseId = store.createCase(caseMeta, body, shapes.id);
    store.addComment({ documentId: caseId, id: 'thread-1', quote: '有批注的文字', text: '请核实', author: '审阅人' });
    assert.deepEqual(store.getDocument(caseId).document.body, body, 'the body comes back as stored');
    const noticeMeta: NoticeMeta = {
      title: '关于开展全形态通知的通知',
      organ: '曲阜市民政局',
      docNumber: '曲民发〔2024〕1号',
      signers: ['王五'],
      addressees: '各镇街民政办',
      issuer: '曲阜市民政局',
      date: '2024-06-01',
      attachmentTitles: ['附件一'],
      note: '联系人：赵六',
      cc: '市政府办公室',
      printer: '曲阜市民政局办公室',
      printDate: '2024-06-02',
      sealImage: png,
      region: { province: '山东省', city: '济宁市', county: '曲阜市' },
      year: 2024,
      sourceFile: 'notice.docx',
    };
    const noticeId = store.createNotice({ meta: noticeMeta, body, attachments: [{ title: '附件一', blocks: body.slice(0, 12) }] }, shapes.id);

    const runs: Array<{ template: 'anthology' | 'feature' | 'notice'; input: Record<string, string> }> = [
      { template: 'anthology', input: { collectionId: shapes.id } },
      { template: 'feature', input: { collectionId: shapes.id } },
      { template: 'notice', input: { documentId: noticeId } },
    ];
    for (const { template, input } of runs) {
      for (const format of ['pdf', 'docx'] as const) {
        const outPath = path.join(tmp, `shapes-${template}.${format}`);
        await call('export.run', { ...input, template, format, outPath });
        assert.ok(statSync(outPath).size > 1000, `${template}.${format} written`);
        const text = (format === 'pdf' ? await pdfText(outPath) : await docxText(outPath)).replace(/\s+/g, '');
        assert.ok(text.includes('全形态案例的最后一段'), `${template}.${format} sets the last paragraph`);
        assert.ok(text.includes('嵌套项') && text.includes('引文中的引文') && text.includes('养老机构'), `${template}.${format} sets nested lists, quotes, tables`);
        assert.ok(text.includes('表格里的列表'), `${template}.${format} sets the list inside a table cell`);
      }
    }
  });
});
