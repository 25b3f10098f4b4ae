/**
 * The general rules the portal fixtures called for, each on an input built for it: main
 * content of a page chosen by readability, traditional drafts matched through simplified
 * characters but kept as written, mirror-site pinyin, the information table, and lists.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';

const enc = (s: string) => new TextEncoder().encode(s);

test('html: readability picks the article; link blocks outside it are dropped in page order, headings and lists kept', async () => {
  const para = (n: number) => `<p>第${n}段:全市建成社区养老服务站一百二十个,为老年人提供助餐、助浴、助医等服务,困难老人享受政府补贴,服务覆盖率逐年提高。</p>`;
  const html = `<html><head><title>打造“幸福食堂”破解老年助餐难题_某市民政局</title></head><body>
<div><a href="/">网站首页</a> <a href="/a">机构概况</a> <a href="/b">政务公开</a></div>
<div><div><a href="/x1">全市养老服务工作会议召开</a></div><div><a href="/x2">民政局开展防汛检查</a></div></div>
<div class="article"><h1>打造“幸福食堂”破解老年助餐难题</h1>${para(1)}<h2>主要做法</h2>${para(2)}<ul><li>建立一张清单,逐户摸排独居老人。</li><li>组建一支队伍,志愿者结对帮扶。</li></ul>${para(3)}${para(4)}</div>
<div><a href="/y1">上一篇:社区治理现场会</a></div><div><a href="/y2">友情链接</a> <a href="/y3">中国政府网</a></div>
</body></html>`;
  const file = await importFile({ name: 'page.html', bytes: enc(html) });
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '打造“幸福食堂”破解老年助餐难题');
  const text = blocksText(c.body);
  assert.ok(text.includes('第4段'), 'the whole article is kept');
  assert.ok(c.body.some((b) => b.type === 'list'), 'the list stays a list');
  assert.deepEqual(c.sections, ['主要做法'], 'the heading stays a heading');
  for (const junk of ['全市养老服务工作会议召开', '民政局开展防汛检查', '中国政府网']) assert.ok(!text.includes(junk), `${junk} is not body text`);
  const order = ['全市养老服务工作会议召开', '民政局开展防汛检查', '中国政府网'].map((t) => file.dropped.findIndex((d) => d.includes(t)));
  assert.ok(order.every((k) => k >= 0), JSON.stringify(file.dropped));
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'dropped in page order');
});

test('traditional: a 繁體 notice is recognised through its simplified copy and keeps its characters; convertToSimplified converts', async () => {
  const text = `關於發(fā)布2022年度全市民政創新成果的通知 常民發〔2023〕2號
各轄市、區民政局,局機關各處室:
經綜合評審,評選出3個項目為2022年度全市民政創新成果,現給予通報表揚。分別是: 一、擦亮地名文化品牌 賦能鄉(xiāng)村振興(溧陽市民政局) 二、深化“五社聯動” 共享融合善治(金壇區民政局) 三、探索婚俗改革新舉措(武進區民政局) 希望各地認真學習借鑒。
常州市民政局
2023年2月1日`;
  const file = await importFile({ name: 'fanti.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  assert.equal(file.script, 'traditional');
  const n = file.notice!.meta;
  assert.equal(n.title, '關於發布2022年度全市民政創新成果的通知', 'original characters, pinyin gone');
  assert.equal(n.docNumber, '常民發〔2023〕2號');
  assert.equal(n.issuer, '常州市民政局');
  assert.equal(n.region?.city, '常州市');
  assert.deepEqual(file.cases.map((c) => c.meta.unit), ['溧陽市民政局', '金壇區民政局', '武進區民政局']);
  assert.deepEqual(file.cases.map((c) => c.meta.region?.county), ['溧阳市', '金坛区', '武进区'], 'regions are the standard names');
  assert.equal(file.cases[0]!.meta.award, '2022年度全市民政創新成果');
  assert.ok(file.warnings.some((w) => w.includes('繁体')));
  const converted = await importFile({ name: 'fanti.txt', bytes: enc(text) }, { convertToSimplified: true });
  assert.equal(converted.notice!.meta.title, '关于发布2022年度全市民政创新成果的通知');
  assert.equal(converted.cases[0]!.meta.unit, '溧阳市民政局');
  assert.deepEqual(converted.cases.map((c) => c.fingerprint), file.cases.map((c) => c.fingerprint), 'the same cases in either script, the same fingerprints');
  assert.equal(converted.contentHash, file.contentHash, 'the same bytes, the same file hash');
});

test('notice: the information table is metadata, the 发文字号 from it, the title repeated under it is not body', async () => {
  const text = `返回顶部
某县人民政府工作规则
  • 索引号:
    6107280000/2024-001005
  • 主题分类:
  • 发文字号:
    镇政发〔2024〕7号
  • 发文日期:
    2024年04月06日 16:40
  • 内容概述:
某县人民政府工作规则
第一章 总则
一、为规范县政府工作,制定本规则。`;
  const file = await importFile({ name: 'guize.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  const n = file.notice!.meta;
  assert.equal(n.title, '某县人民政府工作规则');
  assert.equal(n.docNumber, '镇政发〔2024〕7号');
  assert.equal(n.date, '2024-04-06');
  assert.equal(file.info.table?.['索引号'], '6107280000/2024-001005');
  const body = blocksText(file.notice!.body);
  assert.ok(!body.includes('索引号') && !body.includes('主题分类') && !body.includes('某县人民政府工作规则'));
  assert.ok(body.includes('为规范县政府工作'));
});

test('lists: an award list of 地区:标题 lines under its name becomes title-only cases with the award and regions', async () => {
  const text = `湖南省第一批基层治理创新典型案例名单
(共3个)
一、城乡社区治理服务类(3个):
长沙市长沙县:“三五”模式畅通组级微治理
岳阳市平江县梅仙镇:以好村规营造好家风 引领推动乡村善治
常德市石门县:家庭建档润新风,乡村治理润成色`;
  const file = await importFile({ name: 'mingdan.txt', bytes: enc(text) });
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['“三五”模式畅通组级微治理', '以好村规营造好家风 引领推动乡村善治', '家庭建档润新风,乡村治理润成色']);
  assert.ok(file.cases.every((c) => c.meta.award === '湖南省第一批基层治理创新典型案例'));
  assert.deepEqual(file.cases.map((c) => c.meta.region?.county), ['长沙县', '平江县', '石门县']);
  assert.deepEqual(file.warnings, [], 'title-only items are what a list is: nothing to flag');
});

test('clean: a scraper mirror’s glued-on site name, a bilingual column label and comment widgets are not the draft', async () => {
  const text = `婚礼习俗
Wedding customs
三亿体育喜事新办、殡葬服务“全免费” 沂水县积极探索推进婚丧习俗改革
三亿体育7月13日上午,山东省政府新闻办举行新闻发布会,沂水县介绍了婚丧习俗改革的做法。
据介绍,2017年5月以来,沂水县创新实施了以“惠民礼葬”为核心的殡葬改革,群众负担明显减轻。
[field:title/]
已有0人评论,0人参与
(请登录发言,并遵守相关规定)`;
  const file = await importFile({ name: 'mirror.txt', bytes: enc(text) });
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '喜事新办、殡葬服务“全免费” 沂水县积极探索推进婚丧习俗改革');
  assert.ok(blocksText(c.body).startsWith('7月13日上午'));
  for (const junk of ['婚礼习俗', 'Wedding customs', '[field:title/]', '已有0人评论,0人参与', '(请登录发言,并遵守相关规定)']) assert.ok(file.dropped.includes(junk), junk);
  assert.equal(c.meta.region?.county, '沂水县');
  // A repeated opening that names a place is the draft's own.
  const own = await importFile({ name: 'own.txt', bytes: enc('沂水县推进殡葬改革\n沂水县2017年起实施惠民礼葬,群众负担明显减轻,丧事简办蔚然成风。\n') });
  assert.equal(own.cases[0]!.meta.title, '沂水县推进殡葬改革');
});

test('lists: numbered items under award groups (一等奖（2个）) with ——副题, （单位） and ◉ lines; and a sentence listing 地区：标题；…', async () => {
  const text = `2023年度全省民政工作创新案例评选结果
一等奖（2个）
1.打造“幸福食堂”
——破解农村老年人助餐难题
（临沂市兰山区民政局）
2.“一门受理”让救助更便捷
（济南市历下区民政局）
二等奖（1个）
1.婚俗改革新风尚
◉潍坊市寒亭区民政局`;
  const file = await importFile({ name: 'jieguo.txt', bytes: enc(text) });
  assert.equal(file.kind, 'award-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.subtitle, c.meta.unit, c.meta.award, c.meta.region?.county]),
    [
      ['打造“幸福食堂”', '——破解农村老年人助餐难题', '临沂市兰山区民政局', '一等奖', '兰山区'],
      ['“一门受理”让救助更便捷', null, '济南市历下区民政局', '一等奖', '历下区'],
      ['婚俗改革新风尚', null, '潍坊市寒亭区民政局', '二等奖', '寒亭区'],
    ],
  );
  const sentence = '山东省民政厅公布典型案例\n各地推荐的典型案例如下：济南市：“泉社彤行”品牌助力社区治理；青岛市：“五社联动”激活社区活力；淄博市：“博爱小站”温暖困难群众。';
  const inline = await importFile({ name: 'juzi.txt', bytes: enc(sentence) });
  assert.deepEqual(inline.cases.map((c) => [c.meta.title, c.meta.region?.city]), [
    ['“泉社彤行”品牌助力社区治理', '济南市'],
    ['“五社联动”激活社区活力', '青岛市'],
    ['“博爱小站”温暖困难群众', '淄博市'],
  ]);
});

test('clean: an information table without colons and a breadcrumb split over two lines are metadata, not the title', async () => {
  const text = `首页
>政府信息公开>工作信息>计划总结
索引号 2969675/2022-89554
组配分类 计划总结 发布机构 区民政局
生成日期 2022-03-08 公开方式 主动公开
某区民政局2021年工作总结和2022年工作思路
2021年,区民政局坚持以人民为中心,兜牢民生底线,各项工作取得新成效。`;
  const file = await importFile({ name: 'zongjie.txt', bytes: enc(text) });
  assert.equal(file.cases[0]!.meta.title, '某区民政局2021年工作总结和2022年工作思路');
  for (const line of ['首页', '>政府信息公开>工作信息>计划总结', '索引号 2969675/2022-89554', '组配分类 计划总结 发布机构 区民政局']) assert.ok(file.dropped.includes(line), line);
  assert.ok(!blocksText(file.cases[0]!.body).includes('索引号'));
});

test('lists: a case whose body happens to list three addresses is still one case', async () => {
  const text = `打造社区嵌入式养老服务网络
近年来,哈尔滨市香坊区以社区为单元建设嵌入式养老服务站,为老年人提供助餐、助浴和日间照料服务。
首批试点设在以下三个社区:
哈尔滨市香坊区进乡街道松海社区
哈尔滨市道里区工农街道观江社区
哈尔滨市道里区群力街道寰宇社区
试点社区建立了老年人需求清单,组织志愿者每周上门探访独居老人,累计服务两万余人次。
下一步,全区将把试点经验推广到所有社区,让老年人在家门口享受专业养老服务。
各街道还将建立养老服务联席会议制度,定期研究解决服务中的困难和问题,确保服务质量。`;
  const file = await importFile({ name: 'shequ.txt', bytes: enc(text) });
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases.length, 1);
  assert.equal(file.cases[0]!.meta.title, '打造社区嵌入式养老服务网络');
  assert.ok(blocksText(file.cases[0]!.body).includes('松海社区'));
});

test('lists: award tables (Word/web tables, or rows copied with cell bars) give one item per row, with unit, award and region', async () => {
  const rows = ['序号 | 案例名称 | 申报单位 |', '1 | 打造“幸福食堂”破解老年助餐难题 | 临沂市兰山区民政局 |', '2 | “一门受理”让救助更便捷 | 济南市历下区民政局 |', '3 | “五社联动”激活社区治理 | 青岛市市北区民政局 |'];
  const copied = await importFile({ name: 'biao.txt', bytes: enc(['2023年度全省民政工作优秀创新案例名单', ...rows].join('\n')) });
  assert.equal(copied.kind, 'award-list');
  assert.deepEqual(copied.cases.map((c) => [c.meta.title, c.meta.unit, c.meta.region?.county]), [
    ['打造“幸福食堂”破解老年助餐难题', '临沂市兰山区民政局', '兰山区'],
    ['“一门受理”让救助更便捷', '济南市历下区民政局', '历下区'],
    ['“五社联动”激活社区治理', '青岛市市北区民政局', '市北区'],
  ]);
  assert.ok(copied.cases.every((c) => c.meta.award === '2023年度全省民政工作优秀创新案例'));
  const html = `<html><body><h1>2023年度全省民政工作创新案例评选结果</h1><table><tr><td>序号</td><td>案例名称</td><td>申报单位</td><td>等次</td></tr><tr><td>1</td><td>打造“幸福食堂”破解老年助餐难题</td><td>临沂市兰山区民政局</td><td>一等奖</td></tr><tr><td>2</td><td>“一门受理”让救助更便捷</td><td>济南市历下区民政局</td><td>二等奖</td></tr></table></body></html>`;
  const table = await importFile({ name: 'biao.html', bytes: enc(html) });
  assert.deepEqual(table.cases.map((c) => [c.meta.title, c.meta.award]), [
    ['打造“幸福食堂”破解老年助餐难题', '一等奖'],
    ['“一门受理”让救助更便捷', '二等奖'],
  ]);
});
