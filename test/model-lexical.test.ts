/**
 * Model <-> Lexical: the JSON blocksToLexical writes must be exactly what the editor loads
 * (parsed by a real Lexical editor with the renderer's node classes and exported again),
 * and lexicalToBlocks must give back the model unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEditor } from 'lexical';
import { blocksToLexical, lexicalToBlocks, normalizeBlocks } from '../electron/core/model/lexical.js';
import type { Block } from '../electron/core/model/types.js';
import { EDITOR_NODES } from '../renderer/src/editor/nodes/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** blocks -> JSON -> a real Lexical editor state -> JSON -> blocks. */
function throughEditor(blocks: Block[]): Block[] {
  const editor = createEditor({ nodes: EDITOR_NODES, onError: (e) => { throw e; } });
  const json = blocksToLexical(blocks);
  const state = editor.parseEditorState(JSON.stringify(json));
  const exported = state.toJSON();
  // What the editor exports is what we wrote (modulo key order and the paragraph's remembered
  // caret format, which Lexical derives itself): no field dropped or invented.
  const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (key === 'textFormat' ? undefined : v)));
  assert.deepEqual(strip(exported), strip(json));
  return lexicalToBlocks(exported);
}

const handBuilt: Block[] = [
  { type: 'heading', level: 1, content: [{ type: 'text', text: '一、总体情况' }] },
  { type: 'heading', level: 2, content: [{ type: 'text', text: '（一）' }, { type: 'text', text: '加强领导', marks: ['bold'] }] },
  { type: 'heading', level: 3, content: [{ type: 'text', text: '1. 三级' }] },
  { type: 'heading', level: 4, content: [{ type: 'text', text: '（1）四级' }] },
  { type: 'paragraph', content: [{ type: 'text', text: '民生无小事，枝叶总关情。' }], role: 'lead' },
  { type: 'paragraph', content: [{ type: 'text', text: '本刊记者 宋文景' }], role: 'byline' },
  { type: 'paragraph', content: [{ type: 'text', text: '牵头领导：张三' }], role: 'note' },
  { type: 'paragraph', content: [{ type: 'text', text: '居中一行' }], role: 'center' },
  { type: 'paragraph', content: [{ type: 'text', text: '正文' }], role: 'body' },
  {
    type: 'paragraph',
    runIn: [{ type: 'text', text: '一是搭建一个平台。', marks: ['bold'] }],
    content: [
      { type: 'text', text: '粗斜', marks: ['italic', 'bold'] },
      { type: 'text', text: '下划删除', marks: ['underline', 'strike'] },
      { type: 'text', text: '2', marks: ['sup'] },
      { type: 'text', text: 'x', marks: ['sub'] },
      { type: 'text', text: '被批注的文字', comments: ['t1'] },
      { type: 'text', text: '两条批注', marks: ['bold'], comments: ['t1', 't2'] },
      { type: 'break' },
      { type: 'link', href: 'https://mca.gov.cn/', children: [{ type: 'text', text: '民政部' }, { type: 'text', text: '网站', comments: ['t3'] }] },
      { type: 'footnote', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '数据来源：统计公报。' }] }] },
      { type: 'text', text: '结尾' },
    ],
  },
  { type: 'paragraph', content: [] },
  {
    type: 'list',
    ordered: true,
    style: 'paren-cjk',
    start: 3,
    items: [
      [{ type: 'paragraph', content: [{ type: 'text', text: '第一项' }] }],
      [
        { type: 'paragraph', content: [{ type: 'text', text: '第二项' }] },
        { type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [{ type: 'text', text: '子项' }] }]] },
      ],
      [],
    ],
  },
  { type: 'list', ordered: true, style: 'cjk', items: [[{ type: 'paragraph', content: [{ type: 'text', text: '一' }] }]] },
  // Not representable as Lexical list items: kept verbatim by the model-block fallback.
  {
    type: 'list',
    ordered: false,
    items: [[{ type: 'paragraph', content: [{ type: 'text', text: '段一' }] }, { type: 'paragraph', content: [{ type: 'text', text: '段二' }] }]],
  },
  {
    type: 'quote',
    blocks: [
      { type: 'paragraph', content: [{ type: 'text', text: '引文一' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '引文二' }], role: 'byline' },
    ],
  },
  { type: 'quote', blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '另一段引文' }] }] },
  { type: 'quote', blocks: [{ type: 'table', rows: [[{ blocks: [] }]] }] },
  {
    type: 'table',
    columnWidths: [2, 1, 1],
    rows: [
      [
        { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '项目' }] }], header: true },
        { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '数量' }] }], header: true, colSpan: 2 },
      ],
      [
        { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '养老机构' }] }], rowSpan: 2 },
        { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '12' }] }] },
        { blocks: [] },
      ],
      [{ blocks: [{ type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [{ type: 'text', text: '格内列表' }] }]] }] }, { blocks: [{ type: 'image', caption: [{ type: 'text', text: '格内图' }] }] }],
    ],
  },
  { type: 'image', src: 'data:image/png;base64,iVBORw0KGgo=', width: 640, height: 480, alt: '海报', caption: [{ type: 'text', text: '全国首部电影《归路》海报', comments: ['t4'] }] },
  { type: 'image', caption: [{ type: 'text', text: '只有图注' }] },
  { type: 'pageBreak' },
  { type: 'paragraph', content: [{ type: 'text', text: '多行\n文字' }] },
];

