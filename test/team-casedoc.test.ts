/**
 * A case as a Yjs document and back, without a server: the body through the headless
 * Lexical binding, comment marks turned into threads anchored by relative positions and
 * back into marks, anchors that follow edits, attribution per person.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { addThread, attribution, caseToYDoc, editAs, yDocToCase } from '../electron/core/team/casedoc.js';
import type { Block, CaseDocument, CommentThread } from '../electron/core/model/types.js';

const T = (text: string, comments?: string[]) => ({ type: 'text' as const, text, ...(comments ? { comments } : {}) });
const thread = (id: string): CommentThread => ({ id, documentId: 'k', quote: '', author: '王编辑', text: `意见${id}`, createdAt: '2026-12-01T00:00:00Z', resolved: false, replies: [] });

const body: Block[] = [
  { type: 'heading', level: 2, content: [T('一、'), T('基本情况', ['a'])] },
  { type: 'paragraph', content: [T('济宁', ['a']), T('市民政局', ['a', 'b']), T('建立了', ['b']), T('机制。', undefined)] },
  { type: 'list', ordered: false, items: [[{ type: 'paragraph', content: [T('建立台账', ['c'])] }]] },
  { type: 'paragraph', runIn: [T('一是', ['d'])], content: [T('搭建平台。')] },
  { type: 'paragraph', content: [T('加粗', undefined), { type: 'text', text: '文字', marks: ['bold'] }, { type: 'footnote', blocks: [{ type: 'paragraph', content: [T('注释')] }] }] },
];
const kase: CaseDocument = { kind: 'case', id: 'k', meta: { title: '社会救助', unit: '济宁市民政局', year: 2026 }, body };

test('model → Yjs → model keeps the body, the metadata and every comment anchor, overlapping and across blocks', () => {
  const doc = caseToYDoc(kase, ['a', 'b', 'c', 'd'].map(thread), '王编辑');
  const { document, threads } = yDocToCase(doc);
  assert.deepEqual(document, kase);
  assert.deepEqual(
    threads.map((t) => [t.id, t.quote, t.detached ?? false]),
    [
      ['a', '基本情况济宁市民政局', false],
      ['b', '市民政局建立了', false],
      ['c', '建立台账', false],
      ['d', '一是', false],
    ],
  );
  // The Yjs body has no marks: anchors live beside it.
  assert.doesNotMatch(JSON.stringify(doc.get('root', Y.XmlText).toJSON()), /__ids/);
});

test('anchors follow edits: text typed inside a passage joins it, a deleted passage detaches its thread', () => {
  const doc = caseToYDoc({ ...kase, body: [{ type: 'paragraph', content: [T('救助对象覆盖全市困难群众。')] }] }, [], '王编辑');
  const inside = addThread(doc, { quote: '困难群众', author: '外审专家', text: '口径' })!;
  const gone = addThread(doc, { quote: '覆盖', author: '外审专家', text: '删去' })!;
  // Two edits, as typing makes them (one change each: the binding diffs a text node's old and new text).
  editAs(doc, '李编辑', '加字', () => {
    const node = $getRoot().getAllTextNodes()[0]!;
    node.setTextContent(node.getTextContent().replace('困难群众', '困难的群众'));
  });
  editAs(doc, '李编辑', '删字', () => {
    const node = $getRoot().getAllTextNodes()[0]!;
    node.setTextContent(node.getTextContent().replace('覆盖', ''));
  });
  const { threads, document } = yDocToCase(doc);
  assert.equal((document.body[0] as { content: Array<{ text: string }> }).content.map((i) => i.text).join(''), '救助对象全市困难的群众。');
  assert.equal(threads.find((t) => t.id === inside.id)!.quote, '困难的群众');
  assert.equal(threads.find((t) => t.id === gone.id)!.detached, true);
  const who = attribution(doc);
  assert.equal(who.get('李编辑'), 1);
  assert.equal(who.get('王编辑'), '救助对象全市困难群众。'.length);
});
