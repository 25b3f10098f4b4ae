/**
 * The release gate where it acts, through the API table: the import preview shows per case
 * what proofing changes, commit applies the fixes (the draft as written stays the first
 * revision; a rejected file keeps its text), the corpus so imported exports a book, a feature
 * and a notice whose PDFs read back with no half-width , : ; ? ! ( ) beside Han characters;
 * sensitive data stops export.run until masked or kept with a reason, and the report lists it.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, type Api } from '../electron/core/api/index.js';
import { ApiError, type ApiResults } from '../electron/core/api/schema.js';
import { blocksToLexical } from '../electron/core/model/lexical.js';
import { blocksText } from '../electron/core/model/text.js';
import { CORPUS_DIR } from './fixtures/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PLANTED = path.join(here, 'fixtures', 'proof', 'planted.txt');
const HALF_NEXT_TO_HAN = /[\u3400-\u9fff][,:;?!()]|[,:;?!()][\u3400-\u9fff]/;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-proof-'));
let api: Api;
const call = async <M extends keyof ApiResults>(method: M, input: unknown) => (await api.dispatch(method, input)) as ApiResults[M];
async function refusal(method: keyof ApiResults, input: unknown): Promise<ApiError> {
  try {
    await api.dispatch(method, input);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    return error;
  }
  throw new Error(`${method} was expected to fail`);
}

before(() => {
  api = createApi({ dataDir: tmp, transport: 'cli' });
});
after(() => {
  api.close();
  rmSync(tmp, { recursive: true, force: true });
});

const files = ['zhongguominzheng-2022-02-feature.txt', 'jining-2020-shortlist.txt', 'jinshi-2018-article.txt', 'qufu-2020-notice.txt'];

describe('the corpus through import and export', () => {
  let collectionId = '';
  let noticeId = '';

  test('the preview lists per case the fixes and proposals; commit applies the fixes over the drafted revision', async () => {
    const preview = await call('import.preview', { files: files.map((f) => ({ name: f, path: path.join(CORPUS_DIR, f) })) });
    assert.equal(preview.proof?.length, files.length);
    const feature = preview.proof![0]!;
    assert.equal(feature.cases.length, preview.files[0]!.cases.length);
    for (const c of feature.cases) {
      assert.match(c.summary, /^\d+ 处标点规范/);
      assert.ok(c.fixes.every((f) => f.severity === 'fix' && f.suggestion !== null && f.context.includes(f.text)));
    }
    assert.ok(feature.lead && feature.lead.fixes.length > 0, 'the feature lead is proofed too');
    const notice = preview.proof![3]!.notice!;
    assert.ok(notice.fixes.some((f) => f.text === ',' && f.suggestion === '，'));
    assert.ok(notice.fixes.some((f) => f.rule === 'num.range' && f.suggestion === '2020—2022'));

    const commit = await call('import.commit', { previewId: preview.previewId, newCollection: { title: '2021年全省民政工作优秀创新案例汇编' } });
    collectionId = commit.collectionId;
    noticeId = commit.imported.find((i) => i.kind === 'notice')!.documentIds[0]!;
    for (const entry of commit.imported) {
      for (const id of entry.documentIds) {
        const doc = (await call('documents.get', { id })).document;
        const text = doc.kind === 'notice' ? blocksText([...doc.body, ...doc.attachments.flatMap((a) => a.blocks)]) : blocksText(doc.body);
        assert.doesNotMatch(`${doc.meta.title}\n${text}`, HALF_NEXT_TO_HAN, doc.meta.title);
        const revisions = await call('revisions.list', { documentId: id });
        assert.equal(revisions.length, 2, 'as drafted, then with the fixes');
      }
    }
    const report = await call('proof.collection', { collectionId });
    assert.equal(report.findings.filter((f) => f.severity === 'fix').length, 0);
    assert.equal(report.blocking.length, 0);
  });

  for (const [template, target] of [['anthology', 'collection'], ['feature', 'collection'], ['notice', 'notice']] as const) {
    test(`the ${template} PDF reads back with no half-width punctuation beside Han characters`, async () => {
      const outPath = path.join(tmp, `${template}.pdf`);
      const input = target === 'notice' ? { documentId: noticeId } : { collectionId };
      const result = await call('export.run', { ...input, template, format: 'pdf', outPath });
      assert.ok((result.pages ?? 0) > 0);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', outPath, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      assert.ok(text.length > 5000);
      // pdftotext breaks lines where the page does; a mark at a line end meets the next line's first character.
      const joined = text.replace(/\s*\n\s*/g, '');
      const hits = [...joined.matchAll(new RegExp(HALF_NEXT_TO_HAN, 'g'))].map((m) => joined.slice(Math.max(0, m.index - 8), m.index + 8));
      assert.deepEqual(hits, []);
    });
  }

  test('a file whose proof is rejected keeps its text as drafted', async () => {
    const preview = await call('import.preview', { files: [{ name: 'jinshi-2018-article.txt', path: path.join(CORPUS_DIR, 'jinshi-2018-article.txt') }] });
    const commit = await call('import.commit', { previewId: preview.previewId, allowDuplicates: true, newCollection: { title: '原样' }, proof: [{ file: 0, accept: false }] });
    const id = commit.imported[0]!.documentIds[0]!;
    assert.match(blocksText((await call('documents.get', { id })).document.body), /近年来,津市/);
    assert.equal((await call('revisions.list', { documentId: id })).length, 1);
  });

  test('a title corrected in the preview is proofed as corrected; the first revision keeps the text as drafted', async () => {
    const preview = await call('import.preview', { files: [{ name: 'jinshi-2018-article.txt', path: path.join(CORPUS_DIR, 'jinshi-2018-article.txt') }] });
    const commit = await call('import.commit', {
      previewId: preview.previewId,
      allowDuplicates: true,
      newCollection: { title: '改题' },
      edits: [{ file: 0, case: 0, meta: { title: '津市民政:五策五创' } }],
    });
    const id = commit.imported[0]!.documentIds[0]!;
    const got = await call('documents.get', { id });
    assert.equal(got.document.meta.title, '津市民政：五策五创');
    assert.equal(got.revision, 2);
    const [latest, first] = await call('revisions.list', { documentId: id });
    const drafted = await call('revisions.get', { documentId: id, revisionId: first!.id });
    assert.equal(drafted.meta.title, '津市民政:五策五创');
    assert.match(blocksText(drafted.body), /近年来,津市/);
    const fixed = await call('revisions.get', { documentId: id, revisionId: latest!.id });
    assert.doesNotMatch(blocksText(fixed.body), /近年来,津市/);
    const hits = await call('search.query', { q: '近年来，津市', collectionId: commit.collectionId });
    assert.deepEqual(hits.map((h) => h.id), [id], 'indexed on the fixed text');
  });
});

