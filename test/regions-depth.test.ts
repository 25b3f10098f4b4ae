/**
 * The depth of an article's region (regions/depth.ts) on real tuning pages: a city's text shown through
 * several of its districts is the city's; one community's or street's text is its county's; a headline's
 * "place:" is the scope. And the mentions that are no place: a road named after one (皋兰路), an office
 * address under any label (办公区:北京市…), and the customary abbreviations that are (前郭县).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { findMentions, resolveRegion } from '../electron/core/regions/index.js';
import { caseDepth, namedCounties } from '../electron/core/regions/depth.js';

const tuning = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');

async function regionOf(file: string): Promise<string[]> {
  const r = await importFile({ name: file, path: path.join(tuning, file) });
  const region = r.cases[0]?.meta.region;
  return region ? [region.province, region.city, region.county].filter((x): x is string => Boolean(x)) : [];
}

test('depth: a city\'s text shown through two or more of its districts is the city\'s, not its opening scene\'s district', async () => {
  // 西乡塘区's street sets the scene, 江南区's community is the second example; 南宁市 is the subject.
  assert.deepEqual(await regionOf('nanning-2025-shequ-minzu-tuanjie-fanti.txt'), ['广西壮族自治区', '南宁市']);
  // Visitors to 和政县 and 东乡县: the prefecture's.
  assert.deepEqual(await regionOf('linxia-2018-shegong-qianshou.txt'), ['甘肃省', '临夏回族自治州']);
  // 凌河区 (the pilot), 太和区 and 凌海市 alongside: the city bureau's pilot; the footer's 北京 office address is the site's.
  assert.deepEqual(await regionOf('jinzhou-shegongzhan-shidian.txt'), ['辽宁省', '锦州市']);
});

test('depth: one community\'s or street\'s text is the county of the chain it names, or of the county it speaks as', async () => {
  assert.deepEqual(await regionOf('xining-shiliuzi-jiayuan-fanti.txt'), ['青海省', '西宁市', '城西区']);
  assert.deepEqual(await regionOf('nanning-2026-mingxiunan-shequ-fanti.txt'), ['广西壮族自治区', '南宁市', '西乡塘区']);
  // 朝阳门街道 lies in 东城区 (the division list's streets), though the page never names the district.
  assert.deepEqual(await regionOf('chaoyangmen-2022-yanglao-lianheti.txt'), ['北京市', '北京市', '东城区']);
  // 前郭县 (前郭尔罗斯蒙古族自治县), speaking as 全县; the paper's 长春 address is not the case's.
  assert.deepEqual(await regionOf('qianguo-2022-shehui-fuli-zhongxin.txt'), ['吉林省', '松原市', '前郭尔罗斯蒙古族自治县']);
});

test('depth: a headline "place:" is the scope, whatever district its first example is in', async () => {
  assert.deepEqual(await regionOf('beijing-2022-linli-rexian.txt'), ['北京市']);
  assert.deepEqual(await regionOf('yinchuan-2023-jiceng-zhili-fanti.txt'), ['宁夏回族自治区', '银川市']);
});

test('depth: the unit or a title naming the county keeps it; nothing else is moved', () => {
  const county = resolveRegion('兰州市城关区')!;
  const paragraphs = ['城关区皋兰路街道和七里河区西站街道的社工站各有做法。'];
  assert.equal(caseDepth(county, { title: '社工站', paragraphs, fixed: true })!.county, '城关区');
  assert.equal(caseDepth(county, { title: '社工站', paragraphs, fixed: false })!.county, null);
  const city = resolveRegion('兰州市')!;
  // Two districts named: the city stays the city.
  assert.equal(caseDepth(city, { title: '社工站', paragraphs, fixed: false })!.county, null);
  // A city's text (全市) naming one district stays the city's.
  assert.equal(caseDepth(city, { title: '社工站', paragraphs: ['全市推进社工站建设,城关区张掖路街道社工站率先建成。'], fixed: false })!.county, null);
  assert.equal(caseDepth(city, { title: '社工站', paragraphs: ['城关区张掖路街道社工站率先建成。'], fixed: false })!.county, '城关区');
});

test('mentions: a road named after a place is no mention of it; a customary abbreviation with its level word is a full name', () => {
  assert.deepEqual(findMentions('城关区皋兰路街道').map((m) => m.text), ['城关区']);
  assert.deepEqual(findMentions('南京路步行街和北京东路').map((m) => m.text), []);
  // Words after 路 that are not a road's: the place is named.
  assert.deepEqual(findMentions('走出一条兰州路子').map((m) => m.text), ['兰州']);
  const qianguo = findMentions('前郭县现有常住人口40.73万人');
  assert.equal(qianguo[0]?.full, true);
  assert.equal(qianguo[0]?.places[0]?.name, '前郭尔罗斯蒙古族自治县');
  assert.equal(resolveRegion('第一办公区:北京市东城区某某大街26号'), null);
  assert.deepEqual(
    namedCounties('朝阳门街道是北京面积最小的街道之一', { province: '北京市', city: null }).map((n) => [n.county, n.street]),
    [['东城区', true]],
  );
});

test('mentions: a county renamed since (滦县, now 滦州市) resolves to today\'s division', () => {
  const r = resolveRegion('滦县');
  assert.deepEqual(r && [r.province, r.city, r.county], ['河北省', '唐山市', '滦州市']);
  // Characters no place name begins with are passed over; the names around them are still found.
  assert.deepEqual(findMentions('。。…… 滦州市、abc北京').map((m) => m.text), ['滦州市', '北京']);
});

test('depth: 全区 is a district\'s voice, but an autonomous region\'s own in 广西, 西藏, 宁夏, 新疆, 内蒙古', async () => {
  const { ownLevelWord } = await import('../electron/core/regions/home.js');
  assert.equal(ownLevelWord('全区民族团结进步创建', '广西壮族自治区'), '省');
  assert.equal(ownLevelWord('全区养老服务', '北京市'), '县');
  assert.equal(ownLevelWord('全区养老服务'), '县');
  // A prefecture's and a league's own words are a city's (延边州's 全州, 锡林郭勒盟's 全盟); 广西's 全州县 is a county.
  assert.equal(ownLevelWord('全州共有养老服务机构185家'), '市');
  assert.equal(ownLevelWord('全盟牧区养老'), '市');
  assert.equal(ownLevelWord('全州县民政局'), null);
  const city = resolveRegion('南宁市')!;
  // A 南宁 text that speaks of 全区 (广西) and names one district: still the city's.
  assert.equal(caseDepth(city, { title: '石榴花开', paragraphs: ['全区各地推进民族团结进步创建,西乡塘区以“三零”工作法破题。'], fixed: false })!.county, null);
  // The same in a municipality: 全区 is the district's.
  const beijing = resolveRegion('北京市')!;
  assert.equal(caseDepth(beijing, { title: '社区养老', paragraphs: ['全区推进养老服务,海淀区某某社区率先试点。'], fixed: false })!.county, '海淀区');
});

test('streets: a street or township named after a place is that street, in its county, not the place', () => {
  const at = (t: string, hint?: Parameters<typeof resolveRegion>[1]) => {
    const r = resolveRegion(t, hint);
    return r ? [r.province, r.city, r.county].filter(Boolean) : null;
  };
  // 朝阳门街道 is 东城区's, not 辽宁's 朝阳市 (as the unit model reads chaoyangmen-2022's unit).
  assert.deepEqual(at('朝阳门街道'), ['北京市', '北京市', '东城区']);
  // A city without counties lists its streets as its divisions: 嘉峪关市's 钢城街道 stays itself.
  assert.deepEqual(at('嘉峪关市钢城街道'), ['甘肃省', '嘉峪关市', '钢城街道']);
  // A place run on into its level word is no street ("新乡市", not a 新乡 township).
  assert.deepEqual(at('新乡市民政局'), ['河南省', '新乡市']);
});

test('mentions: a two-character county with its level word counts when the text repeats it and opens a clause with it', async () => {
  const { withRecurringCounties } = await import('../electron/core/regions/index.js');
  const { readFileSync } = await import('node:fs');
  // yixian-2012 copied without its headline: 黟縣 three times, once opening a clause (",黟縣圍繞…"); nothing else
  // names a place. It was read as no place at all.
  const body = readFileSync(path.join(tuning, 'yixian-2012-minsheng-xuanchuan-fanti.txt'), 'utf8').split('\n').slice(1).join('\n');
  const r = (await importFile({ name: 'yixian.txt', bytes: Buffer.from(body) })).cases[0]?.meta.region;
  assert.deepEqual([r?.province, r?.city], ['安徽省', '黄山市']);
  const flags = (t: string) => withRecurringCounties(t, findMentions(t)).filter((m) => m.recurring).map((m) => m.text);
  // Words that run into 和县 and 范县 never open a clause.
  assert.deepEqual(flags('县政府和县民政局联合开展,县妇联和县关工委参加'), []);
  assert.deepEqual(flags('十大示范县(市、区),示范县名单'), []);
  assert.deepEqual(flags('澧县是全国婚俗改革实验区。探索出澧县样板'), ['澧县', '澧县']);
});
