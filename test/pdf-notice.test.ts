/**
 * The GB/T 9704 notice from the corpus, read back: the 22 × 28 grid (baselines at the
 * 28.95 pt pitch, no line wider than 28 字, 22 lines on a full page), the red 版头 and
 * rule (pixels of the rendered page), folios "— n —" placed per §7.5, the attachment on
 * a new page with its label and title lines, the 版记 at the 版心 foot, text fidelity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { corpusNotice } from './fixtures/corpus.js';
import { writePdf } from '../electron/core/export/pdf/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import { mmToPt } from '../electron/core/templates/sizes.js';
import { inlineText } from '../electron/core/model/text.js';
import { LEFT_BLANK, RIGHT_BLANK } from '../electron/core/layout/chars.js';
import { readFonts, readPages, savePdf, squash, type ReadLine } from './pdf-readback.js';

const template = loadTemplate('notice');
const notice = await corpusNotice();
const result = await writePdf({ template, format: 'pdf', notice });
const file = savePdf(result.bytes, 'notice.pdf');
const pages = readPages(file);

const top = mmToPt(37);
const left = mmToPt(28);
const measure = mmToPt(156);
const typeBottom = top + mmToPt(225);
const pitch = 28.95;

/** Text rows of the type area (pdftotext may split a row at squeezed punctuation). */
function rows(lines: ReadLine[]): Array<{ y: number; x: number; right: number; text: string; height: number }> {
  const out: Array<{ y: number; x: number; right: number; text: string; height: number }> = [];
  for (const l of lines.filter((l) => l.yMax <= typeBottom + 2 && l.yMin >= top - 12)) {
    const row = out.find((r) => Math.abs(r.y - l.yMax) < 1);
    if (row) {
      row.text += l.text;
      row.x = Math.min(row.x, l.xMin);
      row.right = Math.max(row.right, l.xMax);
    } else out.push({ y: l.yMax, x: l.xMin, right: l.xMax, text: l.text, height: l.yMax - l.yMin });
  }
  return out.sort((a, b) => a.y - b.y);
}

/**
 * 字 of the grid a line takes: Han and full-width marks count 1, two full-width marks
 * that meet count 1.5 (GB/T 15834 adjacent-mark compression); half-width characters are
 * covered by the 版心 width check.
 */
const zi = (s: string) => {
  const chars = [...squash(s)];
  let n = 0;
  chars.forEach((c, i) => {
    if (c.codePointAt(0)! < 0x2000) return;
    n += 1;
    const next = chars[i + 1];
    if (next && RIGHT_BLANK.has(c.codePointAt(0)!) && /[\p{P}]/u.test(next) && next.codePointAt(0)! >= 0x2000) n -= 0.5;
    else if (next && /[\p{P}]/u.test(c) && LEFT_BLANK.has(next.codePointAt(0)!) && !RIGHT_BLANK.has(c.codePointAt(0)!)) n -= 0.5;
  });
  return n;
};

test('A4 pages; fonts embedded and subset', () => {
  assert.ok(pages.length >= 3);
  assert.equal(result.pages, pages.length);
  for (const p of pages) assert.ok(Math.abs(p.width - 595.28) < 0.5 && Math.abs(p.height - 841.89) < 0.5);
  for (const f of readFonts(file)) assert.ok(f.emb && f.sub, `${f.name} emb ${f.emb} sub ${f.sub}`);
});

