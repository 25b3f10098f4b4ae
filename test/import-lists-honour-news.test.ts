/**
 * News of an honour (stages/listreports.ts, lists.ts): a news item reporting that a few communities or units were
 * named or awarded is the award list of its honoured ones, each with the honour as its award — read by the grammar
 * of conferring (who is honoured, by what verb, with what honour), not by any page's words. Made-up texts in the
 * shape: several bodies honoured in one clause, then what each did (their record, no case's practice); the time
 * between subject and verb ("日前获评"); the honour's plaque after its name ("…的金色招牌"); an honour written short
 * for the one the organ's act named in full ("命名2024年某省X示范社区,…获省级示范社区命名"); the place a row's
 * first name opens with, written once for the row. A case that tells one body's practice after its honour stays a
 * case, and so does a text that names an honour in passing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const toTraditional = Converter({ from: 'cn', to: 't' });

const read = async (text: string, name = 'news.txt') => {
  const file = await importFile({ name, bytes: enc(text) });
  return { kind: file.kind, items: file.cases.map((c) => [c.meta.title, c.meta.award]), regions: file.cases.map((c) => c.meta.region?.county ?? null) };
};

/** Two communities' record after the news, each opening with its own name: what each did, not one case's practice. */
const RECORD =
  '近年来,青松社区打造“邻里守望”党建品牌,组建志愿服务队,开展助老助残活动,为辖区老人提供助餐、助浴和康复服务。\n' +
  '翠竹社区老龄化率达35%,建立“时间银行”互助养老机制,推进适老化改造,搭建居民议事平台。\n';

test('news of several bodies honoured in one clause is their award list, whatever verb confers, in either script', async () => {
  const want = [
    ['七星区青松社区', '自治区老年人宜居社区'],
    ['七星区翠竹社区', '自治区老年人宜居社区'],
  ];
  for (const verb of ['被授予', '获评', '被评为', '荣获', '被命名为']) {
    const text = `9月5日,在全区养老服务推进会上,七星区青松社区、七星区翠竹社区${verb}自治区老年人宜居社区。\n${RECORD}`;
    const got = await read(text);
    assert.equal(got.kind, 'award-list', verb);
    assert.deepEqual(got.items, want, verb);
  }
  const traditional = await read(toTraditional(`9月5日,七星区青松社区、七星区翠竹社区获评自治区老年人宜居社区。\n${RECORD}`), 'news-fanti.txt');
  assert.equal(traditional.kind, 'award-list');
  assert.deepEqual(traditional.items, [
    ['七星區青松社區', '自治區老年人宜居社區'],
    ['七星區翠竹社區', '自治區老年人宜居社區'],
  ]);
});

test('an honour’s plaque after its name is no part of it; the place a row’s first name opens with is the row’s', async () => {
  for (const plaque of ['的金色招牌', '牌匾', '的奖牌']) {
    const got = await read(`桂林市七星区青松社区、翠竹社区被授予自治区老年人宜居社区${plaque}。\n${RECORD}`);
    assert.equal(got.kind, 'award-list', plaque);
    // (桂林市七星区 is written once for the row: 翠竹社区 is in it too, and the first is titled as it is.)
    assert.deepEqual(got.items, [
      ['青松社区', '自治区老年人宜居社区'],
      ['翠竹社区', '自治区老年人宜居社区'],
    ], plaque);
    assert.deepEqual(got.regions, ['七星区', '七星区'], plaque);
  }
  // Names that each write their own division keep it.
  const own = await read(`桂林市七星区青松社区、桂林市象山区翠竹社区被授予自治区老年人宜居社区。\n${RECORD}`);
  assert.deepEqual(own.items.map((i) => i[0]), ['桂林市七星区青松社区', '桂林市象山区翠竹社区']);
});

