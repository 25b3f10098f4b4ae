/** GB/T 2260 lookups: short names, unlisted county-level zones, ambiguity settled by context only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childRegions, contextRegion, provinceFromCitedNumbers, resolveRegion, regionFromDocNumber, searchRegions } from '../electron/core/regions/index.js';

function triple(text: string, hint?: Parameters<typeof resolveRegion>[1]) {
  const r = resolveRegion(text, hint);
  return r ? [r.province, r.city, r.county] : null;
}

test('short and full names resolve to official names with codes', () => {
  assert.deepEqual(triple('济南'), ['山东省', '济南市', null]);
  assert.equal(resolveRegion('济南')!.code, '370100');
  assert.deepEqual(triple('威海荣成市'), ['山东省', '威海市', '荣成市']);
  assert.deepEqual(triple('济宁 任城区'), ['山东省', '济宁市', '任城区']);
  assert.deepEqual(triple('内蒙古'), ['内蒙古自治区', null, null]);
  assert.deepEqual(triple('广西壮族自治区'), ['广西壮族自治区', null, null]);
  assert.deepEqual(triple('广西'), ['广西壮族自治区', null, null]);
  assert.deepEqual(triple('新疆维吾尔自治区乌鲁木齐市'), ['新疆维吾尔自治区', '乌鲁木齐市', null]);
  assert.deepEqual(triple('鄂尔多斯市准格尔旗'), ['内蒙古自治区', '鄂尔多斯市', '准格尔旗']);
  assert.deepEqual(triple('津市市民政局'), ['湖南省', '常德市', '津市市']);
  assert.deepEqual(triple('上海市浦东新区'), ['上海市', '上海市', '浦东新区']);
});

test('a county-level zone GB/T 2260 does not list is kept after its city', () => {
  assert.deepEqual(triple('潍坊峡山区'), ['山东省', '潍坊市', '峡山区']);
  assert.deepEqual(triple('潍坊市峡山区始终秉承'), ['山东省', '潍坊市', '峡山区']);
  assert.equal(resolveRegion('潍坊峡山区')!.code, '370700', 'the code is the city’s: the zone has none');
  // Ordinary words ending in 区 are not places.
  assert.deepEqual(triple('济南市社区'), ['山东省', '济南市', null]);
  assert.deepEqual(triple('济南市城区'), ['山东省', '济南市', null]);
});

test('an ambiguous short name is settled by context, never by first match', () => {
  // 朝阳区 exists in Beijing and in Changchun.
  assert.equal(resolveRegion('朝阳区'), null);
  assert.deepEqual(triple('朝阳区', { province: '吉林省' }), ['吉林省', '长春市', '朝阳区']);
  assert.deepEqual(triple('朝阳区', { province: '北京市' }), ['北京市', '北京市', '朝阳区']);
  assert.deepEqual(triple('长春市朝阳区'), ['吉林省', '长春市', '朝阳区']);
  // 鼓楼区: Nanjing and Xuzhou are both in Jiangsu; only the city decides.
  assert.deepEqual(triple('鼓楼区', { province: '江苏省' }), ['江苏省', null, null]);
  assert.deepEqual(triple('鼓楼区', { province: '江苏省', city: '徐州市' }), ['江苏省', '徐州市', '鼓楼区']);
  assert.deepEqual(triple('鼓楼区', { city: '福州' }), ['福建省', '福州市', '鼓楼区']);
  // 吉林 is a province and a city: the bare name means the province.
  assert.deepEqual(triple('吉林'), ['吉林省', null, null]);
  assert.deepEqual(triple('吉林市'), ['吉林省', '吉林市', null]);
});

test('text without a place resolves to nothing', () => {
  assert.equal(resolveRegion(''), null);
  assert.equal(resolveRegion('建立孤弃儿童养育标准体系'), null);
  assert.equal(resolveRegion('四措并举构建县域养老服务体系'), null);
});

test('the context of a whole draft names its province, and its city when one dominates', () => {
  assert.deepEqual(contextRegion('济宁市民政局。济宁市泗水县。济宁市邹城市。山东省民政厅。'), { province: '山东省', city: '济宁市' });
  const mixed = contextRegion('山东省民政厅。济南市民政局。青岛市民政局。淄博市民政局。');
  assert.equal(mixed.province, '山东省');
  assert.equal(mixed.city, undefined);
});

test('searchRegions ranks exact and short names first and gives full paths', () => {
  const hits = searchRegions('济宁', 5);
  assert.deepEqual(hits[0], { code: '370800', name: '济宁市', path: '山东省 济宁市', level: 'city' });
  const qufu = searchRegions('曲阜');
  assert.equal(qufu[0]!.path, '山东省 济宁市 曲阜市');
  assert.equal(qufu[0]!.level, 'county');
  assert.ok(searchRegions('区', 7).length === 7, 'limit respected');
  assert.deepEqual(searchRegions('  '), []);
  assert.ok(searchRegions('朝阳区').length >= 2, 'every 朝阳区 is offered');
});

test('childRegions walks the tree: provinces, cities, counties', () => {
  const provinces = childRegions(null);
  // 31 GB/T 2260 provinces and 新疆生产建设兵团, a province-level unit in civil-affairs work.
  assert.equal(provinces.length, 32);
  assert.ok(provinces.some((p) => p.name === '新疆生产建设兵团'));
  assert.ok(provinces.every((p) => p.level === 'province' && /^\d{2}0000$/u.test(p.code)));
  const shandong = childRegions('370000');
  assert.equal(shandong.length, 16);
  assert.ok(shandong.some((c) => c.name === '济宁市' && c.level === 'city'));
  const jining = childRegions('370800');
  assert.ok(jining.some((c) => c.name === '曲阜市' && c.path === '山东省 济宁市 曲阜市'));
  // A municipality's districts hang directly under it.
  assert.ok(childRegions('110000').some((c) => c.name === '朝阳区' && c.level === 'county'));
  assert.deepEqual(childRegions('999999'), []);
});

test('county names that are everyday words do not make a place on their own', () => {
  assert.equal(resolveRegion('推行惠民殡葬政策'), null, '惠民 is a word here, not 惠民县');
  assert.equal(resolveRegion('新建养老院3所'), null);
  assert.equal(resolveRegion('会同公安部门开展专项行动'), null);
  assert.equal(resolveRegion('统筹省市县三级资源'), null, '市县 hides no 和县 or 成县');
  assert.deepEqual(triple('惠民县推行殡葬改革'), ['山东省', '滨州市', '惠民县']);
  // A short county name far into a text needs support from its city, province or the draft's context.
  assert.equal(resolveRegion('我们学习了泗水的经验'), null);
  assert.deepEqual(triple('我们学习了泗水的经验', { province: '山东省', city: '济宁市' }), ['山东省', '济宁市', '泗水县']);
  assert.deepEqual(triple('泗水“1443工作法”'), ['山东省', '济宁市', '泗水县'], 'a title opening with the place');
});

test('a contrary hint ranks readings but never hides a place the text names plainly', () => {
  assert.deepEqual(triple('南宁市', { province: '山东省' }), ['广西壮族自治区', '南宁市', null]);
  assert.deepEqual(triple('广西南宁市青秀区', { province: '山东省', city: '济南市' }), ['广西壮族自治区', '南宁市', '青秀区']);
  assert.deepEqual(triple('朝阳区', { province: '吉林省', city: '长春市' }), ['吉林省', '长春市', '朝阳区']);
});

test('新疆生产建设兵团 resolves as a province-level region, by its full and short names', () => {
  for (const text of ['新疆生产建设兵团民政局', '兵团:健全救助体系 筑牢民生底线']) {
    const r = resolveRegion(text);
    assert.equal(r?.province, '新疆生产建设兵团', text);
    assert.equal(r?.city, null);
  }
});

test('a 发文字号 names its province, or within the province of the draft its one city', () => {
  assert.equal(regionFromDocNumber('鲁民函〔2021〕11号')?.province, '山东省');
  assert.equal(regionFromDocNumber('沪民办发〔2026〕2号', { province: '上海市' })?.province, '上海市');
  assert.equal(regionFromDocNumber('平政办〔2013〕12号', { province: '河南省' })?.city, '平顶山市');
  assert.equal(regionFromDocNumber('平政办〔2013〕12号'), null, 'without the province 平 names nothing');
  assert.equal(regionFromDocNumber('国发〔2020〕1号'), null);
});

test('a city writing its 发文字号 under an old name (宁 for 南京, 穗 for 广州) is that city inside its province, and the province comes from the documents a notice cites', () => {
  assert.equal(regionFromDocNumber('宁政办规字〔2023〕2号', { province: '江苏省' })?.city, '南京市');
  assert.equal(regionFromDocNumber('宁政办发〔2023〕5号', { province: '青海省' })?.city, '西宁市');
  assert.equal(regionFromDocNumber('穗府办〔2024〕3号', { province: '广东省' })?.city, '广州市');
  assert.equal(regionFromDocNumber('宁政办发〔2023〕5号')?.province, '宁夏回族自治区', 'without a province 宁 stays 宁夏');
  assert.equal(regionFromDocNumber('宁政办发〔2023〕5号', { province: '宁夏回族自治区' })?.province, '宁夏回族自治区');
  const body = '为落实《省政府办公厅关于印发工作措施的通知》(苏政办发〔2022〕82号)、《安委会通知》(安委〔2023〕3号)等文件，提出如下意见。';
  assert.equal(provinceFromCitedNumbers(body, '宁政办规字〔2023〕2号'), '江苏省');
  assert.equal(provinceFromCitedNumbers('依据苏政发〔2020〕1号和浙政发〔2021〕2号。'), null, 'two provinces cited: none');
  assert.equal(provinceFromCitedNumbers('宁政办规字〔2023〕2号', '宁政办规字〔2023〕2号'), null, 'its own number is no citation');
});

test('regions: a functional zone (开发区, 工业园区 — statistical codes with 7 as fifth digit) files under its city, a real district stays', () => {
  const zone = resolveRegion('扬州经济技术开发区文汇街道春江社区');
  assert.equal(zone?.city, '扬州市');
  assert.equal(zone?.county ?? null, null);
  assert.equal(resolveRegion('苏州工业园区')?.county ?? null, null);
  assert.equal(resolveRegion('天津市滨海新区')?.county, '滨海新区');
});
