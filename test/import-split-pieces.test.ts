/**
 * A compilation's piece headed by a title of several short lines over its ◉ unit (split.ts, style
 * 'marked'): copied under the compilation's title and lead, it is one case of a case list and the
 * page keeps its own title; a draft that is that piece alone stays one case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });

const piece = `建好救助驿站
守住民生底线
◉湖南省民政厅
近年来,湖南省加强临时救助工作,在乡镇(街道)设立救助驿站,困难群众求助有门、受助及时。
一是完善制度。省里出台临时救助办法,明确急难型救助先行救助、事后补齐手续。
`;

test('split: a piece titled over several lines above its ◉ unit, under a compilation and its lead, is one case of a case list', async () => {
  const file = await load(
    'huibian.txt',
    `兜底保障经验交流——六省民政部门谈社会救助
6月上旬,民政部在长沙召开全国社会救助工作经验交流会,湖南、湖北、江西等六省民政部门作交流发言,现将发言摘编如下。
${piece}`,
  );
  assert.equal(file.kind, 'case-list');
  assert.equal(file.info.title, '兜底保障经验交流——六省民政部门谈社会救助');
  assert.equal(file.cases.length, 1);
  assert.equal(file.cases[0]!.meta.title, '建好救助驿站 守住民生底线');
  assert.equal(file.cases[0]!.meta.unit, '湖南省民政厅');
});

test('split: the piece alone is one case with its unit', async () => {
  const file = await load('yizhan.txt', piece);
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);
  assert.equal(file.cases[0]!.meta.unit, '湖南省民政厅');
});