test('an honour written short is the one the organ’s act named in full, before the names or in a headline over them', async () => {
  const lead = '近日,某省住房和城乡建设厅下发通知,命名2024年某省绿色示范社区,我市';
  const names = '平安县青松社区、长乐县翠竹社区、永和县东和社区以及安宁县西城社区等4个社区';
  const want = ['平安县青松社区', '长乐县翠竹社区', '永和县东和社区', '安宁县西城社区'].map((t) => [t, '2024年某省绿色示范社区']);
  for (const after of ['获省级绿色示范社区命名', '获评省级绿色示范社区', '被评为省绿色示范社区']) {
    const got = await read(`我市四个社区获评省级绿色示范社区\n${lead}${names}${after}。\n各示范社区推行“党建+物业”模式,开展就业推荐和技能培训。\n`);
    assert.equal(got.kind, 'award-list', after);
    assert.deepEqual(got.items, want, after);
  }
  // The organ that names the honour is no winner of it: "某市民政局命名某市第五批“美丽社区”,其中,甲、乙…等20个社区上榜".
  const organ = await read('某市第五批名单出炉 新区20个社区获“美丽社区”称号\n记者昨日获悉,天津市民政局命名天津市第五批“美丽社区”,其中,滨海新区青松街道翠竹社区、东和街道西城社区、南苑街道北塘社区等20个社区上榜。\n');
  assert.equal(organ.kind, 'award-list');
  assert.deepEqual(organ.items, [
    ['青松街道翠竹社区', '天津市第五批“美丽社区”'],
    ['东和街道西城社区', '天津市第五批“美丽社区”'],
    ['南苑街道北塘社区', '天津市第五批“美丽社区”'],
  ]);
});

test('the time between a subject and its verb is no part of the subject: one community honoured is an entry', async () => {
  for (const when of ['日前', '近日', '近期', '今年']) {
    const text = `打造敬老爱老的社区氛围,让老人从“养老”变“享老”……东湖路街道青松社区${when}获评“2023年上海市老年友好型社区”。\n青松居民区老龄化比例达35%。近年来居民区从老人的需求出发,通过微更新提升生活品质。\n`;
    const got = await read(text);
    assert.equal(got.kind, 'award-list', when);
    assert.deepEqual(got.items, [['东湖路街道青松社区', '2023年上海市老年友好型社区']], when);
  }
});

test('one body honoured and then its practice told stays a case; an honour named in passing leaves an article one', async () => {
  const single = await read(
    '青松社区获评“全国示范性老年友好型社区”。\n' +
      '近年来,青松社区坚持党建引领,建立“时间银行”互助机制,推进适老化改造,打造“15分钟养老服务圈”,整合辖区资源开展助餐服务。\n',
  );
  assert.equal(single.kind, 'single-case');
  const passing = await read(
    '近年来,我区推进城乡社区治理,建立网格化服务机制,打造“一站式”便民服务中心。\n' +
      '全区建成社区养老服务站32个,开展志愿服务1200余场,其中青松社区被评为全国示范性老年友好型社区,翠竹社区被评为全省和谐社区。\n' +
      '下一步,我区将持续深化社区治理创新,推动服务提质增效。\n',
  );
  assert.notEqual(passing.kind, 'award-list');
});

test('an honour stated before the names or by the list it names, and a write-up that names two honoured later, keep their kinds', async () => {
  for (const news of [
    '2023年自治区老年人宜居社区名单公布,七星区青松社区、七星区翠竹社区榜上有名。',
    '在2023年自治区老年人宜居社区评选中,七星区青松社区、七星区翠竹社区入选。',
  ]) {
    const got = await read(`${news}\n${RECORD}`);
    assert.equal(got.kind, 'award-list', news);
    assert.deepEqual(got.items, [
      ['七星区青松社区', '2023年自治区老年人宜居社区'],
      ['七星区翠竹社区', '2023年自治区老年人宜居社区'],
    ], news);
  }
  // A district's practice told first, its communities' honours among its later facts: the district's case.
  const writeUp = await read(
    '七星区探索“党建+养老”服务模式\n' +
      '近年来,七星区坚持党建引领,建立“时间银行”互助养老机制,推进适老化改造,打造“15分钟养老服务圈”。\n' +
      '七星区整合辖区资源,开展助餐、助浴服务,搭建居民议事平台,完善社区养老服务网络。2023年,七星区青松社区、七星区翠竹社区被评为自治区老年人宜居社区,居民满意度达98%。\n' +
      '下一步,七星区将持续深化养老服务改革,推动服务提质增效。\n',
  );
  assert.equal(writeUp.kind, 'single-case');
});

