/**
 * The same drafts saved as DOCX (made here with the `docx` package, the feature's city
 * headings as Heading 2) and as saved web pages (with a nav bar and footer furniture) must
 * import to the same cases as the plain-text originals.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { importFile } from '../electron/core/import/index.js';
import { blocksText, inlineText } from '../electron/core/model/text.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import { corpusPath, expected, importCorpus } from './fixtures/corpus.js';

const DRAFTS = ['jining-2020-shortlist.txt', 'zhongguominzheng-2022-02-feature.txt', 'qufu-2020-notice.txt', 'jinshi-2018-article.txt'];

function linesOf(name: string): string[] {
  return readFileSync(corpusPath(name), 'utf8').split(/\r?\n/u);
}

/** The feature's city headings ("济南 “泉社彤行”…"), from the expected cases. */
function caseHeadingLines(name: string): Set<string> {
  const want = expected(name);
  return new Set((want.cases ?? []).filter((c: any) => c.heading).map((c: any) => `${c.heading} ${c.title}`));
}

async function asDocx(name: string): Promise<Buffer> {
  const headings = caseHeadingLines(name);
  const children = linesOf(name).map((line) =>
    headings.has(line.trim())
      ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(line.trim())] })
      : new Paragraph({ children: [new TextRun(line)] }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asHtml(name: string): string {
  const body = linesOf(name)
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(linesOf(name)[0]!)}</title>
<style>p { margin: 0 }</style><script>var visits = 1;</script></head><body>
<nav><a href="/">首页</a> | <a href="/xxgk">信息公开</a> | <a href="/bsfw">办事服务</a></nav>
<div class="main">${body}</div>
<div class="footer"><p>版权所有：某市民政局&#x3000;地址：某市某路1号</p><p>网站标识码：3708000001&#x3000;鲁ICP备12345678号</p></div>
</body></html>`;
}

/** What must agree across formats: the reading of the draft, not where its text came from. */
function summary(file: ImportedFile) {
  return {
    kind: file.kind,
    info: { title: file.info.title, subtitle: file.info.subtitle ?? null, date: file.info.date ?? null, publication: file.info.publication ?? null, credits: file.info.credits ?? null },
    captions: file.captions,
    cases: file.cases.map((c) => ({
      title: c.meta.title,
      subtitle: c.meta.subtitle ?? null,
      heading: c.meta.heading ?? null,
      region: c.meta.region,
      unit: c.meta.unit ?? null,
      award: c.meta.award ?? null,
      category: c.meta.category,
      authors: c.meta.authors ?? null,
      sections: c.sections,
      captions: c.captions,
      body: blocksText(c.body),
      runIns: c.body.filter((b) => b.type === 'paragraph' && b.runIn).length,
    })),
    notice: file.notice
      ? {
          meta: { ...file.notice.meta, sourceFile: null },
          body: blocksText(file.notice.body),
          attachments: file.notice.attachments.map((a) => ({ title: a.title, text: blocksText(a.blocks), blocks: a.blocks.map((b) => b.type) })),
        }
      : null,
  };
}

for (const name of DRAFTS) {
  test(`formats: ${name} as DOCX imports to the same cases`, async () => {
    const original = await importCorpus(name);
    const docxName = name.replace(/\.txt$/u, '.docx');
    const file = await importFile({ name: docxName, bytes: await asDocx(name) });
    assert.equal(file.format, 'docx');
    assert.deepEqual(summary(file), summary(original));
  });

  test(`formats: ${name} as a saved web page imports to the same cases`, async () => {
    const original = await importCorpus(name);
    const htmlName = name.replace(/\.txt$/u, '.html');
    const file = await importFile({ name: htmlName, bytes: new TextEncoder().encode(asHtml(name)) });
    assert.equal(file.format, 'html');
    assert.deepEqual(summary(file), summary(original));
    // The page's own furniture is listed as dropped, and none of it reaches the text.
    const text = JSON.stringify(summary(file));
    for (const furniture of ['信息公开', '版权所有', '网站标识码', 'visits']) assert.ok(!text.includes(furniture), `${furniture} dropped`);
    assert.ok(file.dropped.some((d) => d.includes('办事服务')), 'the nav bar is reported as dropped');
    assert.ok(file.dropped.some((d) => d.includes('版权所有')), 'the footer is reported as dropped');
  });
}

test('formats: DOCX headings and bold runs survive into the model', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('南宁市青秀区“邻里守望”打造社区养老新模式')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、基本情况')] }),
          new Paragraph({ children: [new TextRun({ text: '建立一张清单。', bold: true }), new TextRun('青秀区民政局会同街道建立独居老人清单,逐户走访,做到底数清、情况明。')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG_1PX, transformation: { width: 120, height: 80 } })] }),
          new Paragraph({ children: [new TextRun('青秀区志愿者上门探访独居老人')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、主要成效')] }),
          new Paragraph({ children: [new TextRun('全区累计为1200名独居老人提供上门探访服务,老人满意度明显提升。')] }),
        ],
      },
    ],
  });
  const file = await importFile({ name: 'nanning.docx', bytes: await Packer.toBuffer(doc) });
  assert.equal(file.kind, 'single-case');
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '南宁市青秀区“邻里守望”打造社区养老新模式');
  assert.deepEqual({ p: c.meta.region?.province, c: c.meta.region?.city, k: c.meta.region?.county }, { p: '广西壮族自治区', c: '南宁市', k: '青秀区' });
  const headings = c.body.filter((b) => b.type === 'heading').map((b) => blocksText([b]));
  assert.deepEqual(headings, ['一、基本情况', '二、主要成效']);
  const para = c.body.find((b) => b.type === 'paragraph' && b.runIn);
  assert.ok(para && para.type === 'paragraph');
  assert.deepEqual(para.runIn, [{ type: 'text', text: '建立一张清单。', marks: ['bold'] }]);
  assert.equal(c.meta.category, '养老服务');
  const picture = c.body.find((b) => b.type === 'image');
  assert.ok(picture && picture.type === 'image');
  assert.match(picture.src ?? '', /^data:image\/png;base64,/u, 'the picture is embedded as a data URI');
  assert.equal(inlineText(picture.caption), '青秀区志愿者上门探访独居老人', 'the line under the picture is its caption');
  assert.deepEqual(c.captions, ['青秀区志愿者上门探访独居老人']);
});

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

test('formats: the drafts saved by LibreOffice as Word 97 (.doc) import to the same cases', { skip: SOFFICE ? false : 'LibreOffice (soffice) is not installed' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-doc-'));
  try {
    const sources = DRAFTS.map((name) => {
      const p = path.join(dir, name);
      copyFileSync(corpusPath(name), p);
      return p;
    });
    // One soffice run converts all four (its start-up dominates).
    execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'doc:MS Word 97', '--outdir', dir, ...sources], { stdio: 'ignore', timeout: 60_000 });
    for (const name of DRAFTS) {
      const docName = name.replace(/\.txt$/u, '.doc');
      const file = await importFile({ name: docName, bytes: readFileSync(path.join(dir, docName)) });
      assert.equal(file.format, 'doc');
      assert.deepEqual(summary(file), summary(await importCorpus(name)), docName);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

test('formats: a page saved by Chromium as a single file (MHTML) imports to the same cases, pictures included', { skip: CHROMIUM ? false : 'Chromium is not installed' }, async () => {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(path.join(tmpdir(), 'huibian-mhtml-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const name = 'zhongguominzheng-2022-02-feature.txt';
    // A 1×1 PNG beside the page, referenced by a relative URL as a saved page does.
    writeFileSync(path.join(dir, 'photo.png'), PNG_1PX);
    // The poster's caption line becomes the figure it describes.
    const html = asHtml(name).replace(
      '<p>全国首部关注流浪人员救助工作的宽银幕电影《归路》海报</p>',
      '<figure><img src="photo.png" alt="海报"><figcaption>全国首部关注流浪人员救助工作的宽银幕电影《归路》海报</figcaption></figure>',
    );
    writeFileSync(path.join(dir, 'page.html'), html);
    const page = await browser.newPage();
    await page.goto(`file://${path.join(dir, 'page.html')}`);
    const cdp = await page.context().newCDPSession(page);
    const { data } = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
    const file = await importFile({ name: 'feature.mhtml', bytes: Buffer.from(data, 'latin1') });
    assert.equal(file.format, 'mhtml');
    assert.deepEqual(summary(file), summary(await importCorpus(name)));
    const picture = (file.info.lead ?? []).find((b) => b.type === 'image');
    assert.ok(picture && picture.type === 'image', 'the poster is in the lead, as a picture');
    assert.match(picture.src ?? '', /^data:image\/png;base64,iVBORw0KGgo/u, 'the saved picture is embedded as a data URI');
    assert.equal(inlineText(picture.caption), '全国首部关注流浪人员救助工作的宽银幕电影《归路》海报');
    assert.equal(picture.alt, '海报');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('formats: application forms typed as Word tables (案例名称 | …) read like typed forms', async () => {
  const { Table, TableRow, TableCell, WidthType } = await import('docx');
  const row = (label: string, ...values: string[]) =>
    new TableRow({
      children: [
        new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [new Paragraph(label)] }),
        new TableCell({ width: { size: 7000, type: WidthType.DXA }, children: values.map((v) => new Paragraph(v)) }),
      ],
    });
  const form = (title: string, unit: string, overview: string, ...practice: string[]) =>
    new Table({ rows: [row('案例名称', title), row('创新单位', unit), row('案例概况', overview), row('主要做法', ...practice)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('2020年度全省民政工作创新案例申报表'),
          form('嘉祥丧事综合服务“零跑腿”', '济宁市民政局', '嘉祥县民政局通过创新丧事综合服务新模式,全面推行丧事办理“零证明、零材料”。', '一是推行丧事办理“零证明”。对逝者“身后事”办理事项进行梳理。', '二是推行殡葬事项全程免费代办。'),
          new Paragraph(''),
          form('儒乡曲阜 诚信救助', '济宁市民政局', '曲阜市结合实际,积极开展社会救助制度创新试点。', '一是完善制度,有效推进。将诚信救助内容纳入社会救助体系。'),
        ],
      },
    ],
  });
  const file = await importFile({ name: 'forms.docx', bytes: await Packer.toBuffer(doc) });
  assert.equal(file.kind, 'case-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['嘉祥丧事综合服务“零跑腿”', '儒乡曲阜 诚信救助']);
  assert.deepEqual(file.cases.map((c) => c.meta.unit), ['济宁市民政局', '济宁市民政局']);
  assert.deepEqual(file.cases.map((c) => c.sections), [['案例概况', '主要做法'], ['案例概况', '主要做法']]);
  assert.deepEqual(file.cases.map((c) => c.meta.category), ['社会事务', '社会救助']);
  assert.deepEqual(file.cases.map((c) => c.meta.region?.county), ['嘉祥县', '曲阜市']);
  const practice = file.cases[0]!.body.filter((b) => b.type === 'paragraph' && b.runIn).map((b) => (b.type === 'paragraph' ? inlineText(b.runIn) : ''));
  // The second item is a sentence on its own: nothing follows it to set it off as a run-in.
  assert.deepEqual(practice, ['一是推行丧事办理“零证明”。']);
  assert.ok(file.cases.every((c) => !c.body.some((b) => b.type === 'table')), 'the form tables became text');
});

