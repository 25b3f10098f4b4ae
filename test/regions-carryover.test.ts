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

test('regions: every provincial region and 新疆生产建设兵团, by full and short name; 繁體 drafts through their simplified copy', async () => {
  const full = ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市', '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区', '新疆生产建设兵团'];
  const short = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '兵团'];
  for (const [i, name] of full.entries()) {
    assert.equal(resolveRegion(`${name}民政厅推进养老服务`)?.province, name, name);
    assert.equal(resolveRegion(`${short[i]}推进养老服务改革`)?.province, name, short[i]);
  }
  const f = await importFile({ name: 'draft.txt', bytes: new TextEncoder().encode('新疆生產建設兵團推進養老服務體系建設\n近年來，兵團民政局推進養老服務體系建設，新建養老服務中心12個。\n') });
  assert.equal(f.cases[0]!.meta.region?.province, '新疆生产建设兵团');
});