test('the grammar of conferring: the organ’s act before its winners, each its own honour, the list named before a cue', async () => {
  const names = [['青松社区', '全省民政系统先进集体'], ['翠竹社区', '全省民政系统先进集体']];
  // The organ and its verb before the names confer: they are no part of the first name.
  for (const organ of ['经省政府同意,省民政厅决定授予', '省民政厅、省人社厅授予', '近日,市委市政府决定授予']) {
    const got = await read(`${organ}青松社区、翠竹社区等5个单位“全省民政系统先进集体”称号。`);
    assert.deepEqual(got, { kind: 'award-list', items: names, regions: [null, null] }, organ);
  }
  // One named of the group the act counts: its entry.
  assert.deepEqual((await read('近日,省民政厅授予青松社区等3个社区“全省和谐示范社区”称号。')).items, [['青松社区', '全省和谐示范社区']]);
  // "分别获评X和Y": each name its own honour, in order; one honour for all when the count differs.
  const respective = await read('青松社区、翠竹社区分别获评全国综合减灾示范社区和全省平安社区。');
  assert.deepEqual(respective.items, [['青松社区', '全国综合减灾示范社区'], ['翠竹社区', '全省平安社区']]);
  // The list the sentence names before its cue, and the organ that published it, which is no part of its name.
  const cued = await read('2024年全省和谐示范社区名单公布,我市3个社区上榜,分别是:青松社区、翠竹社区、东和社区。');
  assert.deepEqual(cued.items, ['青松社区', '翠竹社区', '东和社区'].map((t) => [t, '2024年全省和谐示范社区']));
  for (const verb of ['公布了', '发布', '印发了']) {
    const got = await read(`11月3日,省老龄办${verb}2025年省级老年友好型社区名单,平安县青松社区、长乐县翠竹社区和永和县东和社区成功入选。`);
    assert.deepEqual(got.items.map((i) => i[1]), Array(3).fill('2025年省级老年友好型社区'), verb);
  }
  // "表彰了X,甲、乙受到表彰": the honour is what the act named.
  const praised = await read(toTraditional('市委、市政府表彰了2024年度全市社区工作先进集体,青松社区、翠竹社区受到表彰。'), 'praised-fanti.txt');
  assert.deepEqual(praised.items, [['青松社區', '2024年度全市社區工作先進集體'], ['翠竹社區', '2024年度全市社區工作先進集體']]);
  // A pilot the organ designates is an honour by its kind; what the body will do is its plan, no practice told.
  const pilot = await read('日前,青松社区被确定为第二批全国社区治理和服务创新实验区。\n该社区将围绕居民需求开展试点,推进议事协商。\n');
  assert.deepEqual(pilot, { kind: 'award-list', items: [['青松社区', '第二批全国社区治理和服务创新实验区']], regions: [null] });
});

test('a decision copied without its title that sums its list up by first names stays the notice it is', async () => {
  const text =
    '为表彰先进、弘扬正气,市民政局、市人社局决定,授予市社会福利服务中心等21个单位“全市民政系统先进集体”称号,授予张某等20名同志“全市民政系统先进个人”称号。希望受表彰的集体和个人珍惜荣誉、再接再厉。\n' +
    '附件:1.全市民政系统先进集体名单\n' +
    '2.全市民政系统先进个人名单\n' +
    '市民政局 市人社局\n' +
    '2019年9月11日\n';
  assert.equal((await read(text)).kind, 'notice');
  // A body honoured among a write-up's later facts, past its headline and lead, leaves the write-up a case.
  const writeUp = await read(
    '某市多措并举 深入推进婚俗改革\n' +
      '6月24日,记者从市民政局了解到,平安市近年来多渠道构建与时代相适应的婚俗文化,推动婚俗改革向纵深发展。\n' +
      '平安市为婚姻登记建设独立场所:全市9个婚姻登记机关重新选址、统一标准,设颁证大厅和婚姻家庭辅导室。\n' +
      '平安市东城区被民政部确认为全国婚俗改革实验区之一,西城区被省民政厅确认为全省婚俗改革实验区。\n' +
      '平安市还举办集体婚礼、公益相亲,推动婚俗改革走进家庭、社区和校园。\n',
  );
  assert.equal(writeUp.kind, 'single-case');
});

