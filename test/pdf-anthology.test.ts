/**
 * The anthology PDF from the real corpus, read back with poppler: fonts embedded and
 * subset, pages within the trim, 目录 folios equal to the pages where cases start,
 * justified lines flush with the measure, no prohibited line starts or ends, the text
 * read back equal to the model's text, outline and metadata present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { corpusBundle } from './fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { mmToPt } from '../electron/core/templates/sizes.js';
import { NO_END, NO_START, RIGHT_BLANK } from '../electron/core/layout/chars.js';
import type { CaseDocument } from '../electron/core/model/types.js';
import { inlineText } from '../electron/core/model/text.js';
import { readFonts, readInfo, readPages, readText, savePdf, squash, type ReadPage } from './pdf-readback.js';

const template = loadTemplate('anthology');
const bundle = await corpusBundle();
const result = await writePdf({ template, format: 'pdf', bundle });
const file = savePdf(result.bytes, 'anthology.pdf');
const pages = readPages(file);
const cases = Object.values(bundle.cases) as CaseDocument[];

const W = mmToPt(185);
const H = mmToPt(260);
const inner = mmToPt(template.page.marginInner);
const outer = mmToPt(template.page.marginOuter);
const measure = W - inner - outer;
const body = template.styles.body!;

/** The 目录 pages: the one headed 目录 and those after it whose lines mostly end in folios. */
function tocPages(): ReadPage[] {
  const start = pages.findIndex((p) => squash(p.lines.slice(0, 3).map((l) => l.text).join('')).startsWith('目录'));
  const out: ReadPage[] = [];
  for (let i = start; i >= 0 && i < pages.length; i++) {
    const lines = pages[i]!.lines;
    if (i > start && (lines.length < 3 || lines.filter((l) => /\d$/.test(l.text)).length < lines.length / 2)) break;
    out.push(pages[i]!);
  }
  return out;
}

test('fonts are embedded and subset, all TrueType CID, and the page count is reported', () => {
  const fonts = readFonts(file);
  assert.ok(fonts.length >= 4, fonts.map((f) => f.name).join(', '));
  for (const f of fonts) {
    assert.ok(f.emb, `${f.name} not embedded`);
    assert.ok(f.sub, `${f.name} not subset`);
    assert.ok(f.uni, `${f.name} has no ToUnicode`);
    assert.match(f.type, /CID TrueType/, `${f.name} is ${f.type}`);
  }
  assert.equal(result.pages, pages.length);
});

