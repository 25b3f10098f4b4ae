/**
 * Two Chromium pages type into the same shared case through the real renderer
 * (CollabPlugin → Hocuspocus provider → team server over a throwaway PostgreSQL) and each
 * shows the other's text.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openSession, screenshot, type Session } from './support/browser.js';
import { startPostgres, type PgCluster } from '../test/support/postgres.js';
import { freePort, startTeamServer } from '../test/support/teamServer.js';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { selectText } from './support/daily.js';
import { addUser } from '../electron/core/team/users.js';
import { migrate } from '../electron/core/team/pgstore.js';
import { shareCollection } from '../electron/core/team/sync.js';
import { connect } from '../electron/core/team/client.js';
import { addThread } from '../electron/core/team/casedoc.js';
import { createApi } from '../electron/core/api/index.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';

const TITLE = '“一门受理”社会救助';
let cluster: PgCluster;
/** The team server as its own process, so that losing it can be a SIGKILL. */
let team: { child: ChildProcess; url: string };
let port: number;

let session: Session;
let second: Page;
let teamName: string;
let teamToken: string;
const secondErrors: string[] = [];

before(async () => {
  cluster = await startPostgres();
  port = await freePort();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 1 });
  await migrate(pool);
  const token = await addUser(pool, '编辑甲', ['*']);
  await pool.end();
  team = await startTeamServer(cluster.url, port);
  session = await openSession();
  // The library the loopback server serves: a case shared with the team, and the team settings.
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  const col = (await api.dispatch('collections.create', { title: '协同测试合集' })) as { id: string };
  const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: TITLE } })) as { document: { id: string } };
  await api.dispatch('documents.save', {
    id: made.document.id,
    editorState: blocksToLexical([{ type: 'paragraph', content: [{ type: 'text', text: '济宁市建立社会救助“一门受理”机制。' }] }]),
  });
  await shareCollection(api, '协同测试合集', { server: team.url, token }, '编辑甲');
  teamName = `${col.id}/${made.document.id}`;
  teamToken = token;
  await api.dispatch('team.settings.set', { server: team.url, token });
  // Two people: each page reads the reviewer name (its awareness name) when it loads.
  await api.dispatch('settings.set', { reviewerName: '编辑甲' });
  await session.page.reload();
  await session.page.waitForFunction(() => document.querySelector('.reviewer')?.textContent === '审阅人：编辑甲');
  await api.dispatch('settings.set', { reviewerName: '编辑乙' });
  api.close();
  second = await session.context.newPage();
  second.on('pageerror', (error) => secondErrors.push(String(error)));
  await second.goto(session.url);
});

after(async () => {
  await session?.close();
  team?.child.kill('SIGKILL');
  cluster?.stop();
});

async function openShared(page: Page): Promise<void> {
  await page.locator(`.tree-item[title="${TITLE}"]`).first().click();
  // The text arrives from the team server; the editor becomes editable once synced.
  await page.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('一门受理'));
  await page.waitForFunction(() => document.querySelector('.editor-content')?.getAttribute('contenteditable') === 'true');
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.editor-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await page.keyboard.insertText(text);
}

