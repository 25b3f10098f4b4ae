/**
 * A reviewer's .hbreview opened in the app (the renderer's file input, the real loopback
 * server and API table, a real team server over a throwaway PostgreSQL): before merging, the
 * page shows per case the reviewer's comments and suggested wording, the body passages the
 * merge changes against the current text, and names the conflicts with what an editor typed
 * meanwhile; 合并 then puts the reviewer's work into the team document, where both sides'
 * edits stay, a second page open on the case sees it arrive, and the library row follows.
 * Packages that are not packages, damaged, or for another collection are refused in Chinese.
 * Screenshots at 1366×768 and 1440×900 go to /tmp/h7.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ChildProcess } from 'node:child_process';
import { after, before, test } from 'node:test';
import { $getRoot } from 'lexical';
import pg from 'pg';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { openSession, screenshot, type Session } from './support/browser.js';
import { startPostgres, type PgCluster } from '../test/support/postgres.js';
import { freePort, startTeamServer } from '../test/support/teamServer.js';
import { createApi } from '../electron/core/api/index.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { blocksText } from '../electron/core/model/text.js';
import { addUser } from '../electron/core/team/users.js';
import { migrate } from '../electron/core/team/pgstore.js';
import { shareCollection } from '../electron/core/team/sync.js';
import { connect } from '../electron/core/team/client.js';
import { addThread, caseToYDoc, editAs, replyThread, yDocToCase } from '../electron/core/team/casedoc.js';
import { readReviewPackage, writeReviewPackage } from '../electron/core/team/review.js';

const SHOTS = '/tmp/h7';
const TITLE = '“一门受理”社会救助';
const OTHER = '社区嵌入式养老';
const P1 = '济宁市建立社会救助“一门受理”机制。';
const P2 = '全市困难群众申请救助只需跑一次。';

let cluster: PgCluster;
let team: { child: ChildProcess; url: string };
let token = '';
let session: Session;
let second: Page;
let dir = '';
let docId = '';
let caseName = '';
let packFile = '';

/** Replace text in the body as `by`, through Lexical, as an editor's typing would. */
function replaceIn(doc: Y.Doc, by: string, from: string, to: string): void {
  editAs(doc, by, `${from} → ${to}`, () => {
    const node = $getRoot()
      .getAllTextNodes()
      .find((n) => n.getTextContent().includes(from));
    assert.ok(node, `「${from}」 is in the body`);
    node.setTextContent(node.getTextContent().replace(from, to));
  });
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huibian-review-pack-'));
  cluster = await startPostgres();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 1 });
  await migrate(pool);
  token = await addUser(pool, '编辑甲', ['*']);
  await pool.end();
  team = await startTeamServer(cluster.url, await freePort());
  session = await openSession({ viewport: { width: 1366, height: 768 } });
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  let collectionId = '';
  try {
    const col = (await api.dispatch('collections.create', { title: '审阅包测试合集' })) as { id: string };
    collectionId = col.id;
    for (const [title, paragraphs] of [[TITLE, [P1, P2]], [OTHER, ['嵌入式养老服务站覆盖全部社区。']]] as const) {
      const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title } })) as { document: { id: string } };
      await api.dispatch('documents.save', {
        id: made.document.id,
        editorState: blocksToLexical(paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }))),
      });
      if (title === TITLE) docId = made.document.id;
    }
    await shareCollection(api, '审阅包测试合集', { server: team.url, token }, '编辑甲');
    await api.dispatch('team.settings.set', { server: team.url, token });
    await api.dispatch('settings.set', { reviewerName: '编辑甲' });
  } finally {
    api.close();
  }
  caseName = `${collectionId}/${docId}`;

  // The package as `review-pack export` writes it: both cases' Yjs state from the server.
  const conns = [];
  for (const name of [caseName, ...(await caseNames(collectionId)).filter((n) => n !== caseName)]) {
    const c = connect({ url: team.url, token, name });
    await c.ready;
    conns.push({ name, c });
  }
  const exported = writeReviewPackage({
    collectionId,
    collectionTitle: '审阅包测试合集',
    createdAt: new Date().toISOString(),
    createdBy: '编辑甲',
    cases: conns.map(({ name, c }) => ({ name, doc: c.doc })),
  });
  for (const { c } of conns) c.close();

  // The reviewer, offline: a comment, a suggested wording and an edit, as review-pack comment does.
  const pkg = readReviewPackage(exported);
  const mine = pkg.cases.find((c) => c.name === caseName)!.doc;
  assert.ok(addThread(mine, { quote: '一门受理', author: '外审专家', text: '请说明受理渠道。' }));
  assert.ok(addThread(mine, { quote: '困难群众', author: '外审专家', text: '统计口径', suggestion: '低收入人口' }));
  replaceIn(mine, '外审专家', '机制', '工作机制');
  packFile = path.join(dir, '第一批.hbreview');
  writeFileSync(packFile, writeReviewPackage(pkg));

  // Meanwhile an editor changes the same sentence and the words under the suggestion, on the server.
  const editor = connect({ url: team.url, token, name: caseName });
  await editor.ready;
  replaceIn(editor.doc, '编辑甲', '济宁市', '山东省济宁市');
  replaceIn(editor.doc, '编辑甲', '困难群众', '困难家庭群众');
  await editor.acknowledged();
  editor.close();

  await session.page.reload();
  await session.page.waitForSelector('.app-header');
  // A second editor has the case open while the package is merged.
  second = await session.context.newPage();
  await second.goto(session.url);
  await second.locator(`.tree-item[title="${TITLE}"]`).first().click();
  await second.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('山东省济宁市'));
  // Its 批注 tab open: the team's threads are listed there with the library's.
  await second.getByRole('tab', { name: /批注/ }).click();
});