describe('sensitive data blocks the export until decided', () => {
  let id = '';
  let collectionId = '';

  before(async () => {
    const preview = await call('import.preview', { files: [{ name: 'planted.txt', path: PLANTED }] });
    assert.ok(preview.proof![0]!.cases[0]!.blocking.length >= 7);
    const commit = await call('import.commit', { previewId: preview.previewId, newCollection: { title: '待决定' } });
    collectionId = commit.collectionId;
    id = commit.imported[0]!.documentIds[0]!;
  });

  test('export.run refuses, naming each undecided finding; nothing is written', async () => {
    const outPath = path.join(tmp, 'blocked.pdf');
    const error = await refusal('export.run', { collectionId, template: 'anthology', format: 'pdf', outPath });
    assert.equal(error.code, 'proof-blocked');
    assert.match(error.message, /导出已停止：有 \d+ 处敏感信息尚未决定/);
    assert.match(error.message, /13812345678/);
    assert.match(error.message, /110101199003077571/);
    assert.throws(() => execFileSync('test', ['-e', outPath]));
  });

  test('proof.decide masks or keeps with a reason; then the export goes through and reports the decisions', async () => {
    const doc = await call('proof.document', { id });
    const blocking = doc.findings.filter((f) => f.severity === 'block');
    assert.ok(blocking.length >= 7);
    const refusedKeep = await refusal('proof.decide', { id, rule: 'sens.email', text: 'jiuzhu2021@163.com', action: 'keep' });
    assert.equal(refusedKeep.code, 'invalid-input');
    await call('proof.decide', { id, rule: 'sens.email', text: 'jiuzhu2021@163.com', action: 'keep', reason: '县民政局公开的信访邮箱' });
    await call('proof.decide', { id, rule: 'sens.landline', text: '0537-4412345', action: 'keep', reason: '县民政局公开的办公电话' });
    for (const f of blocking.filter((f) => f.suggestion !== null && f.rule !== 'sens.email' && f.rule !== 'sens.landline')) {
      await call('proof.decide', { id, rule: f.rule, text: f.text, action: 'mask' });
    }
    const classified = await refusal('export.run', { collectionId, template: 'anthology', format: 'pdf', outPath: path.join(tmp, 'still.pdf') });
    assert.match(classified.message, /秘密★1年/, 'a 密级 mark cannot be masked away, only kept with a reason or removed');
    await call('proof.decide', { id, rule: 'sens.classified', text: '秘密★1年', action: 'keep', reason: '定密单位已解密（测试）' });

    const stored = (await call('documents.get', { id })).document;
    const text = blocksText(stored.body);
    assert.match(text, /138\*{4}5678/);
    assert.match(text, /低保户张某某/);
    assert.match(text, /110101\*{8}7571/);
    assert.match(text, /jiuzhu2021@163\.com/, 'kept');

    const result = await call('export.run', { collectionId, template: 'anthology', format: 'pdf', outPath: path.join(tmp, 'decided.pdf') });
    const messages = result.warnings.map((w) => w.message).join('\n');
    assert.match(messages, /已决定保留电子邮箱“jiuzhu2021@163\.com”：县民政局公开的信访邮箱/);
    assert.match(messages, /已遮盖手机号码/);
    assert.ok(result.warnings.some((w) => w.kind === 'proof:struct.numbering-order'));
  });

  test('proof.apply on the editor state returns the changed state and saves nothing', async () => {
    const before = await call('documents.get', { id });
    const body = [...before.document.body, { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '编者按:本案例经审核,内容属实。' }] }];
    const editorState = blocksToLexical(body) as unknown as Record<string, unknown>;
    const report = await call('proof.document', { id, editorState });
    const ids = report.findings.filter((f) => f.segment === `b${body.length - 1}.c`).map((f) => f.id);
    assert.equal(ids.length, 2);
    const applied = await call('proof.apply', { id, editorState, findingIds: ids });
    assert.deepEqual(applied.applied.sort(), ids.sort());
    assert.ok(applied.editorState);
    assert.match(JSON.stringify(applied.editorState), /编者按：本案例经审核，内容属实。/);
    assert.equal((await call('documents.get', { id })).revision, before.revision);
  });
});
