/**
 * Headlines against the lines around them on real tuning pages: a reporter's byline under the headline
 * (outlet, role, names) can never be the headline, and a date/source line with a clock time and a
 * labelled source is no row of links, so it does not end the page's head above the headline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { isLinkRow, isNeverTitle, isReporterByline } from '../electron/core/import/stages/title.js';

const TUNING = path.resolve(import.meta.dirname, 'fixtures/portal/tuning');

async function tuning(name: string) {
  return importFile({ name, path: path.join(TUNING, name) });
}

test('titles: a reporter byline is never a headline; a headline naming reporters is', () => {
  for (const t of ['新甘肃·甘肃日报记者 文洁', '城市晚报全媒体记者 陆续', '新黄河记者:孙锋', '四川在线记者 李丹', '(记者 朱珍珍)', '记者 张紫艳 马颜慧']) {
    assert.ok(isReporterByline(t), t);
    assert.ok(isNeverTitle(t), t);
  }
  for (const t of ['凝聚基层治理合力 共建共治美好家园', '记者节里的民政人', '致敬新闻工作者 记者走进养老院']) assert.ok(!isReporterByline(t), t);
});

test('titles: a date line with its clock and labelled source is no row of links; links side by side are', () => {
  assert.ok(!isLinkRow('2022/06/05/ 12:49 来源:新甘肃 记者 文洁'));
  assert.ok(isLinkRow('延吉概况 延吉新闻 社会民生 公示公告 外媒报导 街区新闻'));
  assert.ok(!isLinkRow('记者 张三 通讯员 李四'), 'a reporters\' byline is no row of links');
  assert.ok(isLinkRow('Page 37 - 湘西工作 2017 第11期'), 'a magazine page header still reads as a row (no labelled values)');
});

test('titles: lanzhou-2022 keeps its headline over the date line, not the reporter byline under it', async () => {
  const file = await tuning('lanzhou-2022-sanshe-liandong.txt');
  assert.equal(file.cases[0]?.meta.title, '凝聚基层治理合力 共建共治美好家园');
  assert.equal(file.info.title, '凝聚基层治理合力 共建共治美好家园');
});

test('titles: 主题——副题 on one line gives the subtitle after the dash, the headline printed whole (beijing-2019, xizang-2025); a research scope is no subtitle', async () => {
  const beijing = await tuning('beijing-2019-jiedao-ererzhuan.txt');
  assert.equal(beijing.cases[0]?.meta.title, '街道“二人转”的新唱法——北京开创基层治理新格局');
  assert.equal(beijing.cases[0]?.meta.subtitle, '北京开创基层治理新格局');
  const xizang = await tuning('xizang-2025-jiceng-shanzhi.txt');
  assert.equal(xizang.cases[0]?.meta.subtitle, '西藏基层治理创新实践一线见闻');
  const P = '近年来,雅安市民政局围绕基层治理开展调查研究,形成了一批有分量的成果,为民政工作高质量发展提供了参考。';
  const scoped = await importFile({ name: 'scope.txt', bytes: new TextEncoder().encode(`发挥民政工作“稳定器”作用研究——以雅安市民政工作为例\n${P}\n${P}\n`) });
  assert.equal(scoped.cases[0]?.meta.subtitle ?? null, null);
});

test('titles: a photo caption ending in its photographer joined by a slash ("記者何明華/攝") is a caption, in traditional characters too (nanning-2026)', async () => {
  const { isCaption } = await import('../electron/core/import/stages/captions.js');
  assert.ok(isCaption('長者飯堂開到社區,老人們吃飯既方便又能享受實惠。 廣西雲-廣西日報記者何明華/攝'));
  assert.ok(isCaption('志愿者为老人理发。记者 张三/摄'));
  assert.ok(!isCaption('社区成立于2002年,有22个居民小区、4389户居民,壮、汉、瑶等19个民族在此聚居。'));
  const file = await tuning('nanning-2026-mingxiunan-shequ-fanti.txt');
  assert.ok(file.captions.some((c) => c.includes('長者飯堂開到社區') || c.includes('长者饭堂开到社区')), file.captions.join(' | '));
});

test('titles: a breadcrumb can never be a headline, so a site name over it gives way to the headline under it (tuning pages with a portal head put over their headline)', async () => {
  const { isBreadcrumb } = await import('../electron/core/import/stages/title.js');
  for (const t of ['首页 > 新闻中心 > 工作动态', '首页 ? 新时代文明实践 ? 移风易俗', '当前位置:首页 > 政务公开', '您当前的位置 : 每日甘肃网  >  甘肃  >  甘肃播报  >  社会']) assert.ok(isBreadcrumb(t) && isNeverTitle(t), t);
  for (const t of ['从“输血”→“造血”→“活血”', '如何办理? 怎样申请? 看这里', '推动移风易俗 树立殡葬新风']) assert.ok(!isBreadcrumb(t), t);
  const { readFileSync } = await import('node:fs');
  for (const [name, headline] of [
    ['beijing-2022-linli-rexian.txt', ''],
    ['zhuhai-2021-qixi-hunyin.txt', ''],
    ['tianjin-2025-jiuzhu-gongzuo-huiyi.txt', ''],
  ] as const) {
    const lines = readFileSync(path.join(TUNING, name), 'utf8').split('\n');
    const plain = await tuning(name);
    const title = headline || plain.cases[0]!.meta.title;
    const at = lines.findIndex((l) => l.trim() === title.trim());
    assert.ok(at >= 0, `${name}: its headline is a line of the page`);
    const headed = [...lines.slice(0, at), '某某市民政局', '首页 > 新闻中心 > 工作动态', ...lines.slice(at)].join('\n');
    const file = await importFile({ name, bytes: new TextEncoder().encode(headed) });
    assert.equal(file.cases[0]?.meta.title, title, name);
  }
});

test('titles: a line of two labelled page fields is never chosen as the headline; beijing-quyu keeps its headline with a share bar put under it', async () => {
  const { mayBeHeadline } = await import('../electron/core/import/stages/title.js');
  assert.ok(!mayBeHeadline('[南沙群岛] 时间:2025-05-05 04:43:23 来源:拌肚丝网 作者:太原市 点击:35次'));
  assert.ok(mayBeHeadline('民政部:加快推进养老服务体系建设'), 'a speaker before one colon');
  const { readFileSync } = await import('node:fs');
  const name = 'beijing-quyu-yanglao-zhongxin.txt';
  const lines = readFileSync(path.join(TUNING, name), 'utf8').split('\n');
  const shared = [lines[0]!, '分享到： 微信 微博 QQ空间', ...lines.slice(1)].join('\n');
  const file = await importFile({ name, bytes: new TextEncoder().encode(shared) });
  assert.equal(file.cases[0]?.meta.title, '北京布局建设百个区域养老服务中心');
});

test('titles: a share bar or the page tools under the headline end no page head: the headline stays (tuning pages with a share bar put under it)', async () => {
  const { readFileSync } = await import('node:fs');
  for (const name of ['sanmenxia-2025-handong-jiuzhu.txt', 'guandu-2015-diming-pucha.txt', 'heze-2018-zhengwen.txt']) {
    const plain = await tuning(name);
    const title = plain.cases[0]!.meta.title;
    const lines = readFileSync(path.join(TUNING, name), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.trim() === title.trim());
    assert.ok(at >= 0, `${name}: its headline is a line of the page`);
    for (const tools of ['分享到： 微信 微博 QQ空间', '【字体：大 中 小】【打印】【关闭】']) {
      const file = await importFile({ name, bytes: new TextEncoder().encode([...lines.slice(0, at + 1), tools, ...lines.slice(at + 1)].join('\n')) });
      assert.equal(file.cases[0]?.meta.title, title, `${name} with ${tools}`);
    }
  }
});

test('titles: a greeting, a search prompt, a column tag alone and a web address can never be a headline; a repost copied from its 原标题 line still takes it', async () => {
  for (const t of ['您好，欢迎访问某某市民政局网站！', '请输入关键字', '【民政要闻】', 'www.mzj.example.gov.cn', 'http://mzj.example.gov.cn/index.html', '图为志愿者为老人理发', '▲志愿者为老人理发']) assert.ok(isNeverTitle(t), t);
  for (const t of ['【民政要闻】某某县开展养老服务专项检查', '欢迎来到幸福社区', '原标题:全国示范性老年友好型社区名单公布 甘肃省19个社区上榜']) assert.ok(!isNeverTitle(t), t);
  const file = await tuning('gansu-2022-laonian-youhao-shequ.txt');
  assert.ok(file.info.title?.endsWith('全国示范性老年友好型社区名单公布 甘肃省19个社区上榜'), String(file.info.title));
});

test('titles: a menu word alone, a spaced widget label and a 当前所在 breadcrumb are never headlines; a contact field alone is never chosen as one', async () => {
  const { mayBeHeadline } = await import('../electron/core/import/stages/title.js');
  for (const t of ['热线电话:0398-2182069', '邮箱:qgfzdyzx@163.com', '新华社北京5月10日电 题:中国婚姻登记新规便利“全国通办”']) assert.ok(!mayBeHeadline(t) && !isNeverTitle(t), t);
  for (const t of ['新闻中心', '政务公开', '搜 索', '当前所在:首页 > 民政资讯', '欢迎访问民生内参!']) assert.ok(isNeverTitle(t), t);
  for (const t of ['开通24小时救助热线 温暖流浪人员过冬', '新闻中心开展志愿服务活动', '搜索失散亲人 救助站帮助流浪老人回家']) assert.ok(!isNeverTitle(t), t);
});
