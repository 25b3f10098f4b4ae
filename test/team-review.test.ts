/**
 * The offline review package round trip: exported from the team server, opened without a
 * library, commented, suggested and edited by a reviewer while an editor keeps editing the
 * same case online; merged back, both sides' edits are kept, comments land on their text,
 * and the change list says who did what.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import * as Y from 'yjs';
import { startPostgres, type PgCluster } from './support/postgres.js';
import { startTeamServer, type TeamServer } from '../electron/core/team/server.js';
import { addUser } from '../electron/core/team/users.js';
import { connect } from '../electron/core/team/client.js';
import { addThread, caseToYDoc, changesArray, editAs, yDocToCase } from '../electron/core/team/casedoc.js';
import { mergeReviewPackage, readReviewPackage, ReviewPackageError, writeReviewPackage } from '../electron/core/team/review.js';
import type { Inline } from '../electron/core/model/types.js';

let cluster: PgCluster;
let server: TeamServer;
let token: string;

before(async () => {
  cluster = await startPostgres();
  server = await startTeamServer({ pgUrl: cluster.url, debounce: 50 });
  token = await addUser(server.pool, '编辑甲', ['*']);
});

after(async () => {
  await server?.stop();
  cluster?.stop();
});

function commented(inlines: Inline[], id: string): string {
  return inlines
    .filter((i): i is Extract<Inline, { type: 'text' }> => i.type === 'text' && (i.comments ?? []).includes(id))
    .map((i) => i.text)
    .join('');
}

test('a review package round trip with concurrent editor edits keeps both and anchors comments on their text', async () => {
  const editor = connect({ url: server.url, token, name: 'col/case-r' });
  await editor.ready;
  const kase = caseToYDoc(
    {
      kind: 'case',
      id: 'case-r',
      meta: { title: '社会救助改革' },
      body: [
        { type: 'paragraph', content: [{ type: 'text', text: '济宁市建立了社会救助“一门受理”机制。' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '救助对象覆盖全市困难群众。' }] },
      ],
    },
    [],
    '编辑甲',
  );
  Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(kase));
  await editor.acknowledged();

  // Export: what the server holds, read by a fresh connection.
  const exporter = connect({ url: server.url, token, name: 'col/case-r' });
  await exporter.ready;
  const file = writeReviewPackage({
    collectionId: 'col',
    collectionTitle: '民政案例',
    createdAt: new Date().toISOString(),
    createdBy: '编辑甲',
    cases: [{ name: 'col/case-r', doc: exporter.doc }],
  });
  exporter.close();

  // The reviewer, offline and without a library.
  const pkg = readReviewPackage(file);
  const reviewed = pkg.cases[0]!.doc;
  const c1 = addThread(reviewed, { quote: '一门受理', author: '外审专家', text: '请说明受理渠道。' });
  const c2 = addThread(reviewed, { quote: '困难群众', author: '外审专家', text: '口径', suggestion: '低收入人口' });
  assert.ok(c1 && c2);
  editAs(reviewed, '外审专家', '补充一段', () => {
    $getRoot().append($createParagraphNode().append($createTextNode('专家补充：建议附数据。')));
  });
  const returned = writeReviewPackage(pkg);

  // Meanwhile the editor edits the same paragraphs online, before the anchored text.
  editAs(editor.doc, '编辑甲', '加年份', () => {
    const [first, second] = $getRoot().getAllTextNodes();
    first!.setTextContent(`2025年，${first!.getTextContent()}`);
    second!.setTextContent(`目前${second!.getTextContent()}`);
  });
  await editor.acknowledged();

  // Merge back through the server, as `huibian review-pack merge` does.
  const merger = connect({ url: server.url, token, name: 'col/case-r' });
  await merger.ready;
  const report = mergeReviewPackage(readReviewPackage(returned), (name) => (name === 'col/case-r' ? merger.doc : null));
  await merger.acknowledged();
  merger.close();
  for (let i = 0; i < 500 && !/专家补充/.test(JSON.stringify(yDocToCase(editor.doc).document.body)); i++) await new Promise((r) => setTimeout(r, 10));

  const { document, threads } = yDocToCase(editor.doc);
  const [p1, p2, p3] = document.body as Array<{ type: 'paragraph'; content: Inline[] }>;
  assert.equal(p1!.content.map((i) => (i.type === 'text' ? i.text : '')).join(''), '2025年，济宁市建立了社会救助“一门受理”机制。');
  assert.equal(p2!.content.map((i) => (i.type === 'text' ? i.text : '')).join(''), '目前救助对象覆盖全市困难群众。');
  assert.equal(p3!.content.map((i) => (i.type === 'text' ? i.text : '')).join(''), '专家补充：建议附数据。');
  assert.equal(commented(p1!.content, c1.id), '一门受理');
  assert.equal(commented(p2!.content, c2.id), '困难群众');
  const t2 = threads.find((t) => t.id === c2.id)!;
  assert.equal(t2.suggestion, '低收入人口');
  assert.equal(t2.author, '外审专家');
  assert.ok(threads.every((t) => !t.detached));

  // Who did what: the report lists the reviewer's entries and characters; the change list has both people.
  const merged = report[0]!;
  assert.deepEqual(
    merged.changes.map((c) => [c.by, c.what]),
    [
      ['外审专家', 'comment'],
      ['外审专家', 'suggest'],
      ['外审专家', 'edit'],
    ],
  );
  assert.equal(merged.wrote['外审专家'], '专家补充：建议附数据。'.length);
  assert.equal(merged.wrote['编辑甲'] ?? 0, 0);
  const everyone = changesArray(editor.doc).toArray().map((c) => `${c.by}:${c.what}`);
  assert.ok(everyone.includes('编辑甲:edit') && everyone.includes('外审专家:edit') && everyone.includes('编辑甲:share'), everyone.join(' '));
  editor.close();
});

test('a damaged or altered review package is refused', () => {
  const doc = caseToYDoc({ kind: 'case', id: 'x', meta: { title: '标题' }, body: [] }, [], '编辑甲');
  const file = writeReviewPackage({ collectionId: 'col', collectionTitle: 't', createdAt: '', createdBy: '编辑甲', cases: [{ name: 'col/x', doc }] });
  const json = JSON.parse(gunzipSync(file).toString('utf8'));
  json.collectionId = 'other';
  assert.throws(() => readReviewPackage(gzipSync(Buffer.from(JSON.stringify(json)))), ReviewPackageError);
  assert.throws(() => readReviewPackage(Buffer.from('not a package')), /不是有效的审阅包/);
  assert.equal(readReviewPackage(file).collectionId, 'col');
});
