/**
 * Reports that one case or project won an award or was selected, and 公示 pages with a results table of projects
 * (stages/listreports.ts, lists.ts rowItems): the real tuning pages, then the same shapes composed by the grammar of
 * awarding with other awards, verbs, marks and orders, in either script, and tables copied with other separators
 * and merged cells. A case that names the honour it won and then tells its practice stays a case.
 * (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR, scoreDocument } from '../scripts/score-import.js';
import { hardWrap } from '../scripts/perturb.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string) => path.join(PORTAL_DIR, 'tuning', name);
const toTraditional = Converter({ from: 'cn', to: 't' });
const toSimplified = Converter({ from: 't', to: 'cn' });

/** The checks that decide whether the cases were read: kind, count, their titles, units and awards. */
const CASE_FIELDS = /^(?:kind|cases|case \d+ (?:title|unit|award))\b/u;

for (const name of ['haidian-2023-changwa-shequ-anli.txt', 'suizhou-2020-shegong-anli.txt', 'ganzhou-2017-zonghe-pinggu-fanti.txt', 'jiaxing-2022-gongyi-chuangtou-gongshi.txt']) {
  test(`case reports on real pages: ${name} reads its cases, titles, units and awards`, async () => {
    const score = await scoreDocument(tuning(name), 'tuning');
    assert.deepEqual(score.problems.filter((p) => CASE_FIELDS.test(p)), []);
  });
}

const read = async (name: string, text: string) => {
  const file = await importFile({ name, bytes: enc(text) });
  return { kind: file.kind, cases: file.cases.map((c) => ({ title: toSimplified(c.meta.title), unit: c.meta.unit ? toSimplified(c.meta.unit) : null, award: c.meta.award ? toSimplified(c.meta.award) : null })) };
};

const WORKS = [
  { unit: '青山区向阳社会工作服务中心', title: '点亮微心愿——困境儿童成长陪伴计划', award: '2021年度全省优秀社会工作案例', province: '湖北省' },
  { unit: '南湖街道长青社区', title: '小院议事会 共商邻里事', award: '2022年全国城乡社区治理典型案例', province: '北京市' },
  { unit: '城西区阳光家园养老服务中心', title: '银龄互助——社区老年人互助养老服务项目', award: '2019年度全市十佳社会工作服务项目', province: '青海省' },
];
const VERBS = ['被评为', '荣获', '获评', '入选'];

/** A report of one work's award: the news, then the selection and the honoured body's profile. */
function report(w: (typeof WORKS)[number], verb: string, mark: 'book' | 'quote'): string {
  const named = mark === 'book' ? `《${w.title}》` : `“${w.title}”项目`;
  return [
    `近日,${w.province.replace(/省|市$/u, '')}民政部门公布了评选结果。经各地推荐、专家评审和公示,共评出优秀案例20个。我区${w.unit}${named}${verb}${w.award}。`,
    `${w.unit}成立于2015年3月,先后承接困境儿童、老年人等服务项目,服务群众2万余人次。该中心表示将珍惜荣誉,再接再厉。`,
  ].join('\n');
}

test('case reports: the work is the entry and its body the unit, whatever verb confers, in 《》 or in quotes, in either script', async () => {
  for (const w of WORKS) {
    for (const verb of VERBS) {
      for (const mark of ['book', 'quote'] as const) {
        const text = report(w, verb, mark);
        for (const script of ['simplified', 'traditional']) {
          const got = await read('report.txt', script === 'traditional' ? toTraditional(text) : text);
          const label = `${w.title} ${verb} ${mark} ${script}`;
          assert.equal(got.kind, 'award-list', label);
          assert.equal(got.cases.length, 1, label);
          const [c] = got.cases;
          // (A title with a subtitle after —— may be read as title and subtitle: its head is the title then.)
          assert.ok(c!.title === w.title || c!.title === w.title.split('——')[0], `${label}: ${c!.title}`);
          assert.equal(c!.award, w.award, label);
          assert.ok(c!.unit?.endsWith(w.unit), `${label}: ${c!.unit}`);
        }
      }
    }
  }
});

