/**
 * News of an honour (stages/listreports.ts, listrows.ts): most award lists an office receives are news items that
 * one or a few units received an honour. They are award lists of those units, read by the grammar of conferring
 * — a list the organ published, the units and the verb that confers, a count of winners named after a cue — not
 * by one page's wording. The tuning pages must read their kind, entries and awards; the same news reworded
 * (another verb, the honour quoted or not, the count in figures or in words) must read the same; and a unit's
 * own write-up of practice after the honour stays a case. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR, scoreDocument } from '../scripts/score-import.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string) => path.join(PORTAL_DIR, 'tuning', name);

/** The checks that decide whether an award list was read: kind, entries, their titles, units and awards. */
const LIST_FIELDS = /^(?:kind|cases|case \d+ (?:title|unit|award))\b/u;

for (const name of [
  'ankang-2017-jianzai-shifan.txt',
  'fengxian-2023-hongxing-shequ.txt',
  'liuhe-2022-baiguo-shequ.txt',
  'nanan-2020-yinhe-xincheng-fanti.txt',
  'ordos-2024-minzu-tuanjie-mofan.txt',
  'ordos-2024-minzu-tuanjie-mofan.docx',
  'baiyin-2017-wenming-jiang-fanti.txt',
  'haerbin-1993-wenming-xiaoqu.txt',
  'zhangjiachuan-2015-minzu-tuanjie-fanti.txt',
]) {
  test(`news of an honour on real pages: ${name} is the list of its honoured units`, async () => {
    const score = await scoreDocument(tuning(name), 'tuning');
    assert.deepEqual(score.problems.filter((p) => LIST_FIELDS.test(p)), []);
  });
}

const entries = async (text: string) => {
  const file = await importFile({ name: 'news.txt', bytes: enc(text) });
  return { kind: file.kind, items: file.cases.map((c) => [c.meta.title, c.meta.award]) };
};

const HONOUR = '全国综合减灾示范社区';
const AFTER = '\n据了解,全国综合减灾示范社区在社区减灾工作中发挥典型示范作用,今年全国共有600余个社区入选。';

test('news of an honour: the named units are the entries whatever verb confers and however the honour is written', async () => {
  const want = { kind: 'award-list', items: [['东城街道东关社区', `2021年度${HONOUR}`], ['西城街道西关社区', `2021年度${HONOUR}`]] };
  for (const count of ['2个社区', '两个社区', '']) {
    for (const [verb, honour] of [
      ['被评为', HONOUR],
      ['被评为', `“${HONOUR}”`],
      ['获评', HONOUR],
      ['荣获', `“${HONOUR}”称号`],
      ['被命名为', `“${HONOUR}”`],
      ['获得', `“${HONOUR}”荣誉称号`],
      ['荣获', `"${HONOUR}"称号`],
      ['被评为', `「${HONOUR}」`],
      ['荣获', `《${HONOUR}》称号`],
      ['荣膺', `“${HONOUR}”称号`],
      ['跻身', `“${HONOUR}”行列`],
      ['获颁', `“${HONOUR}”牌匾`],
      ['被表彰为', HONOUR],
      ['被应急管理部、民政部命名为', HONOUR],
      ['被认定为', HONOUR],
    ] as const) {
      const text = `近日,应急管理部等部门公布2021年度${HONOUR}名单,我县东城街道东关社区、西城街道西关社区${count}${verb}${honour}。${AFTER}`;
      assert.deepEqual(await entries(text), want, `${count} ${verb} ${honour}`);
    }
  }
  // Verbs that name no honour after them take the honour of the list the sentence named, quoted or not.
  for (const listed of ['入选', '榜上有名', '成功入选', '名列其中']) {
    for (const list of [`2021年度${HONOUR}名单`, `2021年度“${HONOUR}”名单`, `“2021年度${HONOUR}”称号的公示名单`]) {
      const text = `近日,应急管理部等部门发布${list},我县东城街道东关社区、西城街道西关社区${listed}。${AFTER}`;
      const got = await entries(text);
      assert.equal(got.kind, 'award-list', `${listed} ${list}`);
      assert.deepEqual(got.items.map(([t]) => t), ['东城街道东关社区', '西城街道西关社区'], `${listed} ${list}`);
      assert.deepEqual(got.items.map(([, a]) => a!.replace(/[“”]/gu, '')), [`2021年度${HONOUR}`, `2021年度${HONOUR}`], `${listed} ${list}`);
    }
  }
});