test('two pages typing into one shared case each show the other\'s text', async () => {
  await openShared(session.page);
  await openShared(second);
  // Awareness: each page names the other.
  await session.page.waitForFunction(() => document.querySelector('.team-presence')?.textContent === '同时在编辑：编辑乙');
  await second.waitForFunction(() => document.querySelector('.team-presence')?.textContent === '同时在编辑：编辑甲');

  await typeAtEnd(session.page, '甲页补充。');
  await typeAtEnd(second, '乙页补充。');
  for (const page of [session.page, second]) {
    await page.waitForFunction(() => {
      const t = document.querySelector('.editor-content')?.textContent ?? '';
      return t.includes('甲页补充。') && t.includes('乙页补充。');
    });
  }
  // The other's cursor, labelled with their name, drawn by Lexical's collaboration cursors.
  await session.page.waitForFunction(() =>
    [...document.querySelectorAll('span')].some((s) => s.textContent === '编辑乙' && !s.closest('.team-presence') && getComputedStyle(s).position !== 'static'),
  );
  // A reviewer's comment arrives through the team document (as a merged .hbreview does):
  // listed in the 批注 tab and underlined on its words, after the text typed before it.
  await session.page.getByRole('tab', { name: /批注/ }).click();
  const reviewer = connect({ url: team.url, token: teamToken, name: teamName });
  await reviewer.ready;
  assert.ok(addThread(reviewer.doc, { quote: '一门受理', author: '外审专家', text: '请说明受理渠道。' }));
  await reviewer.acknowledged();
  reviewer.close();
  await expectText(session.page, '.thread[data-home="team"]', /^一门受理外审专家.*请说明受理渠道。/);
  // Only team threads: where they live goes without saying.
  assert.equal(await session.page.locator('.home-tag').count(), 0);
  const underlined = await session.page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-team-comment');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.deepEqual(underlined, ['一门受理']);
  await screenshot(session.page, 'team-two-editors');
  const a = await session.page.locator('.editor-content').innerText();
  const b = await second.locator('.editor-content').innerText();
  assert.equal(a, b);
  assert.match(a, /济宁市建立社会救助“一门受理”机制。/);
  // Both pages autosave the derived model into the one library: for a shared case that is no conflict.
  assert.deepEqual(session.problems.filter((p) => !/favicon/.test(p)), []);
  assert.equal(await session.page.locator('.save-state', { hasText: '保存失败' }).count(), 0);
  assert.deepEqual(secondErrors, []);
});

test('a page that loses the team server (SIGKILL) keeps editing and merges when it comes back', async () => {
  team.child.kill('SIGKILL');
  await new Promise((r) => team.child.once('exit', r));
  await session.page.waitForFunction(() => /连接已断开/.test(document.querySelector('.team-presence')?.textContent ?? ''));
  await typeAtEnd(session.page, '断网时写的。');
  assert.match(await session.page.locator('.editor-content').innerText(), /断网时写的。/);
  assert.doesNotMatch(await second.locator('.editor-content').innerText(), /断网时写的。/);

  team = await startTeamServer(cluster.url, port);
  // The providers reconnect on their own; the offline text reaches the other page through the server.
  await second.waitForFunction(() => (document.querySelector('.editor-content')?.textContent ?? '').includes('断网时写的。'));
  await session.page.waitForFunction(() => /同时在编辑/.test(document.querySelector('.team-presence')?.textContent ?? ''));
  assert.equal(await session.page.locator('.editor-content').innerText(), await second.locator('.editor-content').innerText());
});

