/**
 * The quick verdict of the model schema (acceptsCase) against the schema itself: it may send a
 * document on to zod, but it must never accept one that zod refuses, and documents it sends on
 * get zod's own message. Every node of a document holding every shape is broken in turn (keys
 * added, removed, set to values of the wrong type or past the limits) and both are asked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptsCase, assertDocument, checkDocument, LIMITS } from '../electron/core/model/schema.js';
import type { Block } from '../electron/core/model/types.js';
import { importFile } from '../electron/core/import/index.js';
import { corpusPath, CORPUS_FILES } from './fixtures/corpus.js';
import { text as t, HEADINGS_AND_ROLES } from './fixtures/shapes.js';

const p = (text: string): Block => ({ type: 'paragraph', content: [t(text)] });
const body: Block[] = [
  ...HEADINGS_AND_ROLES,
  {
    type: 'paragraph',
    runIn: [t('一是形态齐全。', { marks: ['bold'] })],
    content: [
      t('有批注的文字', { comments: ['thread-1'], marks: ['bold', 'sup'] }),
      { type: 'break' },
      { type: 'footnote', blocks: [p('脚注内容'), { type: 'list', ordered: false, items: [[p('脚注里的列表')]] }] },
      { type: 'link', href: 'https://www.mca.gov.cn/', children: [t('民政部网站', { marks: ['underline'] })] },
    ],
  },
  { type: 'list', ordered: true, style: 'cjk', start: 3, items: [[p('第一项')], [p('第二项'), { type: 'list', ordered: false, items: [[p('嵌套项')]] }]] },
  { type: 'quote', blocks: [p('引文一段'), { type: 'quote', blocks: [p('引文中的引文')] }] },
  {
    type: 'table',
    columnWidths: [2, 1, 0],
    rows: [
      [{ blocks: [p('项目')], header: true }, { blocks: [p('数量')], header: true, colSpan: 2 }],
      [{ blocks: [p('养老机构')], rowSpan: 2 }, { blocks: [p('12')] }, { blocks: [] }],
    ],
  },
  { type: 'image', src: 'data:image/png;base64,iVBORw0KGgo=', width: 1440, height: 900.5, alt: '截图', caption: [t('图1')] },
  { type: 'image' },
  { type: 'pageBreak' },
  { type: 'paragraph', content: [] },
];
const meta = {
  title: '全形态案例',
  subtitle: '副题',
  heading: null,
  region: { province: '湖南省', city: null, county: '津市市', code: '430781' },
  category: '养老服务',
  categoryExplanation: [{ category: '养老服务', score: 2.5, words: [{ word: '养老', count: 3, weight: 0.5 }] }],
  unit: '津市市民政局',
  award: null,
  year: 2020,
  date: '2020-05-01',
  authors: '某某',
  sourceFile: 'a.txt',
  status: 'draft',
  pageBudget: 2,
  continuesFrom: { documentId: 'd-1', collectionId: null, title: '去年的案例', year: 2019 },
  continuity: 'linked',
};
const whole = () => structuredClone({ kind: 'case', id: 'case-1', meta, body }) as unknown as Record<string, unknown>;

const WRONG: unknown[] = [
  undefined, null, 0, -0, -1, 1, 4, 5, 1.5, 100, 101, 1e6, 1e7, 2_000, 2_001, NaN, Infinity, -Infinity, true, false, '', 'weird',
  'text', 'paragraph', ' ', '2020-05-01', '430781', 'linked', 'final', 'x'.repeat(65), 'x'.repeat(LIMITS.short + 1), [], [{}], [[]], {}, { type: 'text' }, { type: 'text', text: 1 },
  Object.create({ type: 'text', text: '继承的' }), new Map(),
];

/** Every object or array in `root`, with the path to it. */
function nodes(root: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof root !== 'object' || root === null) return [];
  const out = [path];
  for (const [k, v] of Object.entries(root)) out.push(...nodes(v, [...path, Array.isArray(root) ? Number(k) : k]));
  return out;
}
const at = (root: unknown, path: Array<string | number>) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

function variants(): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const path of nodes(whole())) {
    const add = (what: string, edit: (node: Record<string | number, unknown>) => void) => {
      const doc = whole();
      edit(at(doc, path) as Record<string | number, unknown>);
      out.push([`${path.join('.')}: ${what}`, doc]);
    };
    const node = at(whole(), path) as Record<string | number, unknown>;
    if (!Array.isArray(node)) add('unknown key', (n) => (n.extra = 1));
    else add('one more element', (n) => (n as unknown as unknown[]).push({ type: 'weird' }));
    for (const key of Object.keys(node)) {
      const k = Array.isArray(node) ? Number(key) : key;
      add(`without ${key}`, (n) => delete n[k]);
      WRONG.forEach((value, i) => add(`${key} = wrong value ${i}`, (n) => (n[k] = value)));
    }
  }
  return out;
}

test('the quick verdict accepts the document of every shape, and nothing among 10,000 broken ones that the schema refuses', () => {
  assert.equal(acceptsCase(whole()), true, 'the all-shapes case is accepted without zod');
  const all = variants();
  assert.ok(all.length > 5_000, `${all.length} variants`);
  let refused = 0;
  let quick = 0;
  for (const [what, doc] of all) {
    let schema: string | null = null;
    try {
      checkDocument(doc as never);
    } catch (error) {
      schema = (error as Error).message;
    }
    if (acceptsCase(doc)) {
      quick++;
      assert.equal(schema, null, `${what}: accepted quickly but the schema says ${schema}`);
    }
    if (schema !== null) refused++;
    // the check the library uses refuses with the schema's message, or accepts what it accepts
    if (schema === null) assert.doesNotThrow(() => assertDocument(doc as never), what);
    else assert.throws(() => assertDocument(doc as never), { message: schema }, what);
  }
  if (process.env.SHOW) console.log(all.length, refused, quick);
  assert.ok(refused > 3_000 && quick > 100, `${refused} refused, ${quick} accepted quickly`);
});

test('every case the importer reads from the corpus is accepted quickly, as the schema accepts it', async () => {
  let cases = 0;
  for (const name of CORPUS_FILES) {
    const file = await importFile({ name, path: corpusPath(name) });
    for (const c of file.cases) {
      const doc = { kind: 'case', id: 'x', meta: { ...c.meta, category: c.meta.category ?? '综合', sourceFile: name }, body: c.body };
      assert.doesNotThrow(() => checkDocument(doc as never), `${name}: ${c.meta.title}`);
      assert.equal(acceptsCase(doc), true, `${name}: ${c.meta.title} accepted without zod`);
      cases++;
    }
  }
  assert.ok(cases >= 20, `${cases} cases`);
});