test('body on the 22 × 28 grid: baselines at 28.95 pt, ≤ 28 字 per line, 22 lines on a full page', () => {
  let full = 0;
  for (const [i, p] of pages.entries()) {
    if (i === 0) continue;
    const body = rows(p.lines).filter((r) => Math.abs(r.height - 22.99) < 0.3);
    if (!body.length) continue;
    const base = body[0]!.y;
    for (const r of body) {
      const k = (r.y - base) / pitch;
      assert.ok(Math.abs(k - Math.round(k)) < 0.02, `page ${i + 1}: baseline off the grid by ${((k - Math.round(k)) * pitch).toFixed(2)} pt: ${r.text}`);
      // A line-end mark may be set half an em wide (GB/T 15834 §5.1.10).
      const tail = RIGHT_BLANK.has([...squash(r.text)].at(-1)!.codePointAt(0)!) ? 0.5 : 0;
      assert.ok(zi(r.text) - tail <= 28, `page ${i + 1}: ${zi(r.text)} 字: ${r.text}`);
      assert.ok(r.x >= left - 0.1 && r.right <= left + measure + 8.1, `page ${i + 1}: outside the 版心: ${r.text}`);
    }
    const all = rows(p.lines);
    assert.ok(all.length <= 22, `page ${i + 1} has ${all.length} lines`);
    if (all.length === 22) full++;
  }
  assert.ok(full >= 3, `${full} full pages of 22 lines`);
});

test('版头: organ name and a red rule across the 版心 on page 1, title after it', () => {
  const first = rows(pages[0]!.lines);
  assert.equal(squash(first[0]!.text), notice.meta.organ ?? notice.meta.issuer);
  assert.ok(Math.abs(first[0]!.x + first[0]!.right - 2 * left - measure) < 2, 'organ centred');
  // Render page 1 and find the red pixels.
  const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', file], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const redInRow = (y: number) => {
    let n = 0;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      if (data[o]! > 200 && data[o + 1]! < 90 && data[o + 2]! < 90) n++;
    }
    return n;
  };
  const ruleRows = Array.from({ length: h }, (_, y) => y).filter((y) => redInRow(y) > measure * 0.95);
  assert.ok(ruleRows.length >= 1, 'a red rule as wide as the 版心');
  const ruleY = ruleRows[0]!;
  const organRed = Array.from({ length: Math.round(top + mmToPt(50)) - Math.round(top + mmToPt(33)) }, (_, k) => redInRow(Math.round(top + mmToPt(33)) + k)).reduce((a, b) => a + b, 0);
  assert.ok(organRed > 500, 'organ name set in red about 35 mm below the 版心 top');
  const title = first.slice(1).find((r) => squash(notice.meta.title).startsWith(squash(r.text).slice(0, 6)))!;
  assert.ok(title && title.y > ruleY + pitch, 'title below the red rule');
});

test('folios "— n —": odd pages right, even pages left (1 字 in), 7 mm below the 版心', () => {
  // A 版记 alone on its page sits on an even page; a blank page before it and the 版记 page have no folio.
  const last = pages[pages.length - 1]!;
  const recordAlone = rows(last.lines).every((r) => r.y > typeBottom - 4 * pitch);
  if (recordAlone) assert.equal(pages.length % 2, 0, '版记 page is even');
  const unnumbered = new Set<number>();
  if (recordAlone && pages[pages.length - 2]!.lines.every((l) => l.yMin > typeBottom)) unnumbered.add(pages.length - 2).add(pages.length - 1);
  for (const [i, p] of pages.entries()) {
    const folio = p.lines.filter((l) => l.yMin > typeBottom + 4);
    if (unnumbered.has(i)) {
      assert.equal(folio.length, 0, `page ${i + 1} carries no folio`);
      assert.equal(p.lines.length, i === pages.length - 1 ? p.lines.length : 0, 'the page before the 版记 is blank');
      continue;
    }
    assert.equal(folio.length, 1, `page ${i + 1} folio`);
    const f = folio[0]!;
    assert.equal(squash(f.text), `—${i + 1}—`);
    if ((i + 1) % 2 === 1) assert.ok(Math.abs(f.xMax - (left + measure - 14)) < 1, `odd folio right edge ${f.xMax}`);
    else assert.ok(Math.abs(f.xMin - (left + 14)) < 1, `even folio left edge ${f.xMin}`);
    assert.ok(f.yMin > typeBottom + mmToPt(7) - 14 && f.yMax < typeBottom + mmToPt(7) + 14, `folio at ${f.yMin}`);
  }
});

