/**
 * previewReviewCase: what merging a reviewer's copy of a case would do, against an editor's
 * copy that moved on meanwhile — computed without touching either document, and the same
 * text the merge then gives. Plus reopenThread, the counterpart of resolveThread.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { $getRoot } from 'lexical';
import * as Y from 'yjs';
import { blocksText } from '../electron/core/model/text.js';
import { addThread, caseToYDoc, editAs, reopenThread, replyThread, resolveThread, setMeta, yDocToCase } from '../electron/core/team/casedoc.js';
import { mergeReviewPackage, previewReviewCase } from '../electron/core/team/review.js';

const CASE = {
  kind: 'case' as const,
  id: 'c1',
  meta: { title: '困难群众救助', unit: '济宁市民政局' },
  body: [
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '济宁市推行“一门受理”。' }] },
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '困难群众申请只需跑一次。' }] },
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '三年来惠及十万人。' }] },
  ],
};

function fork(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function replace(doc: Y.Doc, by: string, from: string, to: string): void {
  editAs(doc, by, from, () => {
    const node = $getRoot()
      .getAllTextNodes()
      .find((n) => n.getTextContent().includes(from))!;
    node.setTextContent(node.getTextContent().replace(from, to));
  });
}

test('a preview names passages and fields both sides changed and comments whose words went, and writes nothing', () => {
  const editor = caseToYDoc(CASE, [], '编辑甲');
  const asked = addThread(editor, { quote: '一门受理', author: '编辑甲', text: '要不要加引号？' })!;
  const reviewer = fork(editor);
  // Reviewer: a comment on words the editor will delete, an edit, a reply, a resolve, a field.
  assert.ok(addThread(reviewer, { quote: '十万人', author: '外审专家', text: '请给出年份。' }));
  replace(reviewer, '外审专家', '只需跑一次', '最多跑一次');
  assert.ok(replyThread(reviewer, asked.id, '外审专家', '保留引号。'));
  assert.ok(resolveThread(reviewer, asked.id, '外审专家'));
  setMeta(reviewer, { unit: '济宁市民政局社会救助科' });
  // Editor, meanwhile: the same sentence, the commented words, and the same field.
  replace(editor, '编辑甲', '困难群众', '低收入群众');
  replace(editor, '编辑甲', '三年来惠及十万人。', '三年来成效明显。');
  setMeta(editor, { unit: '济宁市民政局办公室' });

  const before = Y.encodeStateAsUpdate(editor);
  const preview = previewReviewCase(reviewer, editor, 'col/c1');
  assert.deepEqual(Y.encodeStateAsUpdate(editor), before, 'the editor\'s document is untouched');

  assert.deepEqual(preview.edits, [{ before: '低收入群众申请只需跑一次。', after: '低收入群众申请最多跑一次。' }]);
  assert.deepEqual(
    preview.threads.map((t) => [t.author, t.text, t.isNew, t.resolvedChanged, t.replies.map((r) => r.text)]),
    [
      ['编辑甲', '要不要加引号？', false, true, ['保留引号。']],
      ['外审专家', '请给出年份。', true, false, []],
    ],
  );
  const kinds = preview.conflicts.map((c) => c.kind).sort();
  assert.deepEqual(kinds, ['anchor-deleted', 'meta', 'text'], JSON.stringify(preview.conflicts));
  assert.match(preview.conflicts.find((c) => c.kind === 'anchor-deleted')!.message, /外审专家的意见所指的「十万人」已被删除/);
  assert.match(preview.conflicts.find((c) => c.kind === 'text')!.message, /双方都改动了「低收入群众申请只需跑一次。」/);
  // Both wrote 创新单位: the map keeps one (whichever client id is higher), the preview says which.
  const metaConflict = preview.conflicts.find((c) => c.kind === 'meta')!.message;
  const adopted = /合并后采用(?:审阅人|编辑)的「(.+?)」/.exec(metaConflict)?.[1];
  assert.ok(adopted === '济宁市民政局社会救助科' || adopted === '济宁市民政局办公室', metaConflict);
  assert.match(metaConflict, /^「创新单位」双方都改了/);
  assert.deepEqual(preview.meta, adopted === '济宁市民政局社会救助科' ? [{ field: 'unit', before: '济宁市民政局办公室', after: adopted }] : []);
  assert.ok(preview.changes.some((c) => c.by === '外审专家' && c.what === 'resolve'));

  // The merge then gives exactly the text the preview announced.
  mergeReviewPackage({ collectionId: 'col', collectionTitle: '', createdAt: '', createdBy: '', cases: [{ name: 'col/c1', doc: reviewer }] }, () => editor);
  const lines = blocksText(yDocToCase(editor).document.body).split('\n');
  assert.equal(lines[1], preview.edits[0]!.after);
  assert.equal(yDocToCase(editor).document.meta.unit, adopted);
});

test('a preview of a package with nothing new lists nothing', () => {
  const editor = caseToYDoc(CASE, [], '编辑甲');
  const preview = previewReviewCase(fork(editor), editor, 'col/c1');
  assert.deepEqual([preview.edits, preview.threads, preview.meta, preview.conflicts, preview.changes], [[], [], [], [], []]);
  assert.equal(preview.title, '困难群众救助');
});

test('reopenThread undoes resolveThread and is logged', () => {
  const doc = caseToYDoc(CASE, [], '编辑甲');
  const t = addThread(doc, { quote: '一门受理', author: '外审专家', text: '请说明。' })!;
  assert.ok(resolveThread(doc, t.id, '编辑甲'));
  assert.equal(yDocToCase(doc).threads[0]!.resolved, true);
  assert.ok(reopenThread(doc, t.id, '编辑乙'));
  assert.equal(yDocToCase(doc).threads[0]!.resolved, false);
  assert.deepEqual(doc.getArray<{ by: string; what: string }>('changes').toArray().slice(-1).map((c) => [c.by, c.what]), [['编辑乙', 'reopen']]);
  assert.equal(reopenThread(doc, 'no-such-thread', '编辑乙'), false);
});