after(async () => {
  await session?.close();
  team?.child.kill('SIGKILL');
  cluster?.stop();
});

async function caseNames(collectionId: string): Promise<string[]> {
  const manifest = connect({ url: team.url, token, name: collectionId });
  await manifest.ready;
  const names = [...manifest.doc.getMap('cases').keys()].map((id) => `${collectionId}/${id}`);
  manifest.close();
  return names;
}

async function serverCase(): Promise<ReturnType<typeof yDocToCase>> {
  const peer = connect({ url: team.url, token, name: caseName });
  await peer.ready;
  try {
    return yDocToCase(peer.doc);
  } finally {
    peer.close();
  }
}

/** The error toast about `file`: an earlier file's toast may still be on screen, so wait for this one's. */
async function toastText(page: Page, file: string): Promise<string> {
  const toast = page.locator('.toast.error .toast-text', { hasText: file }).last();
  await toast.waitFor({ timeout: 15_000 });
  return toast.innerText();
}

test('the package is shown before merging: comments, suggested wording, changed passages, conflicts named; nothing is written yet', async () => {
  const page = session.page;
  await page.setInputFiles('input[data-testid=review-pack-input]', packFile);
  await page.waitForSelector('.review-pack-view', { timeout: 30_000 });
  const head = await page.locator('.review-pack-view .view-head').innerText();
  assert.match(head, /审阅包「审阅包测试合集」/);
  assert.match(head, /第一批\.hbreview：编辑甲 于 \d{4}年\d+月\d+日 导出，2 篇，2 处冲突/);
  assert.match(await page.locator('.review-pack-body > p').first().innerText(), /与团队服务器上的当前文本对照/);

  const kase = page.locator(`.review-case[data-case="${docId}"]`);
  const threads = (await kase.locator('.review-thread').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  assert.deepEqual(threads, ['新意见外审专家：「一门受理」请说明受理渠道。', '修改建议外审专家：「困难家庭群众」统计口径（建议改为：低收入人口）']);
  // The reviewer's edit against the text as it is now (with the editor's 山东省 in it).
  const edits = kase.locator('section[aria-label="正文改动"] .diff-line');
  assert.equal(await edits.count(), 1);
  assert.equal(await edits.first().locator('ins').allInnerTexts().then((t) => t.join('')), '工作');
  assert.equal(await edits.first().locator('del').count(), 0);
  assert.equal((await edits.first().innerText()).trim(), '山东省济宁市建立社会救助“一门受理”工作机制。');
  assert.match(await kase.locator('section[aria-label="正文改动"] h4').innerText(), /外审专家 写入 \d+ 字/);
  const conflicts = await kase.locator('.review-conflicts li').allInnerTexts();
  assert.equal(conflicts.length, 2, JSON.stringify(conflicts));
  assert.match(conflicts[0]!, /双方都改动了「山东省济宁市建立社会救助“一门受理”机制。」：合并后两边的改动都保留/);
  assert.match(conflicts[1]!, /外审专家的意见所指的「困难群众」已改为「困难家庭群众」，修改建议针对的是原来的文字/);
  assert.match(await page.locator(`.review-case:not([data-case="${docId}"])`).innerText(), /社区嵌入式养老\s*审阅包中这篇没有新的意见或改动。/);

  mkdirSync(SHOTS, { recursive: true });
  await screenshot(page, 'review-pack-preview-1366', SHOTS);
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'review-pack-preview-1440', SHOTS);

  // A preview writes nothing: the server and the library still have the editor's text only.
  const now = await serverCase();
  assert.equal(now.threads.length, 0);
  assert.equal(blocksText(now.document.body), `山东省${P1}\n${P2.replace('困难群众', '困难家庭群众')}`);
});