test('metadata travels through the team document both ways', async () => {
  const { yDocToCase } = await import('../electron/core/team/casedoc.js');
  const peer = connect({ url: team.url, token: teamToken, name: teamName });
  await peer.ready;
  // The 元数据 panel of one page → the team document.
  await session.page.getByRole('tab', { name: '元数据' }).click();
  const unit = session.page.getByLabel('创新单位', { exact: true });
  await unit.fill('济宁市民政局');
  await unit.blur();
  for (let i = 0; i < 300 && yDocToCase(peer.doc).document.meta.unit !== '济宁市民政局'; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(yDocToCase(peer.doc).document.meta.unit, '济宁市民政局');
  // A colleague's change in the team document → this library's row (search and export read it).
  peer.doc.getMap('meta').set('award', '优秀创新案例');
  await peer.acknowledged();
  peer.close();
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  try {
    const docs = (await api.dispatch('documents.list', {})) as Array<{ id: string; title: string }>;
    const id = docs.find((d) => d.title === TITLE)!.id;
    let award: string | null | undefined;
    for (let i = 0; i < 300; i++) {
      award = ((await api.dispatch('documents.get', { id })) as { document: { meta: { award?: string | null } } }).document.meta.award;
      if (award === '优秀创新案例') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(award, '优秀创新案例');
  } finally {
    api.close();
  }
});

test('a comment made in one page goes into the team document and is underlined on its words in the other', async () => {
  const page = session.page;
  await selectText(page, '甲页补充');
  await page.waitForFunction(() => (window.getSelection()?.toString() ?? '') === '甲页补充');
  await page.getByRole('button', { name: '批注', exact: true }).click();
  await page.getByLabel('批注内容').fill('请补充数据来源。');
  await page.getByRole('button', { name: '添加批注' }).click();
  await second.getByRole('tab', { name: /批注/ }).click();
  await expectText(second, '.thread[data-home="team"]', /^甲页补充编辑甲.*请补充数据来源。/);
  const underlined = await second.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-team-comment');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.ok(underlined.includes('甲页补充'), JSON.stringify(underlined));
  // No mark went into the shared text.
  assert.equal(await page.locator('.editor-content mark').count(), 0);
});

test('a reply and 解决 made in one page reach the other page and the team document; 重新打开 comes back', async () => {
  const { yDocToCase, replyThread } = await import('../electron/core/team/casedoc.js');
  const a = session.page;
  const b = second;
  // The SIGKILL test above leaves its refused reconnects in the logs: only what follows counts.
  const problemsBefore = session.problems.length;
  const errorsBefore = secondErrors.length;
  const thread = (page: Page) => page.locator('.thread', { hasText: '请说明受理渠道。' });
  await a.getByRole('tab', { name: /批注/ }).click();
  await thread(a).getByLabel(/回复内容/).fill('已补充“一窗受理”三个渠道。');
  await thread(a).getByRole('button', { name: '回复', exact: true }).click();
  // The reply, under the reviewer name of page A, arrives in page B.
  await b.waitForFunction(() =>
    [...document.querySelectorAll('.thread .comment.reply')].some((r) => /编辑甲.*已补充“一窗受理”三个渠道。/.test(r.textContent ?? '')),
  );
  assert.equal(await thread(a).getByLabel(/回复内容/).inputValue(), '');
  await mkdirP('/tmp/h7');
  await b.setViewportSize({ width: 1366, height: 768 });
  await screenshot(b, 'team-reply-1366', '/tmp/h7');

  await thread(a).getByRole('button', { name: '解决', exact: true }).click();
  // Page B: the thread is marked resolved, its words are no longer underlined, the filter hides it.
  await expectText(b, '.thread.resolved', /请说明受理渠道。/);
  await b.waitForFunction(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-team-comment');
    return h !== undefined && ![...h].some((r) => r.toString() === '一门受理');
  });
  await b.getByLabel(/只看未解决/).check();
  assert.equal(await thread(b).count(), 0);
  await b.getByLabel(/只看未解决/).uncheck();
  await expectText(b, '.thread.resolved', /^已解决一门受理外审专家.*请说明受理渠道。.*编辑甲.*已补充“一窗受理”三个渠道。/s);
  await b.setViewportSize({ width: 1440, height: 900 });
  await screenshot(b, 'team-resolved-1440', '/tmp/h7');

  // What the pages wrote reads back through the core's model of the team document.
  const peer = connect({ url: team.url, token: teamToken, name: teamName });
  await peer.ready;
  try {
    const read = () => yDocToCase(peer.doc).threads.find((t) => t.text === '请说明受理渠道。')!;
    assert.equal(read().resolved, true);
    assert.deepEqual(read().replies.map((r) => [r.author, r.text]), [['编辑甲', '已补充“一窗受理”三个渠道。']]);
    const changes = peer.doc.getArray<{ by: string; what: string }>('changes').toArray();
    assert.ok(changes.some((c) => c.by === '编辑甲' && c.what === 'reply'));
    assert.ok(changes.some((c) => c.by === '编辑甲' && c.what === 'resolve'));

    // Page B reopens it; page A lists it open again and underlines its words.
    await thread(b).getByRole('button', { name: '重新打开' }).click();
    await a.waitForFunction(() =>
      [...document.querySelectorAll('.thread:not(.resolved)')].some((t) => /请说明受理渠道。/.test(t.textContent ?? '')),
    );
    await a.waitForFunction(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-team-comment');
      return h !== undefined && [...h].some((r) => r.toString() === '一门受理');
    });
    for (let i = 0; i < 300 && read().resolved; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(read().resolved, false);
    // A reply written by the core (a merged review, the command line) shows in both pages.
    assert.ok(replyThread(peer.doc, read().id, '外审专家', '收到，谢谢。'));
    await peer.acknowledged();
    for (const page of [a, b]) await expectText(page, '.thread:not(.resolved)', /外审专家.*收到，谢谢。/s);
  } finally {
    peer.close();
  }
  assert.deepEqual(session.problems.slice(problemsBefore).filter((p) => !/favicon/.test(p)), []);
  assert.deepEqual(secondErrors.slice(errorsBefore), []);
});

test('one 批注 list in document order: team threads by their anchors, a thread of this library alone marked 本机, reply and 解决 the same for both', async () => {
  const a = session.page;
  const problemsBefore = session.problems.length;
  // A thread only this library holds (as a reviewed DOCX brings), and a team thread on the
  // earliest words, made last: the list follows the text, not the order of making.
  const api = createApi({ dataDir: session.dataDir, transport: 'cli' });
  let documentId: string;
  try {
    const docs = (await api.dispatch('documents.list', {})) as Array<{ id: string; title: string }>;
    documentId = docs.find((d) => d.title === TITLE)!.id;
    await api.dispatch('comments.add', { documentId, id: 'library-only-1', quote: '乙页补充', text: '本机意见：请核对。', author: '编辑乙' });
    // Two more of this library alone: one on words before the team's second thread, one on words no longer in the text.
    await api.dispatch('comments.add', { documentId, id: 'library-only-2', quote: '建立社会救助', text: '本机意见：写明年份。', author: '编辑乙' });
    await api.dispatch('comments.add', { documentId, id: 'library-only-3', quote: '已经删去的一句', text: '本机意见：这句还要吗？', author: '编辑乙' });
  } finally {
    api.close();
  }
  const peer = connect({ url: team.url, token: teamToken, name: teamName });
  await peer.ready;
  assert.ok(addThread(peer.doc, { quote: '济宁市', author: '外审专家', text: '请写全称。' }));
  await peer.acknowledged();
  peer.close();
  await a.reload();
  await openShared(a);
  await a.getByRole('tab', { name: /批注/ }).click();
  await expectText(a, '.thread[data-home="team"]', /请写全称。/);
  await expectText(a, '.thread[data-home="library"]', /本机意见：请核对。/);
  const listed = async () =>
    (await a.locator('.comments-panel .thread').evaluateAll((els) => els.map((el) => `${el.querySelector('.home-tag')?.textContent ?? '-'} ${el.querySelector('blockquote')?.textContent ?? ''}`)));
  // In document order (济宁市 < 建立社会救助 < 一门受理 < 甲页补充 < 乙页补充): the shared text has no
  // comment marks, so a library thread is placed by its words; only one whose words are gone is
  // listed last, as 原文已删除 (before, every library thread was listed last and labelled so).
  const expected = ['协作 济宁市', '本机 建立社会救助', '协作 一门受理', '协作 甲页补充', '本机 乙页补充', '本机 已经删去的一句'];
  // (The places follow the editor's text once the team document has filled it: wait for them to settle.)
  for (let i = 0; i < 50 && JSON.stringify(await listed()) !== JSON.stringify(expected); i++) await a.waitForTimeout(100);
  assert.deepEqual(await listed(), expected);
  const orphanTags = await a.locator('.comments-panel .thread').evaluateAll((els) => els.map((el) => Boolean(el.querySelector('.orphan-tag'))));
  assert.deepEqual(orphanTags, [false, false, false, false, false, true]);
  // The open library threads whose words stand are underlined there, as the team's are.
  const underlined = () => a.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-library-comment') ?? [])].map((r) => r.toString()).sort());
  assert.deepEqual(await underlined(), ['乙页补充', '建立社会救助']);
  for (const [w, h] of [[1366, 768], [1440, 900]] as const) {
    await a.setViewportSize({ width: w, height: h });
    await screenshot(a, `comments-one-list-${w}`);
  }
  // The 本机 thread: a reply and 解决 through the same buttons, read back from the library.
  const mine = a.locator('.thread[data-home="library"]', { hasText: '本机意见：请核对。' });
  await mine.getByLabel(/回复内容/).fill('已核对。');
  await mine.getByRole('button', { name: '回复', exact: true }).click();
  // (Reloaded, the page reads the library's reviewer name, which the set-up left as 编辑乙.)
  await expectText(a, '.thread[data-home="library"] .comment.reply', /编辑乙.*已核对。/);
  await mine.getByRole('button', { name: '解决', exact: true }).click();
  await a.locator('.thread.resolved[data-home="library"]', { hasText: '本机意见：请核对。' }).waitFor();
  await a.waitForFunction(() => ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-library-comment')?.size ?? 0) === 1);
  assert.deepEqual(await underlined(), ['建立社会救助']);
  // A 协作 thread cannot be deleted here; the library's can.
  assert.equal(await a.locator('.thread[data-home="team"]').first().getByRole('button', { name: '删除' }).count(), 0);
  assert.equal(await mine.getByRole('button', { name: '删除' }).count(), 1);
  const check = createApi({ dataDir: session.dataDir, transport: 'cli' });
  try {
    const t = ((await check.dispatch('comments.list', { documentId })) as Array<{ id: string; resolved: boolean; replies: Array<{ author: string; text: string }> }>).find((x) => x.id === 'library-only-1')!;
    assert.equal(t.resolved, true);
    assert.deepEqual(t.replies.map((r) => [r.author, r.text]), [['编辑乙', '已核对。']]);
  } finally {
    check.close();
  }
  // The tab counts open threads of both homes once each: 济宁市, 建立社会救助, 一门受理, 甲页补充, 已经删去的一句.
  assert.match(await a.getByRole('tab', { name: /批注/ }).innerText(), /批注（5）/);
  assert.deepEqual(session.problems.slice(problemsBefore).filter((p) => !/favicon/.test(p)), []);
});

test('a page whose reviewer name changes while a shared case is open still receives the team\'s changes', async () => {
  // Lexical's CollaborationPlugin disconnects and reconnects its provider when the name changes
  // (after a reload the name arrives from settings.get, sometimes after the case has opened):
  // the connection must come back, not stay dead with the library's replica on screen.
  const a = session.page;
  const problemsBefore = session.problems.length;
  await a.locator('.reviewer').click();
  await a.getByLabel('审阅人姓名').fill('编辑丙');
  await a.getByRole('button', { name: '确定' }).click();
  await a.waitForFunction(() => document.querySelector('.reviewer')?.textContent === '审阅人：编辑丙');
  const peer = connect({ url: team.url, token: teamToken, name: teamName });
  await peer.ready;
  try {
    assert.ok(addThread(peer.doc, { quote: '济宁市', author: '外审专家', text: '改名之后：请核对日期。' }));
    await peer.acknowledged();
  } finally {
    peer.close();
  }
  await expectText(a, '.thread[data-home="team"]', /改名之后：请核对日期。/);
  assert.deepEqual(session.problems.slice(problemsBefore).filter((p) => !/favicon/.test(p)), []);
});

async function expectText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => [...document.querySelectorAll(sel)].some((el) => new RegExp(source, flags).test(el.textContent ?? '')),
      [selector, pattern.source, pattern.flags] as const,
      { timeout: 10_000 },
    );
  } catch (error) {
    const seen = await page.locator(selector).allTextContents();
    // The presence line says whether the page is connected at all (a dead provider shows only the replica).
    const presence = await page.locator('.team-presence').allTextContents();
    throw new Error(`${selector} never matched ${pattern}: ${JSON.stringify(seen)}; presence: ${JSON.stringify(presence)}`, { cause: error });
  }
}

async function mkdirP(dir: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
}
