/**
 * A grassroots case's region at the depth of the chain it names (regions/depth.ts), on texts written
 * for the test: a city's name shared by one of its counties is the city's when written short; a
 * province's reading (its name in the headline, its paper as the source) over a community's case whose
 * lead names the community's city and county in full is that county's; a community named by a number
 * after its county ("渭滨区812社区") is a grassroots body like any other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRegion } from '../electron/core/regions/index.js';
import { caseDepth, namedCounties } from '../electron/core/regions/depth.js';

const where = (r: ReturnType<typeof caseDepth>) => (r ? [r.province, r.city, r.county].filter(Boolean) : []);

test('depth: a city\'s short name that one of its counties shares is the city, not the county', () => {
  // 长沙 is 长沙市 and 长沙县, 南昌 is 南昌市 and 南昌县: written short, the city (the county is written in full).
  const text = '新华社长沙5月3日电 走进长沙开福区清水塘街道晴川社区,居民在广场上跳舞。';
  assert.deepEqual([...new Set(namedCounties(text, { province: '湖南省', city: '长沙市' }).map((n) => n.county))], ['开福区']);
  assert.deepEqual(
    where(caseDepth(resolveRegion('湖南省长沙市'), { title: '社区里的广场舞', paragraphs: [text, '社区有1200户居民。'], fixed: false })),
    ['湖南省', '长沙市', '开福区'],
  );
  // The county in full is the county.
  assert.deepEqual([...new Set(namedCounties('南昌县莲塘镇的敬老院', { province: '江西省', city: '南昌市' }).map((n) => n.county))], ['南昌县']);
});

test('depth: a province\'s reading over a community\'s chain in the lead is the chain\'s county', () => {
  const province = resolveRegion('湖南省');
  const lead = '长沙市开福区清水塘街道晴川社区有居民1200户,老年人占三成。社区办起老年食堂,每天供餐。';
  assert.deepEqual(where(caseDepth(province, { title: '湖南:社区食堂香飘万家', paragraphs: [lead], fixed: false })), ['湖南省', '长沙市', '开福区']);
  assert.deepEqual(where(caseDepth(province, { title: '一个社区的幸福账本', paragraphs: ['点睛', lead], fixed: false })), ['湖南省', '长沙市', '开福区']);
  // Two cities of the province: the province's text, whatever chain it opens with.
  assert.deepEqual(
    where(caseDepth(province, { title: '社区食堂香飘万家', paragraphs: [lead, '株洲市、湘潭市的社区也在推广这一做法。'], fixed: false })),
    ['湖南省'],
  );
  // A text that speaks as its province (全省) is the province's.
  assert.deepEqual(where(caseDepth(province, { title: '社区食堂香飘万家', paragraphs: [lead, '全省已建成社区食堂3000个。'], fixed: false })), ['湖南省']);
  // No grassroots body after the county: a city bureau's work set in one district is not moved.
  assert.deepEqual(
    where(caseDepth(province, { title: '养老服务再提速', paragraphs: ['长沙市开福区召开养老服务推进会,部署下一步工作。'], fixed: false })),
    ['湖南省'],
  );
  // Fixed by the unit or the title: left as it is.
  assert.deepEqual(where(caseDepth(province, { title: '社区食堂', paragraphs: [lead], fixed: true })), ['湖南省']);
});

test('depth: a community named by a number after its county is that county\'s', () => {
  const city = resolveRegion('陕西省宝鸡市');
  const paragraphs = ['盛夏时节,宝鸡市渭滨区812社区的林荫道上,老人们结伴去社区食堂吃饭。', '812社区是原812厂的职工社区,老年人占三成。'];
  assert.deepEqual(where(caseDepth(city, { title: '“养老不离家”的社区答卷', paragraphs, fixed: false })), ['陕西省', '宝鸡市', '渭滨区']);
});