test('every page is the trim size; metadata and outline are set', () => {
  for (const p of pages) {
    assert.ok(Math.abs(p.width - W) < 0.5 && Math.abs(p.height - H) < 0.5, `page ${p.width}×${p.height}`);
    for (const l of p.lines) assert.ok(l.xMin >= 0 && l.xMax <= p.width && l.yMin >= 0 && l.yMax <= p.height, `text outside the page: ${l.text}`);
  }
  const info = readInfo(file);
  assert.equal(info.Title, bundle.collection.title);
  assert.equal(info.Author, '山东省民政厅');
  assert.match(info.Subject!, /创新案例/);
  const raw = readFileSync(file, 'latin1');
  assert.match(raw, /\/Outlines \d+ 0 R/);
  const outlineItems = (raw.match(/\/Dest \[\d+ 0 R/g) ?? []).length;
  assert.ok(outlineItems >= cases.length + bundle.collection.sections.length, `outline items ${outlineItems}`);
  // 目录 entries link to the cases; page labels follow the printed folios.
  // Each case is linked from the 目录 and from each index at the back.
  const links = (raw.match(/\/S \/GoTo/g) ?? []).length;
  const indexes = ((template.options.backMatter as string[] | undefined) ?? []).filter((k) => k.endsWith('Index')).length;
  assert.equal(links, cases.length * (1 + indexes), '目录 and index links');
  // Front matter: the cover, then the 前言 and 目录 in capital Roman (the corpus collection has a lead), the body from 1.
  assert.match(raw, /\/PageLabels[\s\S]{0,80}\/Nums \[0 <<\s*\/S \/r\s*>> 2 <<\s*\/S \/R\s*>> \d+ <<\s*\/S \/D\s*>>\]/);
});

test('目录 folios equal the folios printed on the pages where each case starts', () => {
  const toc = tocPages();
  assert.ok(toc.length >= 1);
  const tocText = toc.flatMap((p) => p.lines.map((l) => squash(l.text))).join('');
  const firstBody = pages.indexOf(toc[toc.length - 1]!) + 1;
  let checked = 0;
  const dests = new Map(
    execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' })
      .split('\n')
      .map((l) => /^\s*(\d+)\s.*"(.+)"\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[2]!, Number(m[1])]),
  );
  for (const c of cases) {
    const title = squash(c.meta.title);
    const at = tocText.indexOf(title);
    assert.ok(at >= 0, `no 目录 entry for ${c.meta.title}`);
    // Title, the unit in brackets when the case has one, then the folio.
    const folio = Number(/^(?:（[^）]*）)?(\d+)/.exec(tocText.slice(at + title.length))?.[1]);
    if (c.meta.unit) assert.ok(tocText.slice(at + title.length).startsWith(`（${squash(c.meta.unit)}）`), `unit after ${c.meta.title}`);
    assert.ok(folio > 0, `no folio after ${c.meta.title}`);
    // The page where the title is set (title lines are the first lines on a case's first page).
    const start = pages.findIndex((p, i) => i >= firstBody && squash(p.lines.slice(0, 3).map((l) => l.text).join('')).startsWith(title.slice(0, 10)));
    assert.ok(start >= 0, `case page not found: ${c.meta.title}`);
    const printed = pages[start]!.lines.filter((l) => l.yMin > H - mmToPt(template.page.marginBottom)).map((l) => squash(l.text));
    assert.deepEqual(printed, [String(folio)], `folio printed on the first page of ${c.meta.title}`);
    assert.equal(dests.get(`case:${c.id}`), start + 1, `the 目录 link of ${c.meta.title} leads to its first page`);
    checked++;
  }
  assert.equal(checked, cases.length);
});

test('justified body lines end on the measure (0.1 pt); no line starts or ends with a prohibited mark', () => {
  let justified = 0;
  for (const [i, p] of pages.entries()) {
    const recto = (i + 1) % 2 === 1;
    const left = recto ? inner : outer;
    const right = left + measure;
    const lines = p.lines.filter((l) => l.yMin > mmToPt(template.page.marginTop) - 4 && l.yMax < H - mmToPt(template.page.marginBottom) + 4);
    for (let k = 0; k < lines.length; k++) {
      const l = lines[k]!;
      const chars = [...squash(l.text)];
      if (!chars.length) continue;
      assert.ok(!NO_START.has(chars[0]!.codePointAt(0)!), `page ${i + 1}: line starts with ${chars[0]}: ${l.text}`);
      assert.ok(!NO_END.has(chars.at(-1)!.codePointAt(0)!), `page ${i + 1}: line ends with ${chars.at(-1)}: ${l.text}`);
      const next = lines[k + 1];
      const bodyHeight = (x: typeof l) => Math.abs(x.yMax - x.yMin - (l.yMax - l.yMin)) < 0.5 && l.yMax - l.yMin < body.size * 1.6;
      // A non-final line: the next line follows at the body pitch and starts flush left (no indent).
      if (next && bodyHeight(next) && Math.abs(next.yMin - l.yMin - body.lineHeight) < 0.3 && Math.abs(next.xMin - left) < 0.3 && Math.abs(l.xMin - left) < body.size * 2 + 0.5) {
        const last = chars.at(-1)!.codePointAt(0)!;
        // A line-end mark may give up (part of) its blank right half: its ink stays inside.
        const ok = RIGHT_BLANK.has(last) ? l.xMax >= right - 0.1 && l.xMax <= right + body.size / 2 + 0.1 : Math.abs(l.xMax - right) <= 0.1;
        assert.ok(ok, `page ${i + 1}: line ends at ${l.xMax.toFixed(2)}, measure at ${right.toFixed(2)}: ${l.text}`);
        justified++;
      }
    }
  }
  assert.ok(justified > 300, `${justified} justified lines checked`);
});

