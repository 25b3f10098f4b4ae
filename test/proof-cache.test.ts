/**
 * The gate's findings kept in the library (proof/cache.ts): a second gate over unchanged
 * documents reads them back and reports exactly what proofing afresh reports; a changed
 * document, a stale key or a new decision is seen at once; and the rule book's version goes up
 * whenever what the rules find changes (a fingerprint of the findings on generated text).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../electron/core/store/index.js';
import { decisionsFor, libraryFindingsCache, proofCollection, proofDocument, recordDecision, RULE_BOOK_VERSION } from '../electron/core/proof/index.js';
import type { Block, CaseDocument, HuibianDocument } from '../electron/core/model/types.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'huibian-proof-cache-'));
let store: Library;

const para = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function cases(): CaseDocument[] {
  const collection = store.createCollection({ title: '缓存测试汇编' });
  const drafts = [
    { meta: { title: '低保对象精准识别' }, body: [para('低保户张秀英今年63岁,联系电话13812345678。'), para('全县3千多户纳入救助，资金1500000元。')] },
    { meta: { title: '社区养老服务' }, body: [para('二〇二〇年三月，社区为五十三位老人建档 .'), para('咨询邮箱 jiuzhu2021@163.com 。')] },
    { meta: { title: '婚姻登记便民' }, body: [para('一、 工作做法'), para('2019年-2021年，办理登记2000余对。')] },
  ];
  for (const d of drafts) store.createCase(d.meta, d.body, collection.id);
  return store.listDocuments({ collectionId: collection.id }).map((d) => store.getDocument(d.id).document as CaseDocument);
}

function gate(docs: readonly HuibianDocument[]) {
  return proofCollection(docs, decisionsFor(store.db, docs.map((d) => d.id)), libraryFindingsCache(store.db));
}

function fresh(docs: readonly HuibianDocument[]) {
  return proofCollection(docs, decisionsFor(store.db, docs.map((d) => d.id)));
}

const comparable = (r: ReturnType<typeof fresh>) => ({ ...r, ms: 0, cached: 0 });

before(() => {
  store = new Library(path.join(tmp, 'lib.db'));
});
after(() => {
  store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('findings kept per document', () => {
  let docs: CaseDocument[] = [];

  test('the first gate proofs every document; the second reads them all back with the same report', () => {
    docs = cases();
    assert.equal(docs.length, 3);
    const first = gate(docs);
    assert.equal(first.cached, 0);
    assert.ok(first.blocking.length >= 3, 'the planted phone number, name and e-mail block');
    assert.ok(first.findings.some((f) => f.rule.startsWith('num.')), 'numbers are found too');
    const second = gate(docs);
    assert.equal(second.cached, docs.length);
    assert.deepEqual(comparable(second), comparable(fresh(docs)));
  });

  test('a changed document is proofed again, the others come from the cache', () => {
    const [changed] = docs;
    const saved = store.saveDocument(changed!.id, { body: [para('低保户张秀英今年63岁，联系电话13912345678。')] });
    assert.ok(saved.revision);
    docs = docs.map((d) => store.getDocument(d.id).document as CaseDocument);
    const report = gate(docs);
    assert.equal(report.cached, docs.length - 1);
    assert.ok(report.findings.some((f) => f.text === '13912345678'));
    assert.ok(!report.findings.some((f) => f.text === '13812345678'));
    assert.deepEqual(comparable(report), comparable(fresh(docs)));
  });

  test('decisions are applied fresh to cached findings', () => {
    const before = gate(docs);
    assert.equal(before.cached, docs.length);
    const phone = before.blocking.find((f) => f.rule === 'sens.mobile')!;
    recordDecision(store.db, phone.document, { rule: phone.rule, text: phone.text, action: 'keep', reason: '本人同意公开（测试）', decidedAt: new Date().toISOString() });
    const after = gate(docs);
    assert.equal(after.cached, docs.length);
    assert.equal(after.blocking.length, before.blocking.length - 1);
    assert.equal(after.findings.find((f) => f.id === phone.id)?.decision?.reason, '本人同意公开（测试）');
    assert.deepEqual(comparable(after), comparable(fresh(docs)));
  });

  test('a row kept under another key (another rule book or text) is not used', () => {
    store.db.prepare("UPDATE proof_cache SET key = 'rule book 0'").run();
    const report = gate(docs);
    assert.equal(report.cached, 0);
    assert.deepEqual(comparable(report), comparable(fresh(docs)));
    assert.equal(gate(docs).cached, docs.length);
  });
});

/**
 * The rule book's findings on 1,500 seeded generated documents, as a hash. When a rule changes
 * what it finds, this hash changes: raise RULE_BOOK_VERSION in proof/rules.ts (so libraries
 * proof again instead of reusing old findings) and record the new pair here.
 */
const RECORDED = { version: 1, findings: 'EMJdJH71zymn3gcwAB7s9zn31P8=' };

const PIECES = ['0', '1', '2', '7', '2020', '1999', '13812345678', '0537-4412345', '电话：', '4412345', '110101199003077571', '6222020200112233446', 'a@b.cn', '年', '月', '日', '十', '百', '千', '万', '元', '人', '户', '个', '-', '--', '～', '~', '—', '——', '━', '...', '。。。', '…', '……', '%', '百分之', '百分之三十', '二〇二〇年三月五日', '三十五个', '一、', '（一）', '(一)', '1.', '1、', '（1）', ' ', '　', '，', '。', '、', '；', '：', '！', ',', ':', ';', '?', '(', ')', '.', '"', "'", '“', '”', '‘', '’', '「', '」', '《', '》', '低保户', '张三', '王秀英老人', '李明，男，63岁', '患有', '秘密★', '民发（2021）第5号', 'https://www.x.cn/a,b', 'ＡＢ１２', '3千多', '12000万', '1500000元', '2021年-2022年', '1-3月', '2020-03-05', '2020.3.5', '2020年03月05日', '的', '工作', '开展'];

function generated(count: number): HuibianDocument[] {
  let seed = 20261202;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const text = () => Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => PIECES[Math.floor(rnd() * PIECES.length)]).join('');
  return Array.from({ length: count }, (_, i) => {
    const body: Block[] = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () =>
      rnd() < 0.25 ? { type: 'heading', level: (1 + Math.floor(rnd() * 3)) as 1 | 2 | 3, content: [{ type: 'text', text: text() }] } : para(text()),
    );
    return { kind: 'case', id: `g${i}`, meta: { title: text(), unit: text() }, body };
  });
}

test('the rule book version goes up with what the rules find', () => {
  const hash = createHash('sha1');
  const rules = new Set<string>();
  for (const doc of generated(1500)) {
    for (const f of proofDocument(doc).findings) {
      rules.add(f.rule);
      hash.update(JSON.stringify(f));
    }
  }
  assert.ok(rules.size >= 25, `the generated text reaches most rules (${rules.size})`);
  const findings = hash.digest('base64');
  if (RULE_BOOK_VERSION === RECORDED.version) {
    assert.equal(findings, RECORDED.findings, 'the rules find something else now: raise RULE_BOOK_VERSION in proof/rules.ts and record the new version and hash here');
  } else {
    assert.ok(RULE_BOOK_VERSION > RECORDED.version, 'RULE_BOOK_VERSION only goes up');
    assert.fail(`record the new pair here: { version: ${RULE_BOOK_VERSION}, findings: '${findings}' }`);
  }
});