test('the attachment starts a page with 附件 on line 1 and its title centred on line 3', () => {
  const att = notice.attachments[0]!;
  const idx = pages.findIndex((p) => p.lines[0] && squash(p.lines[0].text) === '附件');
  assert.ok(idx > 0, 'attachment page');
  const r = rows(pages[idx]!.lines);
  assert.ok(Math.abs(r[0]!.x - left) < 0.5, '附件 flush left');
  assert.ok(r[0]!.y < top + pitch + 1, '附件 on line 1');
  const t = r[1]!;
  assert.equal(squash(t.text), squash(att.title));
  assert.ok(Math.abs((t.x + t.right) / 2 - (left + measure / 2)) < 2, 'title centred');
  const center = t.y - 11;
  assert.ok(center > top + 2 * pitch && center < top + 3 * pitch + 6, `title on line 3 (${center - top})`);
});

test('版记 anchored at the 版心 foot of the last page; text read back equals the input', () => {
  const last = rows(pages[pages.length - 1]!.lines);
  const record = last[last.length - 1]!;
  assert.ok(record.y <= typeBottom + 1 && record.y > typeBottom - pitch, '印发 line on the last grid line');
  assert.match(squash(record.text), /印发$/);
  const text = squash(pages.flatMap((p) => rows(p.lines).map((r) => r.text)).join(''));
  const blocks = [...notice.body, ...notice.attachments.flatMap((a) => a.blocks)];
  for (const b of blocks) {
    const want = b.type === 'paragraph' ? squash(inlineText(b.runIn) + inlineText(b.content)) : b.type === 'heading' ? squash(inlineText(b.content)) : '';
    if (want) assert.ok(text.includes(want), `not read back: ${want.slice(0, 30)}`);
  }
  assert.ok(text.includes(squash(notice.meta.title)));
  assert.ok(text.includes('2020年4月8日'), 'date in Arabic digits without padding');
});

test('发文字号 centred two lines under the organ, red rule 4 mm under it; 抄送 in the 版记', async () => {
  const withNumber = { ...notice, meta: { ...notice.meta, docNumber: '曲民发〔2020〕5号', cc: '曲阜市人民政府办公室，济宁市民政局，曲阜市财政局，曲阜市人力资源和社会保障局，曲阜市卫生健康局' } };
  const out = await writePdf({ template, format: 'pdf', notice: withNumber });
  const f = savePdf(out.bytes, 'numbered.pdf');
  const p1 = rows(readPages(f)[0]!.lines);
  const organ = p1[0]!;
  const num = p1.find((r) => squash(r.text) === '曲民发〔2020〕5号')!;
  assert.ok(num, '发文字号 set');
  assert.ok(Math.abs(num.x + num.right - 2 * left - measure) < 2, '发文字号 centred');
  assert.ok(num.y - organ.y > 2 * pitch && num.y - organ.y < 3.2 * pitch, `two blank lines under the organ (${(num.y - organ.y).toFixed(1)} pt)`);
  const ppm = execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '144', f], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let ruleY = -1;
  for (let y = 0; y < h && ruleY < 0; y++) {
    let n = 0;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      if (data[o]! > 200 && data[o + 1]! < 90 && data[o + 2]! < 90) n++;
    }
    if (n > measure * 2 * 0.95) ruleY = y / 2;
  }
  // Baseline of the number ≈ row bottom − descent; the rule sits 4 mm below the number.
  const gapMm = ((ruleY - num.y) * 25.4) / 72;
  assert.ok(gapMm > 2.5 && gapMm < 5.5, `red rule ${gapMm.toFixed(1)} mm under the 发文字号`);
  const pages2 = readPages(f);
  const last = rows(pages2[pages2.length - 1]!.lines);
  const ccAt = last.findIndex((r) => squash(r.text).startsWith('抄送'));
  const cc = last[ccAt]!;
  const wrapped = last[ccAt + 1]!;
  assert.equal(squash(cc.text + wrapped.text), '抄送：曲阜市人民政府办公室，济宁市民政局，曲阜市财政局，曲阜市人力资源和社会保障局，曲阜市卫生健康局。');
  assert.ok(Math.abs(cc.x - (left + 14)) < 1, '抄送 indented 1 字');
  assert.ok(Math.abs(wrapped.x - (left + 14 + 3 * 14)) < 1, `wrapped names align after the colon (${wrapped.x - left})`);
  assert.ok(Math.abs(wrapped.y - cc.y - pitch) < 0.5, 'wrapped line on the next grid line');
  assert.ok(last[last.length - 1]!.y > wrapped.y, '印发 line under 抄送');
});