test('text read back equals the model text (every paragraph, every face)', () => {
  // The text block of every page in reading order, without running heads and folios.
  const top = mmToPt(template.page.marginTop) - 4;
  const foot = H - mmToPt(template.page.marginBottom) + 4;
  const text = squash(pages.flatMap((p) => p.lines.filter((l) => l.yMin > top && l.yMax < foot).map((l) => l.text)).join(''));
  assert.ok(squash(readText(file)).includes(squash(cases[0]!.meta.title)));
  for (const c of cases) {
    assert.ok(text.includes(squash(c.meta.title)), `title missing: ${c.meta.title}`);
    for (const b of c.body) {
      if (b.type === 'paragraph') {
        const want = squash(inlineText(b.runIn) + inlineText(b.content));
        assert.ok(text.includes(want), `paragraph not read back: ${want.slice(0, 40)}`);
      } else if (b.type === 'heading') assert.ok(text.includes(squash(inlineText(b.content))));
      else if (b.type === 'image' && b.caption) assert.ok(text.includes(squash(inlineText(b.caption))), 'caption read back');
    }
  }
});

test('running heads: collection title on even pages, part title on odd pages; none on case openers', () => {
  const top = mmToPt(template.page.marginTop);
  let heads = 0;
  const toc = tocPages();
  const front = pages.indexOf(toc[toc.length - 1]!) + 1 + (((pages.indexOf(toc[toc.length - 1]!) + 1) % 2) ? 1 : 0);
  const openers = [...cases.map((c) => squash(c.meta.title).slice(0, 8)), ...bundle.collection.sections.map((s) => squash(s.title).slice(0, 4)), '地区索引', '领域索引', '附表'];
  for (const [i, p] of pages.entries()) {
    if (i < front) continue;
    const head = p.lines.filter((l) => l.yMax < top - 8).map((l) => squash(l.text));
    const folio = i + 1 - front;
    if (!head.length) {
      // Only openers (a case title or a part title first) and blank versos go without a head.
      const first = squash(p.lines.slice(0, 2).map((l) => l.text).join(''));
      assert.ok(p.lines.length <= 1 || openers.some((o) => first.startsWith(o)), `page ${folio} has no running head: ${first.slice(0, 20)}`);
      continue;
    }
    heads++;
    if (folio % 2 === 0) assert.deepEqual(head, [squash(bundle.collection.title)], `even page ${folio}`);
    else assert.ok(head[0]!.endsWith('篇') || /^(地区索引|领域索引|附表)/.test(head[0]!), `odd page ${folio}: ${head[0]}`);
  }
  assert.ok(heads > 0, 'no running head at all');
});

test('body lines stay in register: every body line on the 17.5 pt grid of its page, under headers and headings alike', () => {
  const toc = tocPages();
  const firstBody = pages.indexOf(toc[toc.length - 1]!) + 1;
  const top = mmToPt(template.page.marginTop);
  const foot = H - mmToPt(template.page.marginBottom);
  const bodyLine = pages.slice(firstBody).flatMap((p) => p.lines).find((l) => l.xMin > 0 && Math.abs(l.xMax - l.xMin) > measure - 1)!;
  const height = bodyLine.yMax - bodyLine.yMin;
  let checked = 0;
  for (const [i, p] of pages.entries()) {
    if (i < firstBody) continue;
    for (const l of p.lines) {
      // Full-measure text lines (headings, set half a line off between their spaces, are not).
      if (Math.abs(l.yMax - l.yMin - height) > 0.05 || l.yMin < top - 4 || l.yMax > foot + 4 || l.xMax - l.xMin < measure - 2 * body.size - 1) continue;
      const k = (l.yMin - bodyLine.yMin) / body.lineHeight;
      assert.ok(Math.abs(k - Math.round(k)) < 0.03, `page ${i + 1}: line off the grid by ${((k - Math.round(k)) * body.lineHeight).toFixed(2)} pt: ${l.text}`);
      checked++;
    }
  }
  assert.ok(checked > 200, `${checked} lines`);
});
