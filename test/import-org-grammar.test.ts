/**
 * The organisation-name grammar of orgnames.ts: one vocabulary of kinds by class, the shapes the
 * readers select from it, and the words that end in a kind's character without naming a body.
 * Inputs written for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISSUER_NAME, KINDS, ORG_KINDS, UNIT_NAME, endsInBody, isMediaName, isNameAlone, kindAlternation, parseOrgName } from '../electron/core/import/stages/orgnames.js';
import { isOrgan, unitAfterTitle } from '../electron/core/import/stages/units.js';

test('orgnames: one vocabulary, the longest kind first where a pattern captures it', () => {
  for (const kinds of Object.values(KINDS)) for (const k of kinds) assert.ok(ORG_KINDS.includes(k));
  assert.equal(new RegExp(`${kindAlternation(ORG_KINDS)}$`, 'u').exec('某县社会工作服务中心')?.[0], '社会工作服务中心');
  assert.equal(parseOrgName('平江县救助管理站')?.kind, '救助管理站');
});

test('orgnames: the shapes the readers use', () => {
  assert.ok(UNIT_NAME.test('平江县民政局') && UNIT_NAME.test('城关街道') && UNIT_NAME.test('某某社区'));
  assert.ok(!UNIT_NAME.test('平江县慈善基金会'), 'a unit label names organs, service bodies, associations, streets, communities');
  assert.ok(ISSUER_NAME.test('某镇新镇名征集工作领导小组') && ISSUER_NAME.test('中共平江县委组织部'));
  assert.ok(!ISSUER_NAME.test('平江县民政局关于开展工作的通知'));
  assert.ok(isNameAlone('州救助管理站') && isNameAlone('平江县') && !isNameAlone('平江县开展寒冬送温暖行动'));
  assert.ok(isMediaName('平江县融媒体中心') && isMediaName('民政部网站') && !isMediaName('平江县民政局'));
});

test('orgnames: a word ending in a kind\'s character is no body', () => {
  assert.ok(endsInBody('平江县民政局'));
  assert.ok(!endsInBody('湖南开创基层治理新格局'), '新格局 is a situation');
  assert.ok(!endsInBody('平江县民政局举办'), 'a verb');
  assert.ok(!endsInBody('坚持以人民为中心'));
  assert.ok(!endsInBody('办公厅'), 'a kind alone says whose it is nowhere');
  assert.equal(parseOrgName('湖南开创基层治理新格局'), null);
  assert.equal(isOrgan('办公厅'), false);
  assert.equal(isOrgan('湖南开创基层治理新格局'), false);
  assert.equal(unitAfterTitle('街道议事的新唱法——湖南开创基层治理新格局'), null, 'a dashed subtitle that is a phrase names no unit');
  assert.deepEqual(unitAfterTitle('街道议事的新唱法——平江县民政局'), { title: '街道议事的新唱法', unit: '平江县民政局' });
});

test('orgnames: ISSUER_NAME reads as notice.ts\'s own organ pattern did, long names too', () => {
  const before = /^[\u4e00-\u9fa5（）()]{2,24}(?:局|厅|部|委|办|委员会|办公室|政府|中心|院|会|室|处|科|所|站|馆|社|团|联合会|街道办事处|联|协|党组|领导小组)$/u;
  const long = '某某省某某市某某区某某街道某某社区居民议事协商工作委员会';
  for (const name of [`${'某'.repeat(23)}委员会`, '某县民政局', '中共某县委', '某镇新镇名征集工作领导小组', long, `${long}办公室`, '某县民政局关于印发的通知', '某', '某某']) {
    assert.equal(ISSUER_NAME.test(name), before.test(name), name);
  }
});