test('a headline’s count of its winners is no name; the honour a verb points back at may be an earlier sentence’s', async () => {
  for (const count of ['一社区', '1个社区', '两社区']) {
    const got = await read(`我市${count}获评全国示范性老年友好型社区\n近日,国家卫生健康委公布2024年全国示范性老年友好型社区名单,我市青松社区榜上有名。\n青松社区位于城区东部,现有居民3200户。\n`);
    assert.deepEqual(got.items, [['青松社区', '2024年全国示范性老年友好型社区']], count);
  }
  for (const verb of ['获此殊荣,我市青松社区、翠竹社区位列其中', '获此荣誉,我市青松社区、翠竹社区名列其中', '获此殊荣,其中我市青松社区、翠竹社区榜上有名']) {
    const got = await read(toTraditional(`近日,2024年全省和谐社区名单公布。据悉,此次全省共有50个社区${verb}。`), 'earlier-fanti.txt');
    assert.deepEqual(got.items, [['青松社區', '2024年全省和諧社區'], ['翠竹社區', '2024年全省和諧社區']], verb);
  }
  // Other verbs and what the honour is given with: 创建为, a passive after the clause that names its subject, a 授牌.
  for (const [text, honour] of [
    ['近日,青松社区成功创建为全国示范性老年友好型社区。', '全国示范性老年友好型社区'],
    ['青松社区通过省级验收,被命名为2024年度全省五星级社区。', '2024年度全省五星级社区'],
    ['青松社区获得2024年度全国综合减灾示范社区授牌。', '2024年度全国综合减灾示范社区'],
  ] as const) {
    assert.deepEqual(await read(text), { kind: 'award-list', items: [['青松社区', honour]], regions: [null] }, text);
  }
});

test('a results table of communities: the street or district column is where each is, not part of its name', async () => {
  for (const heading of ['所属街道', '所在街道', '乡镇（街道）', '所属区']) {
    const got = await read(`2024年全国示范性老年友好型社区名单(南京市)\n序号 社区名称 ${heading}\n1 青松社区 玄武区\n2 翠竹社区 秦淮区\n`);
    assert.equal(got.kind, 'award-list', heading);
    assert.deepEqual(got.items, [['青松社区', '2024年全国示范性老年友好型社区'], ['翠竹社区', '2024年全国示范性老年友好型社区']], heading);
    assert.deepEqual(got.regions, ['玄武区', '秦淮区'], heading);
  }
});

test('names set apart by a comma and 以及 before the verb are one subject: each is honoured, none loses its name', async () => {
  for (const gap of [',以及', '，以及', ', 以及']) {
    const got = await read(`日前,省民政厅公布了全省示范社区名单,我县城关镇东街社区${gap}南湖镇北岸社区被评为“全省示范社区”。\n${RECORD}`);
    assert.equal(got.kind, 'award-list', gap);
    assert.deepEqual(got.items, [
      ['城关镇东街社区', '全省示范社区'],
      ['南湖镇北岸社区', '全省示范社区'],
    ], gap);
  }
});

test('a list’s name on its own line cues the row of names under it, closed by 。 as a sentence is; a 初选 is the honour’s nomination', async () => {
  const row = '沭阳县、泗洪县、如东县、海安市。';
  const later = '二、2016年度全省县域发展先进县初选名单\n1. 排位前进5位以上的县(市、区)2个:丰县、睢宁县。\n如对初选名单有异议,请以书面形式提出。\n';
  for (const heading of ['一、2016年度全省县域发展十强县初选名单', '一、 2016年度全省县域发展十强县初选名单', '2016年度全省县域发展十强县拟推荐名单:']) {
    const text = `经领导小组会议审定,初选名单已经提出,现公示如下:\n${heading}\n${row}\n${later}`;
    for (const [script, t] of [['simplified', text], ['traditional', toTraditional(text)]] as const) {
      const got = await read(t, `gongshi-${script}.txt`);
      assert.equal(got.kind, 'award-list', `${heading} ${script}`);
      const want = [
        ...['沭阳县', '泗洪县', '如东县', '海安市'].map((n) => [n, '2016年度全省县域发展十强县']),
        ...['丰县', '睢宁县'].map((n) => [n, '2016年度全省县域发展先进县']),
      ];
      assert.deepEqual(got.items, script === 'simplified' ? want : want.map(([a, b]) => [toTraditional(a!), toTraditional(b!)]), `${heading} ${script}`);
    }
  }
});

