/**
 * Another site's furniture around a draft: a portal's header above its breadcrumb, the page's foot after
 * its own furniture starts, a template in the other script than the text, a repost's unbracketed
 * "原标题:" note, links to sites, and another article's headline over the draft's — on synthetic pages
 * built by those general shapes and on the tuning pages that have them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { isHotWords, isRunTogetherHeader, isWidgetLabel } from '../electron/core/import/stages/furniture.js';
import { findMentions } from '../electron/core/regions/index.js';
import { unwrap } from '../electron/core/import/stages/unwrap.js';
import type { ImportedFile } from '../electron/core/model/imported.js';

const TUNING = path.resolve(import.meta.dirname, 'fixtures/portal/tuning');

const PARAGRAPHS = [
  '近日,某某县民政局召开养老服务工作推进会,总结上半年工作,部署下一阶段重点任务,要求各乡镇抓好落实。',
  '会议指出,今年以来全县新建居家养老服务站十二个,为三千余名老年人提供助餐、助浴和上门照料服务。',
  '会议要求,各乡镇要进一步完善养老服务网络,加强服务质量监管,让老年人在家门口享受到便利服务。',
];
/** More text than the foot's traditional lines, as a page has: the page is read as simplified. */
const LONGER = [
  '据介绍,该县近年来持续加大财政投入,将养老服务设施建设纳入民生实事项目,统筹城乡养老资源布局。',
  '在农村地区,依托村级党群服务中心建设互助幸福院,由村委会组织低龄老人照护高龄老人,形成邻里互助氛围。',
  '在城市社区,引入专业社会组织运营日间照料中心,开展健康讲座、文体活动和心理慰藉等多样化服务。',
  '下一步,县民政局将加快推进智慧养老平台建设,整合服务资源,精准对接老年人需求,提升服务效率。',
  '同时,还将加强养老护理员队伍建设,定期组织技能培训和等级评定,稳步提高从业人员待遇和职业认同。',
];
const HEADLINE = '某某县民政局召开养老服务工作推进会';