test('a 版记 that needs a page of its own goes on an even page, after an unnumbered blank page when needed', async () => {
  let blankInserted = 0;
  let alone = 0;
  for (let k = 24; k <= 70; k += 2) {
    const body = Array.from({ length: k }, (_, i) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `第${i + 1}项：按计划推进本年度重点工作。` }] }));
    const doc = { kind: 'notice' as const, id: 'g', meta: { title: '关于做好年度重点工作的通知', issuer: '某市民政局', date: '2021-02-03', cc: '市政府办公室' }, body, attachments: [] };
    const out = await writePdf({ template, format: 'pdf', notice: doc });
    const ps = readPages(savePdf(out.bytes, `grid-${k}.pdf`));
    const last = ps[ps.length - 1]!;
    const onlyRecord = rows(last.lines).every((r) => r.y > typeBottom - 3 * pitch);
    const folioOf = (i: number) => ps[i]!.lines.filter((l) => l.yMin > typeBottom + 4).length;
    if (!onlyRecord) {
      assert.equal(folioOf(ps.length - 1), 1, `k=${k}: a 版记 sharing its page keeps the folio`);
      continue;
    }
    alone++;
    assert.equal(ps.length % 2, 0, `k=${k}: the 版记 page is even`);
    if (ps[ps.length - 2]!.lines.length === 0) {
      blankInserted++;
      assert.equal(folioOf(ps.length - 1), 0, `k=${k}: no folio on the 版记 page after a blank page`);
    }
  }
  assert.ok(alone > 0 && blankInserted > 0, `exercised: 版记 alone ${alone}×, blank page inserted ${blankInserted}×`);
});

test('several attachments: numbered 附件说明 with names aligned, each attachment on its own page as 附件1, 附件2', async () => {
  const doc = {
    ...notice,
    meta: { ...notice.meta, attachmentTitles: ['2020年曲阜市民政工作要点', '2020年曲阜市民政重点项目清单（含县域养老服务体系建设、社会救助改革试点等十项任务）'] },
    attachments: [notice.attachments[0]!, { title: '2020年曲阜市民政重点项目清单', blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '一是推进县域养老服务体系建设。' }] }] }],
  };
  const out = await writePdf({ template, format: 'pdf', notice: doc });
  const ps = readPages(savePdf(out.bytes, 'two-attachments.pdf'));
  // The list may run over to page 2 when the 署名 block must follow it there.
  const p1 = [...rows(ps[0]!.lines), ...rows(ps[1]!.lines)];
  const i1 = p1.findIndex((r) => squash(r.text).startsWith('附件：1.'));
  assert.ok(i1 > 0, '附件：1. line');
  const second = p1[i1 + 1]!;
  assert.ok(squash(second.text).startsWith('2.'), `second name under the first: ${second.text}`);
  const third = p1[i1 + 2]!;
  // The long second name wraps under its own first character (hanging indent).
  const numX = (r: typeof second) => r.x;
  assert.ok(Math.abs(numX(second) - (left + 2 * 16 + 3 * 16 - 0.65)) < 2, `2. aligned under 1. (${(second.x - left).toFixed(1)})`);
  assert.ok(third.x > second.x + 8 && third.x < second.x + 24, `wrapped name aligned after the number (${(third.x - second.x).toFixed(1)})`);
  const labels = ps.map((p) => (p.lines[0] ? squash(p.lines[0].text) : ''));
  assert.ok(labels.includes('附件1') && labels.includes('附件2'), labels.join(','));
  assert.ok(labels.indexOf('附件2') > labels.indexOf('附件1'));
});

