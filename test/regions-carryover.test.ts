/**
 * Regions by general features: an area that is no division (…小区, …园区, a counted "十大…") after a
 * city is no unlisted county; a unit inside its title's place narrows the case to it; national
 * news opening with a purpose clause before 民政部 has no region, whatever places it names as examples.
 * Each input is written for its test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { narrower, resolveRegion } from '../electron/core/regions/index.js';
import { importFile } from '../electron/core/import/index.js';

test('regions: …小区 or a counted area after a city is no county of it', () => {
  for (const text of ['绵阳市十佳和美小区', '绵阳市文创园区', '绵阳市三个片区']) {
    const r = resolveRegion(text);
    assert.equal(r?.city, '绵阳市', text);
    assert.equal(r?.county, null, text);
  }
  assert.equal(resolveRegion('潍坊峡山区')?.county, '峡山区', 'a functional zone after its city is still read');
});

test('regions: narrower() takes the unit inside the title\'s place, and leaves other branches alone', () => {
  const city = { province: '四川省', city: '绵阳市', county: null, code: '510700' };
  const county = { province: '四川省', city: '绵阳市', county: '盐亭县', code: '510723' };
  const elsewhere = { province: '四川省', city: '德阳市', county: '中江县', code: '510623' };
  assert.deepEqual(narrower(city, county), county);
  assert.deepEqual(narrower(city, elsewhere), city);
  assert.deepEqual(narrower(county, { ...county, county: '三台县' }), county);
  assert.equal(narrower(null, county), null);
});

test('regions: national news whose opening puts a purpose clause before 民政部 has no region', async () => {
  const text = '中国宁夏网 > 即时新闻 > 时政\n民政部部署做好冬春救助工作\n为切实保障困难群众冬春期间基本生活，提升救助时效，民政部近日部署各地摸清底数、及时发放救助款物。\n宁夏已率先完成摸底，宁夏各地正在发放救助款物。\n';
  const f = await importFile({ name: 'draft.txt', bytes: new TextEncoder().encode(text) });
  assert.equal(f.cases[0]!.meta.region, null, 'the region it names as an example is not the news\'s place');
});

test('regions: a place only visited, borrowed from or compared with is not the text\'s', () => {
  assert.deepEqual(resolveRegion('盐亭县民政局组织干部赴浙江省考察学习养老服务'), resolveRegion('盐亭县民政局组织干部'), 'the visit names 浙江');
  assert.equal(resolveRegion('学习借鉴德阳市、广元市等地经验，盐亭县出台救助办法')?.county, '盐亭县');
  assert.equal(resolveRegion('与成都市相比，绵阳市的社区养老起步较晚')?.city, '绵阳市');
  assert.equal(resolveRegion('赴浙江考察学习'), null, 'nothing but the visit: no place');
  // A place that is visited by others (a leader's inspection) is still the text's.
  assert.equal(resolveRegion('省委书记到盐亭县调研社区养老服务')?.county, '盐亭县');
});