test('hand-built document: every model feature survives the editor round trip', () => {
  const back = throughEditor(handBuilt);
  assert.deepEqual(back, normalizeBlocks(handBuilt));
  // Spot checks that normalisation did not hide a loss.
  const para = back[9] as Extract<Block, { type: 'paragraph' }>;
  assert.equal(para.runIn?.[0]?.type, 'text');
  assert.deepEqual((para.content[0] as { marks: string[] }).marks, ['bold', 'italic']);
  assert.deepEqual((para.content[5] as { comments: string[] }).comments, ['t1', 't2']);
  assert.equal(back.filter((b) => b.type === 'quote').length, 3);
  assert.deepEqual(back[back.length - 1], { type: 'paragraph', content: [{ type: 'text', text: '多行' }, { type: 'break' }, { type: 'text', text: '文字' }] });
});

test('the JSON uses the agreed node types and node state', () => {
  const json = JSON.stringify(blocksToLexical(handBuilt));
  for (const type of ['"run-in"', '"footnote"', '"image-caption"', '"page-break"', '"model-block"', '"mark"', '"link"', '"table"', '"list"']) {
    assert.ok(json.includes(`"type":${type}`), `missing node type ${type}`);
  }
  assert.ok(json.includes('"$":{"role":"lead"}'));
  assert.ok(json.includes('"listStyle":"paren-cjk"'));
});

test('an empty body is one empty paragraph in the editor and nothing in the model', () => {
  const json = blocksToLexical([]);
  assert.equal(json.root.children.length, 1);
  assert.deepEqual(throughEditor([]), []);
});

test('edits made the way the editor makes them come back as model', () => {
  // A state as Lexical writes it after a user typed, bolded a word and commented it.
  const state = {
    root: {
      type: 'root', version: 1, direction: null, format: '', indent: 0,
      children: [
        {
          type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '',
          children: [
            { type: 'text', version: 1, text: '我们', format: 0, detail: 0, mode: 'normal', style: '' },
            { type: 'mark', version: 1, ids: ['c9'], direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: '民政', format: 1, detail: 0, mode: 'normal', style: '' }] },
            { type: 'tab', version: 1, text: '\t', format: 0, detail: 2, mode: 'normal', style: '' },
          ],
        },
        { type: 'heading', tag: 'h6', version: 1, children: [{ type: 'text', version: 1, text: '小标题', format: 0 }] },
        { type: 'horizontalrule', version: 1 },
      ],
    },
  };
  assert.deepEqual(lexicalToBlocks(state), [
    { type: 'paragraph', content: [{ type: 'text', text: '我们' }, { type: 'text', text: '民政', marks: ['bold'], comments: ['c9'] }, { type: 'text', text: '\t' }] },
    { type: 'heading', level: 4, content: [{ type: 'text', text: '小标题' }] },
  ]);
  // JSON text is accepted too (what a transport might hand over).
  assert.equal(lexicalToBlocks(JSON.stringify(state)).length, 2);
});

test('malformed input is refused in Chinese, naming the node path', () => {
  assert.throws(() => lexicalToBlocks(null), /应为含根节点（root）的对象/);
  assert.throws(() => lexicalToBlocks({}), /缺少根节点（root）/);
  assert.throws(() => lexicalToBlocks({ root: { type: 'paragraph', children: [] } }), /^MalformedEditorState: root：根节点的类型应为 root，而不是“paragraph”$/);
  assert.throws(() => lexicalToBlocks({ root: { type: 'root', children: [{ type: 'paragraph', children: 'x' }] } }), /root\.children\[0\]：paragraph 节点的子节点（children）应为数组/);
  assert.throws(
    () => lexicalToBlocks({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: '好' }, { type: 'text' }] }] } }),
    /root\.children\[0\]\.children\[1\]：文字节点缺少文字（text）/,
  );
  assert.throws(() => lexicalToBlocks('{nope'), /不是有效的 JSON 文本/);
  // no English left in any refusal
  for (const bad of [null, {}, '{nope', { root: { type: 'root', children: [7] } }, { root: { type: 'root', children: [{}] } }]) {
    assert.throws(() => lexicalToBlocks(bad), (e: Error) => /[\u4e00-\u9fff]/.test(e.message) && !/\b(expected|missing|without|has no|malformed)\b/i.test(e.message));
  }
});

test('real corpus: every imported case and the notice survive the editor round trip', async () => {
  assert.ok(existsSync(path.join(here, '../electron/core/import/index.ts')), 'the importer is needed to read the corpus');
  const { CORPUS_FILES, importCorpus } = await import('./fixtures/corpus.js');
  let cases = 0;
  for (const name of CORPUS_FILES) {
    const file = await importCorpus(name);
    const bodies: Block[][] = file.cases.map((c) => c.body);
    if (file.notice) bodies.push(file.notice.body, ...file.notice.attachments.map((a) => a.blocks));
    for (const body of bodies) {
      assert.deepEqual(throughEditor(body), normalizeBlocks(body), `${name}: round trip changed a body`);
      cases++;
    }
  }
  assert.ok(cases >= 14, `expected the corpus to give at least 14 bodies, got ${cases}`);
});