test('case reports: the award named before the work, as the selection it was chosen in, or after a kind word before the 《》', async () => {
  const profile = (w: (typeof WORKS)[number]) => `${w.unit}成立于2015年3月,先后承接困境儿童、老年人等服务项目。`;
  for (const w of WORKS) {
    const texts = [
      `近日,评选结果公布。我区${w.unit}报送的案例《${w.title}》获评${w.award}。\n${profile(w)}`,
      `在${w.award}评选中,${w.unit}《${w.title}》榜上有名。\n${profile(w)}`,
      `在${w.award}评选活动中,${w.unit}选送的《${w.title}》成功入选。\n${profile(w)}`,
      `近日,${w.award}评选结果揭晓,${w.unit}《${w.title}》入选。\n${profile(w)}`,
    ];
    for (const [k, text] of texts.entries()) {
      for (const script of ['simplified', 'traditional']) {
        const got = await read('report.txt', script === 'traditional' ? toTraditional(text) : text);
        const label = `${w.title} variant ${k} ${script}`;
        assert.equal(got.kind, 'award-list', label);
        assert.equal(got.cases.length, 1, label);
        assert.ok(got.cases[0]!.title === w.title || got.cases[0]!.title === w.title.split('——')[0], `${label}: ${got.cases[0]!.title}`);
        assert.equal(got.cases[0]!.award, w.award, label);
        assert.equal(got.cases[0]!.unit, w.unit, label);
      }
    }
  }
});

test('case reports: the award a ceremony is held for is what the case named after it 上榜 at', async () => {
  for (const w of WORKS) {
    for (const [held, verb] of [['颁奖仪式', '光荣上榜'], ['发布会', '成功入选'], ['颁奖典礼', '榜上有名']] as const) {
      const text = [
        `${w.province}召开社区治理工作推进会。会议总结了近年来的工作。`,
        `会上还举行了“${w.award}”${held},${w.unit}《${w.title}》案例${verb},${w.unit}负责人上台领奖。`,
      ].join('\n');
      const got = await read('ceremony.txt', text);
      assert.equal(got.kind, 'award-list', `${w.title} ${held}`);
      assert.equal(got.cases.length, 1);
      assert.equal(got.cases[0]!.award, w.award, `${w.title} ${held}`);
    }
  }
});

test('case reports: a write-up of the work’s practice that mentions its award stays a case', async () => {
  for (const w of WORKS) {
    for (const opening of [`${w.unit}《${w.title}》获评${w.award}。`, `在${w.award}评选中,${w.unit}《${w.title}》榜上有名。`, `${w.unit}“${w.title}”项目入选${w.award}。`]) {
      const text = [
        opening,
        `近年来,${w.unit}以党建引领为抓手,建立需求收集机制,推进服务下沉,完善志愿服务体系。`,
        `${w.unit}聚焦群众关切,搭建议事平台,整合辖区资源,实现服务全覆盖。`,
      ].join('\n');
      const got = await read('case.txt', text);
      assert.notEqual(got.kind, 'award-list', `${w.title}: ${opening}`);
    }
  }
});

/** A 公示 of results with its table after the signature, rows copied with `sep`, the grade cell merged down its group. */
function resultsNotice(sep: 'pipe' | 'tab' | 'fullwidth', header = ['序号', '等次', '项目名称', '申报单位']): string {
  const rows = [
    ['1', '一等奖', '“邻里守望”空巢老人关爱项目', '东城区仁和社会工作服务中心'],
    ['2', '', '困境儿童“成长伙伴”陪伴计划', '东城区启明青少年事务所'],
    ['3', '二等奖', '残疾人居家康复支持项目', '东城区康宁助残服务社'],
    ['4', '', '社区“微心愿”认领行动', '东城区暖阳公益发展中心'],
    ['5', '', '流动儿童四点半课堂', '东城区童心社会工作事务所'],
  ];
  const line = (cells: string[], merged: boolean) => {
    const own = merged ? [cells[0]!, ...cells.slice(2)] : cells;
    if (sep === 'tab') return own.join('\t');
    const bar = sep === 'pipe' ? ' | ' : '｜';
    // (A row under a merged cell keeps its bars and ends in the empty cell, as a browser copies it.)
    return `${own.join(bar)}${bar.trimEnd()}${merged ? ` ${bar.trim()}` : ''}`;
  };
  return [
    '关于2023年度公益创投项目评审结果的公示',
    '根据有关文件精神,经资格审查、专家评审,共评出获奖项目5个。现将评审结果予以公示,公示期为5个工作日。',
    '公示时间:2023年11月1日-11月7日',
    '附:2023年度公益创投项目评审结果',
    '某市民政局',
    '2023年10月31日',
    '2023年度公益创投项目评审结果',
    line(header, false),
    ...rows.map((r) => line(r, !r[1])),
  ].join('\n');
}

