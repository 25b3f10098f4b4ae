/**
 * Round trip of a review: export a case with a comment thread, annotate the DOCX as a
 * reviewer's Word would (a new comment range around some words, a reply linked through
 * commentsExtended, a resolved mark, an edited and a deleted paragraph), read it back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { writeDocx } from '../electron/core/export/docx/index.js';
import { readReviewedDocx } from '../electron/core/import/review/index.js';
import { loadTemplate } from '../electron/core/templates/load.js';
import type { CaseDocument, CollectionBundle, CommentThread } from '../electron/core/model/types.js';
import { blocksText } from '../electron/core/model/text.js';
import { corpusBundle, corpusNotice } from './fixtures/corpus.js';

const casesOf = (b: CollectionBundle): CaseDocument[] => (b.cases instanceof Map ? [...b.cases.values()] : Object.values(b.cases));

/** The corpus with one Huibian thread (comment + reply, open) anchored on ten characters of a case. */
async function annotatedCorpus(): Promise<{ bundle: CollectionBundle; threads: Record<string, CommentThread[]>; quote: string; caseId: string }> {
  const bundle = await corpusBundle();
  const cases = casesOf(bundle);
  const target = cases[2]!;
  const body = structuredClone(target.body);
  const para = body.find((b) => b.type === 'paragraph' && b.content.some((i) => i.type === 'text' && i.text.length > 20));
  assert.ok(para && para.type === 'paragraph', 'para && para.type === \'paragraph\'');
  const idx = para.content.findIndex((i) => i.type === 'text' && i.text.length > 20);
  const inline = para.content[idx]!;
  assert.ok(inline.type === 'text', 'inline.type === \'text\'');
  const chars = [...inline.text];
  const quote = chars.slice(2, 12).join('');
  para.content.splice(idx, 1, { type: 'text', text: chars.slice(0, 2).join('') }, { type: 'text', text: quote, comments: ['hb-thread-7'] }, { type: 'text', text: chars.slice(12).join('') });
  const threads: Record<string, CommentThread[]> = {
    [target.id]: [
      {
        id: 'hb-thread-7',
        documentId: target.id,
        quote,
        author: '王审稿',
        text: '提法请与省厅文件一致',
        createdAt: '2024-05-01T08:00:00.000Z',
        resolved: false,
        replies: [{ id: 'hb-reply-1', author: '李编辑', text: '已改', createdAt: '2024-05-02T09:00:00.000Z' }],
      },
    ],
  };
  return { bundle: { collection: bundle.collection, cases: Object.fromEntries(cases.map((c) => [c.id, c.id === target.id ? { ...c, body } : c])) }, threads, quote, caseId: target.id };
}

