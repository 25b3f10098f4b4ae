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
