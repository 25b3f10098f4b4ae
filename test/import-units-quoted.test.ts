/**
 * A case title that is a body's name followed by its work's name in quotes or 《》 (lists name entries
 * so in a sentence: "甲协会“某项目”、乙总会“某计划”获…"): the body is the unit, the quoted name the
 * title. Inputs written for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitAfterTitle, unitBeforeTitle } from '../electron/core/import/stages/units.js';

test('units: a body\'s name before its work\'s quoted name', () => {
  assert.deepEqual(unitBeforeTitle('浏阳市慈善协会“浏阳市慈善助学圆梦项目”'), { unit: '浏阳市慈善协会', title: '浏阳市慈善助学圆梦项目' });
  assert.deepEqual(unitBeforeTitle('湖南省慈善总会“‘护苗行动’关爱留守儿童项目”'), { unit: '湖南省慈善总会', title: '“护苗行动”关爱留守儿童项目' }, 'inner quotes become the outer ones');
  assert.deepEqual(unitBeforeTitle('雨湖区城正街街道未成年人保护工作站《童心守护计划》'), { unit: '雨湖区城正街街道未成年人保护工作站', title: '童心守护计划' });
  assert.deepEqual(unitAfterTitle('浏阳市慈善协会“浏阳市慈善助学圆梦项目”'), { unit: '浏阳市慈善协会', title: '浏阳市慈善助学圆梦项目' }, 'buildCase asks unitAfterTitle');
});

test('units: a place or a slogan before quotes is a title', () => {
  assert.equal(unitBeforeTitle('浏阳市“老有所依”'), null, 'a place is no body');
  assert.equal(unitBeforeTitle('浏阳市民政局“一站式”'), null, 'too short to be a work\'s name');
  assert.equal(unitBeforeTitle('浏阳市慈善协会“助学”和“助老”项目'), null, 'the quotes must close the title');
  assert.equal(unitBeforeTitle('打造“浏阳市慈善助学圆梦项目”'), null);
});
