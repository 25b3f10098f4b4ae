/**
 * Lists the page goes on after: a list is the page when its items stand together and the page says
 * what they are, whatever follows (prose, a wish, signatures, a portal footer). Composed here in the
 * shapes real honour pages take (clauses that confer one honour each, conferring verbs after the
 * names, ranks, an honour heading over organs set two to a line, a list name broken over two lines,
 * a conferring text copied from its 主送 line), each with a counterpart that must stay one case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const where = (r: { province: string | null; city: string | null; county: string | null } | null | undefined) => (r ? [r.province, r.city, r.county] : null);
const load = (name: string, text: string) => importFile({ name, bytes: enc(text) });

const FOLLOWING = `这次评选由省民政厅会同省人社厅组织开展,经逐级推荐、实地考察和社会公示,共确定了100个表彰对象。
近年来,全市着力加强城乡社区治理,社区服务能力不断提升,群众满意度持续提高,基层治理取得积极进展。
希望受表彰的单位珍惜荣誉,再接再厉,在推进基层治理现代化中发挥示范带动作用,作出新的更大贡献。`;

test('lists after: clauses that each confer an honour on a row of names, prose and a footer after; the people clause is no item', async () => {
  const file = await load(
    'baijia.txt',
    `近日,第三届全省“百佳村民委员会”“百佳社区居民委员会”评选结果公布,孝感市有2个村、2个社区获得表彰。
孝感市获评第三届全省“百佳村民委员会”的2个村分别为:孝南区朋兴乡朋兴村村民委员会、汉川市马口镇三屋村村民委员会;获评第三届全省“百佳社区居民委员会”的2个社区分别为:孝南区书院街道槐荫社区居民委员会、应城市城中街道东门社区居民委员会;获评社区建设先进工作者的1名个人为:孝南区书院街道槐荫社区党委书记、居委会主任李某。
${FOLLOWING}
鄂ICP备 13000573号-1`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award, c.meta.region?.county]),
    [
      ['孝南区朋兴乡朋兴村村民委员会', '第三届全省“百佳村民委员会”', '孝南区'],
      ['汉川市马口镇三屋村村民委员会', '第三届全省“百佳村民委员会”', '汉川市'],
      ['孝南区书院街道槐荫社区居民委员会', '第三届全省“百佳社区居民委员会”', '孝南区'],
      ['应城市城中街道东门社区居民委员会', '第三届全省“百佳社区居民委员会”', '应城市'],
    ],
  );
});

test('lists after: parallel row clauses share the first one’s period; streets place addresses whose city the page never names', async () => {
  const file = await load(
    'hongqi.txt',
    `日前,志愿服务提升工作现场会暨10月份红黄旗小区授牌仪式举行,现场对3个“红旗”小区、2个“黄旗”小区进行授牌。
经评定,10月份“红旗”小区分别是稠城街道词林社区曲苑小区、后宅街道北站社区北站六区、稠江街道香溪社区龙回一区;“黄旗”小区分别是稠城街道孝子祠社区义化小区、稠江街道香溪社区龙回二区。
会议要求,各街道要结合新时代文明实践中心建设推进志愿服务,推动志愿服务规范管理,不断壮大志愿服务队伍,营造良好氛围。`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => c.meta.award),
    ['10月份“红旗”小区', '10月份“红旗”小区', '10月份“红旗”小区', '10月份“黄旗”小区', '10月份“黄旗”小区'],
  );
  for (const c of file.cases) assert.deepEqual(where(c.meta.region), ['浙江省', '金华市', '义乌市'], c.meta.title);
});

test('lists after: names before a conferring verb (被授予, 被评为, 入选), a person’s honour skipped, prose after', async () => {
  const file = await load(
    'shouyu.txt',
    `其中,潜江市熊口镇赵脑村村民委员会被授予“全省百佳村民委员会”称号,园林街道章华社区居民委员会被授予“全省百佳社区居民委员会”称号,泰丰街道曹禾社区党委书记王某被授予“全省社区建设先进工作者”称号。
${FOLLOWING}`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['潜江市熊口镇赵脑村村民委员会', '全省百佳村民委员会'],
      ['园林街道章华社区居民委员会', '全省百佳社区居民委员会'],
    ],
  );
  // The item naming no place is where the others are.
  assert.deepEqual(where(file.cases[1]!.meta.region), where(file.cases[0]!.meta.region));

  const jiaxing = await load(
    'hexie.txt',
    `湖州市新增3家全国和谐社区建设示范单位
日前,民政部公布了第二次全国和谐社区建设示范单位名单。其中,吴兴区朝阳街道被评为全国和谐社区建设示范街道,吴兴区月河街道衣裳街社区、南浔区南浔镇南西街社区入选全国和谐社区建设示范社区。
${FOLLOWING}`,
  );
  assert.equal(jiaxing.kind, 'award-list');
  assert.deepEqual(
    jiaxing.cases.map((c) => [c.meta.title, c.meta.award, c.meta.region?.county]),
    [
      ['吴兴区朝阳街道', '全国和谐社区建设示范街道', '吴兴区'],
      ['吴兴区月河街道衣裳街社区', '全国和谐社区建设示范社区', '吴兴区'],
      ['南浔区南浔镇南西街社区', '全国和谐社区建设示范社区', '南浔区'],
    ],
  );
});

test('lists after: ranks given to names sharing their 社区; a name that merely contains another province’s county stays in the list’s place', async () => {
  const file = await load(
    'paiming.txt',
    `本报讯 近日,天津市滨海新区某街道“魅力社区”展评活动结束,5个社区获得奖项。
经过初赛和复赛,最终,铁坨里社区获得第一名,中阳里、五羊里社区获得第二名,清园里、建阳里社区获得第三名。(记者 某某)`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['铁坨里社区', '第一名'],
      ['中阳里社区', '第二名'],
      ['五羊里社区', '第二名'],
      ['清园里社区', '第三名'],
      ['建阳里社区', '第三名'],
    ],
  );
  for (const c of file.cases) assert.equal(c.meta.region?.province, '天津市', c.meta.title);
});

test('lists after: an honour heading over organs two to a line, then a wish, the issuing office and its date; copied from the 主送 line it imports as its list', async () => {
  const file = await load(
    'xianjin.txt',
    `各乡镇人民政府,县人民政府各工作部门:
2020年,全县民政工作较好地完成了各项任务。为表彰先进,经县人民政府研究,决定对2020年度民政工作完成得较好的单位进行通报表彰。
2020年度民政工作先进单位:
东皇镇人民政府 醒民镇人民政府
回龙镇人民政府 仙源镇人民政府
希望受表彰的单位发扬成绩,戒骄戒躁,再接再厉,为全县民政事业发展做出新的更大的贡献。
习水县人民政府办公室
2021年3月20日`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award, c.meta.region?.county]),
    ['东皇镇人民政府', '醒民镇人民政府', '回龙镇人民政府', '仙源镇人民政府'].map((t) => [t, '2020年度民政工作先进单位', '习水县']),
  );
});

test('lists after: a list name broken over two lines keeps its period, and the period line is no item', async () => {
  const file = await load(
    'mingxing.txt',
    `本报讯 昨天,2019年度全市“明星社区”“十佳社区”名单出炉。
2019年度全市
“明星社区”名单
广陵区曲江街道文昌花园社区
邗江区竹西街道安平社区
2019年度全市
“十佳社区”名单
邗江区双桥街道虹桥社区
江都区仙女镇禹王宫社区
仪征市真州镇鼓楼社区`,
  );
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.award]),
    [
      ['广陵区曲江街道文昌花园社区', '2019年度全市“明星社区”'],
      ['邗江区竹西街道安平社区', '2019年度全市“明星社区”'],
      ['邗江区双桥街道虹桥社区', '2019年度全市“十佳社区”'],
      ['江都区仙女镇禹王宫社区', '2019年度全市“十佳社区”'],
      ['仪征市真州镇鼓楼社区', '2019年度全市“十佳社区”'],
    ],
  );
});

test('lists after: a titled notice with its 文号 stays a notice carrying its attached list; a bare number at the copy’s end is no item', async () => {
  const file = await load(
    'jueding.txt',
    `某省民政厅办公室关于表彰全省社会福利工作先进集体的决定
(某民人[2020]63号)
各市民政局:
为表彰先进,经研究,决定对南京市民政局福利生产服务中心等3个单位予以表彰。希望受到表彰的单位再接再厉。
附件:全省社会福利工作先进集体名单
二〇二〇年十二月八日
全省社会福利工作先进集体名单
1、 南京市民政局福利生产服务中心
2、 南京市秦淮区民政局
3、 江阴市民政局
4、 `,
  );
  assert.equal(file.kind, 'notice');
  assert.deepEqual(
    file.cases.map((c) => c.meta.title),
    ['南京市民政局福利生产服务中心', '南京市秦淮区民政局', '江阴市民政局'],
  );
});

test('lists after: counterparts — a case that names what it won and lists three sites mid-text, and prose whose subject merely 获得好评, stay one case', async () => {
  const lead = Array.from({ length: 5 }, (_, k) => `第${k + 1}段:该区在社区嵌入式养老服务方面持续发力,建设服务站点,完善助餐、助浴和日间照料服务,服务老年人数不断增加,群众满意度明显提高。`).join('\n');
  const caseText = `香坊区入选全国示范社区的背后
${lead}
首批试点分别为:哈尔滨市香坊区进乡街道松海社区、哈尔滨市道里区工农街道观江社区、哈尔滨市道里区群力街道寰宇社区。
试点社区建立了老年人需求清单,组织志愿者每周上门探访独居老人,累计服务两万余人次。`;
  const file = await load('anli.txt', caseText);
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);

  const praise = await load(
    'haoping.txt',
    `社区食堂开进小区
近日,某社区食堂正式开业,为辖区老年人提供助餐服务。
开业以来,该社区获得群众好评,食堂每天供应午餐三百余份,解决了独居老人吃饭难题。
下一步,街道将在更多社区推广这一做法,让老年人在家门口吃上热乎饭。`,
  );
  assert.equal(praise.kind, 'single-case');
  assert.equal(praise.cases.length, 1);
});
