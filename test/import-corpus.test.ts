/**
 * The real corpus through the real importer, checked against what a careful editor extracted
 * by hand (../shared/corpus/expected/*.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORPUS_FILES, expected, importCorpus } from './fixtures/corpus.js';
import { blocksText, inlineText } from '../electron/core/model/text.js';
import type { Block, ParagraphBlock } from '../electron/core/model/types.js';
import type { ImportedFile } from '../electron/core/model/imported.js';

function paragraphs(blocks: readonly Block[]): ParagraphBlock[] {
  return blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
}

function paragraphText(p: ParagraphBlock): string {
  return inlineText(p.runIn) + inlineText(p.content);
}

function allText(file: ImportedFile): string {
  const parts = file.cases.map((c) => blocksText(c.body));
  if (file.notice) {
    parts.push(blocksText(file.notice.body));
    for (const a of file.notice.attachments) parts.push(a.title, blocksText(a.blocks));
  }
  if (file.info.lead) parts.push(blocksText(file.info.lead));
  return parts.join('\n');
}

function checkRegion(actual: unknown, want: { province: string | null; city: string | null; county: string | null }, what: string) {
  const r = actual as { province: string | null; city: string | null; county: string | null } | null;
  assert.ok(r, `${what}: region resolved`);
  assert.deepEqual({ province: r.province, city: r.city, county: r.county }, want, `${what}: region`);
}

function checkDropped(file: ImportedFile, examples: string[]) {
  const text = allText(file).split('\n');
  for (const line of examples) {
    assert.ok(file.dropped.includes(line), `dropped contains ${line}`);
    assert.ok(!text.includes(line), `${line} is not body text`);
  }
}

for (const name of CORPUS_FILES) {
  test(`corpus: ${name}`, async () => {
    const file = await importCorpus(name);
    const want = expected(name);
    assert.equal(file.kind, want.kind, 'kind');
    assert.deepEqual(file.warnings, [], 'nothing for the editor to check');
    if (want.dropped_lines_examples) checkDropped(file, want.dropped_lines_examples);

    if (want.document) {
      const d = want.document;
      for (const key of ['title', 'subtitle', 'publication', 'date', 'publisher'] as const) {
        if (key in d) assert.equal(file.info[key], d[key], `document ${key}`);
      }
      if (d.credits) assert.deepEqual(file.info.credits, d.credits, 'credits');
      if (d.keywords) assert.deepEqual(file.info.keywords, d.keywords, 'keywords');
      if (d.lead_starts_with) {
        const lead = paragraphs(file.info.lead ?? []);
        assert.ok(lead.length > 0, 'lead present');
        assert.ok(paragraphText(lead[0]!).startsWith(d.lead_starts_with), 'lead starts with');
        assert.ok(lead.every((p) => p.role === 'lead'), 'lead paragraphs carry the lead role');
      }
    }

    if (want.captions) {
      assert.deepEqual(file.captions, want.captions, 'captions, exactly and in order');
      const bodyParagraphs = new Set([
        ...file.cases.flatMap((c) => paragraphs(c.body).map(paragraphText)),
        ...paragraphs(file.info.lead ?? []).map(paragraphText),
      ]);
      for (const caption of want.captions as string[]) assert.ok(!bodyParagraphs.has(caption), `caption is no paragraph: ${caption}`);
      const captionBlocks = file.cases.flatMap((c) => c.body.filter((b) => b.type === 'image' && !b.src).map((b) => inlineText((b as { caption?: [] }).caption)));
      for (const c of file.cases) for (const caption of c.captions) assert.ok(captionBlocks.includes(caption), `caption ${caption} is an image block`);
    }

    if (want.cases) {
      assert.equal(file.cases.length, want.cases.length, 'number of cases');
      want.cases.forEach((w: any, i: number) => {
        const c = file.cases[i]!;
        const what = `case ${i + 1} (${w.title})`;
        assert.equal(c.meta.title, w.title, `${what}: title`);
        if ('subtitle' in w) assert.equal(c.meta.subtitle ?? null, w.subtitle, `${what}: subtitle`);
        if ('heading' in w) assert.equal(c.meta.heading, w.heading, `${what}: heading`);
        if ('unit' in w) assert.equal(c.meta.unit, w.unit, `${what}: unit`);
        if ('award' in w) assert.equal(c.meta.award, w.award, `${what}: award`);
        if ('date' in w) assert.equal(c.meta.date, w.date, `${what}: date`);
        if ('authors' in w) assert.equal(c.meta.authors, w.authors, `${what}: authors`);
        if (w.region) checkRegion(c.meta.region, w.region, what);
        if (w.category) {
          assert.ok(w.category.includes(c.meta.category), `${what}: category ${c.meta.category} in ${w.category.join('/')}`);
          const top = c.meta.categoryExplanation?.[0];
          assert.ok(top && top.words.length > 0, `${what}: category explained by words`);
        }
        if (w.sections) assert.deepEqual(c.sections, w.sections, `${what}: sections`);
        if (w.body_starts_with) {
          const first = paragraphs(c.body)[0];
          assert.ok(first && paragraphText(first).startsWith(w.body_starts_with), `${what}: body starts with ${w.body_starts_with}`);
        }
        if (w.run_in_headings) {
          const runIns = paragraphs(c.body)
            .filter((p) => p.runIn)
            .map((p) => inlineText(p.runIn).replace(/[:：。]$/u, ''));
          assert.deepEqual(runIns, w.run_in_headings, `${what}: run-in headings`);
        }
      });
    }

    if (want.notice) {
      const n = want.notice;
      const notice = file.notice;
      assert.ok(notice, 'notice present');
      assert.equal(notice.meta.title, n.title);
      assert.equal(notice.meta.addressees, n.addressees);
      assert.equal(notice.meta.issuer, n.issuer);
      assert.equal(notice.meta.organ, n.issuer, 'organ is the issuer when no 版头');
      assert.equal(notice.meta.date, n.date);
      checkRegion(notice.meta.region, n.region, 'notice');
      const body = paragraphs(notice.body);
      assert.ok(paragraphText(body[0]!).startsWith(n.body_starts_with), 'notice body start');
      assert.equal(notice.attachments.length, 1);
      const att = notice.attachments[0]!;
      assert.equal(att.title, n.attachment.title);
      assert.deepEqual(notice.meta.attachmentTitles, [n.attachment.title]);
      const level1 = att.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => blocksText([b]));
      assert.equal(level1.length, n.attachment.level1_headings);
      assert.equal(level1[0], n.attachment.first_level1);
      assert.equal(level1.at(-1), n.attachment.last_level1);
      const items = paragraphs(att.blocks).filter((p) => /^\d+[.．]/u.test(inlineText(p.runIn)));
      assert.equal(items.length, n.attachment.numbered_items);
      assert.deepEqual(
        items.map((p) => Number(/^\d+/u.exec(inlineText(p.runIn))![0])),
        Array.from({ length: 33 }, (_, i) => i + 1),
        'items numbered 1..33 in order, with or without a space after the number',
      );
      for (const p of items) assert.match(inlineText(p.runIn), /。$/u, 'run-in item heading ends in 。');
      // Every level-1 section ends with its (牵头领导:…) note.
      const notes = paragraphs(att.blocks).filter((p) => p.role === 'note');
      assert.equal(notes.length, n.attachment.level1_headings);
      const firstHeading = att.blocks.findIndex((b) => b.type === 'heading');
      att.blocks.forEach((b, i) => {
        if (b.type === 'heading' && b.level === 1 && i > firstHeading) assert.equal((att.blocks[i - 1] as ParagraphBlock).role, 'note', 'section closes with its note');
      });
    }
  });
}

test('corpus: the GB18030 copy imports identically to the UTF-8 one', async () => {
  const utf8 = await importCorpus('jinshi-2018-article.txt');
  const gb = await importCorpus('jinshi-2018-article.gb18030.txt');
  assert.equal(utf8.encoding, 'UTF-8');
  assert.equal(gb.encoding, 'GB18030');
  assert.notEqual(gb.contentHash, utf8.contentHash, 'different bytes, different file hash');
  assert.deepEqual(gb.cases.map((c) => c.fingerprint), utf8.cases.map((c) => c.fingerprint), 'the same cases, the same fingerprints');
  const strip = (f: ImportedFile) => ({ ...f, file: '', encoding: '', contentHash: '', cases: f.cases.map((c) => ({ ...c, meta: { ...c.meta, sourceFile: '' } })) });
  assert.deepEqual(strip(gb), strip(utf8));
});

test('corpus: the title repeated at the bottom of jinshi makes no second case or trailing paragraph', async () => {
  const file = await importCorpus('jinshi-2018-article.txt');
  assert.equal(file.cases.length, 1);
  const body = file.cases[0]!.body;
  const last = body.at(-1)!;
  assert.equal(last.type, 'paragraph');
  assert.ok(blocksText([last]).endsWith('实施了政府购买服务。'), 'the article ends with its last sentence, byline lifted off');
  assert.ok(!blocksText(body).includes(file.cases[0]!.meta.title), 'title not repeated in the body');
  assert.equal(file.dropped.filter((l) => l === file.cases[0]!.meta.title).length, 1, 'the repeated title is dropped once');
});

test('corpus: jining keeps the lead paragraph out of the cases and the award groups out of the bodies', async () => {
  const file = await importCorpus('jining-2020-shortlist.txt');
  assert.ok(paragraphText(paragraphs(file.info.lead ?? [])[0]!).startsWith('1月29日,山东省民政厅公示'));
  for (const c of file.cases) {
    const text = blocksText(c.body);
    assert.ok(!text.includes('拟入选'), `${c.meta.title}: no group heading in body`);
    assert.ok(!text.includes('创新单位'), `${c.meta.title}: unit field is metadata`);
    const runIn = paragraphs(c.body).find((p) => p.runIn);
    assert.match(inlineText(runIn?.runIn), /^一是.+。$/u, `${c.meta.title}: 一是… run-in`);
  }
});

test('corpus: feature run-in headings and case headings are not captions', async () => {
  const file = await importCorpus('zhongguominzheng-2022-02-feature.txt');
  const jinan = file.cases[0]!;
  const runIns = paragraphs(jinan.body).filter((p) => p.runIn).map((p) => inlineText(p.runIn));
  assert.ok(runIns.includes('扛起一面旗帜,党建引航擦亮品牌。'));
  const binzhou = file.cases.find((c) => c.meta.heading === '滨州')!;
  assert.ok(paragraphs(binzhou.body).some((p) => inlineText(p.runIn) === '建立“2”个信息台账,确保精准帮扶。'));
  for (const c of file.cases) assert.ok(!file.captions.some((cap) => cap.includes(c.meta.title)), `${c.meta.title} is no caption`);
  // The first paragraph of a case is its introduction, not a run-in.
  assert.equal(paragraphs(jinan.body)[0]!.runIn, undefined);
});
