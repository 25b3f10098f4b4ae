/**
 * What a whole draft says about its place (contextRegion) and names renamed since old lists were
 * printed: a spelling at several levels means the higher one, as resolveRegion reads it; a city one
 * line mentions in passing in a text about its province is not the text's city; 壁山县 (a common
 * miswriting) and 璧山县 are today's 璧山区. Inputs written for each test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextRegion, resolveRegion } from '../electron/core/regions/index.js';

test('context: a spelling that is a province and a prefecture ("海南") votes for the province', () => {
  const text = '以民政改革创新服务自贸港建设\n十年来,海南民政系统围绕自贸港建设大局推进改革。\n海南先后出台特困供养、临时救助等制度文件。\n海南民政紧盯困难群众所急。';
  assert.equal(contextRegion(text).province, '海南省');
});

test('context: a city one line names in passing is not the city of a text about its province', () => {
  const province = [
    '党的十八大以来,广西壮族自治区民政系统兜住兜准兜好民生底线。',
    '南宁市青秀区的一户人家得到临时救助,青秀区民政部门及时办理了低保。',
    '十年来,广西民政系统健全制度机制,发挥社会救助兜底作用。',
    '广西城市低保标准从每人每月270元提高到767元。',
  ].join('\n');
  const ctx = contextRegion(province);
  assert.equal(ctx.province, '广西壮族自治区');
  assert.equal(ctx.city, undefined, 'one line about one family');
  const city = ['南宁市民政局推进社会救助改革。', '南宁市青秀区率先试点,南宁市各县区随后推开。', '广西民政厅予以肯定。'].join('\n');
  assert.equal(contextRegion(city).city, '南宁市', 'a city named on several lines is the text\'s');
  assert.equal(contextRegion('南宁市青秀区民政局开展救助工作,全区困难群众受益。').city, '南宁市', 'named once with nothing else, it still leads');
});

test('context: a place in the site\'s path above the page is the portal\'s division, heavier than a passing mention', () => {
  // Written for the test: a bureau's page that names its place only in the path and says 市民政局 below.
  const page = '首页 > 宁波·养老服务 > 工作动态\n全市养老服务工作会议\n3月2日,市民政局召开全市养老服务工作会议。';
  assert.equal(contextRegion(page).province, '浙江省');
  assert.equal(contextRegion(page).city, '宁波市');
  assert.deepEqual(contextRegion('当前位置:首页 > 时事 > 昆明时事\n市民政局部署冬季救助。'), { province: '云南省', city: '昆明市' });
  // The same short name once in running text is no evidence on its own.
  assert.deepEqual(contextRegion('全市养老服务工作会议\n会上介绍了宁波的做法。'), {});
});

test('regions: 璧山县 and its miswriting 壁山县 are today\'s 璧山区 of 重庆市', () => {
  for (const name of ['壁山县', '璧山县', '重庆市壁山县']) {
    const r = resolveRegion(name);
    assert.deepEqual([r?.province, r?.city, r?.county], ['重庆市', '重庆市', '璧山区'], name);
  }
});

test('articles: a quoted lead is the speaker\'s, the attribution after it places the text; "我区" in a local paper is the paper\'s district', async () => {
  const { importFile } = await import('../electron/core/import/index.js');
  const read = (text: string) => importFile({ name: 'draft.txt', bytes: new TextEncoder().encode(text) });
  const quoted = await read('“我在社区住了快十年,最大的感受就是暖心。”4月16日,绵阳市涪城区城郊街道某社区居民张某笑着说。\n近年来,该社区以党建引领、服务惠民,建设各民族共居共学的社区。\n社区食堂和老年大学让老人直呼幸福。(四川日报记者 李某)\n');
  assert.equal(quoted.cases[0]!.meta.region?.county, '涪城区', 'the quote ends its own sentence; the place is in the attribution');
  const paper = await read('盐亭日报 数字报纸\n打造未成年人关爱服务新标杆\n本报讯 (记者 张某) 四川省民政厅日前公布典型案例评选结果,我县富驿镇未成年人保护工作站入选省级典型案例。\n工作站建立联动保护机制,为困境儿童提供心理辅导和学业帮扶。\n');
  const r = paper.cases[0]!.meta.region;
  assert.deepEqual([r?.province, r?.city, r?.county], ['四川省', '绵阳市', '盐亭县'], '我县 is the county of the paper the page is from');
});

test('regions: a state-level new area after its city is no county of it; listed ones (浦东新区) stay', () => {
  for (const text of ['南京市江北新区沿江街道', '成都市天府新区', '长沙市湘江新区']) {
    const r = resolveRegion(text);
    assert.ok(r?.city && r.county === null, `${text}: ${JSON.stringify(r)}`);
  }
  assert.equal(resolveRegion('上海市浦东新区')?.county, '浦东新区');
  assert.equal(resolveRegion('潍坊峡山区')?.county, '峡山区', 'an unlisted zone named as a 区 is still read');
});

test('articles: a page whose only place is its source, a county-level city\'s media centre, is that city\'s; a district\'s media centre over 市民政局 is the city\'s', async () => {
  const { importFile } = await import('../electron/core/import/index.js');
  const read = (text: string) => importFile({ name: 'draft.txt', bytes: new TextEncoder().encode(text) });
  const body = '婚姻登记新规首迎“520” 新人扎堆领证\n发布时间:2025/05/22 08:51:52\n来源:SOURCE\n“我们自愿结为夫妻……”结婚誓词在市民政局婚姻登记处大厅里一遍遍响起。\n当天共有78对新人办理结婚登记,市民政局延长了服务时间。\n';
  const own = await read(body.replace('SOURCE', '江油市融媒体中心'));
  assert.equal(own.cases[0]!.meta.unit, null, 'a media centre reports the work; it is no unit');
  assert.deepEqual([own.cases[0]!.meta.region?.city, own.cases[0]!.meta.region?.county], ['绵阳市', '江油市']);
  const district = await read(body.replace('SOURCE', '涪城区融媒体中心'));
  assert.deepEqual([district.cases[0]!.meta.region?.city, district.cases[0]!.meta.region?.county], ['绵阳市', null], 'a district paper\'s 市民政局 is the city\'s');
});