test('签发人 on an upward document: 发文字号 moves left, names in 楷体 two per line on the right', async () => {
  const doc = { ...notice, meta: { ...notice.meta, docNumber: '曲民报〔2020〕3号', signers: ['王某某', '李某', '张某某'] } };
  const out = await writePdf({ template, format: 'pdf', notice: doc });
  const f = savePdf(out.bytes, 'signers.pdf');
  const p1 = rows(readPages(f)[0]!.lines);
  const first = p1.find((r) => squash(r.text).startsWith('签发人：'))!;
  assert.equal(squash(first.text), '签发人：王某某李某');
  const last = p1.find((r) => squash(r.text).includes('曲民报〔2020〕3号'))!;
  assert.ok(Math.abs(last.y - first.y - pitch) < 0.6, 'the 发文字号 shares the line of the last names');
  assert.ok(squash(last.text).endsWith('张某某'), `last line: ${last.text}`);
  assert.ok(Math.abs(last.x - (left + 16)) < 1, `发文字号 indented 1 字 (${(last.x - left).toFixed(1)})`);
  assert.ok(Math.abs(first.right - (left + measure - 16)) < 1.5, `签发人 with a 1-字 right indent (${(left + measure - first.right).toFixed(1)})`);
  assert.ok(readFonts(f).some((x) => /WenKai|Kai/i.test(x.name)), 'names in a 楷 face');
});

test('a seal presses on 署名 and date: date 4 字 in from the right, name centred over it, seal centred on them', async () => {
  // A real transparent PNG: a red ring drawn by pdfkit, rasterised by poppler with an alpha channel.
  const { default: PDFDocument } = await import('pdfkit');
  const sealDoc = new PDFDocument({ size: [120, 120], margin: 0 });
  const chunks: Buffer[] = [];
  sealDoc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((r) => sealDoc.on('end', r));
  sealDoc.lineWidth(6).circle(60, 60, 55).stroke('#E00000');
  sealDoc.end();
  await ended;
  const sealPdf = savePdf(Buffer.concat(chunks), 'seal.pdf');
  const sealPng = `${sealPdf.slice(0, -4)}`;
  execFileSync('pdftocairo', ['-png', '-transp', '-singlefile', '-r', '144', sealPdf, sealPng]);
  const png = readFileSync(`${sealPng}.png`);
  const doc = { ...notice, meta: { ...notice.meta, sealImage: `data:image/png;base64,${png.toString('base64')}` } };
  const out = await writePdf({ template, format: 'pdf', notice: doc });
  const f = savePdf(out.bytes, 'sealed.pdf');
  const list = execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  assert.ok(list.some((l) => / image /.test(l)) && list.some((l) => / smask /.test(l)), 'the seal keeps its transparency');
  const page = Number(list[0]!.trim().split(/\s+/)[0]);
  const r = rows(readPages(f)[page - 1]!.lines);
  const dateRow = r.find((x) => squash(x.text) === '2020年4月8日')!;
  const nameRow = r.findLast((x) => squash(x.text) === notice.meta.issuer)!;
  assert.ok(Math.abs(dateRow.right - (left + measure - 4 * 16)) < 1, `date 4 字 from the right (${(left + measure - dateRow.right).toFixed(1)})`);
  assert.ok(Math.abs((nameRow.x + nameRow.right) / 2 - (dateRow.x + dateRow.right) / 2) < 1, 'name centred over the date');
  // Red pixels of the rendered page outside the 版头: the seal ring.
  const ppm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '72', f], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  let [x0, y0, x1, y1] = [w, h, 0, 0];
  for (let y = page === 1 ? 300 : 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      if (data[o]! > 180 && data[o + 1]! < 100 && data[o + 2]! < 100) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  const diameterMm = ((x1 - x0) * 25.4) / 72;
  assert.ok(diameterMm > 38 && diameterMm < 44, `seal about 42 mm (${diameterMm.toFixed(1)})`);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  assert.ok(Math.abs(cx - (dateRow.x + dateRow.right) / 2) < 3, 'seal centred on the date');
  assert.ok(cy < dateRow.y && cy > nameRow.y - pitch, 'name and date fall slightly below the seal’s centre');
});