test('results tables: a 公示 keeps its kind and carries one case per row, the merged grade taken from the row above', async () => {
  const headers = [
    ['序号', '等次', '项目名称', '申报单位'],
    ['序号', '评审等次', '项目名称', '承接单位'],
    ['编号', '获奖等级', '项目名称', '执行机构'],
  ];
  for (const [sep, header] of (['pipe', 'fullwidth', 'tab'] as const).flatMap((sep) => headers.map((h) => [sep, h] as const))) {
    const file = await importFile({ name: 'gongshi.txt', bytes: enc(resultsNotice(sep, header)) });
    assert.equal(file.kind, 'notice', `${sep} ${header.join(' ')}`);
    assert.deepEqual(
      file.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.award]),
      [
        ['“邻里守望”空巢老人关爱项目', '东城区仁和社会工作服务中心', '一等奖'],
        ['困境儿童“成长伙伴”陪伴计划', '东城区启明青少年事务所', '一等奖'],
        ['残疾人居家康复支持项目', '东城区康宁助残服务社', '二等奖'],
        ['社区“微心愿”认领行动', '东城区暖阳公益发展中心', '二等奖'],
        ['流动儿童四点半课堂', '东城区童心社会工作事务所', '二等奖'],
      ],
      `${sep} ${header.join(' ')}`,
    );
  }
});

test('results tables: a table copied cell by cell, one a line, reads its short rows under a merged grade by their numbers', async () => {
  const rows = [
    ['1', '一等奖', '“邻里守望”空巢老人关爱项目', '东城区仁和社会工作服务中心'],
    ['2', '困境儿童“成长伙伴”陪伴计划', '东城区启明青少年事务所'],
    ['3', '二等奖', '残疾人居家康复支持项目', '东城区康宁助残服务社'],
    ['4', '社区“微心愿”认领行动', '东城区暖阳公益发展中心'],
    ['5', '流动儿童四点半课堂', '东城区童心社会工作事务所'],
  ];
  const head = ['关于2023年度公益创投项目评审结果的公示', '经资格审查、专家评审,共评出获奖项目5个。现将评审结果予以公示。', '某市民政局', '2023年10月31日', '2023年度公益创投项目评审结果'];
  for (const tail of [[], ['联系电话:12345678']]) {
    for (const header of [['序号', '等次', '项目名称', '申报单位'], ['序号', '获奖等级', '项目名称', '实施单位']]) {
      const text = [...head, ...header, ...rows.flat(), ...tail].join('\n');
      const file = await importFile({ name: 'cells.txt', bytes: enc(text) });
      assert.equal(file.kind, 'notice');
      assert.deepEqual(
        file.cases.map((c) => [c.meta.unit, c.meta.award]),
        [
          ['东城区仁和社会工作服务中心', '一等奖'],
          ['东城区启明青少年事务所', '一等奖'],
          ['东城区康宁助残服务社', '二等奖'],
          ['东城区暖阳公益发展中心', '二等奖'],
          ['东城区童心社会工作事务所', '二等奖'],
        ],
        `${header.join(' ')} ${tail.join('')}`,
      );
    }
  }
});

test('results tables: rows hard-wrapped where they were copied read the same', async () => {
  const text = resultsNotice('pipe').split('\n').flatMap((l) => hardWrap(l, 30)).join('\n');
  const file = await importFile({ name: 'gongshi.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  assert.deepEqual(file.cases.map((c) => c.meta.unit), ['东城区仁和社会工作服务中心', '东城区启明青少年事务所', '东城区康宁助残服务社', '东城区暖阳公益发展中心', '东城区童心社会工作事务所']);
});

test('case reports: a page whose news is a rank reads the work its year’s account names as awarded', async () => {
  const works = [
    { work: '社会力量参与防灾减灾', award: '全省民政工作创新奖', kind: '工作' },
    { work: '时间银行互助养老', award: '全市社会治理创新成果奖', kind: '项目' },
  ];
  for (const head of ['民政工作综合评估全省第一', '民政工作考核位列全省第一', '民政工作考评位居全省前列']) {
    for (const w of works) {
      const text = [
        `某某市${head}`,
        '记者从全市民政工作会议上获悉,我市去年民政工作成绩显著,为历史最好成绩。',
        `过去一年,全市民政系统推进兜底保障、强化基本服务、深化民政改革,各项目标任务圆满完成。我市“${w.work}”${w.kind}被评为${w.award}、“全国双拥模范城”创建实现“三连冠”。`,
      ].join('\n');
      for (const script of ['simplified', 'traditional']) {
        const got = await read('rank.txt', script === 'traditional' ? toTraditional(text) : text);
        assert.equal(got.kind, 'award-list', `${head} ${w.work} ${script}`);
        assert.deepEqual(got.cases.map((c) => [c.title, c.award]), [[w.work, w.award]], `${head} ${w.work} ${script}`);
      }
    }
  }
});