test('formats: a single case in Word whose sections are unnumbered styled headings stays one case', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('青秀区“邻里守望”打造社区养老新模式')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('创新背景')] }),
          new Paragraph('青秀区独居老人多,日常照料和应急帮助需求大。'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('经验与做法')] }),
          new Paragraph('组建邻里守望队伍,为独居老人提供探访服务。'),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('成效与启示')] }),
          new Paragraph('老人满意度明显提升。'),
        ],
      },
    ],
  });
  const file = await importFile({ name: 'one.docx', bytes: await Packer.toBuffer(doc) });
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);
  assert.deepEqual(
    file.cases[0]!.body.filter((b) => b.type === 'heading').map((b) => blocksText([b])),
    ['创新背景', '经验与做法', '成效与启示'],
  );
});

test('formats: Word footnotes become footnote inlines where they are referenced, not a list at the end', async () => {
  const { FootnoteReferenceRun } = await import('docx');
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('数据来源:市民政局2021年统计。')] } },
    sections: [
      {
        children: [
          new Paragraph('津市市“五化民政”建设'),
          new Paragraph({ children: [new TextRun('全市建成养老机构43个'), new FootnoteReferenceRun(1), new TextRun(',床位2030张,每千名老人拥有床位数达40张。')] }),
        ],
      },
    ],
  });
  const file = await importFile({ name: 'notes.docx', bytes: await Packer.toBuffer(doc) });
  const body = file.cases[0]!.body;
  assert.equal(body.length, 1, 'the footnote list is not body text');
  const p = body[0]!;
  assert.ok(p.type === 'paragraph');
  assert.equal(inlineText(p.content), '全市建成养老机构43个,床位2030张,每千名老人拥有床位数达40张。', 'no [1] marker in the text');
  const note = p.content.find((i) => i.type === 'footnote');
  assert.ok(note && note.type === 'footnote');
  assert.equal(blocksText(note.blocks), '数据来源:市民政局2021年统计。');
  assert.equal(p.content.indexOf(note), 1, 'the note sits where it was referenced');
});
