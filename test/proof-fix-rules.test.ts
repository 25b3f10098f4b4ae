/**
 * applyFixes looks for fixes with the rules flagged `fixes` alone (engine.ts): on the planted
 * draft and the corpus no other rule reports a fix, and the result — document, fixes applied,
 * the report on the fixed text — is what passes of the whole rule book give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { CORPUS_FILES, importCorpus } from './fixtures/corpus.js';
import { applyFindings, applyFixes, proofDocument, type Finding } from '../electron/core/proof/index.js';
import { RULES } from '../electron/core/proof/rules.js';
import { segments } from '../electron/core/proof/segments.js';
import type { HuibianDocument } from '../electron/core/model/types.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'proof');

async function documents(): Promise<HuibianDocument[]> {
  const files = [await importFile({ name: 'planted.txt', path: path.join(fixtures, 'planted.txt') })];
  for (const name of CORPUS_FILES) files.push(await importCorpus(name));
  const docs: HuibianDocument[] = [];
  files.forEach((file, fi) => {
    file.cases.forEach((c, ci) => docs.push({ kind: 'case', id: `${fi}-${ci}`, meta: c.meta, body: c.body }));
    if (file.notice) docs.push({ id: `${fi}-notice`, ...file.notice });
  });
  return docs;
}

/** applyFixes as it was before the fix rules were set apart: every pass runs the whole rule book. */
function everyRuleEachPass(doc: HuibianDocument) {
  let current = doc;
  const fixes: Finding[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const report = proofDocument(current);
    const todo = report.findings.filter((f) => f.severity === 'fix');
    if (!todo.length) return { document: current, fixes, report };
    const result = applyFindings(current, todo);
    const applied = new Set(result.applied);
    fixes.push(...todo.filter((f) => applied.has(f.id)));
    current = result.document;
  }
  return { document: current, fixes };
}

test('only the rules flagged fixes report fixes, on the text as drafted and as fixed', async () => {
  const docs = await documents();
  assert.ok(docs.length >= 20, `${docs.length} documents`);
  let checked = 0;
  for (const doc of docs) {
    for (const text of [doc, applyFixes(doc).document]) {
      const all = segments(text);
      for (const rule of RULES) {
        if (rule.fixes) continue;
        const found = [...(rule.check ? all.flatMap((s) => rule.check!(s)) : []), ...(rule.checkAll ? rule.checkAll(all) : [])];
        assert.deepEqual(found.filter((f) => f.severity === 'fix'), [], `${rule.info.id} on ${doc.id}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 0);
});

test('applyFixes gives what passes of the whole rule book give', async () => {
  let fixed = 0;
  for (const doc of await documents()) {
    const ours = applyFixes(doc);
    assert.deepEqual(ours, everyRuleEachPass(doc), doc.id);
    if (ours.fixes.length) fixed++;
  }
  assert.ok(fixed >= 3, `${fixed} documents with fixes`);
});