/** What a reviewer's Word does: wrap `words` (inside one run) in a new comment, optionally with a reply, and mark it. */
async function reviewerComment(
  bytes: Uint8Array,
  words: string,
  comment: { id: number; author: string; text: string; reply?: { id: number; author: string; text: string }; done: boolean },
  edit?: (doc: string) => string,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let doc = await zip.file('word/document.xml')!.async('string');
  const runRe = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g;
  let done = false;
  const ids = [comment.id, ...(comment.reply ? [comment.reply.id] : [])];
  doc = doc.replace(runRe, (whole, rPr: string, text: string) => {
    if (done || !text.includes(words)) return whole;
    done = true;
    const [before, ...rest] = text.split(words);
    const after = rest.join(words);
    const run = (t: string) => (t ? `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>` : '');
    return (
      run(before!) +
      ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('') +
      run(words) +
      ids.map((id) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`).join('') +
      run(after)
    );
  });
  assert.ok(done, `"${words}" not found in one run`);
  if (edit) doc = edit(doc);
  zip.file('word/document.xml', doc);
  const entry = (id: number, author: string, text: string, paraId: string) =>
    `<w:comment w:id="${id}" w:author="${author}" w:date="2024-06-01T10:00:00Z" w:initials="R"><w:p w14:paraId="${paraId}" w14:textId="77777777"><w:r><w:annotationRef/></w:r><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`;
  let comments = await zip.file('word/comments.xml')!.async('string');
  comments = comments.replace('</w:comments>', entry(comment.id, comment.author, comment.text, '7A000001') + (comment.reply ? entry(comment.reply.id, comment.reply.author, comment.reply.text, '7A000002') : '') + '</w:comments>');
  zip.file('word/comments.xml', comments);
  let ext = await zip.file('word/commentsExtended.xml')!.async('string');
  ext = ext.replace(
    '</w15:commentsEx>',
    `<w15:commentEx w15:paraId="7A000001" w15:done="${comment.done ? 1 : 0}"/>` +
      (comment.reply ? `<w15:commentEx w15:paraId="7A000002" w15:paraIdParent="7A000001" w15:done="${comment.done ? 1 : 0}"/>` : '') +
      '</w15:commentsEx>',
  );
  zip.file('word/commentsExtended.xml', ext);
  return zip.generateAsync({ type: 'uint8array' });
}

test('round trip: the exported thread and a reviewer comment come back anchored, with replies and resolved state', async () => {
  const { bundle, threads, quote, caseId } = await annotatedCorpus();
  const exported = (await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle, comments: threads })).bytes;
  const cases = casesOf(bundle);
  // The reviewer comments on words of another case, replies to it, resolves it; and edits the text.
  const other = cases[5]!;
  const otherText = blocksText(other.body);
  const words = [...(/[\u4e00-\u9fff]{6,}/.exec(otherText.slice(20))?.[0] ?? '')].slice(0, 6).join('');
  assert.equal([...words].length, 6);
  const lastParagraph = blocksText(cases[5]!.body).split('\n').filter(Boolean).pop()!;
  const reviewed = await reviewerComment(
    exported,
    words,
    { id: 50, author: '张处长', text: '此处数据口径不一', reply: { id: 51, author: '王审稿', text: '按统计局口径改' }, done: true },
    (doc) => doc.replace('</w:t>', '（审改）</w:t>').replace(`>${lastParagraph.slice(0, 8)}`, '>'),
  );

  const review = await readReviewedDocx(reviewed);
  assert.ok(review, 'recognised as a Huibian export');
  assert.deepEqual(review.documentIds, bundle.collection.sections.flatMap((s) => s.caseIds));
  assert.equal(review.comments.length, 2);

  const mine = review.comments.find((c) => c.threadId === 'hb-thread-7');
  assert.ok(mine, 'the exported thread keeps its Huibian id');
  assert.equal(mine.documentId, caseId);
  assert.equal(mine.quote, quote);
  assert.equal(mine.author, '王审稿');
  assert.equal(mine.text, '提法请与省厅文件一致');
  assert.equal(mine.resolved, false);
  assert.deepEqual(mine.replies.map((r) => [r.author, r.text]), [['李编辑', '已改']]);

  const theirs = review.comments.find((c) => c.sourceId === '50');
  assert.ok(theirs, 'theirs');
  assert.equal(theirs.threadId, null);
  assert.equal(theirs.documentId, other.id, 'attributed to the case whose text it anchors');
  assert.equal(theirs.quote, words);
  assert.equal(theirs.author, '张处长');
  assert.equal(theirs.date, '2024-06-01T10:00:00Z');
  assert.equal(theirs.resolved, true);
  assert.deepEqual(theirs.replies, [{ author: '王审稿', date: '2024-06-01T10:00:00Z', text: '按统计局口径改' }]);
  assert.ok(!review.comments.some((c) => c.sourceId === '51'), 'a reply is not a thread of its own');

  // Text changes since export: the cover title is front matter (not a case); the edited case paragraph is reported.
  const changed = review.changes.find((c) => c.documentId === other.id);
  assert.ok(changed, `no change reported for ${other.id}: ${JSON.stringify(review.changes)}`);
  assert.ok(changed.changed + changed.removed >= 1, 'changed.changed + changed.removed >= 1');
  assert.ok(changed.examples.length >= 1, 'changed.examples.length >= 1');
  assert.ok(review.changes.every((c) => c.documentId === other.id), `unexpected changes: ${JSON.stringify(review.changes)}`);
});

test('round trip without edits: no text changes, the thread comes back whole', async () => {
  const { bundle, threads, quote } = await annotatedCorpus();
  threads[Object.keys(threads)[0]!]![0]!.resolved = true;
  const bytes = (await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle, comments: threads })).bytes;
  const review = await readReviewedDocx(bytes);
  assert.ok(review, 'review');
  assert.deepEqual(review.changes, []);
  assert.equal(review.comments.length, 1);
  assert.equal(review.comments[0]!.quote, quote);
  assert.equal(review.comments[0]!.resolved, true);
  assert.equal(review.comments[0]!.replies.length, 1);
});

test('the notice round-trips too (one document, attachments included)', async () => {
  const notice = await corpusNotice();
  const bytes = (await writeDocx({ format: 'docx', template: loadTemplate('notice'), notice })).bytes;
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file('word/document.xml')!.async('string');
  const title = notice.attachments[0]!.title;
  zip.file('word/document.xml', doc.replace(`>${title}<`, `>${title}（修订稿）<`));
  const review = await readReviewedDocx(await zip.generateAsync({ type: 'uint8array' }));
  assert.ok(review, 'review');
  assert.deepEqual(review.documentIds, [notice.id]);
  assert.equal(review.changes.length, 1);
  assert.equal(review.changes[0]!.changed, 1, 'the attachment title');
  assert.equal(review.changes[0]!.added + review.changes[0]!.removed, 0);
  assert.match(review.changes[0]!.examples[0]!, /修订稿/);
});

test('a DOCX that did not come from Huibian reads as null', async () => {
  const foreign = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('普通文件')] })] }] }));
  assert.equal(await readReviewedDocx(new Uint8Array(foreign)), null);
  assert.equal(await readReviewedDocx(new TextEncoder().encode('not a zip at all')), null);
});

test('a long id list survives Word cutting text properties at 255 characters, and the manifest part being dropped', async () => {
  const bundle = await corpusBundle({ copies: 3 });
  const ids = bundle.collection.sections.flatMap((s) => s.caseIds);
  const bytes = (await writeDocx({ format: 'docx', template: loadTemplate('anthology'), bundle })).bytes;
  const zip = await JSZip.loadAsync(bytes);
  let custom = await zip.file('docProps/custom.xml')!.async('string');
  assert.ok(JSON.stringify(ids).length > 255, 'JSON.stringify(ids).length > 255');
  // What a re-save does to a long value: cut at 255 characters.
  custom = custom.replace(/(name="HuibianDocumentIds"><vt:lpwstr>)([^<]*)/, (_m, head: string, value: string) => head + value.replace(/&quot;/g, '"').slice(0, 255).replace(/"/g, '&quot;'));
  zip.file('docProps/custom.xml', custom);
  zip.remove('customXml/item1.xml');
  const review = await readReviewedDocx(await zip.generateAsync({ type: 'uint8array' }));
  assert.ok(review, 'review');
  assert.deepEqual(review.documentIds, ids);
  assert.deepEqual(review.changes, [], 'without the manifest there is nothing to diff against');
});
