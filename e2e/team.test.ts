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
  // listed under the editor and underlined on its words, after the text typed before it.
  const reviewer = connect({ url: team.url, token: teamToken, name: teamName });
  await reviewer.ready;
  assert.ok(addThread(reviewer.doc, { quote: '一门受理', author: '外审专家', text: '请说明受理渠道。' }));
  await reviewer.acknowledged();
  reviewer.close();
  await session.page.waitForFunction(() => /外审专家：「一门受理」请说明受理渠道。/.test(document.querySelector('.team-threads')?.textContent ?? ''));
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
  await second.waitForFunction(() => /编辑甲：「甲页补充」请补充数据来源。/.test(document.querySelector('.team-threads')?.textContent ?? ''));
  const underlined = await second.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('hb-team-comment');
    return h ? [...h].map((r) => r.toString()) : [];
  });
  assert.ok(underlined.includes('甲页补充'), JSON.stringify(underlined));
  // No mark went into the shared text.
  assert.equal(await page.locator('.editor-content mark').count(), 0);
});