test('合并 keeps both sides\' edits, puts the comments on their words, reaches the open page live and the library row', async () => {
  const page = session.page;
  await page.getByRole('button', { name: '合并', exact: true }).click();
  const info = page.locator('.toast.info .toast-text').last();
  await info.waitFor({ timeout: 30_000 });
  assert.match(await info.innerText(), /审阅包“第一批\.hbreview”已合并到团队服务器和本库：「“一门受理”社会救助」 2 条意见 改动 \d+ 字；「社区嵌入式养老」 无新内容。/);

  const merged = '山东省济宁市建立社会救助“一门受理”工作机制。\n全市困难家庭群众申请救助只需跑一次。';
  const onServer = await serverCase();
  assert.equal(blocksText(onServer.document.body), merged);
  assert.deepEqual(onServer.threads.map((t) => [t.author, t.quote, t.text, t.suggestion ?? null]), [
    ['外审专家', '一门受理', '请说明受理渠道。', null],
    ['外审专家', '困难家庭群众', '统计口径', '低收入人口'],
  ]);
  // The page that had the case open gets the reviewer's words and comments without reloading.
  await second.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('工作机制'));
  await second.waitForFunction(() => [...document.querySelectorAll('.thread[data-home="team"]')].some((t) => /一门受理外审专家.*请说明受理渠道。/.test(t.textContent ?? '')));
  // A thread lists the words its anchor covers now, what the reviewer commented on, and the words as they were.
  await second.waitForFunction(() =>
    [...document.querySelectorAll('.thread[data-home="team"]')].some((t) => /困难家庭群众原为「困难群众」外审专家.*统计口径（建议改为：低收入人口）/.test(t.textContent ?? '')),
  );
  // The library row follows (search and the writers read it), with the threads listed.
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  try {
    const row = (await api.dispatch('documents.get', { id: docId })) as { document: { body: Parameters<typeof blocksText>[0] } };
    assert.equal(blocksText(row.document.body), merged);
    const listed = (await api.dispatch('comments.list', { documentId: docId })) as Array<{ text: string }>;
    assert.deepEqual(listed.map((t) => t.text).sort(), ['统计口径（建议改为：低收入人口）', '请说明受理渠道。'].sort());
  } finally {
    api.close();
  }
  // The merging page opens the case it merged into.
  await page.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('工作机制'));
  await screenshot(page, 'review-pack-merged-1440', SHOTS);
});

test('not a package, a damaged package and a package for another collection are refused in Chinese, naming the file', async () => {
  const page = session.page;
  const notPack = path.join(dir, '通知.hbreview');
  writeFileSync(notPack, '关于开展民政工作创新案例征集的通知');
  await page.setInputFiles('input[data-testid=review-pack-input]', notPack);
  assert.equal(await toastText(page, '通知.hbreview'), '导入审阅包没有完成：通知.hbreview：不是有效的审阅包（.hbreview）文件');

  // Altered after it was written: the checksum no longer matches.
  const json = JSON.parse(gunzipSync((await import('node:fs')).readFileSync(packFile)).toString('utf8')) as { collectionTitle: string };
  json.collectionTitle = '改过的合集';
  const damaged = path.join(dir, '损坏.hbreview');
  writeFileSync(damaged, gzipSync(Buffer.from(JSON.stringify(json))));
  await page.setInputFiles('input[data-testid=review-pack-input]', damaged);
  assert.equal(await toastText(page, '损坏.hbreview'), '导入审阅包没有完成：损坏.hbreview：审阅包校验失败：文件已损坏或被改动');

  const foreign = path.join(dir, '别的合集.hbreview');
  writeFileSync(
    foreign,
    writeReviewPackage({
      collectionId: 'another-collection',
      collectionTitle: '2025年养老服务案例',
      createdAt: new Date().toISOString(),
      createdBy: '编辑丙',
      cases: [{ name: 'another-collection/x', doc: caseToYDoc({ kind: 'case', id: 'x', meta: { title: '别处的案例' }, body: [] }, [], '编辑丙') }],
    }),
  );
  await page.setInputFiles('input[data-testid=review-pack-input]', foreign);
  assert.match(await toastText(page, '别的合集.hbreview'), /^导入审阅包没有完成：别的合集\.hbreview：这个审阅包属于合集「2025年养老服务案例」，本库中没有与团队共享的这份合集。/);
  // None of them left a preview on screen.
  assert.equal(await page.locator('.review-pack-view').count(), 0);
  assert.deepEqual(session.problems.filter((p) => !/favicon/.test(p) && !/the server responded with a status of 4\d\d/.test(p)), []);
});

