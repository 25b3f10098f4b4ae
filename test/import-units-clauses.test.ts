/**
 * The subject of a lead sentence after circumstances of any length: an organ opening a later clause
 * of the first sentence is the body that did the work; an organ inside a clause (按照…部署, 由…推荐)
 * is not, nor is one opening a clause further down the text. Inputs written for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitFromOpening } from '../electron/core/import/stages/units.js';

test('units: the lead sentence\'s subject after several circumstance clauses', () => {
  assert.equal(
    unitFromOpening(['入冬以来,为落实上级关于关爱困难群众的部署,按照省民政厅和市民政局要求,平江县救助管理站启动专项救助行动,保障流浪人员安全过冬。']),
    '平江县救助管理站',
    'the clause under 按照 names superiors, not the subject',
  );
  assert.equal(
    unitFromOpening(['日前,人力资源社会保障部、民政部印发表彰决定,临海市民政局获评全国民政系统先进集体,是全市唯一获表彰的单位。']),
    '临海市民政局',
    'a ministry without a place before it is no subject of a local case',
  );
  assert.equal(
    unitFromOpening(['新华社长沙3月2日电(记者 某某)针对农村留守儿童关爱问题,湖南省民政厅联合教育厅等部门出台文件。']),
    '湖南省民政厅',
  );
});

test('units: a clause further down tells a detail, not the unit', () => {
  assert.equal(
    unitFromOpening(['七夕佳节爱意浓,全市共有500对新人登记结婚。', '当天上午,红旗区民政局婚姻登记处设置了打卡区,还请来剪纸艺人助兴。']),
    null,
    'a registry busy on the day, named in the second paragraph, did not do the city\'s work',
  );
  assert.equal(
    unitFromOpening(['寒冬将至,我县启动专项救助行动,由县民政局统一调配物资。']),
    null,
    'an organ after 由 is inside its clause',
  );
});