test('news of an honour: a headline’s short form takes the year the text gives the honour', async () => {
  for (const verb of ['获评', '荣获', '被评为']) {
    for (const [open, close] of [['', ''], ['“', '”'], ['「', '」'], ['《', '》称号']]) {
      const got = await entries(`东关社区${verb}${open}${HONOUR}${close}\n日前,国家减灾委员会等部门下发《2021年度${HONOUR}的通知》,城关街道东关社区${verb}2021年度${HONOUR}。${AFTER}`);
      assert.deepEqual(got, { kind: 'award-list', items: [['东关社区', `2021年度${HONOUR}`]] }, `${verb} ${open}`);
    }
  }
});

test('news of an honour: the honour keeps the round the text gives it', async () => {
  for (const verb of ['被授予', '荣获', '获评']) {
    const got = await entries(`东关社区${verb}“全国民主法治示范社区”称号\n日前,司法部、民政部印发通报,城关街道东关社区${verb}第九批“全国民主法治示范社区”称号。\n据悉,此次全国共有700个村(社区)受到命名。`);
    assert.deepEqual(got, { kind: 'award-list', items: [['东关社区', '第九批“全国民主法治示范社区”']] }, verb);
  }
  const named = await entries('近日,省民政厅印发《关于命名第二批省级社会工作服务示范站的通知》,我市东关街道社会工作服务站、西关街道社会工作服务站被命名为省级社会工作服务示范站。\n据了解,全省共命名示范站30个。');
  assert.deepEqual(named.items.map(([, a]) => a), ['第二批省级社会工作服务示范站', '第二批省级社会工作服务示范站']);
});

test('news of an honour: a count of collectives and persons, then the collectives named after a cue, are the entries', async () => {
  const want = { kind: 'award-list', items: [['国家税务总局东乡县税务局', '全国民族团结进步模范集体'], ['西乡县林业局', '全国民族团结进步模范集体']] };
  for (const count of ['2个集体和1名个人', '两个集体和一名个人']) {
    for (const [won, cue] of [
      ['获此殊荣', '分别为'],
      ['受到表彰', '分别是'],
      ['榜上有名', '包括'],
    ] as const) {
      const text = `我市${count}荣获全国民族团结进步模范表彰\n9月27日,全国民族团结进步表彰大会举行,352个全国民族团结进步模范集体和368名全国民族团结进步模范个人受到表彰。其中,我市${count}${won},${cue}国家税务总局东乡县税务局、西乡县林业局和南乡县民政局退休干部张明。\n据了解,两个集体长期致力于民族团结进步事业。`;
      assert.deepEqual(await entries(text), want, `${count} ${won} ${cue}`);
    }
  }
});

test('news of an honour: one collective counted beside persons takes the grade the text names for collectives', async () => {
  const got = await entries(
    '我市1个集体和2名个人受到全国表彰\n近日,全国民政系统先进集体、劳动模范和先进工作者表彰大会召开,全国200个集体、300名个人受到表彰。其中,我市1个集体和2名个人获此殊荣,分别为市儿童福利院、市救助管理站站长张建国和市民政局干部李明。',
  );
  assert.deepEqual(got, { kind: 'award-list', items: [['市儿童福利院', '全国民政系统先进集体']] });
});

test('news of an honour: a counted group the clause does not name, and a unit that goes on to tell its own practice, are no list', async () => {
  const group = await entries(`近日,民政部发布《关于表彰全国先进社会组织的决定》,全国281个社会团体、社会服务机构和基金会获“全国先进社会组织”称号。\n此次表彰是第四次全国先进社会组织评选。`);
  assert.notEqual(group.kind, 'award-list');
  for (const verb of ['获评', '荣获', '被评为']) {
    const own = await entries(
      `东关社区${verb}${HONOUR}\n近日,城关街道东关社区${verb}“${HONOUR}”。\n近年来,东关社区以创建${HONOUR}为抓手,建立社区应急管理工作机制,推进应急避难场所建设,着力提升居民防灾减灾意识,开展应急演练12次。`,
    );
    assert.equal(own.kind, 'single-case', verb);
    for (const opener of ['近年来,', '今年以来,', '2021年以来,', '自创建以来,', '在创建过程中,', '近三年来,', '一直以来,']) {
      const since = await entries(`东关社区${verb}${HONOUR}\n近日,城关街道东关社区${verb}“${HONOUR}”。\n${opener}东关社区以创建${HONOUR}为抓手,建立社区应急管理工作机制,推进应急避难场所建设,着力提升居民防灾减灾意识。`);
      assert.equal(since.kind, 'single-case', `${verb} ${opener}`);
    }
    const they = await entries(`东关社区${verb}${HONOUR}\n近日,城关街道东关社区${verb}“${HONOUR}”。\n他们以创建${HONOUR}为抓手,建立社区应急管理工作机制,推进应急避难场所建设,着力提升居民防灾减灾意识。`);
    assert.equal(they.kind, 'single-case', `${verb} 他们`);
  }
});

