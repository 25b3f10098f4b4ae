/**
 * 篇目顺序 in the composer counts per section (篇) only the cases the export will print, and
 * says how many of the section's cases stay out; the counts are checked against the cases
 * the PDF writer actually laid out (export.preview) for the same scope, with and without
 * 包括未定稿的案例. Screenshots at 1366×768 and 1440×900 go to /tmp/h7.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createApi } from '../electron/core/api/index.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { openSession, screenshot, type Session } from './support/browser.js';

const SHOTS = '/tmp/h7';
let s: Session;
let page: Page;
let collectionId = '';
const titles: Record<string, string> = {};

/** Cases by category and status: 社会救助 2 定稿 + 1 初稿, 养老服务 1 初稿 only, 儿童福利 1 已报送. */
const CASES: Array<{ title: string; category: string; status?: 'final' | 'submitted' }> = [
  { title: '一门受理救助快办', category: '社会救助', status: 'final' },
  { title: '低收入人口动态监测', category: '社会救助', status: 'final' },
  { title: '急难救助先行', category: '社会救助' },
  { title: '社区嵌入式养老', category: '养老服务' },
  { title: '困境儿童关爱', category: '儿童福利', status: 'submitted' },
];

before(async () => {
  s = await openSession({ viewport: { width: 1366, height: 768 } });
  page = s.page;
  const api = createApi({ dataDir: s.dataDir, transport: 'cli' });
  try {
    const col = (await api.dispatch('collections.create', { title: '计数测试汇编' })) as { id: string };
    collectionId = col.id;
    for (const c of CASES) {
      const made = (await api.dispatch('documents.create', { kind: 'case', collectionId: col.id, meta: { title: c.title, category: c.category } })) as { document: { id: string } };
      titles[made.document.id] = c.title;
      await api.dispatch('documents.save', {
        id: made.document.id,
        editorState: blocksToLexical([{ type: 'paragraph', content: [{ type: 'text', text: `${c.title}的做法和成效。` }] }]),
      });
      if (c.status) await api.dispatch('documents.setStatus', { ids: [made.document.id], status: c.status, by: '编辑' });
    }
  } finally {
    api.close();
  }
  await page.reload();
  await page.getByRole('button', { name: '排版导出' }).click();
  await page.waitForSelector('.composer .sections > ol > li');
});

after(async () => {
  await s?.close();
});

async function counts(): Promise<Record<string, string>> {
  const rows = await page.locator('.composer .sections > ol > li').all();
  const out: Record<string, string> = {};
  for (const row of rows) out[(await row.locator('.section-title').innerText()).trim()] = (await row.locator('.count').innerText()).trim();
  return out;
}

/** What the writer lays out for a scope, counted per section of the collection. */
async function exportedPerSection(statuses?: Array<'final' | 'submitted'>): Promise<Record<string, number>> {
  const api = createApi({ dataDir: s.dataDir, transport: 'cli' });
  try {
    const preview = (await api.dispatch('export.preview', { collectionId, template: 'anthology', ...(statuses ? { statuses } : {}) })) as { cases: Array<{ document: string }> };
    const laid = new Set(preview.cases.map((c) => c.document));
    const col = (await api.dispatch('collections.get', { id: collectionId })) as { sections: Array<{ title: string; caseIds: string[] }> };
    return Object.fromEntries(col.sections.map((sec) => [sec.title, sec.caseIds.filter((id) => laid.has(id)).length]));
  } finally {
    api.close();
  }
}

test('篇目顺序 counts only the cases that will be exported, and names how many stay out', async () => {
  const shown = await counts();
  assert.deepEqual(shown, { 社会救助: '2 篇（另 1 篇不导出）', 养老服务: '0 篇（另 1 篇不导出）', 儿童福利: '1 篇' });
  // The same numbers as the cases the PDF writer lays out for 定稿 and 已报送.
  const laid = await exportedPerSection(['final', 'submitted']);
  for (const [title, text] of Object.entries(shown)) assert.equal(Number(text.split(' ')[0]), laid[title], `${title}: ${text} vs ${laid[title]} laid out`);
  assert.match(await page.locator('.export-scope p').first().innerText(), /导出定稿和已报送的 3 篇，未定稿的 2 篇不导出。/);
  mkdirSync(SHOTS, { recursive: true });
  await screenshot(page, 'composer-counts-1366', SHOTS);
});

test('with 包括未定稿的案例 every case counts and none is said to stay out', async () => {
  await page.getByLabel('包括未定稿的案例').check();
  const shown = await counts();
  assert.deepEqual(shown, { 社会救助: '3 篇', 养老服务: '1 篇', 儿童福利: '1 篇' });
  const laid = await exportedPerSection();
  for (const [title, text] of Object.entries(shown)) assert.equal(Number(text.split(' ')[0]), laid[title], `${title}: ${text}`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByLabel('包括未定稿的案例').uncheck();
  assert.equal((await counts())['养老服务'], '0 篇（另 1 篇不导出）');
  await screenshot(page, 'composer-counts-1440', SHOTS);
  assert.deepEqual(s.problems.filter((p) => !/favicon/.test(p)), []);
});
