/**
 * Page furniture told by its shape, on synthetic pages: a pager ("【 第1页 第2页 】") and a widget row with its
 * labels spaced out ("】 【打 印】") over a page's headline, a headline ending in an acronym (no column's English
 * name), an agency's reporter line ("记者某某报道"), a Markdown picture left in a plain copy ("![]()"), the
 * outlet that sent a photo out closing its caption ("…供图 某某网发"), a breadcrumb copied without its arrows
 * ("首页 资讯 正文"), an information table's row away from its table, a record's bracketed fields as a
 * would-be headline, and another page's browser title over a text it is not about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { isInfoTableRow, isMenuRow, isPager, isWidgetRow } from '../electron/core/import/stages/furniture.js';
import { isForeignPageTitle, isNeverTitle } from '../electron/core/import/stages/title.js';
import { isCaption } from '../electron/core/import/stages/captions.js';
import type { ImportedFile } from '../electron/core/model/imported.js';
import { hardWrap } from '../scripts/perturb.js';

const PARAGRAPHS = [
  '近日,某某县民政局召开养老服务工作推进会,总结上半年工作,部署下一阶段重点任务,要求各乡镇抓好落实。',
  '会议指出,今年以来全县新建居家养老服务站十二个,为三千余名老年人提供助餐、助浴和上门照料服务。',
  '会议要求,各乡镇要进一步完善养老服务网络,加强服务质量监管,让老年人在家门口享受到便利服务。',
];
const HEADLINE = '某某县民政局召开养老服务工作推进会';

async function read(lines: string[]): Promise<ImportedFile> {
  return importFile({ name: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
}

function body(file: ImportedFile): string[] {
  return file.cases.flatMap((c) => blocksText(c.body).split('\n')).map((l) => l.trim()).filter(Boolean);
}

test('furniture: a pager in either script, and a widget row with spaced labels', () => {
  for (const t of ['【 第1页 第2页 第3页 第4页 】', '【 第1頁 第2頁 】', '上一页 1 2 3 下一页 尾页', '共4页 首页 上一页 下一页', '1 2 3 4 5 ... 下一页']) assert.ok(isPager(t), t);
  for (const t of ['第一页', '1 2 3', '下一页', '全书共3页 约2000字', '第五页的内容']) assert.ok(!isPager(t), t);
  assert.ok(isWidgetRow('】 【打 印】'));
  assert.ok(isNeverTitle('【 第1页 第2页 第3页 】'));
});

test("title: over the page's date line, the headline under a pager and a broken widget row is the headline, an acronym at its end and all", async () => {
  const headline = '某某县推出婚俗改革APP';
  const file = await read(['】 【打 印】', '【 第1页 第2页 第3页 】', headline, 'http://www.example.com   2023-03-16 15:31:36', ...PARAGRAPHS]);
  assert.equal(file.info.title, headline);
  assert.equal(file.info.date, '2023-03-16');
  for (const l of ['】 【打 印】', '【 第1页 第2页 第3页 】']) assert.ok(file.dropped.includes(l), l);
});

test("furniture: an agency's reporter line and a Markdown picture leave the text; a caption after the picture stays one", async () => {
  const file = await read(['记者张某某报道', PARAGRAPHS[0]!, '![]()', '老人们在社区食堂吃饭', PARAGRAPHS[1]!, '![图片](https://example.com/a.jpg)', PARAGRAPHS[2]!]);
  const text = body(file);
  for (const l of ['记者张某某报道', '![]()', '![图片](https://example.com/a.jpg)']) {
    assert.ok(!text.includes(l), l);
    assert.ok(file.dropped.includes(l), l);
  }
  assert.ok(file.captions.includes('老人们在社区食堂吃饭'), JSON.stringify(file.captions));
  assert.ok(text.includes(PARAGRAPHS[2]!));
});

test('captions: the outlet that sent the photo out may close its credit', () => {
  assert.ok(isCaption('老人们在食堂吃饭。某某区委宣传部供图  某某网发'));
  assert.ok(isCaption('志愿者为老人理发。张三 摄 新华社发'));
  assert.ok(!isCaption('某某网发'), 'the credit alone');
});

test("furniture: a breadcrumb without its arrows, and an information table's row at the foot", async () => {
  assert.ok(isMenuRow('首页 资讯 正文'));
  assert.ok(isMenuRow('某某网首页 新闻中心 详细内容'));
  assert.ok(!isMenuRow('首页 推进 养老服务'));
  assert.ok(isInfoTableRow('公开责任部门 某某县民政局 公开形式: 主动公开'));
  assert.ok(!isInfoTableRow('发布机构:某某县民政局 成文日期:2023-05-06'), 'a dated row is read by the table and date rules');
  const file = await read(['首页 资讯 正文', HEADLINE, ...PARAGRAPHS, '主题分类 民政 体裁分类 其他']);
  assert.equal(file.cases[0]?.meta.title, HEADLINE);
  const text = body(file);
  assert.ok(!text.includes('主题分类 民政 体裁分类 其他'), text.join('\n'));
  assert.ok(text.includes(PARAGRAPHS[2]!));
});

test("title: a record's bracketed fields are never a headline; another page's browser title over this text is that page's", async () => {
  assert.ok(isNeverTitle('【法规编号】ABC.1.2345 【时效性】现行有效'));
  assert.ok(!isNeverTitle('【聚焦】某某县推进养老服务'));
  const below = PARAGRAPHS.join('\n');
  assert.ok(isForeignPageTitle('交通运输部:加快高速公路桥梁改造_蓝鲸资讯池', below));
  assert.ok(!isForeignPageTitle(`${HEADLINE}_蓝鲸资讯池`, below), "the page's own headline shares its words");
  assert.ok(!isForeignPageTitle('本文转自:某某网-某某频道', below), 'a source line');
  const file = await read(['交通运输部:加快高速公路桥梁改造_蓝鲸资讯池', ...PARAGRAPHS]);
  assert.ok(file.dropped.includes('交通运输部:加快高速公路桥梁改造_蓝鲸资讯池'));
  assert.notEqual(file.info.title, '交通运输部:加快高速公路桥梁改造_蓝鲸资讯池');
  const fields = await read(['【法规编号】ABC.1.2345 【时效性】现行有效', ...PARAGRAPHS]);
  assert.notEqual(fields.info.title, '【法规编号】ABC.1.2345 【时效性】现行有效');
});

test("furniture: the page's last short lines that share none of the text's words go; a signature, a caption under a picture and a line sharing its words stay", async () => {
  const file = await read([HEADLINE, ...PARAGRAPHS, '热门资讯', '智能检索']);
  const text = body(file);
  for (const l of ['热门资讯', '智能检索']) assert.ok(!text.includes(l) && file.dropped.includes(l), l);
  assert.ok(text.includes(PARAGRAPHS[2]!));
  const signed = await read([HEADLINE, ...PARAGRAPHS, '某某县民政局', '2021年5月10日']);
  assert.ok(body(signed).includes('某某县民政局'), body(signed).join('\n'));
  const own = await read([HEADLINE, ...PARAGRAPHS, '养老服务站建设专题']);
  assert.ok(body(own).includes('养老服务站建设专题'), 'it shares the text\'s words');
  const pictured = await read([HEADLINE, ...PARAGRAPHS, '![]()', '志愿者与老人们在活动后合影']);
  assert.ok(pictured.captions.includes('志愿者与老人们在活动后合影'), JSON.stringify(pictured.captions));
});

test('furniture: a breadcrumb labelled 当前所在 over a notice leaves the notice its title', async () => {
  const title = '某某市民政局关于印发《2026年民政工作要点》的通知';
  const file = await read(['欢迎访问某某内参!', '当前所在:首页 > 民政资讯', title, '各区民政局,机关各处室:', '现将《2026年民政工作要点》印发给你们,请结合实际认真贯彻落实。', '某某市民政局', '2026年1月30日']);
  assert.ok(file.dropped.includes('当前所在:首页 > 民政资讯'));
  assert.equal(file.notice?.meta.title ?? file.info.title, title);
});

test('unwrap: a caption closed by its credit ends its line under a hard wrap; the paragraph after it starts its own', async () => {
  const caption = '某某县“十四五”养老服务体系建设规划新闻发布会11月8日在县城举行。 张三 摄';
  const long = `${PARAGRAPHS[1]!}${PARAGRAPHS[2]!}${PARAGRAPHS[0]!}`;
  // One paragraph copied out of a PDF into a web page, the caption over it as wide as its lines.
  const file = await read([HEADLINE, '', PARAGRAPHS[0]!, '', caption, '', '', ...hardWrap(long), '', PARAGRAPHS[2]!]);
  assert.ok(file.captions.includes(caption), JSON.stringify(file.captions));
  assert.ok(body(file).includes(long), body(file).join('\n'));
});

test("title: another article's headline led by a province the text never names, over a text naming its own places, is that article's", async () => {
  const own = ['近日,某某县民政局联合县林业局深入岗乌镇开展生态安葬点位核查,逐点建立台账。', '关岭县民政局表示,将持续推进节地生态安葬,倡导文明节俭的殡葬新风。'];
  const file = await read(['第05版:社会治理', '吉林省民政宣传工作会议召开', ...own]);
  assert.ok(file.dropped.includes('吉林省民政宣传工作会议召开'), JSON.stringify(file.dropped));
  assert.notEqual(file.info.title, '吉林省民政宣传工作会议召开');
  assert.notEqual(file.cases[0]?.meta.region?.province, '吉林省');
  // A headline naming the text's own province, or a text naming no place, keeps it.
  const same = await read(['贵州省民政宣传工作会议召开', ...own]);
  assert.equal(same.info.title, '贵州省民政宣传工作会议召开');
  const placeless = await read(['吉林省民政宣传工作会议召开', '会议总结了一年来的民政宣传工作,部署了下一阶段的重点任务和工作要求。']);
  assert.equal(placeless.info.title, '吉林省民政宣传工作会议召开');
});