test('news of an honour: an honour the text dates back to and tells what was done since is background, not a list', async () => {
  for (const verb of ['入选', '被确定为', '被评为']) {
    for (const since of ['至今已推行该制度近14年', '迄今已有14年']) {
      const got = await entries(
        `山区县推行儿童主任制度见成效
2010年,东乡县、西乡县、南乡县${verb}第一批儿童主任模式试点,${since}。记者近日走进东乡县,看这项制度给当地带来的变化。
10岁的留守儿童小溪,画本上画着头戴斗笠的自己和3头小牛,身边除了奶奶,还有村里的儿童主任。
村里0到18岁孩子的信息分类、权益保障、补助申请都由她负责,最多时服务上千名儿童。`,
      );
      assert.notEqual(got.kind, 'award-list', `${verb} ${since}`);
    }
  }
});

const toTraditional = Converter({ from: 'cn', to: 't' });
const simplified = Converter({ from: 't', to: 'cn' });
/** The entries as simplified text, whichever script the page was in (the importer keeps the page's). */
const simple = (got: { kind: string; items: Array<Array<string | null | undefined>> }) => ({ kind: got.kind, items: got.items.map((r) => r.map((x) => (x ? simplified(x) : x))) });

test('news of honours given group by group: the collectives after each honour’s cue are the entries, its people are not', async () => {
  for (const [province, county, bodies] of [
    ['甘肃省', '东乡县', ['县教育体育局', '柳树乡政府']],
    ['云南省', '西盟县', ['县民政局', '勐梭镇人民政府']],
    ['四川省', '北川县', ['县人民医院', '曲山镇永兴社区']],
  ] as const) {
    for (const [collectives, persons] of [
      ['民族团结进步模范集体', '民族团结进步模范个人'],
      ['双拥模范单位', '双拥模范个人'],
      ['脱贫攻坚先进集体', '脱贫攻坚先进个人'],
    ] as const) {
      for (const [verb, cue] of [
        ['获', '的是:'],
        ['获评', '的是'],
        ['荣获', '的有:'],
        ['被评为', '称号的单位是:'],
      ] as const) {
        const text = `日前,${province.replace(/省$/u, '')}省召开表彰大会,${county}2个单位和3名个人分别获得${province}${collectives}和${persons}荣誉。\n近年来,${county}涌现出一批先进典型。此次${verb}省${collectives}${cue}${bodies.join('、')};${verb}省${persons}${cue}城关镇王明、新华乡李红、红星村张强。`;
        const want = { kind: 'award-list', items: bodies.map((b) => [b, `${province}${collectives}`]) };
        assert.deepEqual(await entries(text), want, `${province} ${collectives} ${verb} ${cue}`);
        assert.deepEqual(simple(await entries(toTraditional(text))), want, `traditional: ${province} ${collectives} ${verb} ${cue}`);
      }
    }
  }
  const people = await entries('近日,全省表彰大会召开。此次获省民族团结进步模范个人的是:城关镇王明、新华乡李红、红星村张强。');
  assert.notEqual(people.kind, 'award-list');
});

test('news of honours given group by group: each honour with its total, then the page’s own winners, the city itself among them', async () => {
  for (const [city, units, towns] of [
    ['白银市', ['白银市白银区地方税务局', '白银市平川区兴平路街道办事处'], ['靖远县大芦镇', '靖远县刘川镇张滩村']],
    ['宜昌市', ['宜昌市西陵区民政局', '宜昌市伍家岗区大公桥街道办事处'], ['远安县茅坪场镇', '秭归县茅坪镇月亮包村']],
  ] as const) {
    for (const [verb, self] of [
      ['分别受到表彰', '获得此项殊荣'],
      ['受表彰', '获此殊荣'],
      ['榜上有名', '榜上有名'],
    ] as const) {
      const text = `全国精神文明建设表彰大会上 我市喜获三项精神文明奖\n近日,全国精神文明建设表彰大会在北京举行,${city}及2个单位、2个村镇获得表彰。\n大会表彰第五届全国文明城市32个,我市${self};第五届全国文明单位2318个,我市${units.join('、')}2个单位${verb};第五届全国文明村镇1493个,我市${towns.join('、')}${verb}。\n据了解,这是对我市精神文明建设工作的肯定。`;
      const want = {
        kind: 'award-list',
        items: [[city, '第五届全国文明城市'], ...units.map((u) => [u, '第五届全国文明单位']), ...towns.map((t) => [t, '第五届全国文明村镇'])],
      };
      assert.deepEqual(await entries(text), want, `${city} ${verb}`);
      assert.deepEqual(simple(await entries(toTraditional(text))), want, `traditional: ${city} ${verb}`);
    }
  }
});

