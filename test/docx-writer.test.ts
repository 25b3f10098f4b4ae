/**
 * The DOCX writer on the real corpus, read back at the XML level: styles with outline
 * levels and both faces, a TOC field whose cached entries carry page numbers, sections with
 * their own running heads, the notice's GB/T 9704 page set-up and grid, comments with
 * replies and resolved state, and the document ids that let a reviewed file come back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { CaseDocument, CollectionBundle, CommentThread, NoticeDocument } from '../electron/core/model/types.js';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';
import { bookTemplate, part, styleXml, unzip } from './docx-helpers.js';

const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));
const orderedIds = (b: CollectionBundle): string[] => b.collection.sections.flatMap((s) => s.caseIds);

function runs(xml: string): string[] {
  return xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/g) ?? [];
}

function runText(run: string): string {
  return [...run.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

test('anthology: real paragraph styles with outline levels, both faces on every run, 字号 sizes', async () => {
  const bundle = await corpusBundle();
  const template = await bookTemplate();
  const { bytes } = await writeDocx({ format: 'docx', template, bundle });
  const parts = await unzip(bytes);
  const styles = part(parts, 'word/styles.xml');
  const doc = part(parts, 'word/document.xml');

  // Headings carry outline levels (Word's 导航窗格, WPS's 目录) and the template's faces and sizes.
  const h1 = styleXml(styles, 'Heading1');
  assert.match(h1, /<w:name w:val="heading 1"\/>/);
  assert.match(h1, /<w:outlineLvl w:val="0"\/>/);
  assert.match(h1, /w:eastAsia="方正小标宋简体"/);
  assert.match(h1, /<w:sz w:val="52"\/>/, '篇 title in 一号 (26 pt)');
  const h2 = styleXml(styles, 'Heading2');
  assert.match(h2, /<w:outlineLvl w:val="1"\/>/);
  assert.match(h2, /<w:sz w:val="36"\/>/, 'case title in 小二 (18 pt)');
  // Each case starts a new page through its own section (the first of a part after the divider's blank verso).
  const types = [...doc.matchAll(/<w:sectPr>.*?<w:type w:val="(\w+)"\/>.*?<\/w:sectPr>/g)].map((m) => m[1]);
  assert.equal(types.filter((t) => t === 'nextPage').length, orderedIds(bundle).length + bundle.collection.sections.length + 1);
  const h3 = styleXml(styles, 'Heading3');
  assert.match(h3, /<w:outlineLvl w:val="2"\/>/);
  assert.match(h3, /w:eastAsia="黑体"/);
  // 正文: 五号 宋体, first-line indent of two characters written both ways (LibreOffice ignores firstLineChars).
  const normal = styleXml(styles, 'Normal');
  assert.match(normal, /w:firstLineChars="200" w:firstLine="420"/);
  assert.match(normal, /w:eastAsia="宋体"/);
  assert.match(normal, /w:ascii="Times New Roman"/);
  assert.match(normal, /<w:sz w:val="21"\/>/);
  for (const id of ['Title', 'Caption', 'TOC1', 'TOC2', 'TOCHeading', 'Header', 'Footer', 'FootnoteText']) styleXml(styles, id);

  // Every text run names its East Asian and Latin face; curly quotes get the East Asian hint.
  const textRuns = runs(doc).filter((r) => r.includes('<w:t'));
  assert.ok(textRuns.length > 500, `only ${textRuns.length} text runs`);
  for (const r of textRuns) {
    assert.match(r, /<w:rFonts w:ascii="[^"]+" w:hAnsi="[^"]+" w:eastAsia="[^"]+"/, `run without both faces: ${r.slice(0, 200)}`);
    if (/[“”‘’]/.test(runText(r))) assert.match(r, /w:hint="eastAsia"/, `curly quotes without the East Asian hint: ${runText(r)}`);
  }
  assert.ok(textRuns.some((r) => /[“”]/.test(runText(r))), 'the corpus has curly quotes');

  // Every case title is a Heading2 paragraph, in the collection's order.
  const titles = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading2"\/>.*?<\/w:p>/g)].map((m) => runs(m[0]).map(runText).join(''));
  const cases = new Map(casesOf(bundle).map((c) => [c.id, c]));
  assert.deepEqual(titles, orderedIds(bundle).map((id) => cases.get(id)!.meta.title));
  // In-case headings (案例概况, 一、 …) are Heading3, one per level-1 heading of the model.
  const level1 = casesOf(bundle).reduce((n, c) => n + c.body.filter((b) => b.type === 'heading' && b.level === 1).length, 0);
  assert.ok(level1 > 0, 'level1 > 0');
  assert.equal((doc.match(/<w:pStyle w:val="Heading3"\/>/g) ?? []).length, level1);
  // Run-in heads keep the template's run-in face through a character style.
  assert.ok((doc.match(/<w:rStyle w:val="HBRunIn"\/>/g) ?? []).length > 0, '(doc.match(/<w:rStyle w:val="HBRunIn"\\/>/g) ?? []).length > 0');
});

test('anthology: TOC field with cached entries and page numbers, sections per part with their own running heads', async () => {
  const bundle = await corpusBundle();
  const template = await bookTemplate();
  const { bytes, pages } = await writeDocx({ format: 'docx', template, bundle });
  const parts = await unzip(bytes);
  const doc = part(parts, 'word/document.xml');
  const settings = part(parts, 'word/settings.xml');

  // One TOC field, marked dirty (refreshed on open, no update-fields prompt), not updateFields.
  // Its switches in any order: outline levels 1-2, hyperlinked entries, no page numbers in web view, outline levels applied.
  const instr = [...doc.matchAll(/<w:instrText[^>]*> ?(TOC [^<]*?) ?<\/w:instrText>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
  assert.equal(instr.length, 1, `one TOC field: ${instr.join(' | ')}`);
  assert.deepEqual(instr[0]!.match(/\\\w(?: "[^"]*")?/g)!.sort(), ['\\h', '\\o "1-2"', '\\u', '\\z']);
  assert.match(doc, /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>(?:<\/w:r><w:r>)?<w:instrText xml:space="preserve"> ?TOC /);
  assert.doesNotMatch(settings, /updateFields/);

  // Cached entries: a TOC2 paragraph per case whose PAGEREF result is a page number, pages rising.
  const entries = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="TOC(\d)"\/>.*?<\/w:p>/g)].map((m) => {
    const ref = /PAGEREF (_Toc\d+) \\h <\/w:instrText><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r>(<w:r>.*?<\/w:r>)/.exec(m[0]);
    assert.ok(ref, `TOC entry without a PAGEREF: ${m[0].slice(0, 300)}`);
    return { level: Number(m[1]), bookmark: ref[1]!, page: Number(runText(ref[2]!)), text: runs(m[0].split('<w:tab/>')[0]!).map(runText).join('') };
  });
  const caseEntries = entries.filter((e) => e.level === 2);
  assert.equal(caseEntries.length, orderedIds(bundle).length);
  assert.equal(entries.filter((e) => e.level === 1).length, bundle.collection.sections.length);
  let last = 0;
  for (const e of entries) {
    assert.ok(Number.isInteger(e.page) && e.page >= 1, `no page number for ${e.text}`);
    assert.ok(e.page >= last, `pages go backwards at ${e.text}`);
    last = e.page;
    // The entry's hyperlink and PAGEREF point at a bookmark on the heading itself.
    assert.match(doc, new RegExp(`<w:bookmarkStart w:id="\\d+" w:name="${e.bookmark}"/>`));
  }
  // The book's physical pages: cover, blank, TOC, blank, then the body whose folios the TOC gives.
  assert.ok(last + 4 <= pages! && pages! - last < 12, `last entry on ${last}, book has ${pages}`);
  assert.equal(entries[0]!.text, `${bundle.collection.sections[0]!.title}篇`);

  // Sections: cover, the 前言 (the corpus collection has a lead), TOC, then per part a divider section, its blank verso and a section per case.
  const sectPrs = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
  assert.ok(bundle.collection.lead?.length, 'the corpus collection has a lead');
  assert.equal(sectPrs.length, 3 + 2 * bundle.collection.sections.length + orderedIds(bundle).length);
  assert.match(settings, /<w:evenAndOddHeaders\/>/);
  assert.match(settings, /<w:mirrorMargins\/>/);
  // Page numbers restart at 1 on the first part only, and then continue through the book.
  assert.equal(sectPrs.filter((s) => /<w:pgNumType w:fmt="decimal" w:start="1"\/>/.test(s)).length, 1);
  // Case sections: odd header names the part, even header the book. A section without a reference
  // of a kind shows the previous section's (as Word and LibreOffice read it), so each section's
  // effective references are carried forward.
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const target = (rid: string) => new RegExp(`Id="${rid}" Type="[^"]+" Target="([^"]+)"`).exec(rels)![1]!;
  const effective: Array<Record<string, string>> = [];
  for (const s of sectPrs) {
    const refs = { ...(effective[effective.length - 1] ?? {}) };
    for (const m of s.matchAll(/<w:(header|footer)Reference w:type="(\w+)" r:id="(rId\w+)"\/>/g)) refs[`${m[1]}:${m[2]}`] = m[3]!;
    effective.push(refs);
  }
  const shown = (refs: Record<string, string>, key: string) => (refs[key] ? part(parts, `word/${target(refs[key])}`) : '');
  const caseSections = effective.filter((refs) => /篇<\/w:t>/.test(shown(refs, 'header:default')));
  assert.equal(caseSections.length, orderedIds(bundle).length);
  const partOf = new Map(bundle.collection.sections.flatMap((sec) => sec.caseIds.map((id) => [id, sec.title] as const)));
  caseSections.forEach((refs, i) => {
    assert.match(shown(refs, 'header:default'), new RegExp(`${partOf.get(orderedIds(bundle)[i]!)}篇`));
    assert.match(shown(refs, 'header:even'), new RegExp(bundle.collection.title));
    assert.match(shown(refs, 'footer:default'), /<w:instrText xml:space="preserve"> ?PAGE ?<\/w:instrText>/);
  });
  // 16开 page: 185 × 260 mm.
  assert.match(sectPrs[0]!, /<w:pgSz w:w="10488" w:h="14740"(?: w:orient="portrait")?\/>/);
});

test('anthology: document ids in custom properties and a bookmark per case', async () => {
  const bundle = await corpusBundle();
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle });
  const parts = await unzip(bytes);
  const custom = part(parts, 'docProps/custom.xml');
  const m = /name="HuibianDocumentIds"><vt:lpwstr>([^<]*)<\/vt:lpwstr>/.exec(custom);
  assert.ok(m, 'm');
  assert.deepEqual(JSON.parse(m[1]!.replace(/&quot;/g, '"')), orderedIds(bundle));
  const doc = part(parts, 'word/document.xml');
  const marks = [...doc.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="_HBdoc(\d+)"\/>/g)];
  assert.equal(marks.length, orderedIds(bundle).length);
  for (const [i, mark] of marks.entries()) {
    assert.equal(Number(mark[2]), i);
    assert.match(doc, new RegExp(`<w:bookmarkEnd w:id="${mark[1]}"/>`));
  }
  assert.match(part(parts, '[Content_Types].xml'), /PartName="\/docProps\/custom.xml"/);
  assert.match(part(parts, 'customXml/item1.xml'), /urn:huibian:export:1/);
});

test('feature: headline, credits and lead in one column, then the cases in two columns', async () => {
  const bundle = await corpusBundle();
  const template = loadTemplate('feature');
  const { bytes } = await writeDocx({ format: 'docx', template, bundle });
  const parts = await unzip(bytes);
  const doc = part(parts, 'word/document.xml');
  const sectPrs = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
  assert.equal(sectPrs.length, 3, 'opener, cases, and an empty continuous section that balances the last page');
  assert.match(sectPrs[0]!, /<w:cols w:space="\d+"\/>/);
  assert.match(sectPrs[2]!, /<w:type w:val="continuous"\/>.*<w:cols w:space="\d+"\/>/);
  assert.match(sectPrs[1]!, /<w:type w:val="continuous"\/>.*<w:cols w:num="2" w:space="386"\/>/);
  const titleP = /<w:p><w:pPr><w:pStyle w:val="Title"\/>.*?<\/w:p>/.exec(doc)![0];
  assert.equal(runs(titleP).map(runText).join(''), bundle.collection.title);
  const lead = bundle.collection.lead ?? [];
  assert.ok(lead.length > 0, 'the corpus feature has a lead');
  // Lead paragraphs in the 导语 style (a photo caption inside the lead stays a caption).
  const leadParagraphs = lead.filter((b) => b.type === 'paragraph').length;
  assert.equal((doc.match(/<w:pStyle w:val="HBLead"\/>/g) ?? []).length, leadParagraphs);
  const credits = Object.values(bundle.collection.credits ?? {});
  for (const name of credits) assert.ok(doc.includes(name), `credit ${name} missing`);
  // Cases are Heading1 in the accent colour, all after the column break.
  const styles = part(parts, 'word/styles.xml');
  assert.match(styleXml(styles, 'Heading1'), /<w:color w:val="8B1A1A"\/>/);
  const firstCase = doc.indexOf('<w:pStyle w:val="Heading1"/>');
  assert.ok(firstCase > doc.indexOf(sectPrs[0]!), 'firstCase > doc.indexOf(sectPrs[0]!)');
  assert.equal((doc.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length, orderedIds(bundle).length);
});

test('notice: GB/T 9704 page set-up, 22 × 28 grid, red organ and rule, faces per level, folios on alternating sides', async () => {
  const notice = await corpusNotice();
  const template = loadTemplate('notice');
  const { bytes } = await writeDocx({ format: 'docx', template, notice });
  const parts = await unzip(bytes);
  const doc = part(parts, 'word/document.xml');
  const styles = part(parts, 'word/styles.xml');
  const sectPr = /<w:sectPr>.*?<\/w:sectPr>/.exec(doc)![0];
  assert.match(sectPr, /<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
  assert.match(sectPr, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
  const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="(-?\d+)"\/>/.exec(sectPr);
  assert.ok(grid, 'linesAndChars grid with a 28.95 pt pitch');
  // Word's char pitch = 16 pt + charSpace/4096: 28 characters must fill 156 mm.
  assert.ok(Math.abs((16 + Number(grid[1]) / 4096) * 28 - 442.2) < 0.5, 'Math.abs((16 + Number(grid[1]) / 4096) * 28 - 442.2) < 0.5');
  assert.match(styles, /<w:overflowPunct w:val="0"\/>/);
  assert.match(part(parts, 'word/settings.xml'), /<w:evenAndOddHeaders\/>/);

  // Organ name red 小标宋, rule under the 发文字号 as a red paragraph border (no shapes, no text boxes).
  const organ = styleXml(styles, 'HBOrgan');
  assert.match(organ, /<w:color w:val="FF0000"\/>/);
  assert.match(organ, /w:eastAsia="方正小标宋简体"/);
  assert.ok(doc.includes(notice.meta.organ!), 'doc.includes(notice.meta.organ!)');
  assert.match(doc, /<w:pStyle w:val="HBDocNumber"\/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="11" w:color="FF0000"\/><\/w:pBdr>/);
  assert.doesNotMatch(doc, /<w:txbxContent|<v:shape|<wps:wsp/);
  // Title 小标宋 2号; body 仿宋 3号 on the 28.95 pt pitch; levels 黑体 / 楷体 / 仿宋.
  assert.match(styleXml(styles, 'Title'), /w:eastAsia="方正小标宋简体".*<w:sz w:val="44"\/>/);
  assert.match(styleXml(styles, 'Normal'), /w:line="579" w:lineRule="exact".*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/);
  assert.match(styleXml(styles, 'Heading1'), /<w:outlineLvl w:val="0"\/>.*w:eastAsia="黑体"/);
  assert.match(styleXml(styles, 'Heading2'), /<w:outlineLvl w:val="1"\/>.*w:eastAsia="楷体_GB2312"/);
  assert.match(styleXml(styles, 'Heading3'), /<w:outlineLvl w:val="2"\/>.*w:eastAsia="仿宋_GB2312"/);
  // The attachment line, issuer and date as GB/T 9704 writes them.
  assert.ok(doc.includes(`附件：${notice.meta.attachmentTitles![0]}`), 'doc.includes(`附件：${notice.meta.attachmentTitles![0]}`)');
  assert.ok(doc.includes('2020年4月8日'), 'doc.includes(\'2020年4月8日\')');
  // Folios "— n —": odd pages right with a 1-字 indent, even pages left.
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const footer = (type: string) => {
    const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\w+)"/>`).exec(sectPr)![1];
    return part(parts, `word/${new RegExp(`Id="${rid}" Type="[^"]+" Target="([^"]+)"`).exec(rels)![1]}`);
  };
  assert.match(footer('default'), /<w:jc w:val="right"\/>.*— <\/w:t>.*> ?PAGE ?<.* —<\/w:t>/);
  assert.match(footer('default'), /<w:ind w:left="0" w:right="280"/);
  assert.match(footer('even'), /<w:jc w:val="left"\/>/);
  assert.match(footer('default'), /w:eastAsia="宋体" w:cs="[^"]+" w:hint="eastAsia"/);
});

test('notice: 版记 rules as paragraph borders, thick outside and thin between', async () => {
  const notice: NoticeDocument = { ...(await corpusNotice()) };
  notice.meta = { ...notice.meta, cc: '市委办公室，市政府办公室', printer: '曲阜市民政局办公室', printDate: '2020-04-08', docNumber: '曲民发〔2020〕3号' };
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice });
  const doc = part(await unzip(bytes), 'word/document.xml');
  const record = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="HBRecord"\/>.*?<\/w:p>/g)].map((m) => m[0]);
  assert.equal(record.length, 2);
  assert.match(record[0]!, /<w:top w:val="single" w:sz="8"[^>]*\/>.*<w:bottom w:val="single" w:sz="6"/);
  assert.match(record[1]!, /<w:bottom w:val="single" w:sz="8"/);
  assert.ok(runs(record[0]!).map(runText).join('').includes('抄送：市委办公室，市政府办公室。'), 'runs(record[0]!).map(runText).join(\'\').includes(\'抄送：市委办公室，市政府办公室。\')');
  assert.ok(runs(record[1]!).map(runText).join('').includes('2020年4月8日印发'), 'runs(record[1]!).map(runText).join(\'\').includes(\'2020年4月8日印发\')');
  assert.ok(doc.includes('曲民发〔2020〕3号'), 'doc.includes(\'曲民发〔2020〕3号\')');
});

function withThread(bundle: CollectionBundle): { bundle: CollectionBundle; threads: Record<string, CommentThread[]>; quote: string; caseId: string } {
  const cases = casesOf(bundle);
  const target = cases.find((c) => c.body.some((b) => b.type === 'paragraph' && b.content.some((i) => i.type === 'text' && i.text.length > 20)))!;
  const body = structuredClone(target.body);
  const para = body.find((b) => b.type === 'paragraph' && b.content.some((i) => i.type === 'text' && i.text.length > 20))!;
  assert.ok(para.type === 'paragraph', 'para.type === \'paragraph\'');
  const idx = para.content.findIndex((i) => i.type === 'text' && i.text.length > 20);
  const inline = para.content[idx]!;
  assert.ok(inline.type === 'text', 'inline.type === \'text\'');
  const chars = [...inline.text];
  const quote = chars.slice(4, 14).join('');
  para.content.splice(idx, 1, { type: 'text', text: chars.slice(0, 4).join('') }, { type: 'text', text: quote, comments: ['thread-1'] }, { type: 'text', text: chars.slice(14).join('') });
  const copy: CollectionBundle = { collection: bundle.collection, cases: Object.fromEntries(cases.map((c) => [c.id, c.id === target.id ? { ...c, body } : c])) };
  const threads: Record<string, CommentThread[]> = {
    [target.id]: [
      {
        id: 'thread-1',
        documentId: target.id,
        quote,
        author: '王审稿',
        text: '这个数字请核实出处',
        createdAt: '2024-05-01T08:00:00.000Z',
        resolved: true,
        replies: [{ id: 'reply-1', author: '李编辑', text: '已核实，来自2020年统计公报', createdAt: '2024-05-02T09:30:00.000Z' }],
      },
    ],
  };
  return { bundle: copy, threads, quote, caseId: target.id };
}

test('comments: anchored on the commented text, with author, date, reply and resolved state', async () => {
  const { bundle, threads, quote } = withThread(await corpusBundle());
  const { bytes } = await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle, comments: threads });
  const parts = await unzip(bytes);
  const doc = part(parts, 'word/document.xml');
  // Both the comment and its reply span exactly the quoted runs.
  const span = /<w:commentRangeStart w:id="0"\/><w:commentRangeStart w:id="1"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/.exec(doc);
  assert.ok(span, 'comment range around the anchored text');
  assert.equal(runs(span[1]!).map(runText).join(''), quote);
  assert.match(doc, /<w:commentReference w:id="0"\/>/);
  assert.match(doc, /<w:commentReference w:id="1"\/>/);
  const comments = part(parts, 'word/comments.xml');
  assert.match(comments, /<w:comment w:id="0" w:author="王审稿" w:date="2024-05-01T08:00:00Z"/);
  assert.match(comments, /<w:comment w:id="1" w:author="李编辑" w:date="2024-05-02T09:30:00Z"/);
  assert.ok(comments.includes('这个数字请核实出处'), 'comments.includes(\'这个数字请核实出处\')');
  const parentId = /<w:comment w:id="0".*?w14:paraId="([0-9A-F]{8})"/.exec(comments)![1];
  const replyId = /<w:comment w:id="1".*?w14:paraId="([0-9A-F]{8})"/.exec(comments)![1];
  const ext = part(parts, 'word/commentsExtended.xml');
  assert.match(ext, new RegExp(`<w15:commentEx w15:paraId="${parentId}" w15:done="1"/>`));
  assert.match(ext, new RegExp(`<w15:commentEx w15:paraId="${replyId}" w15:paraIdParent="${parentId}" w15:done="1"/>`));
  const types = part(parts, '[Content_Types].xml');
  assert.match(types, /PartName="\/word\/commentsExtended.xml" ContentType="application\/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended\+xml"/);
  assert.match(part(parts, 'word/_rels/document.xml.rels'), /relationships\/commentsExtended" Target="commentsExtended.xml"/);
});

test('lists restart per list with their own numbering instance; tables carry grid widths for WPS', async () => {
  const bundle = await corpusBundle();
  const [first, second] = casesOf(bundle);
  const list = (n: number) => ({ type: 'list' as const, ordered: true, style: 'decimal' as const, items: Array.from({ length: n }, (_, i) => [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `第${i + 1}项` }] }]) });
  const table = { type: 'table' as const, columnWidths: [1, 3], rows: [[{ blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '项目' }] }], header: true }, { blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '内容' }] }], header: true }]] };
  const cases = { [first!.id]: { ...first!, body: [...first!.body, list(3), table] }, [second!.id]: { ...second!, body: [...second!.body, list(2)] } };
  const small: CollectionBundle = { collection: { ...bundle.collection, sections: [{ title: '测试', caseIds: [first!.id, second!.id] }] }, cases };
  const parts = await unzip((await writeDocx({ format: 'docx', template: await bookTemplate(), bundle: small })).bytes);
  const doc = part(parts, 'word/document.xml');
  // The first list's three items share one numbering instance, the second list's two another; both start at 1 with the same format.
  const numIds = [...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]!);
  assert.equal(numIds.length, 5);
  assert.deepEqual(numIds, [numIds[0], numIds[0], numIds[0], numIds[3], numIds[3]]);
  assert.notEqual(numIds[0], numIds[3]);
  const numbering = part(parts, 'word/numbering.xml');
  const instance = (id: string) => new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="(\\d+)"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`).exec(numbering)?.[1];
  assert.ok(instance(numIds[0]!) !== undefined && instance(numIds[0]!) === instance(numIds[3]!), 'both lists restart at 1 in the same decimal format');
  const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  assert.equal(grid.length, 2);
  assert.ok(Math.abs(grid[1]! / grid[0]! - 3) < 0.01, 'Math.abs(grid[1]! / grid[0]! - 3) < 0.01');
  assert.match(doc, /<w:tblLayout w:type="fixed"\/>/);
});

test('every part of every template is well-formed XML, and relationships point at parts that exist', async () => {
  const { XMLValidator } = await import('fast-xml-parser');
  const bundle = await corpusBundle();
  const notice = await corpusNotice();
  const { bundle: withComments, threads } = withThread(bundle);
  for (const t of ['anthology', 'feature', 'notice'] as const) {
    const out = await writeDocx({ format: 'docx', template: loadTemplate(t), ...(t === 'notice' ? { notice } : { bundle: withComments, comments: threads }) });
    const parts = await unzip(out.bytes);
    for (const [name, xml] of parts) {
      const result = XMLValidator.validate(xml);
      assert.equal(result, true, `${t}: ${name} is not well-formed: ${JSON.stringify(result)}`);
    }
    const rels = part(parts, 'word/_rels/document.xml.rels');
    for (const m of rels.matchAll(/Target="([^"]+)"(?! TargetMode)/g)) {
      const target = m[1]!.startsWith('../') ? m[1]!.slice(3) : `word/${m[1]}`;
      assert.ok(parts.has(target), `${t}: relationship to missing part ${target}`);
    }
    const types = part(parts, '[Content_Types].xml');
    for (const name of parts.keys()) {
      if (name.endsWith('.rels') || name === '[Content_Types].xml' || name === 'customXml/item1.xml') continue;
      assert.ok(types.includes(`PartName="/${name}"`), `${t}: ${name} has no content type`);
    }
    // Every comment range that starts also ends, with a reference mark.
    const doc = part(parts, 'word/document.xml');
    for (const m of doc.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)) {
      assert.ok(doc.includes(`<w:commentRangeEnd w:id="${m[1]}"/>`), 'doc.includes(`<w:commentRangeEnd w:id="${m[1]}"/>`)');
      assert.ok(doc.includes(`<w:commentReference w:id="${m[1]}"/>`), 'doc.includes(`<w:commentReference w:id="${m[1]}"/>`)');
    }
  }
});

test('pictures given as data: URIs are embedded inline with their caption; captions without a photo stay captions', async () => {
  const bundle = await corpusBundle();
  const [first] = casesOf(bundle);
  // A 2 × 1 PNG.
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGAEAHPcC/0V1RtYAAAAASUVORK5CYII=';
  const body = [
    ...first!.body,
    { type: 'image' as const, src: `data:image/png;base64,${png}`, width: 400, height: 200, caption: [{ type: 'text' as const, text: '图为社区志愿者入户走访' }] },
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '见注释' }, { type: 'footnote' as const, blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '数据来源：2020年统计公报。' }] }] }] },
  ];
  const small: CollectionBundle = { collection: { ...bundle.collection, sections: [{ title: '测试', caseIds: [first!.id] }] }, cases: { [first!.id]: { ...first!, body } } };
  const parts = await unzip((await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle: small })).bytes);
  const doc = part(parts, 'word/document.xml');
  assert.match(doc, /<wp:inline [^>]*><wp:extent cx="3810000" cy="1905000"\/>/, '400 × 200 px at 96 dpi = 300 × 150 pt');
  const rid = /<a:blip r:embed="(rId\d+)"[^>]*\/>/.exec(doc)![1];
  assert.match(part(parts, 'word/_rels/document.xml.rels'), new RegExp(`Id="${rid}" Type="[^"]+/image" Target="media/[^"]+\\.png"`));
  assert.doesNotMatch(doc, /<wp:anchor|<w:txbxContent/);
  // The picture's paragraph has single line spacing (an exact pitch would clip it); its caption follows in 题注.
  assert.match(doc, /<w:spacing w:line="240" w:lineRule="auto"\/><\/w:pPr><w:r><w:drawing>/);
  assert.match(doc, /<\/w:drawing><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="Caption"\/><\/w:pPr><w:r>.*?图为社区志愿者入户走访/);
  // Caption-only image blocks of the corpus become 题注 paragraphs.
  // The 前言 (the collection's lead) carries one such caption too.
  const captions = [...first!.body, ...(bundle.collection.lead ?? [])].filter((b) => b.type === 'image' && b.caption?.length).length;
  assert.equal((doc.match(/<w:pStyle w:val="Caption"\/>/g) ?? []).length, captions + 1);
  // The footnote: a reference in the text, the note in footnotes.xml with its own mark.
  assert.match(doc, /见注释<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r>/);
  assert.match(part(parts, 'word/footnotes.xml'), /<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r>.*数据来源/);
});

test('long titles break into two balanced lines, upper longer, 文种 kept whole', async () => {
  const { balanceTitle } = await import('../electron/core/export/docx/titles.js');
  const [upper, lower] = balanceTitle('曲阜市民政局关于印发《2020年全市民政工作要点》的通知', 20);
  assert.ok(upper && lower, 'upper && lower');
  assert.ok([...upper].length >= [...lower].length - 1, '[...upper].length >= [...lower].length - 1');
  assert.ok(lower.endsWith('的通知') && !upper.endsWith('的'), 'lower.endsWith(\'的通知\') && !upper.endsWith(\'的\')');
  assert.deepEqual(balanceTitle('“集中托养+点餐式服务”破解低保失能老年人照护难', 20), ['“集中托养+点餐式服务”', '破解低保失能老年人照护难']);
  assert.deepEqual(balanceTitle('建立特殊困难家庭人员救助长效机制', 20), ['建立特殊困难家庭人员救助长效机制']);
  // In the notice the title paragraph carries the break.
  const notice = await corpusNotice();
  const doc = part(await unzip((await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice })).bytes), 'word/document.xml');
  const title = /<w:p><w:pPr><w:pStyle w:val="Title"\/>.*?<\/w:p>/.exec(doc)![0];
  assert.equal((title.match(/<w:br\/>/g) ?? []).length, 1);
});

test('notice with a seal: a floating picture over the 署名 and date (no text box), date 4 字 from the right', async () => {
  const notice: NoticeDocument = { ...(await corpusNotice()) };
  // A 2 × 2 transparent PNG stands in for the seal artwork.
  const seal = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR4nGP4z8DwnwEIGAEAHPcC/4YIJ6MAAAAASUVORK5CYII=';
  notice.meta = { ...notice.meta, sealImage: seal };
  const parts = await unzip((await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice })).bytes);
  const doc = part(parts, 'word/document.xml');
  const signature = [...doc.matchAll(/<w:p><w:pPr><w:pStyle w:val="HBSignature"\/>.*?<\/w:p>/g)].map((m) => m[0]);
  assert.equal(signature.length, 2);
  assert.match(signature[0]!, /<wp:anchor [^>]*behindDoc="0"[^>]*><wp:simplePos x="0" y="0"\/><wp:positionH relativeFrom="margin">.*<wp:wrapNone\/>/);
  assert.match(signature[0]!, /<wp:extent cx="1512000" cy="1512000"\/>/, '42 mm round seal');
  assert.match(signature[0]!, /<w:keepNext\/>/, 'the name keeps with its date');
  assert.match(signature[1]!, /<w:ind w:right="1280" w:firstLine="0"\/>/);
  assert.doesNotMatch(doc, /<w:txbxContent|<wps:wsp/);
});

test('a thread stored with only its quote is anchored on the words it quotes; one whose words are gone, on the title', async () => {
  const notice = await corpusNotice();
  const para = notice.attachments[0]!.blocks.find((b) => b.type === 'paragraph' && b.content.some((i) => i.type === 'text' && i.text.length > 30));
  assert.ok(para && para.type === 'paragraph', 'para && para.type === \'paragraph\'');
  const text = para.content.find((i) => i.type === 'text' && i.text.length > 30);
  assert.ok(text && text.type === 'text', 'text && text.type === \'text\'');
  const quote = [...text.text].slice(5, 15).join('');
  const thread = (id: string, q: string): CommentThread => ({ id, documentId: notice.id, quote: q, author: '审稿人', text: `意见${id}`, createdAt: '2024-05-01T08:00:00Z', resolved: false, replies: [] });
  const comments = { [notice.id]: [thread('q1', quote), thread('q2', '早已删去的一句话')] };
  const doc = part(await unzip((await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice, comments })).bytes), 'word/document.xml');
  const span = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/.exec(doc);
  assert.ok(span, 'span');
  assert.equal(runs(span[1]!).map(runText).join(''), quote);
  const title = /<w:commentRangeStart w:id="1"\/>(.*?)<w:commentRangeEnd w:id="1"\/>/.exec(doc);
  assert.ok(title, 'title');
  assert.equal(runs(title[1]!).map(runText).join(''), notice.meta.title);
});
