/**
 * Evidence of a page's place that pages the importer had not seen carried (batch 17, now tuning): a national
 * ministry as the subject of an agency item, an outlet's "今日某某网消息" dateline, an account's region label
 * over a county bureau, a county's organ written with its short name (渭滨民政局), a county's rules text under
 * its province's law, a township since made a street, a place name cut by a PDF's line break, and a city's page
 * naming its city once by its short name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { findMentions, withRecurringCounties, isStrong } from '../electron/core/regions/index.js';
import { namedCounties } from '../electron/core/regions/depth.js';
import { homeRegion, pageRegion, signerHome, spokenRegion } from '../electron/core/regions/home.js';
import { resolveRegion } from '../electron/core/regions/index.js';
import { examplesScope, reporterSource } from '../electron/core/regions/scope.js';
import type { Region } from '../electron/core/model/types.js';
import { hardWrap } from '../scripts/perturb.js';

const tuning = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');

const names = (r: Region | null | undefined): string[] => (r ? [r.province, r.city, r.county].filter((x): x is string => Boolean(x)) : []);

async function caseRegion(file: string): Promise<string[]> {
  const r = await importFile({ name: file, path: path.join(tuning, file) });
  return names(r.cases[0]?.meta.region);
}

async function noticeRegion(file: string): Promise<string[]> {
  const r = await importFile({ name: file, path: path.join(tuning, file) });
  return names(r.notice?.meta.region);
}

test('a national ministry as the subject after an agency dateline set off by a space ("中新网 北京9月13日电") has no region', async () => {
  assert.deepEqual(await caseRegion('quanguo-2024-lieshi-jinian-sheshi.txt'), []);
});

test('an outlet called 今日+place, with its "网消息" dateline, names its county', async () => {
  assert.deepEqual(await caseRegion('zhushan-chunjie-weiwen.txt'), ['湖北省', '十堰市', '竹山县']);
});

test('an account\'s region label over a county bureau\'s article is narrowed to the bureau\'s county', async () => {
  assert.deepEqual(await caseRegion('yonghe-xiangzhen-gengming-luntan.txt'), ['山西省', '临汾市', '永和县']);
});

test('a county\'s short name before its organ\'s word counts as its full name (渭滨民政局, 宜秀民政)', async () => {
  const text = '编辑: 渭滨民政局 来源: 区民政局';
  const m = withRecurringCounties(text, findMentions(text)).find((x) => x.text === '渭滨')!;
  assert.ok(isStrong(m));
  // A short name before other words stays weak.
  const other = '渭滨河畔';
  assert.ok(!withRecurringCounties(other, findMentions(other)).some(isStrong));
  // The district's notice signed "区民政局" is the district's.
  assert.deepEqual(await noticeRegion('weibin-2022-yanglao-anquan-paicha.txt'), ['陕西省', '宝鸡市', '渭滨区']);
});

test('a title naming the province over a text that speaks as a county is the county\'s (本县, 我县)', async () => {
  const province = resolveRegion('云南省')!;
  const county = resolveRegion('梁河县')!;
  assert.deepEqual(names(spokenRegion(province, county, '本细则适用于本县行政区域。2021年实现我县火化区全覆盖。')), ['云南省', '德宏傣族景颇族自治州', '梁河县']);
  // A text speaking as the province, or as no level, keeps the title's place.
  assert.deepEqual(names(spokenRegion(province, county, '全省推进殡葬改革。')), ['云南省']);
  assert.deepEqual(names(spokenRegion(province, county, '推进殡葬改革。')), ['云南省']);
  assert.deepEqual(await noticeRegion('lianghe-binzang-shishi-xize.txt'), ['云南省', '德宏傣族景颇族自治州', '梁河县']);
});

test('a township since made a street (撤镇设街道) names its county by its old name', async () => {
  const counties = namedCounties('大寨镇3个农村互助幸福院全部投入使用', { province: '陕西省', city: '咸阳市' });
  assert.deepEqual(counties.map((c) => c.county), ['杨陵区']);
  // Outside the city nothing is read from it.
  assert.deepEqual(namedCounties('大寨镇3个农村互助幸福院全部投入使用', { province: '陕西省', city: '宝鸡市' }), []);
  assert.deepEqual(await caseRegion('yangling-2014-dazhai-xingfuyuan.txt'), ['陕西省', '咸阳市', '杨陵区']);
});

test('a place name cut by a PDF\'s line break ("江\\n苏省") reads as in the unwrapped text', async () => {
  const file = 'minzhengbu-2018-shequ-gongzuofa.txt';
  const text = readFileSync(path.join(tuning, file), 'utf8');
  const wrapped = text.split('\n').map((l) => l.trim()).filter(Boolean).flatMap((l) => hardWrap(l)).join('\n');
  assert.ok(/江\n苏省/u.test(wrapped));
  const r = await importFile({ name: file, bytes: new TextEncoder().encode(wrapped) });
  assert.deepEqual(names(r.cases[0]?.meta.region), []);
});

test('a city\'s page naming only its own city, once and by its short name, while it speaks of 市民政局 and 全市 is that city\'s', async () => {
  const text = '本报讯 4月2日,市民政局被授予全国民政系统先进集体称号。近年来,市民政局护航本溪全面振兴,全市困难群众基本生活得到保障。';
  assert.deepEqual(names(homeRegion(text, findMentions(text), {})), ['辽宁省', '本溪市']);
  // Another city named beside it: no one city.
  const two = `${text}沈阳市民政局也获此称号。`;
  assert.deepEqual(names(homeRegion(two, findMentions(two), {})), []);
  // No city organ or scope in the text: nothing to say it is the city's own page.
  const none = '护航本溪全面振兴。';
  assert.deepEqual(names(homeRegion(none, findMentions(none), {})), []);
  assert.deepEqual(await caseRegion('benxi-2019-minzheng-xianjin-jiti.txt'), ['辽宁省', '本溪市']);
});

test('a notice signed by any State Council department (自然资源部办公厅, 人力资源社会保障部) has no division, whatever its page\'s', () => {
  const home = resolveRegion('北京市东城区');
  assert.equal(signerHome(['自然资源部办公厅'], home), null);
  assert.equal(signerHome(['人力资源社会保障部 民政部'], home), null);
  // A level word alone (区民政局) signs for the home division.
  assert.deepEqual(names(signerHome(['区民政局'], home)), ['北京市', '北京市', '东城区']);
});

test('a page whose source organ is of another province than the place its text names is that place\'s (a copy, not the case\'s home)', () => {
  const source = resolveRegion('吉林省民政厅');
  assert.deepEqual(names(pageRegion(source, resolveRegion('临颍县杜曲镇'), '杜曲镇幸福院投入使用。')), ['河南省', '漯河市', '临颍县']);
  assert.deepEqual(names(pageRegion(source, resolveRegion('宁夏'), '宁夏推进养老产业。')), ['宁夏回族自治区']);
  // Inside the source's province the source's rule stands: a province's news speaking as the province stays the province's.
  assert.deepEqual(names(pageRegion(source, resolveRegion('长春市'), '全省推进养老服务,长春市率先试点。')), ['吉林省']);
});

const imported = async (text: string): Promise<string[]> => {
  const r = await importFile({ name: 'synthetic.txt', bytes: new TextEncoder().encode(text) });
  return names(r.cases[0]?.meta.region);
};

test('the reporter\'s source ("记者从某区某局获悉") is the news\'s division: the organ the news is from, at its level', async () => {
  assert.deepEqual(names(reporterSource('记者昨天从徐汇区规划局获悉,即日起')), ['上海市', '上海市', '徐汇区']);
  assert.deepEqual(names(reporterSource('记者12日从成都市武侯区民政局了解到')), ['四川省', '成都市', '武侯区']);
  assert.deepEqual(names(reporterSource('记者日前从天河区民政局获悉', { province: '广东省' })), ['广东省', '广州市', '天河区']);
  // An organ by its level word alone names no division by itself.
  assert.equal(reporterSource('记者从省民政厅获悉'), null);
  // A station named after its city opens the report; the district's bureau the news is from narrows it.
  const text = '城东片区12条新路公开征名\n\n本报讯\n\n广州南站工程收尾,该地区将修筑一批配套道路。记者昨天从番禺区规划局获悉,即日起至8月31日,该局面向社会公开征集12条道路的名称。征集到的名称经评审后依法报市地名办审批,命名不得与全市已用道路名称同名。\n';
  assert.deepEqual(await imported(text), ['广东省', '广州市', '番禺区']);
  assert.deepEqual(await caseRegion('shanghai-2005-nanzhan-daolu-zhengming.txt'), ['上海市', '上海市', '徐汇区']);
});

test('places given as examples ("到A、B等地") in several of a province\'s cities make the text the province\'s', async () => {
  assert.deepEqual(names(examplesScope('记者到巩义、许昌等地作了探访')), ['河南省']);
  assert.deepEqual(names(examplesScope('听取南宁、梧州、钦州等地对殡葬工作的意见')), ['广西壮族自治区']);
  assert.deepEqual(names(examplesScope('石家庄、邯郸、邢台等地开展集中宣传')), ['河北省']);
  // Examples inside one city, or across provinces, say no province.
  assert.equal(examplesScope('在武侯区、锦江区等地开展'), null);
  assert.equal(examplesScope('学习北京、上海等地的做法'), null);
  const text = (visit: string) =>
    `地名里的乡愁\n\n来源:湖北日报\n\n不少人有过这样的经历:在陌生的村庄打开导航,地图上一片空白。\n\n随着城乡融合发展,乡村地名的作用日益凸显。湖北的乡村地名怎么起?${visit}\n\n5月15日,宜都市红花套镇渡口村的古渡口前,游客前来拍照。村党支部书记说,渡口村因此得名。“镇上的羽林村因曾是驻地而得名。”正在红花套镇勘察道路的宜都市民政局区划地名科科长介绍。\n`;
  assert.deepEqual(await imported(text('记者到宜都、枝江、襄州等地作了探访。')), ['湖北省']);
  // One place visited: the text is that place's.
  assert.deepEqual(await imported(text('记者到宜都作了探访。')), ['湖北省', '宜昌市', '宜都市']);
  assert.deepEqual(await caseRegion('gongyi-2025-xiangcun-zhuming-fanti.txt'), ['河南省']);
});

test('a text that speaks as its province (全省) keeps the province when its city is read only from its counties; a city naming itself ranks itself in it', async () => {
  const text = (frame: string) =>
    `推进城乡社区治理 服务群众见实效\n\n社区是社会治理的基本单元。${frame}\n\n记者走访了武侯区、锦江区、郫都区的城乡社区。武侯区推动多元共治,引入社会组织参与社区服务。锦江区推行院落自治,郫都区建设社区服务站。\n`;
  assert.deepEqual(await imported(text('近年来,四川省以党建引领为关键,持续完善基层社区治理。截至目前,全省建成城乡社区综合服务设施5万余个。')), ['四川省']);
  assert.deepEqual(await imported(text('成都市是全省社区数量最多的城市,占全省三分之一。')), ['四川省', '成都市']);
  assert.deepEqual(await caseRegion('guizhou-2018-jiceng-zhili-jishi.txt'), ['贵州省']);
});

test('a body coming to the text\'s own division ("某市民政局到我县调研") is a visitor: neither the text\'s place nor its unit', async () => {
  const text = (city: string, county: string) =>
    `市民政局来我县调研养老服务工作\n\n近日,${city}民政局到我县调研养老服务工作。调研组一行先后来到县社会福利中心、城关镇敬老院,详细了解我县养老服务设施建设情况。${county}民政局主要负责人陪同调研。\n`;
  assert.deepEqual(await imported(text('南阳市', '西峡县')), ['河南省', '南阳市', '西峡县']);
  assert.deepEqual(await imported(text('赣州市', '于都县')), ['江西省', '赣州市', '于都县']);
  // The region reading drops the visitor from a short text too.
  assert.deepEqual(names(resolveRegion('南阳市民政局莅临我县检查指导,西峡县民政局陪同')), ['河南省', '南阳市', '西峡县']);
});

test('a meeting of the whole division held in one of its places ("全省…会议在长沙召开") is the division\'s: the place is its venue', async () => {
  const text = (opening: string) => `养老服务工作会议召开\n\n${opening}会议总结了近年来养老服务工作,部署下一阶段任务。\n`;
  assert.deepEqual(await imported(text('11月5日,全省养老服务工作会议在长沙召开。')), ['湖南省']);
  assert.deepEqual(await imported(text('3月12日,全省社会救助工作推进会在南宁隆重举行。')), ['广西壮族自治区']);
  assert.deepEqual(await imported(text('近日,全市社区治理现场推进会在江北区召开。宁波市民政局主要负责人出席。')), ['浙江省', '宁波市']);
  // A time, not a place, before the verb: no venue ("在日前举行的全省…大会上", zhangjiachuan-2015's county stays).
  assert.deepEqual(await imported(text('2月2日,笔者从张家川县委统战部获悉,在日前举行的全省民族团结进步表彰大会上,张家川县2个单位获表彰。')), ['甘肃省', '天水市', '张家川回族自治县']);
});

test('a text that speaks as its county (本区, 我县) keeps the county it names, whatever other counties it mentions', async () => {
  const text = (own: string, other: string) =>
    `本区养老服务再上新台阶\n\n今年以来,${own}持续完善养老服务体系。本区新建社区长者食堂12家,全区老年人助餐服务覆盖率达90%。一位来自${other}的老人也慕名前来就餐。\n`;
  assert.deepEqual(await imported(text('徐汇区', '浦东新区')), ['上海市', '上海市', '徐汇区']);
  assert.deepEqual(await imported(text('和平区', '南开区')), ['天津市', '天津市', '和平区']);
  assert.deepEqual(await imported(text('武侯区', '锦江区')), ['四川省', '成都市', '武侯区']);
});

test('national news opening on its date ("11月5日,全国…现场会在浙江湖州召开", "…民政部在…召开") has no region, whatever place hosts it', async () => {
  const text = (opening: string) => `现场会召开\n\n${opening}会议要求各地学习借鉴先进经验。\n`;
  assert.deepEqual(await imported(text('11月5日,全国养老服务工作现场会在浙江湖州召开。')), []);
  assert.deepEqual(await imported(text('2024年6月18日,民政部在四川成都召开全国社区治理工作现场会。')), []);
  assert.deepEqual(await imported(text('9月3日上午,全国老龄办在山东济南举办全国示范性老年友好型社区创建培训班。')), []);
  // A province's meeting on its date stays the province's.
  assert.deepEqual(await imported(text('11月5日,全省养老服务工作会议在长沙召开。')), ['湖南省']);
});
