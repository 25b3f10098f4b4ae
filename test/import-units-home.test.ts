/**
 * Units and regions from a document's own division: the organisation-name grammar (orgnames.ts),
 * the home division read from a site's 公网安备 number, a local outlet or the counties a text
 * names (regions/home.ts), and a body named by its level word alone ("区民政局", "州救助管理站")
 * written out with it. Inputs are tuning fixtures as the importer reads them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOrgName, withOwnPlace } from '../electron/core/import/stages/orgnames.js';
import { homeRegion } from '../electron/core/regions/home.js';
import { contextRegion, findMentions } from '../electron/core/regions/index.js';
import { importFile } from '../electron/core/import/index.js';

const TUNING = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');
const text = (name: string) => readFileSync(path.join(TUNING, name), 'utf8');
const home = (t: string) => {
  const m = findMentions(t);
  const r = homeRegion(t, m, contextRegion(t, m));
  return r ? [r.province, r.city, r.county] : null;
};
const place = (r: { province: string | null; city: string | null; county: string | null } | null | undefined) => (r ? [r.province, r.city, r.county] : null);

test('orgnames: a name is [place] [body] [kind]; a level word alone is the document\'s own place', () => {
  assert.equal(parseOrgName('区民政局')?.placed, 'relative');
  assert.equal(parseOrgName('州救助管理站')?.level, '州');
  assert.equal(parseOrgName('湘西州救助管理站')?.placed, 'division');
  assert.equal(parseOrgName('下管镇未成年人保护工作站')?.placed, 'town');
  assert.equal(parseOrgName('东南大学教育基金会')?.placed, 'none', 'a foundation is named without a place');
  assert.equal(parseOrgName('移动爱心书屋'), null, 'a project is no organisation');
  assert.equal(parseOrgName('民政部网站'), null, 'a website reports, it does no work');
  assert.equal(withOwnPlace('区民政局', { province: '浙江省', city: '宁波市', county: '海曙区' }), '海曙区民政局');
  assert.equal(withOwnPlace('州救助管理站', { province: '湖南省', city: '湘西土家族苗族自治州', county: null }), '湘西州救助管理站');
  assert.equal(withOwnPlace('区民政局', { province: '浙江省', city: '宁波市', county: null }), null, 'a county-level word needs the home county');
  assert.equal(withOwnPlace('市民政局', { province: '浙江省', city: '金华市', county: '义乌市' }), '义乌市民政局', 'a county-level city calls itself 市');
  assert.equal(withOwnPlace('市民政局', { province: '浙江省', city: '金华市', county: '婺城区' }), '金华市民政局');
});

test('home: the site\'s 公网安备 number, a local paper, or the counties named say where a document is from', () => {
  assert.deepEqual(home(text('suqian-2025-jiuzhu-xunqin-fanti.txt')), ['江苏省', '宿迁市', '宿豫区'], '蘇公網安備 321311…');
  // Filed in 武昌区 (420106), about 天门市: the site's filing says the province only.
  assert.deepEqual(home(text('tianmen-2022-baijia-cunju.txt')), ['湖北省', '湖北省', '天门市']);
  assert.deepEqual(home(text('xiangxi-2022-jiuzhu-xunqin.txt')), ['湖南省', '湘西土家族苗族自治州', null], '湘西团结报社');
  assert.deepEqual(home(text('jinhua-2025-banzheng-jineng-sai.txt')), ['浙江省', '金华市', null], '义乌, 婺城, 浦江 all lie in 金华');
  assert.deepEqual(home(text('haishu-2022-shequ-zuzhi-peiyou.txt')), ['浙江省', '宁波市', '海曙区'], 'the one district named in full');
  assert.equal(home('民政部部署开展全国救助管理服务质量大提升专项行动。'), null);
  assert.equal(home('据人民日报、中国社会报报道，救助管理机构开展寻亲服务。'), null, 'national papers name no place');
  assert.deepEqual(home('据湖南日报报道，救助管理机构开展寻亲服务。'), ['湖南省', null, null], 'the place right before the paper\'s word');
  assert.deepEqual(home('南京市民政局推进养老服务。南京市新建助餐点120个。据杭州日报报道，杭州也有类似做法。'), ['江苏省', '南京市', null], 'a paper cited from another province is not the page\'s');
});

test('units: a body named by its level word is written out with the home division; its region follows', async () => {
  const read = async (name: string) => (await importFile({ name, path: path.join(TUNING, name) })).cases[0]!.meta;
  const haishu = await read('haishu-2022-shequ-zuzhi-peiyou.txt');
  assert.equal(haishu.unit, '海曙区民政局');
  assert.deepEqual(place(haishu.region), ['浙江省', '宁波市', '海曙区']);
  const xiangxi = await read('xiangxi-2022-jiuzhu-xunqin.txt');
  assert.equal(xiangxi.unit, '湘西州救助管理站');
  assert.deepEqual(place(xiangxi.region), ['湖南省', '湘西土家族苗族自治州', null]);
  const suqian = await read('suqian-2025-jiuzhu-xunqin-fanti.txt');
  assert.deepEqual(place(suqian.region), ['江苏省', '宿迁市', null], 'a city station of a portal filed in 宿豫区');
  // Written out once with its city, then as the text itself calls it.
  assert.equal((await read('jinshui-shehui-zuzhi-pinggu.txt')).unit, '金水区民政局');
});

test('streets: a short "某某街" places a text only inside the province or city its evidence names', async () => {
  const { streetCounty } = await import('../electron/core/import/stages/placelabel.js');
  // jiangsu-2015-gongyi-xiangmu-shijia: a project's name, not 红岗区's 创业街道 of 大庆.
  assert.equal(streetCounty('身障人远东创业街项目'), null);
  assert.equal(streetCounty('劝业场街新津社区', '天津'), '天津市和平区');
  assert.equal(streetCounty('劝业场街道新津社区'), '天津市和平区', 'a 街道 written in full is evidence alone');
  const list = (await importFile({ name: 'jiangsu.txt', path: path.join(TUNING, 'jiangsu-2015-gongyi-xiangmu-shijia.txt') })).cases;
  assert.deepEqual(place(list[1]!.meta.region), ['江苏省', null, null]);
});

test('lists: a table copied a cell a line whose 序号 numbers were dropped keeps its project and unit cells in step', async () => {
  const list = (await importFile({ name: 'jiangsu.txt', path: path.join(TUNING, 'jiangsu-2015-gongyi-xiangmu-shijia.txt') })).cases;
  assert.equal(list.length, 10);
  assert.deepEqual([list[0]!.meta.title, list[0]!.meta.unit], ['移动爱心书屋', '江苏中移网上家长学校'], 'a 项目实施单位 column is the unit');
  assert.deepEqual([list[5]!.meta.unit, place(list[5]!.meta.region)], ['南京市玄武区锁金村万家帮家园和谐促进中心', ['江苏省', '南京市', '玄武区']]);
  assert.deepEqual(place(list[3]!.meta.region), ['江苏省', null, null], 'a university foundation is the province\'s');
});

test('units: a label or byline naming the body by its level word ("供稿：区民政局", "（县民政局供稿）") is written out with the home division', async () => {
  const { ownOrgan } = await import('../electron/core/import/stages/units.js');
  const t = text('haishu-2022-shequ-zuzhi-peiyou.txt');
  const m = findMentions(t);
  const own = homeRegion(t, m, contextRegion(t, m));
  assert.equal(ownOrgan('区民政局', own), '海曙区民政局');
  assert.equal(ownOrgan('区民政局', null), null, 'without a home it names no unit');
  assert.equal(ownOrgan('施秉县民政局', null), '施秉县民政局');
  assert.equal(ownOrgan('县融媒体中心', own), null, 'a media centre reports the work');
  assert.equal(ownOrgan('我区民政局', own), '海曙区民政局', '"我区" is the home district too');
  const jinhua = text('jinhua-2025-banzheng-jineng-sai.txt');
  const jm = findMentions(jinhua);
  assert.equal(withOwnPlace('我市民政局', homeRegion(jinhua, jm, contextRegion(jinhua, jm))), '金华市民政局');
});

test('notices: signed by level word alone ("区民政局 区财政局"), a notice is its home division\'s', async () => {
  const file = await importFile({ name: 'binhai.txt', path: path.join(TUNING, 'binhai-2019-rijian-zhaoliao-tongzhi.txt') });
  assert.equal(file.kind, 'notice');
  assert.deepEqual(place(file.notice!.meta.region), ['天津市', '天津市', '滨海新区']);
});