test('with the team server down the package merges into the library\'s replica, and reaches the server when the case is next opened', async () => {
  const page = session.page;
  // A second round from the reviewer, on the text as it is now on the server.
  const peer = connect({ url: team.url, token, name: caseName });
  await peer.ready;
  const round = readReviewPackage(
    writeReviewPackage({ collectionId: caseName.split('/')[0]!, collectionTitle: '审阅包测试合集', createdAt: new Date().toISOString(), createdBy: '编辑甲', cases: [{ name: caseName, doc: peer.doc }] }),
  );
  peer.close();
  const doc = round.cases[0]!.doc;
  const asked = yDocToCase(doc).threads.find((t) => t.text === '请说明受理渠道。')!;
  assert.ok(replyThread(doc, asked.id, '外审专家', '渠道已写明，同意。'));
  assert.ok(addThread(doc, { quote: '只需跑一次', author: '外审专家', text: '请给出办理时限。' }));
  const file = path.join(dir, '第二批.hbreview');
  writeFileSync(file, writeReviewPackage(round));

  team.child.kill('SIGKILL');
  await new Promise((r) => team.child.once('exit', r));
  await page.setInputFiles('input[data-testid=review-pack-input]', file);
  await page.waitForSelector('.review-pack-view', { timeout: 30_000 });
  assert.match(await page.locator('.review-pack-body > p').first().innerText(), /无法连接团队服务器 ws:\/\/127\.0\.0\.1:\d+（8 秒内没有响应）：以本库中的副本为准/);
  const threads = (await page.locator(`.review-case[data-case="${docId}"] .review-thread`).allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  assert.deepEqual(threads, ['外审专家：「一门受理」请说明受理渠道。外审专家：渠道已写明，同意。', '新意见外审专家：「只需跑一次」请给出办理时限。']);
  await page.getByRole('button', { name: '合并', exact: true }).click();
  const info = page.locator('.toast.info .toast-text', { hasText: '第二批' });
  await info.waitFor({ timeout: 60_000 });
  assert.match(await info.innerText(), /已合并到本库（下次打开案例时同步到团队服务器）：「“一门受理”社会救助」 1 条意见/);

  // Back up; the case opened again sends the replica to the server: nothing of the round is lost.
  team = await startTeamServer(cluster.url, Number(new URL(team.url).port));
  await page.locator(`.tree-item[title="${OTHER}"]`).first().click();
  await page.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('嵌入式养老服务站'));
  await page.locator(`.tree-item[title="${TITLE}"]`).first().click();
  await page.getByRole('tab', { name: /批注/ }).click();
  await page.waitForFunction(() => /请给出办理时限。/.test(document.querySelector('.comments-panel')?.textContent ?? ''), null, { timeout: 30_000 });
  let onServer = await serverCase();
  for (let i = 0; i < 200 && !onServer.threads.some((t) => t.text === '请给出办理时限。'); i++) {
    await new Promise((r) => setTimeout(r, 50));
    onServer = await serverCase();
  }
  assert.deepEqual(onServer.threads.find((t) => t.id === asked.id)!.replies.map((r) => [r.author, r.text]), [['外审专家', '渠道已写明，同意。']]);
  assert.ok(onServer.threads.some((t) => t.text === '请给出办理时限。' && t.quote === '只需跑一次'));
  assert.equal(blocksText(onServer.document.body), '山东省济宁市建立社会救助“一门受理”工作机制。\n全市困难家庭群众申请救助只需跑一次。');
});