async function read(lines: string[]): Promise<ImportedFile> {
  return importFile({ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
}

function body(file: ImportedFile): string[] {
  return file.cases.flatMap((c) => blocksText(c.body).split('\n')).map((l) => l.trim()).filter(Boolean);
}

test('furniture: a portal header above the breadcrumb goes, the headline under it stays', async () => {
  const file = await read(['某某新闻网', '手机某某新闻网', '站群导航', '当前位置: 首页 > 新闻中心 > 正文', HEADLINE, ...PARAGRAPHS]);
  assert.equal(file.cases[0]?.meta.title, HEADLINE);
  for (const l of ['某某新闻网', '手机某某新闻网', '站群导航']) assert.ok(file.dropped.includes(l), l);
  // A line with a sentence above the breadcrumb is no header: nothing above it goes.
  const notice = await read(['温馨提示:本站内容仅供参考。', '当前位置: 首页 > 新闻中心 > 正文', HEADLINE, ...PARAGRAPHS]);
  assert.ok(!notice.dropped.includes(HEADLINE));
});

test("furniture: after the page's own furniture at the foot, lines without a sentence go; a signature keeps them", async () => {
  const file = await read([HEADLINE, ...PARAGRAPHS, '责任编辑:张三', '省民政厅部署寒冷天气困难群众防寒保暖工作', '已访问 91821960 人次 [ 网站管理员登录 ]']);
  const text = body(file);
  assert.ok(!text.some((l) => l.startsWith('省民政厅部署')), text.join('\n'));
  assert.ok(!text.some((l) => l.startsWith('已访问')));
  assert.ok(text.includes(PARAGRAPHS[2]!));
  const signed = await read([HEADLINE, ...PARAGRAPHS, '【打印本页】', '某某县民政局', '2021年5月10日']);
  assert.ok(body(signed).includes('某某县民政局'), body(signed).join('\n'));
});

test('furniture: lines in traditional characters on a simplified page are read through the simplified lexicon', async () => {
  const file = await read([HEADLINE, ...PARAGRAPHS, ...LONGER, '責任編輯:張曉軍', '版面目錄', '工信部備案號:京ICP備05071141號']);
  const text = body(file);
  for (const l of ['責任編輯:張曉軍', '版面目錄', '工信部備案號:京ICP備05071141號']) {
    assert.ok(!text.includes(l), l);
    // The dropped line is listed as the page printed it.
    assert.ok(file.dropped.includes(l), l);
  }
  assert.equal(file.script, undefined);
  assert.ok(text.includes(PARAGRAPHS[0]!));
});

test("furniture: a repost's unbracketed 原标题 note under the headline goes; alone at the top it names the headline", async () => {
  const under = await read([HEADLINE, `原标题:${HEADLINE}`, ...PARAGRAPHS]);
  assert.equal(under.cases[0]?.meta.title, HEADLINE);
  assert.ok(under.dropped.includes(`原标题:${HEADLINE}`));
  const top = await read([`原标题:${HEADLINE}`, ...PARAGRAPHS]);
  assert.equal(top.cases[0]?.meta.title, HEADLINE);
  // On the tuning pages: a news portal's repost (xinghualing) and a provincial site's item copied from its note (gansu).
  const xinghualing = await importFile({ name: 'x.txt', path: path.join(TUNING, 'xinghualing-2020-shengli-dongjie-shequ.txt') });
  assert.ok(xinghualing.dropped.some((d) => d.startsWith('原标题:')));
  const gansu = await importFile({ name: 'g.txt', path: path.join(TUNING, 'gansu-2022-laonian-youhao-shequ.txt') });
  assert.equal(gansu.info.title, '全国示范性老年友好型社区名单公布 甘肃省19个社区上榜');
});

test('furniture: links to sites, a download link and an empty hot-words label', () => {
  for (const t of ['中央政府门户网站', '某某网【example.com】', '关注东北网', '下载地址: 点击此处下载', '点击此处下载']) assert.ok(isWidgetLabel(t), t);
  for (const t of ['关注困难群众生活', '某某县民政局门户网站建设方案的通知', '请点击此处下载附件后填写。']) assert.ok(!isWidgetLabel(t), t);
  assert.ok(isHotWords('相关热词搜索:'));
});

test("title: another article's headline over the draft's, sharing none of its words, gives way", async () => {
  const file = await read(['第05版:社会治理', '海岛渔村举办丰收节文艺演出', HEADLINE, ...PARAGRAPHS]);
  assert.equal(file.cases[0]?.meta.title, HEADLINE);
  // A kicker over the headline that shares the text's words stays first.
  const kicker = await read(['养老服务推进会在某某县召开', HEADLINE, ...PARAGRAPHS]);
  assert.equal(kicker.cases[0]?.meta.title, '养老服务推进会在某某县召开');
});

test('furniture: the tuning pages whose foot furniture follows their own (contacts, addresses, login boxes, resolution advice)', async () => {
  const jinzhou = await importFile({ name: 'j.txt', path: path.join(TUNING, 'jinzhou-shegongzhan-shidian.txt') });
  assert.ok(!body(jinzhou).some((l) => /客服QQ|第一办公区/u.test(l)));
  const wucheng = await importFile({ name: 'w.txt', path: path.join(TUNING, 'wucheng-2012-zhufengting-wuzi-fanti.txt') });
  assert.ok(!body(wucheng).some((l) => /分辯率/u.test(l)));
  const linli = await importFile({ name: 'l.txt', path: path.join(TUNING, 'linli-lebei-binzang-zuotanhui.txt') });
  assert.ok(!body(linli).some((l) => /用户登录|立即注册/u.test(l)));
  // A comment box's form under a notice's 落款: its labels go, the 落款 stays.
  const putuo = await importFile({ name: 'p.txt', path: path.join(TUNING, 'putuo-2007-liuyi-guer-weiwen-tongzhi.txt') });
  assert.ok(putuo.dropped.includes('验证码') && putuo.dropped.includes('全部评论'));
  assert.ok(!putuo.dropped.includes('普陀区民政局'));
});

test("furniture: a header's links copied run together, and the site's name above them, go", async () => {
  const file = await read(['某某市政务网', '某某市政务网 政务公开互动交流无障碍长者版登录', HEADLINE, ...PARAGRAPHS]);
  assert.equal(file.cases[0]?.meta.title, HEADLINE);
  for (const l of ['某某市政务网', '某某市政务网 政务公开互动交流无障碍长者版登录']) assert.ok(file.dropped.includes(l), l);
  for (const t of ['数据开放平台智能问答繁体登录注册', '首页 政务公开政务服务 互动交流', '无障碍长者版English']) assert.ok(isRunTogetherHeader(t), t);
  // Menu words inside a headline's own words, or a run of two, are no header.
  for (const t of ['政务公开工作要点', '登录注册流程优化', '政务公开政务服务', '某某县 政务公开 工作 要点']) assert.ok(!isRunTogetherHeader(t), t);
});

test('furniture: spaced button labels, a bulleted hot-words label, text-size buttons and the national platforms\' badges', () => {
  for (const t of ['字 号:', '打 印', '关 闭', '【大】', '【中】', '【大】【中】【小】', '[ 大 ] [ 中 ] [ 小 ]', '国家政务服务平台', '全国一体化在线政务服务平台', '全国政务信息一体化应用平台']) assert.ok(isWidgetLabel(t), t);
  for (const t of ['大', '【小区】', '全国养老服务信息平台', '国家政务服务平台上线运行。']) assert.ok(!isWidgetLabel(t), t);
  for (const t of ['• 搜索热词:', '· 热门搜索: 养老 救助', '• 热搜词:']) assert.ok(isHotWords(t), t);
  assert.ok(!isHotWords('• 搜索热词的变化反映了群众关切。'));
});

test("furniture: a site's sentence about itself at the foot is no running text: the byline above it still goes", async () => {
  const lines = [HEADLINE, ...PARAGRAPHS, '张三'];
  const plain = await read(lines);
  const noted = await read([...lines, '本文为某某频道原创文章,转载请附上原文出处链接和本声明。']);
  assert.equal(body(noted).includes('张三'), body(plain).includes('张三'));
});

const PLACE_TEXT = [
  '近日,澧县民政局召开养老服务工作推进会,总结上半年工作,部署下一阶段重点任务,要求各乡镇抓好落实。',
  '会议指出,今年以来澧县新建居家养老服务站十二个,为三千余名老年人提供助餐、助浴和上门照料服务。',
  '会议要求,各乡镇要进一步完善养老服务网络,加强服务质量监管,让老年人在家门口享受到便利服务。',
];

function where(file: ImportedFile): string {
  const r = file.cases[0]?.meta.region;
  return r ? [r.province, r.city, r.county].filter(Boolean).join(' ') : '—';
}

test("regions: another province's banner and path over a text that names its own place are that site's, not the text's", async () => {
  const own = await read(['澧县民政局召开养老服务工作推进会', ...PLACE_TEXT]);
  assert.equal(where(own), '湖南省 常德市 澧县');
  for (const head of [
    ['吉林省民政厅', '当前位置 : 首页 > 民政要闻 > 地方信息'],
    ['手机兰州新闻网', '您的位置:网站首页 > 新闻中心>兰州新闻> 正文'],
    ['首页 / 珠海新闻 / 珠海市举行集体婚礼'],
  ]) {
    const file = await read([...head, '澧县民政局召开养老服务工作推进会', ...PLACE_TEXT]);
    assert.equal(where(file), '湖南省 常德市 澧县', head.join(' / '));
    assert.ok(!file.cases[0]?.meta.unit || findMentions(file.cases[0].meta.unit).every((m) => m.text.includes('澧')), file.cases[0]?.meta.unit ?? '');
  }
  // A text naming no place of its own is read at its site's: the banner is the page's evidence then.
  const unnamed = await read(['澧县人民政府', '当前位置: 首页 > 新闻中心 > 工作动态', HEADLINE, ...PARAGRAPHS]);
  assert.equal(where(unnamed), '湖南省 常德市 澧县');
});

test("unwrap: a list's rows that open on their labels stay rows when the page's foot follows the last", async () => {
  const rows = [
    '某某市甲县:“三五”模式畅通组级微治理,服务群众最后一米',
    '某某市乙区某某街道:以“四小”推“四大”打通服务最后一米',
    '某某市丙县某某镇:引导群众“唱主角”,激发基层治理“新活力”',
    '某某市丁区:推行“微治理”模式,构建共建共治共享新格局',
  ];
  for (const foot of [[], ['浏览量: 129'], ['返回顶部']]) {
    const lines = unwrap(['某某省第一批基层治理创新典型案例名单', '一、城乡社区治理服务类(4个):', ...rows, ...foot].map((text) => ({ text })));
    for (const row of rows) assert.ok(lines.some((l) => l.text === row), `${row} + ${foot.join(' ')}`);
  }
  // A tuning list (hunan-2021) with another site's text-size buttons and counter after its last row reads the same items.
  const file = path.join(TUNING, 'hunan-2021-jiceng-anli-mingdan.txt');
  const text = readFileSync(file, 'utf8').trim();
  const plain = await read([text]);
  const footed = await read([text, '【中】', '【小】', '浏览量: 129']);
  assert.deepEqual(footed.cases.map((c) => c.meta.title), plain.cases.map((c) => c.meta.title));
});