test('a yearbook entry listing its estates by district: each estate is an entry under the honour the count names', async () => {
  for (const [city, districts] of [
    ['哈尔滨市', [['道里区', ['安和小区', '童园小区']], ['南岗区', ['新发小区', '第一干休所小区', '铁路花园']]]],
    ['沈阳市', [['和平区', ['南湖小区', '太原街家园']], ['皇姑区', ['北陵新村', '鸭绿江街小区']]]],
  ] as const) {
    for (const honour of ['市级文明小区', '市级优美小区', '文明示范小区']) {
      const n = districts.reduce((sum, [, e]) => sum + e.length, 0);
      for (const verb of ['命名表彰首批', '命名', '评选出']) {
        const row = districts.map(([d, e]) => `${d}的${e.join('、')}`).join(',');
        const text = `社会生活 【文明小区建设】 ${city}文明小区建设活动经过3年实践,已走上规范化轨道。1993年${verb}${n}个${honour}是:${row}。9月14日召开全市文明小区建设现场经验交流会。 (朱秀琴)`;
        const got = await entries(text);
        assert.deepEqual(got, { kind: 'award-list', items: districts.flatMap(([, e]) => e.map((x) => [x, honour])) }, `${city} ${honour} ${verb}`);
      }
    }
  }
});

test('a list’s heading that dates its honour lists the winners of the honour the decision confers', async () => {
  for (const [honour, year] of [
    ['淮安市和谐示范社区', '2011年度'],
    ['扬州市文明社区', '2015年'],
  ] as const) {
    const text = `市政府关于公布${year}${honour}的通知\n各县(区)人民政府,市各委、办、局:\n为树立典型、激励先进,根据各地申报和评选,市政府决定,清河区淮海街道黄河南社区等3个社区为“${honour}”,现予公布。\n二○一一年十二月二十八日\n附件:\n${year}${honour}名单\n清河区淮海街道黄河南社区\n清河区长东街道三门社区\n清河区府前街道繁荣社区`;
    const file = await importFile({ name: 'notice.txt', bytes: enc(text) });
    assert.deepEqual(file.cases.map((c) => c.meta.award), [honour, honour, honour], honour);
  }
});

test('honour groups above their units: a label, a row after its verb, names set apart by 、 or spaces, in any province', async () => {
  for (const [units, places] of [
    [['白银市民政局', '白银市白银区地方税务局'], ['靖远县大芦镇', '靖远县刘川镇张滩村']],
    [['桂林市民政局', '桂林市七星区人民法院'], ['阳朔县兴坪镇', '龙胜各族自治县龙脊镇平安村']],
  ] as const) {
    for (const [first, second] of [
      ['全国文明单位', '全国文明村镇'],
      ['自治区民族团结进步模范集体', '自治区民族团结进步示范乡镇'],
    ] as const) {
      const lead = '近日,表彰大会在首府举行,我市多个单位和村镇受到表彰。';
      const want = { kind: 'award-list', items: [...units.map((u) => [u, first]), ...places.map((p) => [p, second])] };
      for (const body of [
        `${lead}${first}:我市${units.join('、')};${second}:${places.join('、')}。`,
        `${lead}\n${first}:${units.join(' ')}\n${second}:${places.join(' ')}\n据了解,这是全市精神文明建设工作取得的新成绩,也是各地各部门共同努力的结果。`,
        `${lead}我市${units.join('、')}被授予“${first}”称号,${places.join('、')}被授予“${second}”称号。`,
        `${lead}我市${units.join('、')}被评为${first},${places.join('、')}被评为${second}。`,
      ]) {
        assert.deepEqual(await entries(body), want, body);
        assert.deepEqual(simple(await entries(toTraditional(body))), want, `traditional: ${body}`);
      }
    }
  }
});
