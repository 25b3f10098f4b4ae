/**
 * Editor responsiveness in Chromium against the built renderer and the real server:
 * - open: click on a 30,000-character case in the tree until its last paragraph is in the
 *   editor (target ≤ 300 ms), median and worst of several opens;
 * - keystroke latency: from each beforeinput event to the editor DOM reflecting it
 *   (Lexical commits in a microtask), and to the next animation frame, p50/p95 (target p95 ≤ 16 ms).
 * Content is the magazine feature's real text repeated to length.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import type { Block } from '../electron/core/model/types.js';
import { countCharacters } from '../electron/core/model/text.js';
import { openSession, ROOT } from '../e2e/support/browser.js';

const TARGET_CHARS = 30_000;

function corpusParagraphs(): string[] {
  const text = readFileSync(path.resolve(ROOT, '../shared/corpus/zhongguominzheng-2022-02-feature.txt'), 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 40);
}

function bigBody(): { blocks: Block[]; chars: number } {
  const lines = corpusParagraphs();
  const blocks: Block[] = [];
  let chars = 0;
  let i = 0;
  while (chars < TARGET_CHARS) {
    const line = lines[i++ % lines.length]!;
    if (i % 12 === 1) blocks.push({ type: 'heading', level: 2, content: [{ type: 'text', text: `第${Math.ceil(i / 12)}部分` }] });
    const cut = line.indexOf('。');
    blocks.push(
      cut > 4 && cut < 30
        ? { type: 'paragraph', runIn: [{ type: 'text', text: line.slice(0, cut + 1) }], content: [{ type: 'text', text: line.slice(cut + 1) }] }
        : { type: 'paragraph', content: [{ type: 'text', text: line }] },
    );
    chars += countCharacters(line);
  }
  blocks.push({ type: 'paragraph', content: [{ type: 'text', text: '全文结束标记' }] });
  return { blocks, chars };
}

async function call(page: Page, url: string, method: string, input: unknown): Promise<any> {
  const token = await page.locator('meta[name="huibian-token"]').getAttribute('content');
  const response = await page.request.post(`${url}/api/${method}`, { headers: { 'x-huibian-token': token ?? '' }, data: input });
  const payload = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (payload.error) throw new Error(`${method}: ${payload.error.message}`);
  return payload.result;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function run(): Promise<void> {
  const session = await openSession();
  const { page, url } = session;
  try {
    await page.waitForSelector('.app-header');
    const { blocks, chars } = bigBody();
    const collection = await call(page, url, 'collections.create', { title: '编辑器基准', year: 2021 });
    await call(page, url, 'documents.create', { kind: 'case', collectionId: collection.id, meta: { title: '短案例', category: '综合' } });
    const big = await call(page, url, 'documents.create', { kind: 'case', collectionId: collection.id, meta: { title: '三万字案例', category: '综合' } });
    await call(page, url, 'documents.save', { id: big.document.id, editorState: blocksToLexical(blocks), baseRevision: big.revision });
    await page.reload();
    await page.waitForSelector('.tree-item');

    const opens: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.locator('.tree-item[title="短案例"]').click();
      await page.waitForFunction(() => document.querySelector('.doc-title h2')?.textContent === '短案例' && document.querySelector('.editor-content'));
      await page.waitForTimeout(150);
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const item = document.querySelector('.tree-item[title="三万字案例"]') as HTMLElement;
            const ready = () => {
              const editor = document.querySelector('.editor-content');
              return editor && document.querySelector('.doc-title h2')?.textContent === '三万字案例' && editor.lastElementChild?.textContent === '全文结束标记';
            };
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (ready()) {
                observer.disconnect();
                resolve(performance.now() - t0);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            setTimeout(() => reject(new Error('editor not ready within 10 s')), 10_000);
            item.click();
          }),
      );
      opens.push(ms);
    }

    // Keystrokes at the end of the first paragraph of the big case.
    await page.evaluate(() => {
      const root = document.querySelector('.editor-content') as HTMLElement;
      const p = root.querySelector('.hb-p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      range.collapse(false);
      root.focus();
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.evaluate(() => {
      const w = window as unknown as { __lat: { dom: number[]; frame: number[] } };
      w.__lat = { dom: [], frame: [] };
      const root = document.querySelector('.editor-content')!;
      let t0 = 0;
      let pending = false;
      root.addEventListener('beforeinput', () => {
        t0 = performance.now();
        pending = true;
        requestAnimationFrame(() => w.__lat.frame.push(performance.now() - t0));
      }, true);
      new MutationObserver(() => {
        if (!pending) return;
        pending = false;
        w.__lat.dom.push(performance.now() - t0);
      }).observe(root, { childList: true, subtree: true, characterData: true });
    });
    const keys = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press(keys[i % keys.length]!);
    }
    await page.waitForTimeout(300);
    const lat = await page.evaluate(() => (window as unknown as { __lat: { dom: number[]; frame: number[] } }).__lat);
    const fmt = (v: number) => v.toFixed(1);
    console.log(`editor: case of ${chars.toLocaleString('en')} characters, ${blocks.length} blocks`);
    console.log(`editor: open (click → editor ready) median ${fmt(percentile(opens, 50))} ms, worst ${fmt(Math.max(...opens))} ms over ${opens.length} opens (target ≤ 300 ms)`);
    console.log(`editor: keystroke → DOM updated p50 ${fmt(percentile(lat.dom, 50))} ms, p95 ${fmt(percentile(lat.dom, 95))} ms over ${lat.dom.length} keys (target p95 ≤ 16 ms)`);
    console.log(`editor: keystroke → next frame p50 ${fmt(percentile(lat.frame, 50))} ms, p95 ${fmt(percentile(lat.frame, 95))} ms`);
  } finally {
    await session.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
