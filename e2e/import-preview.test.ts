/**
 * Issue 9 item 7 in Chromium against the built renderer: the import preview lets the editor fix
 * what the importer got wrong before anything is stored — on the corpus's real shortlist of four
 * 济宁 cases: the file's kind, two cases merged and split again at the heading the merge left,
 * region (the picker), unit and award, a line dropped as furniture put back (the list in page
 * order), each case's text read; what is committed is what the preview showed (read back
 * through the API). The same file again is flagged at its head and not doubled. A notice made
 * a case and an award list named in Chinese; every file of an import failing says so (not
 * "0 个文件") with each file's reason.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, screenshot, type Session } from './support/browser.js';
import { axeSerious, describeViolations, openApp } from './support/daily.js';
import { createApi } from '../electron/core/api/index.js';
import type { CaseDocument } from '../electron/core/model/types.js';

const SHORTLIST = path.resolve(ROOT, '../shared/corpus/jining-2020-shortlist.txt');
const NOTICE = path.resolve(ROOT, '../shared/corpus/qufu-2020-notice.txt');
const AWARDS = path.resolve(ROOT, 'test/fixtures/portal/tuning/binhu-2013-shequ-zhili-chengguo.txt');

let s: Session;
let page: Page;

before(async () => {
  s = await openApp();
  page = s.page;
});

after(() => s?.close());

const rows = () => page.locator('.import-file').first().locator('tr[data-case]');
const titles = async () => page.locator('.import-file').first().locator('tr[data-case] .col-title .title-input').evaluateAll((els) => els.map((t) => (t as HTMLTextAreaElement).value));

async function waitCases(n: number): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('.import-file tr[data-case]').length === k, n);
}

async function storedCases(): Promise<CaseDocument[]> {
  const api = createApi({ dataDir: s.dataDir, transport: 'cli' });
  try {
    const list = (await api.dispatch('documents.list', {})) as Array<{ id: string; kind: string }>;
    const out: CaseDocument[] = [];
    for (const d of list.filter((x) => x.kind === 'case')) out.push(((await api.dispatch('documents.get', { id: d.id })) as { document: CaseDocument }).document);
    return out;
  } finally {
    api.close();
  }
}

/** Fields of the preview whose text does not fit: titles, units and awards wrap in full, every category fits its box. */
async function clipped(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const ta of Array.from(document.querySelectorAll<HTMLTextAreaElement>('.import-cases .title-input'))) if (ta.scrollHeight > ta.clientHeight + 2 || ta.scrollWidth > ta.clientWidth + 2) out.push(`${ta.getAttribute('aria-label')}: ${ta.value}`);
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    for (const sel of Array.from(document.querySelectorAll<HTMLSelectElement>('.import-view select'))) {
      probe.style.font = getComputedStyle(sel).font;
      probe.textContent = sel.selectedOptions[0]?.textContent ?? '';
      if (probe.getBoundingClientRect().width + 20 > sel.clientWidth) out.push(`${sel.getAttribute('aria-label')}: ${probe.textContent} (${Math.round(probe.getBoundingClientRect().width)} in ${sel.clientWidth})`);
    }
    probe.remove();
    for (const b of Array.from(document.querySelectorAll<HTMLElement>('.import-view button'))) if (b.offsetParent && b.scrollWidth > b.clientWidth + 1) out.push(`button: ${b.textContent}`);
    return out;
  });
}

const textOf = (doc: CaseDocument) => doc.body.map((b) => ('content' in b && Array.isArray(b.content) ? b.content.map((i) => ('text' in i ? i.text : '')).join('') : '')).join('\n');