test('two names a copy ran together (the place each writes, written again) are two; a verb naming nothing leaves the honour to the next clause', async () => {
  const lead = '为提升城乡社区治理水平,省民政厅近日命名表彰120个2022-2023年度全省“和美社区”创建活动示范社区。';
  for (const verb of ['榜上有名', '光荣上榜', '成功入选']) {
    const got = await read(`我县四个社区获评示范社区\n${lead}我县城关镇东门社区、城关镇西门社区、南湖街道翠竹社区南湖街道青松社区${verb},获得2022-2023年度全省“和美社区”创建活动示范社区称号。这四个社区服务完善、管理有序。\n`);
    assert.equal(got.kind, 'award-list', verb);
    assert.deepEqual(got.items, ['城关镇东门社区', '城关镇西门社区', '南湖街道翠竹社区', '南湖街道青松社区'].map((n) => [n, '2022-2023年度全省“和美社区”创建活动示范社区']), verb);
  }
});

test('what a selection picks out and counts before its cue is the honour, named in full by the selection the text opens with; a phrase with 的 is no winner', async () => {
  const names = '青松社区、翠竹社区、东和社区、西城社区';
  const rule = '组委会以居民参与程度“验收”,参与度高、满意率高的项目所在社区获得“和美社区”称号。\n';
  for (const [selection, picked] of [
    ['某市第三届(2020年度)和美社区评选活动总决选暨颁奖典礼在市文化中心举行', '评出本年度四个和美社区'],
    ['某市第三届(2020年度)和美社区评选活动在市文化中心落下帷幕', '评选出4个和美社区'],
  ] as const) {
    const got = await read(`和美社区\n2020年9月20日下午,${selection},为期三个月的评选活动结束。\n晋级的12个社区展示了项目,评委经两轮投票,${picked},分别是${names}。\n${rule}`);
    assert.equal(got.kind, 'award-list', picked);
    assert.deepEqual(got.items, names.split('、').map((n) => [n, '某市第三届(2020年度)和美社区']), picked);
  }
});

test('Inner Mongolia’s villages and townships (嘎查, 苏木) are places a row names, and a 、 the copy doubled is one', async () => {
  for (const mark of ['、', '、、']) {
    const got = await read(`近日,自治区民委命名第三批自治区民族团结进步示范单位,乌兰浩特市青山镇白云嘎查${mark}乌兰浩特市红山苏木青松嘎查、乌兰浩特市东和社区被评为自治区民族团结进步示范单位。\n${RECORD}`);
    assert.equal(got.kind, 'award-list', mark);
    assert.deepEqual(got.items.map((i) => i[0]), ['乌兰浩特市青山镇白云嘎查', '乌兰浩特市红山苏木青松嘎查', '乌兰浩特市东和社区'], mark);
  }
});

test('groups of names under their kinds, closed by the total of them all, are one subject when the names add up to it', async () => {
  const groups = '省会长沙市,地级市株洲市、湘潭市3个地级以上城市,浏阳市、醴陵市2个县级城市共5个城市';
  const names = ['长沙市', '株洲市', '湘潭市', '浏阳市', '醴陵市'];
  for (const [verb, after] of [['获评', '第三届全省卫生示范城市'], ['入围', '第三届全省卫生示范城市行列'], ['入选', '第三届全省卫生示范城市序列']] as const) {
    const got = await read(`近日,全省爱国卫生表彰大会召开,${groups}${verb}${after}。至此,全省卫生示范城市总数达到14个。\n`);
    assert.equal(got.kind, 'award-list', verb);
    assert.deepEqual(got.items, names.map((n) => [n, '第三届全省卫生示范城市']), verb);
  }
  // (Names that do not add up to the total are no such subject.)
  const short = await read(`近日,全省爱国卫生表彰大会召开,地级市株洲市、湘潭市,浏阳市共5个城市获评第三届全省卫生示范城市。\n`);
  assert.notDeepEqual(short.items.map((i) => i[0]), ['株洲市', '湘潭市', '浏阳市']);
});