test('every file failing: the header says so, each file keeps its line and its Chinese reason, nothing to commit', async () => {
  await page.setInputFiles('input[data-testid=import-input]', [
    { name: '损坏的稿件.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是一个 Word 文件'.repeat(20)) },
    { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%junk\n') },
  ]);
  await page.waitForSelector('.import-view');
  const head = await page.locator('.import-view .view-head').innerText();
  assert.match(head, /2 个文件均未能读入/);
  assert.doesNotMatch(head, /0 个文件/);
  const failures = await page.locator('.import-failure').allInnerTexts();
  assert.equal(failures.length, 2, failures.join(' / '));
  assert.match(failures[0]!, /^“损坏的稿件\.docx”没有导入：[\u4e00-\u9fff]/);
  assert.match(failures[1]!, /^“扫描件\.pdf”没有导入：[\u4e00-\u9fff]/);
  assert.ok(await page.getByRole('button', { name: '确认导入' }).isDisabled());
  assert.equal(await page.getByLabel('导入到').count(), 0, 'no target to choose for nothing');
  assert.match(await page.locator('#import-nothing').innerText(), /没有读入任何文件/);
  await screenshot(page, 'import-all-failed-1366');
  await page.getByRole('button', { name: '取消' }).click();
});

test('the shortlist: kind, merge and split, region, unit, award, a dropped line restored; the library holds what the preview showed', async () => {
  await page.setInputFiles('input[data-testid=import-input]', SHORTLIST);
  await page.waitForSelector('.import-view');
  await waitCases(4);
  const kind = page.getByLabel('“jining-2020-shortlist.txt”的类型');
  assert.equal(await kind.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent), '案例名单');
  const before = await titles();
  assert.deepEqual(before.slice(0, 2), ['济宁泗水“1443工作法”', '邹城“344工作法”']);

  // Merge 1 and 2: one case whose text carries the second one's title as a heading.
  await page.getByRole('button', { name: '把第2个案例并入第1个' }).click();
  await waitCases(3);
  assert.deepEqual(await titles(), [before[0], before[2], before[3]]);
  await rows().first().getByRole('button', { name: /^查看/ }).click();
  const text = page.locator('.case-text').first();
  assert.match(await text.innerText(), /1443[\s\S]*邹城“344工作法”[\s\S]*/);
  await screenshot(page, 'import-merged-1366');

  // Split it again where the heading stands: the heading is the new case's title.
  const headingBlock = text.locator('.case-block.is-heading', { hasText: '邹城“344工作法”' });
  await headingBlock.getByRole('button', { name: /拆成新案例/ }).click();
  await waitCases(4);
  assert.deepEqual(await titles(), before);
  // The case comes back as it was read, award and unit included.
  assert.equal(await rows().nth(1).getByLabel('第2个案例的奖项').inputValue(), '拟入选优秀创新案例');
  assert.equal(await rows().nth(1).getByLabel('第2个案例的创新单位').inputValue(), '济宁市民政局');

  // Fields in the preview itself: region through the picker, unit and award typed.
  const fourth = rows().nth(3);
  await fourth.getByLabel('第4个案例的地区').fill('金乡');
  await page.locator('.region-options li', { hasText: '金乡县' }).first().click();
  assert.equal(await fourth.locator('.region-now').innerText(), '山东省 济宁市 金乡县');
  await fourth.getByLabel('第4个案例的创新单位').fill('嘉祥县民政局');
  await fourth.getByLabel('第4个案例的奖项').fill('入围创新案例');

  // The furniture, in page order, and one line put back into the second case.
  const dropped = page.locator('.dropped-lines');
  await dropped.locator('summary').click();
  const lines = await dropped.locator('.dropped-text').allInnerTexts();
  assert.deepEqual(lines.slice(0, 3), ['2021-01-30 07:48:36 来源: 济宁民政 作者:', '初审编辑:', '责任编辑:赵冉冉']);
  await page.getByLabel('“jining-2020-shortlist.txt”的杂项恢复到哪个案例').selectOption({ index: 1 });
  await dropped.getByRole('button', { name: '恢复“责任编辑:赵冉冉”' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.dropped-text')].some((el) => el.textContent === '责任编辑:赵冉冉'));
  assert.match(await dropped.locator('summary').innerText(), new RegExp(`（${lines.length - 1}，按原文顺序）`));
  // The corrections typed before the restore are still there.
  assert.equal(await fourth.getByLabel('第4个案例的创新单位').inputValue(), '嘉祥县民政局');
  await rows().nth(1).getByRole('button', { name: /^查看/ }).click();
  assert.match(await page.locator('.case-text').first().innerText(), /^责任编辑:赵冉冉/);
  await screenshot(page, 'import-restored-1366');

  for (const [w, h] of [[1366, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    assert.deepEqual(await clipped(), [], `${w}×${h}`);
    await screenshot(page, `import-shortlist-${w}`);
  }
  // The case text with its split buttons and the dropped lines with theirs, open: no serious axe finding.
  const serious = await axeSerious(page);
  assert.equal(serious.length, 0, describeViolations(serious));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByLabel('新汇编名称').fill('预览改正测试');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30000 });
  const stored = await storedCases();
  assert.deepEqual(stored.map((d) => d.meta.title).sort(), [...before].sort());
  const zoucheng = stored.find((d) => d.meta.title === '邹城“344工作法”')!;
  // (The proofing fixes applied at commit give the restored line its full-width colon.)
  assert.match(textOf(zoucheng), /^责任编辑[:：]赵冉冉\n/);
  const sishui = stored.find((d) => d.meta.title === before[0])!;
  assert.doesNotMatch(textOf(sishui), /邹城“344工作法”/, 'split back: the heading left the first case');
  const jiaxiang = stored.find((d) => d.meta.title === before[3])!;
  assert.equal(jiaxiang.meta.region?.county, '金乡县');
  assert.equal(jiaxiang.meta.unit, '嘉祥县民政局');
  assert.equal(jiaxiang.meta.award, '入围创新案例');
});

test('the same file again is flagged at its head and each case, and not imported twice', async () => {
  await page.setInputFiles('input[data-testid=import-input]', SHORTLIST);
  await page.waitForSelector('.import-view');
  await waitCases(4);
  // The file itself is known, and all four cases, the one that got a restored line included (it is known by its text as drafted).
  assert.match(await page.locator('.file-duplicate').innerText(), /^此文件已于 \d{4}-\d\d-\d\d \d\d:\d\d 导入到《预览改正测试》，其中 4 项都已在库中，默认不再导入。$/);
  assert.equal(await page.locator('tr.duplicate').count(), 4);
  await page.getByRole('button', { name: '取消' }).click();
  // A second copy under another name, bytes unchanged: the same file, under the name it came in with.
  const copy = readFileSync(SHORTLIST);
  await page.setInputFiles('input[data-testid=import-input]', { name: '济宁入围名单（转发）.txt', mimeType: 'text/plain', buffer: copy });
  await page.waitForSelector('.import-view');
  assert.match(await page.locator('.file-duplicate').innerText(), /（当时名为“jining-2020-shortlist\.txt”），其中 4 项都已在库中/);
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal((await storedCases()).length, 4);
});

test('a notice made a case, an award list named in Chinese; no English in the preview', async () => {
  await page.setInputFiles('input[data-testid=import-input]', [NOTICE, AWARDS]);
  await page.waitForSelector('.import-view');
  const noticeKind = page.getByLabel('“qufu-2020-notice.txt”的类型');
  const awardKind = page.getByLabel('“binhu-2013-shequ-zhili-chengguo.txt”的类型');
  assert.equal(await awardKind.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent), '获奖名单');
  assert.equal(await noticeKind.inputValue(), 'notice');
  // As read: the notice's fields, and its text can be read before committing.
  const fields = page.locator('.import-notice .notice-fields');
  const field = async (label: string) => fields.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText();
  assert.match(await field('主送'), /^各镇街民政办公室/);
  assert.equal(await field('署名'), '曲阜市民政局');
  assert.equal(await field('成文日期'), '2020年4月8日');
  await page.locator('.import-notice').getByRole('button', { name: /^查看/ }).click();
  assert.match(await page.locator('.import-notice .case-text').innerText(), /^现将《2020年全市民政工作要点》印发给你们/);
  await screenshot(page, 'import-notice-1366');
  const serious = await axeSerious(page);
  assert.equal(serious.length, 0, describeViolations(serious));
  await noticeKind.selectOption('single-case');
  const noticeFile = page.locator('.import-file').first();
  await noticeFile.locator('tr[data-case]').first().waitFor();
  assert.equal(await noticeFile.locator('tr[data-case]').count(), 1);
  assert.equal(await noticeFile.locator('.title-input').first().inputValue(), '曲阜市民政局关于印发《2020年全市民政工作要点》的通知');
  await noticeFile.getByRole('button', { name: /^查看/ }).click();
  assert.match(await noticeFile.locator('.case-text').innerText(), /^现将《2020年全市民政工作要点》印发给你们/);
  // Award items carry no text: said so, with nothing to open.
  const awardFile = page.locator('.import-file').nth(1);
  const firstItem = awardFile.locator('tr[data-case]').first();
  assert.equal(await firstItem.getByRole('button', { name: /^查看/ }).count(), 0);
  assert.equal(await firstItem.locator('.no-text').innerText(), '无正文');
  for (const [w, h] of [[1366, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    assert.deepEqual(await clipped(), [], `${w}×${h}`);
    await screenshot(page, `import-preview-kinds-${w}`);
  }
  // The only Latin letters in the preview: file names and formats.
  const visible = (await page.locator('.import-view').innerText()).replace(/[\w.-]+\.(txt|docx|doc|html|md)\b/g, '').replace(/\b(TXT|HTML|DOCX|DOC|UTF-8|GB18030|MD)\b/g, '');
  assert.doesNotMatch(visible, /[A-Za-z]{3,}/, visible.match(/.{0,30}[A-Za-z]{3,}.{0,30}/)?.[0]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '取消' }).click();
});

test('an award list applied to the library: its items matched to the cases imported, the ticked awards set, the matched items not imported again', async () => {
  // The shortlist again, now read as the award list it is (拟入选 / 入围 per item); the library holds its four cases.
  await page.setInputFiles('input[data-testid=import-input]', SHORTLIST);
  await page.waitForSelector('.import-view');
  await page.getByLabel('“jining-2020-shortlist.txt”的类型').selectOption('award-list');
  const panel = page.locator('.award-matches');
  await panel.getByRole('button', { name: '与文库中的案例对照' }).click();
  await panel.locator('.award-summary').waitFor();
  assert.match(await panel.locator('.award-summary').innerText(), /^匹配 4 条，待确认 0 条，未匹配 0 条/);
  // The case whose award the editor changed at import says what it holds now.
  const jiaxiang = panel.locator('tbody tr', { hasText: '嘉祥丧事综合服务' });
  assert.match(await jiaxiang.innerText(), /拟入选入围创新案例\s*现为：入围创新案例/);
  for (const [w, h] of [[1366, 768], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    assert.deepEqual(await clipped(), [], `${w}×${h}`);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, `import-awards-${w}`);
  }
  const serious = await axeSerious(page);
  assert.equal(serious.length, 0, describeViolations(serious));
  await page.setViewportSize({ width: 1366, height: 768 });
  // Only that one is to change: the other three hold the list's award already.
  for (const title of ['济宁泗水', '邹城', '儒乡曲阜']) await panel.locator('tbody tr', { hasText: title }).getByRole('checkbox').uncheck();
  await panel.getByRole('button', { name: '为勾选的 1 个案例设置奖项' }).click();
  await page.waitForFunction(() => /已为 1 个案例设置奖项/.test(document.querySelector('.award-matches')?.textContent ?? ''));
  const stored = await storedCases();
  assert.equal(stored.find((d) => d.meta.title === '嘉祥丧事综合服务“零跑腿”')!.meta.award, '拟入选入围创新案例');
  assert.equal(stored.find((d) => d.meta.title === '邹城“344工作法”')!.meta.award, '拟入选优秀创新案例');
  // The applied item leaves the import; nothing is doubled.
  assert.equal(await page.locator('tr[data-case="0:3"] input[type=checkbox]').isChecked(), false);
  // Left to import: nothing — 邹城, not applied, is stored with a restored line but known by its text as drafted.
  assert.match(await page.locator('.import-view .view-head').innerText(), /将导入 0 项/);
  assert.equal(await page.locator('tr[data-case="0:1"]').getAttribute('class').then((c) => /duplicate/.test(c ?? '')), true);
  // Applying it too leaves nothing to create, and the preview says why.
  await panel.locator('tbody tr', { hasText: '邹城' }).getByRole('checkbox').check();
  await panel.getByRole('button', { name: '为勾选的 1 个案例设置奖项' }).click();
  await page.locator('#import-nothing').waitFor();
  assert.match(await page.locator('#import-nothing').innerText(), /名单条目已对应到库中的案例并设置了奖项/);
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal((await storedCases()).length, 4);
});

test('a 繁體 draft is kept as written unless the editor converts it, in the preview; the other files of the batch are left as they are', async () => {
  const fanti = path.resolve(ROOT, 'test/fixtures/portal/tuning/hebei-2018-shequ-gongzuofa-fanti.txt');
  await page.setInputFiles('input[data-testid=import-input]', [fanti, AWARDS]);
  await page.waitForSelector('.import-view');
  const file = page.locator('.import-file').first();
  const firstTitle = () => file.locator('.title-input').first().inputValue();
  assert.match(await firstTitle(), /^石家莊市橋西區/);
  // The importer's note says where to convert; its English half is not shown.
  assert.match(await file.locator('.warning').first().innerText(), /原文为繁体字.*“转换为简体”。$/);
  const other = await page.locator('.import-file').nth(1).locator('.title-input').first().inputValue();
  await file.getByRole('button', { name: '把“hebei-2018-shequ-gongzuofa-fanti.txt”转换为简体' }).click();
  await page.waitForFunction(() => /^石家庄市桥西区/.test((document.querySelector('.import-file .title-input') as HTMLTextAreaElement | null)?.value ?? ''));
  assert.match(await file.locator('.warning').first().innerText(), /已按选择转换为简体。$/);
  assert.equal(await file.getByRole('button', { name: /转换为简体/ }).count(), 0);
  assert.equal(await page.locator('.import-file').nth(1).locator('.title-input').first().inputValue(), other);
  await page.getByRole('button', { name: '取消' }).click();
});

test('the proofing fixes the preview counts can be left out for a file: the draft goes in as written', async () => {
  const chaohu = path.resolve(ROOT, 'test/fixtures/portal/tuning/chaohu-2017-liushou-tongzhi.txt');
  await page.setInputFiles('input[data-testid=import-input]', chaohu);
  await page.waitForSelector('.import-view');
  const choice = page.locator('.proof-line').getByRole('checkbox');
  assert.match(await page.locator('.proof-line').innerText(), /导入时应用 \d+ 处标点和数字规范修改/);
  assert.equal(await choice.isChecked(), true);
  await choice.uncheck();
  await page.getByLabel('新汇编名称').fill('不套用规范');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.waitForSelector('.editor-content', { timeout: 30000 });
  const api = createApi({ dataDir: s.dataDir, transport: 'cli' });
  try {
    const list = (await api.dispatch('documents.list', {})) as Array<{ id: string; kind: string }>;
    const notice = list.find((d) => d.kind === 'notice')!;
    const doc = ((await api.dispatch('documents.get', { id: notice.id })) as { document: { body: Array<{ content?: Array<{ text?: string }> }> } }).document;
    const text = doc.body.map((b) => (b.content ?? []).map((i) => i.text ?? '').join('')).join('\n');
    assert.match(text, /出发点和落脚点,按照家庭尽责/, 'the half-width comma as drafted');
  } finally {
    api.close();
  }
});
