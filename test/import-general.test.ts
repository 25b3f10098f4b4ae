/**
 * The corpus is a floor: drafts composed here in other provinces' styles and encodings check
 * that the rules are general (separate region and title lines, 旗 and autonomous regions,
 * Big5, UTF-16, Markdown, a notice with 版头 and attachments, ambiguous county names).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { corpusPath } from './fixtures/corpus.js';
import { importFile } from '../electron/core/import/index.js';
import { blocksText, inlineText } from '../electron/core/model/text.js';
import type { Block, ParagraphBlock } from '../electron/core/model/types.js';

const enc = (s: string) => new TextEncoder().encode(s);
const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const where = (r: { province: string | null; city: string | null; county: string | null } | null | undefined) => (r ? [r.province, r.city, r.county] : null);

const GUANGXI_LIST = `2023年广西壮族自治区民政工作创新案例汇编
发布时间:2023-12-05 来源:广西民政 
为总结推广基层民政工作的好经验好做法,自治区民政厅组织开展了2023年度民政工作创新案例评选,现将入选案例刊登如下。
南宁市青秀区
“邻里守望”打造社区居家养老新模式
青秀区民政局联合辖区街道,组建独居老人“邻里守望”队伍,为1300多名独居、空巢老人提供探访和应急帮助。
一是建立一张清单。逐户摸排辖区独居、空巢老人,建立动态管理台账,做到底数清、情况明。
二是组建一支队伍。发动楼栋长、志愿者和社工结对帮扶,每周上门探访不少于一次。
青秀区志愿者上门为独居老人测量血压
柳州市柳南区
“阳光审批”让低保认定更透明
柳南区推行低保审批全过程公开,申请、入户调查、民主评议和审批结果全部公示,群众满意度明显提升。
一是公开办理流程。在村(社区)公开栏和政务网站同步公布低保申请条件、办理流程和监督电话。
二是引入第三方评估。委托专业社会工作机构对新增低保对象开展入户核查。
桂林市
创新“一站式”婚姻登记服务
桂林市婚姻登记处推行结婚登记“一站式”服务,将婚前医学检查、婚姻家庭辅导与登记颁证集中办理,新人只跑一次。
一是优化登记流程。整合婚姻登记、婚前检查等事项,实现一窗受理。
二是打造颁证仪式。设立颁证大厅,为新人举办简约庄重的颁证仪式,倡导婚俗新风。
责任编辑:韦某某
`;

test('general: a case list with region and title on separate lines (广西)', async () => {
  const file = await importFile({ name: 'guangxi.txt', bytes: enc(GUANGXI_LIST) });
  assert.equal(file.kind, 'case-list');
  assert.equal(file.info.title, '2023年广西壮族自治区民政工作创新案例汇编');
  assert.equal(file.info.date, '2023-12-05');
  assert.equal(file.info.publisher, '广西民政');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.heading, c.meta.title]),
    [
      ['南宁市青秀区', '“邻里守望”打造社区居家养老新模式'],
      ['柳州市柳南区', '“阳光审批”让低保认定更透明'],
      ['桂林市', '创新“一站式”婚姻登记服务'],
    ],
  );
  assert.deepEqual(where(file.cases[0]!.meta.region), ['广西壮族自治区', '南宁市', '青秀区']);
  assert.deepEqual(where(file.cases[1]!.meta.region), ['广西壮族自治区', '柳州市', '柳南区']);
  assert.deepEqual(where(file.cases[2]!.meta.region), ['广西壮族自治区', '桂林市', null]);
  assert.deepEqual(file.cases.map((c) => c.meta.category), ['养老服务', '社会救助', '社会事务']);
  assert.deepEqual(file.captions, ['青秀区志愿者上门为独居老人测量血压']);
  // Everything that left the text is listed, the metadata line included, so the editor can restore it.
  assert.deepEqual(file.dropped, ['发布时间:2023-12-05 来源:广西民政', '责任编辑:韦某某']);
  const runIns = paragraphs(file.cases[0]!.body).filter((p) => p.runIn).map((p) => inlineText(p.runIn));
  assert.deepEqual(runIns, ['一是建立一张清单。', '二是组建一支队伍。']);
  assert.ok(paragraphText(paragraphs(file.info.lead ?? [])[0]!).startsWith('为总结推广'));
  assert.equal(file.cases[0]!.meta.year, 2023);
});

function paragraphText(p: ParagraphBlock): string {
  return inlineText(p.runIn) + inlineText(p.content);
}

const NEIMENGGU = `内蒙古鄂尔多斯市准格尔旗:“草原110”筑牢牧区防灾减灾救灾防线
——准格尔旗应急救灾体系建设纪实
(2022-08-16)
准格尔旗地处黄河“几”字弯,牧区面积大、居住分散,自然灾害多发。近年来,旗民政局探索建立“草原110”救灾应急响应机制,实现灾情早发现、早报告、早救助。
建立灾害信息员队伍。在全旗每个嘎查村配备1名以上灾害信息员,开展业务培训,确保灾情第一时间上报。
完善救灾物资储备。在苏木乡镇建设救灾物资储备点,储备帐篷、棉被等物资,确保受灾群众12小时内得到基本生活救助。
开展防灾减灾宣传。利用“防灾减灾日”等节点,深入牧区开展应急演练和科普宣传,提升群众避险自救能力。
(准格尔旗民政局 其木格 王刚)
`;

test('general: a 内蒙古 single case with a 旗, a dash subtitle and a trailing byline', async () => {
  const file = await importFile({ name: 'zhungeer.txt', bytes: enc(NEIMENGGU) });
  assert.equal(file.kind, 'single-case');
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '内蒙古鄂尔多斯市准格尔旗:“草原110”筑牢牧区防灾减灾救灾防线');
  assert.equal(c.meta.subtitle, '——准格尔旗应急救灾体系建设纪实');
  assert.deepEqual(where(c.meta.region), ['内蒙古自治区', '鄂尔多斯市', '准格尔旗']);
  assert.equal(c.meta.category, '防灾减灾救灾');
  assert.equal(c.meta.authors, '准格尔旗民政局 其木格 王刚');
  assert.equal(c.meta.date, '2022-08-16');
  assert.ok(!blocksText(c.body).includes('其木格'), 'the byline is metadata, not text');
  assert.deepEqual(
    paragraphs(c.body).filter((p) => p.runIn).map((p) => inlineText(p.runIn)),
    ['建立灾害信息员队伍。', '完善救灾物资储备。', '开展防灾减灾宣传。'],
  );
});

const TAIWAN_STYLE = `社區照顧關懷據點 陪伴長者安心在地老化
本會自二〇一九年起設立社區照顧關懷據點,提供長者關懷訪視、電話問安、餐飲服務及健康促進活動。
據點每週開放五天,由志工輪值服務,目前已服務長者三百餘人。
`;

test('general: a Big5 draft is detected and decoded exactly', async () => {
  const bytes = iconv.encode(TAIWAN_STYLE, 'big5');
  const file = await importFile({ name: 'big5.txt', bytes });
  assert.equal(file.encoding, 'Big5');
  assert.equal(file.cases[0]!.meta.title, '社區照顧關懷據點 陪伴長者安心在地老化');
  assert.equal(blocksText(file.cases[0]!.body), TAIWAN_STYLE.trim().split('\n').slice(1).join('\n'));
});

const ZHEJIANG = `杭州市西湖区“时间银行”激活互助养老
西湖区在全区推行“时间银行”互助养老模式,低龄老人为高龄老人提供服务,服务时长存入个人账户,日后可兑换同等服务。
一是建立积分制度。统一服务时长记录标准,开发线上记录平台,确保时长可查询、可转移、可兑换。
二是强化激励保障。区财政设立专项资金,为“时间银行”兑换兜底。
`;

test('general: UTF-16LE drafts, with and without BOM, read like UTF-8', async () => {
  const utf8 = await importFile({ name: 'xihu.txt', bytes: enc(ZHEJIANG) });
  const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ZHEJIANG, 'utf16le')]);
  const le = await importFile({ name: 'xihu16.txt', bytes: withBom });
  assert.equal(le.encoding, 'UTF-16LE');
  assert.deepEqual(le.cases, utf8.cases.map((c) => ({ ...c, meta: { ...c.meta, sourceFile: 'xihu16.txt' } })));
  assert.deepEqual(where(le.cases[0]!.meta.region), ['浙江省', '杭州市', '西湖区']);
  assert.equal(le.cases[0]!.meta.category, '养老服务');
  const be = await importFile({ name: 'xihu16be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ZHEJIANG, 'utf16be')]) });
  assert.equal(be.cases[0]!.meta.title, utf8.cases[0]!.meta.title);
  const noBom = await importFile({ name: 'xihu16nobom.txt', bytes: iconv.encode(ZHEJIANG, 'utf16le') });
  assert.equal(noBom.cases[0]!.meta.title, utf8.cases[0]!.meta.title);
});

const MARKDOWN = `# 成都市武侯区:“微基金”撬动社区治理

## 案例概况

武侯区在全区社区推行“社区微基金”,由居民、驻区单位和社会组织共同出资,支持居民自主开展小微公益项目。

## 主要做法

**一是建立基金运行规则。**制定《社区微基金管理办法》,明确资金来源、使用范围和议事程序。

**二是引导居民议事协商。**项目由居民提出、居民议事会协商确定,全过程公开。

![武侯区居民议事会现场](https://example.org/yishi.jpg)

## 工作成效

全区已设立社区微基金86支,累计支持社区治理项目400余个。
`;

test('general: a Markdown case with # headings, bold run-ins and an image', async () => {
  const file = await importFile({ name: 'wuhou.md', bytes: enc(MARKDOWN) });
  assert.equal(file.format, 'md');
  assert.equal(file.kind, 'single-case');
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '成都市武侯区:“微基金”撬动社区治理');
  assert.deepEqual(where(c.meta.region), ['四川省', '成都市', '武侯区']);
  assert.deepEqual(c.sections, ['案例概况', '主要做法', '工作成效']);
  assert.equal(c.meta.category, '基层政权和社区治理');
  const runIns = paragraphs(c.body).filter((p) => p.runIn);
  assert.deepEqual(runIns.map((p) => inlineText(p.runIn)), ['一是建立基金运行规则。', '二是引导居民议事协商。']);
  assert.deepEqual(runIns[0]!.runIn![0], { type: 'text', text: '一是建立基金运行规则。', marks: ['bold'] });
  const image = c.body.find((b) => b.type === 'image');
  assert.ok(image && image.type === 'image');
  assert.equal(image.src, 'https://example.org/yishi.jpg');
  assert.equal(image.alt, '武侯区居民议事会现场');
  assert.ok(c.body.filter((b) => b.type === 'heading').every((b) => b.type === 'heading' && b.level === 1));
});

const GUANGXI_NOTICE = `广西壮族自治区民政厅文件
桂民发[2023]12号
广西壮族自治区民政厅关于开展2023年度民政工作创新案例征集的通知
各市民政局:
为总结推广基层民政工作创新经验,自治区民政厅决定开展2023年度民政工作创新案例征集活动。现将有关事项通知如下。
一、征集范围
各市、县(市、区)民政部门在社会救助、养老服务、儿童福利等领域的创新做法。
二、报送要求
(一)报送时间。请于2023年5月31日前报送。
(二)报送方式。通过电子邮件报送。
附件:1.创新案例申报表
2.创新案例撰写要求
广西壮族自治区民政厅
2023年3月15日
(此件公开发布)
附件1
创新案例申报表
申报单位、案例名称、联系人、联系电话。
附件2
创新案例撰写要求
案例正文一般不超过3000字,包括案例概况、主要做法、取得成效三部分。
抄送:民政部办公厅。
广西壮族自治区民政厅办公室 2023年3月15日印发
`;

test('general: a notice with 版头, 发文字号, two attachments, 附注, 抄送 and 印发', async () => {
  const file = await importFile({ name: 'gx-notice.txt', bytes: enc(GUANGXI_NOTICE) });
  assert.equal(file.kind, 'notice');
  const n = file.notice!;
  assert.equal(n.meta.title, '广西壮族自治区民政厅关于开展2023年度民政工作创新案例征集的通知');
  assert.equal(n.meta.organ, '广西壮族自治区民政厅文件');
  assert.equal(n.meta.docNumber, '桂民发〔2023〕12号');
  assert.equal(n.meta.addressees, '各市民政局');
  assert.equal(n.meta.issuer, '广西壮族自治区民政厅');
  assert.equal(n.meta.date, '2023-03-15');
  assert.equal(n.meta.note, '此件公开发布');
  assert.equal(n.meta.cc, '民政部办公厅');
  assert.equal(n.meta.printer, '广西壮族自治区民政厅办公室');
  assert.equal(n.meta.printDate, '2023-03-15');
  assert.deepEqual(where(n.meta.region), ['广西壮族自治区', null, null]);
  assert.deepEqual(n.meta.attachmentTitles, ['创新案例申报表', '创新案例撰写要求']);
  assert.deepEqual(n.attachments.map((a) => a.title), ['创新案例申报表', '创新案例撰写要求']);
  assert.ok(blocksText(n.attachments[1]!.blocks).startsWith('案例正文一般不超过3000字'));
  const headings = n.body.filter((b) => b.type === 'heading').map((b) => [b.type === 'heading' && b.level, blocksText([b])]);
  assert.deepEqual(headings, [
    [1, '一、征集范围'],
    [1, '二、报送要求'],
  ]);
  const items = paragraphs(n.body).filter((p) => p.runIn).map((p) => inlineText(p.runIn));
  assert.deepEqual(items, ['(一)报送时间。', '(二)报送方式。']);
  assert.ok(!blocksText(n.body).includes('附件'), 'the attachment list is metadata');
});

const JIANGSU = `2022年度江苏省民政创新案例入选名单
鼓楼区“一键呼”守护独居老人
创新单位:南京市民政局
案例概况:
鼓楼区为全区独居老人安装“一键呼”智能终端,老人遇到紧急情况一键呼叫,社区网格员15分钟内上门。
鼓楼区“助餐点”覆盖老城社区
创新单位:徐州市民政局
案例概况:
鼓楼区在老城社区建成老年助餐点32个,为老人提供价廉质优的午餐。
`;

test('general: the same county name in two cities is told apart by each case’s unit', async () => {
  const file = await importFile({ name: 'jiangsu.txt', bytes: enc(JIANGSU) });
  assert.equal(file.kind, 'case-list');
  assert.equal(file.cases.length, 2);
  assert.deepEqual(where(file.cases[0]!.meta.region), ['江苏省', '南京市', '鼓楼区']);
  assert.deepEqual(where(file.cases[1]!.meta.region), ['江苏省', '徐州市', '鼓楼区']);
  assert.deepEqual(file.cases.map((c) => c.sections), [['案例概况'], ['案例概况']]);
});

test('general: an HTML page in GBK with headings, bold, a figure and a table', async () => {
  const html = `<html><head><meta charset="gbk"><title>河南省郑州市金水区</title></head><body>
<div class="breadcrumb">首页 &gt; 工作动态 &gt; 基层动态</div>
<h1>金水区“养老顾问”上门服务</h1>
<p class="info">发布时间:2023-06-01 09:30 来源:金水区民政局</p>
<p>金水区在全区街道设立养老顾问,为老年人提供政策咨询、服务转介等服务,今年已服务老人5000余人次。</p>
<p><strong>建立顾问队伍。</strong>每个街道配备2名以上养老顾问,定期开展培训。</p>
<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="养老顾问"><figcaption>金水区养老顾问为老人讲解补贴政策</figcaption></figure>
<table><tr><th>街道</th><th>顾问人数</th></tr><tr><td>文化路街道</td><td>3</td></tr></table>
<p>打印本页 关闭窗口</p>
</body></html>`;
  const file = await importFile({ name: 'jinshui.html', bytes: iconv.encode(html, 'gbk') });
  assert.equal(file.encoding, 'GB18030');
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '金水区“养老顾问”上门服务');
  assert.deepEqual(where(c.meta.region), ['河南省', '郑州市', '金水区']);
  assert.equal(c.meta.date, '2023-06-01');
  assert.equal(file.info.publisher, '金水区民政局');
  const figure = c.body.find((b) => b.type === 'image');
  assert.ok(figure && figure.type === 'image');
  assert.equal(figure.src, 'data:image/png;base64,iVBORw0KGgo=');
  assert.equal(inlineText(figure.caption), '金水区养老顾问为老人讲解补贴政策');
  const table = c.body.find((b) => b.type === 'table');
  assert.ok(table && table.type === 'table');
  assert.equal(table.rows.length, 2);
  assert.equal(table.rows[0]![0]!.header, true);
  assert.ok(file.dropped.includes('首页 > 工作动态 > 基层动态'));
  assert.ok(file.dropped.includes('打印本页 关闭窗口'));
  assert.ok(!blocksText(c.body).includes('打印本页'));
});

/** Re-wraps every line at `width` cells (ASCII half a cell), as text copied out of a PDF arrives. */
function hardWrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    let current = indent;
    let cells = indent ? 2 : 0;
    for (const ch of t) {
      const w = ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
      if (cells + w > width) {
        out.push(current);
        current = '';
        cells = 0;
      }
      current += ch;
      cells += w;
    }
    out.push(current);
  }
  return out.join('\n');
}

test('general: hard-wrapped text (copied from a PDF) is rejoined into its paragraphs', async () => {
  const original = await importFile({ name: 'jinshi.txt', bytes: enc(readFileSync(corpusPath('jinshi-2018-article.txt'), 'utf8')) });
  for (const indent of ['', '\u3000\u3000']) {
    const wrapped = hardWrap(readFileSync(corpusPath('jinshi-2018-article.txt'), 'utf8'), 34, indent);
    assert.ok(wrapped.split('\n').length > 60, 'the wrapped draft has many short lines');
    const file = await importFile({ name: 'jinshi.txt', bytes: enc(wrapped) });
    assert.equal(file.cases.length, 1);
    assert.equal(blocksText(file.cases[0]!.body), blocksText(original.cases[0]!.body), `indent ${JSON.stringify(indent)}`);
    assert.deepEqual(file.cases[0]!.meta.title, original.cases[0]!.meta.title);
    assert.deepEqual(file.captions, []);
    assert.ok(file.warnings.some((w) => w.includes('Hard-wrapped')), 'the preview says lines were joined');
  }
  // A draft with one line per paragraph is never joined.
  const jining = readFileSync(corpusPath('jining-2020-shortlist.txt'), 'utf8');
  const again = await importFile({ name: 'jining.txt', bytes: enc(jining) });
  assert.equal(again.cases.length, 4);
  assert.ok(!again.warnings.some((w) => w.includes('Hard-wrapped')));
});

test('general: a case whose place cannot be told is flagged for the editor, not guessed', async () => {
  const text = `关于社区养老的几点做法\n朝阳区推行社区嵌入式养老服务,在社区建设养老服务站,为老人提供助餐、助浴等服务。\n`;
  const file = await importFile({ name: 'chaoyang.txt', bytes: enc(text) });
  assert.equal(file.cases[0]!.meta.region, null, '朝阳区 is in Beijing and in Changchun: no guess');
  assert.ok(file.warnings.some((w) => w.includes('No region')));
  const withContext = await importFile({ name: 'chaoyang.txt', bytes: enc(text.replace('朝阳区推行', '北京市朝阳区推行')) });
  assert.deepEqual(where(withContext.cases[0]!.meta.region), ['北京市', '北京市', '朝阳区']);
});

const NUMBERED_CASES = `2023年河北省民政系统典型案例
案例一:石家庄市长安区:“长者食堂”让老人吃得好
长安区在社区建设长者食堂28个,为辖区老年人提供助餐服务,累计服务老人20万人次。
一是科学布局。按照“15分钟生活圈”布局长者食堂。
图片来源:长安区民政局
(长安区民政局 王芳)
案例二
唐山市路北区“儿童之家”守护留守儿童
路北区在每个社区建成“儿童之家”,由儿童主任负责日常关爱,困境儿童、留守儿童得到及时帮扶。
路北区民政局供稿
案例三:【保定】“阳光殡葬”减轻群众负担
保定市推行惠民殡葬政策,基本殡葬服务费用全免,群众治丧负担明显减轻。
`;

test('general: numbered case headings (案例一:…), bracketed and colon place labels, bylines and photo credits', async () => {
  const file = await importFile({ name: 'hebei.txt', bytes: enc(NUMBERED_CASES) });
  assert.equal(file.kind, 'case-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.heading ?? null, c.meta.title]),
    [
      ['石家庄市长安区', '“长者食堂”让老人吃得好'],
      [null, '唐山市路北区“儿童之家”守护留守儿童'],
      ['保定', '“阳光殡葬”减轻群众负担'],
    ],
  );
  assert.deepEqual(file.cases.map((c) => where(c.meta.region)), [
    ['河北省', '石家庄市', '长安区'],
    ['河北省', '唐山市', '路北区'],
    ['河北省', '保定市', null],
  ]);
  assert.deepEqual(file.cases.map((c) => c.meta.authors ?? null), ['长安区民政局 王芳', '路北区民政局', null]);
  assert.deepEqual(file.cases.map((c) => c.meta.category), ['养老服务', '儿童福利', '社会事务']);
  assert.ok(file.dropped.includes('图片来源:长安区民政局'));
  for (const c of file.cases) assert.ok(!/供稿|王芳|图片来源/u.test(blocksText(c.body)), `${c.meta.title}: credits are not text`);
  assert.deepEqual(file.captions, []);
});

const FEATURE_COLON = `聚焦民生实事 书写为民答卷
——2023年江西省民政工作创新案例巡礼
中国社会报 2023年12期
南昌市:“幸福食堂”解决老人吃饭难
南昌市在城乡社区建设幸福食堂,让老年人在家门口吃上热乎饭。全市已建成幸福食堂500余个。
赣州市于都县:“红色管家”激活基层治理
于都县在村(社区)推行“红色管家”制度,党员带头参与村务议事协商。
九江市:困境儿童关爱“一对一”
九江市为每名困境儿童落实一名帮扶责任人,定期走访,建立成长档案。
`;

test('general: a feature whose cases are headed "place: title"', async () => {
  const file = await importFile({ name: 'jiangxi.txt', bytes: enc(FEATURE_COLON) });
  assert.equal(file.kind, 'feature');
  assert.equal(file.info.publication, '中国社会报 2023年12期');
  assert.equal(file.info.subtitle, '——2023年江西省民政工作创新案例巡礼');
  assert.deepEqual(file.cases.map((c) => c.meta.heading), ['南昌市', '赣州市于都县', '九江市']);
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['“幸福食堂”解决老人吃饭难', '“红色管家”激活基层治理', '困境儿童关爱“一对一”']);
  assert.deepEqual(where(file.cases[1]!.meta.region), ['江西省', '赣州市', '于都县']);
  assert.deepEqual(file.cases.map((c) => c.meta.category), ['养老服务', '基层政权和社区治理', '儿童福利']);
});

const JOINT_NOTICE = `济南市民政局 济南市财政局关于进一步做好困难群众
基本生活保障工作的通知
各区县民政局、财政局:
为切实保障困难群众基本生活,现就有关事项通知如下。
一、提高保障标准。城乡低保标准统一提高到每人每月1000元。
二、加强资金保障。各区县要足额安排资金。
济南市民政局
济南市财政局
2023年6月30日
`;

const PUBLIC_NOTICE = `关于2023年度民政工作创新案例评选结果的公告
经各地推荐、专家评审,评选出2023年度民政工作创新案例30个,现予公告。
公告期间如有异议,请向省民政厅反映。
山东省民政厅
2023年12月20日
`;

test('general: a joint notice with a two-line title, and a 公告 without 主送', async () => {
  const joint = await importFile({ name: 'joint.txt', bytes: enc(JOINT_NOTICE) });
  assert.equal(joint.kind, 'notice');
  const n = joint.notice!;
  assert.equal(n.meta.title, '济南市民政局 济南市财政局关于进一步做好困难群众基本生活保障工作的通知');
  assert.equal(n.meta.addressees, '各区县民政局、财政局');
  assert.equal(n.meta.issuer, '济南市民政局 济南市财政局');
  assert.equal(n.meta.organ, '济南市民政局');
  assert.equal(n.meta.date, '2023-06-30');
  assert.deepEqual(where(n.meta.region), ['山东省', '济南市', null]);
  assert.ok(!blocksText(n.body).includes('济南市财政局'), 'the issuers are not body text');
  assert.equal(n.body.filter((b) => b.type === 'paragraph' && b.runIn).length, 2, '一、… items with a sentence after them are run-ins');

  const pub = await importFile({ name: 'public.txt', bytes: enc(PUBLIC_NOTICE) });
  assert.equal(pub.kind, 'notice');
  assert.equal(pub.notice!.meta.addressees, null);
  assert.equal(pub.notice!.meta.issuer, '山东省民政厅');
  assert.ok(blocksText(pub.notice!.body).startsWith('经各地推荐'));
});

test('general: a saved government page — site name above the title, footer and sidebar — reads as its article', async () => {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>德州市平原县“三务三资”阳光报告会实现公开“三实”_德州市民政局</title></head><body>
<div class="logo"><p>德州市民政局</p><p>Dezhou Civil Affairs Bureau</p></div>
<div class="menu"><a>首页</a><a>政务公开</a><a>民政业务</a></div>
<div class="article">
<h1>德州市平原县“三务三资”阳光报告会实现公开“三实”</h1>
<p>发布日期:2021-11-02 来源:平原县民政局</p>
<p>&#x3000;&#x3000;德州市平原县将农村党务、财务、村务运行及资金、资产、资源管理情况向群众公开,推动村级事务阳光运行。</p>
<p>&#x3000;&#x3000;变“村务”为“三务三资”,使公开更充实。阳光报告会在“三务”公开基础上增加资金、资产、资源公开内容。</p>
</div>
<div class="sidebar"><p>热点新闻</p><p>全市民政工作会议召开</p></div>
<footer><p>主办:德州市民政局</p><p>联系电话:0534-1234567</p></footer>
</body></html>`;
  const file = await importFile({ name: 'pingyuan.html', bytes: enc(html) });
  assert.equal(file.kind, 'single-case');
  const c = file.cases[0]!;
  assert.equal(c.meta.title, '德州市平原县“三务三资”阳光报告会实现公开“三实”');
  assert.deepEqual(where(c.meta.region), ['山东省', '德州市', '平原县']);
  assert.equal(c.meta.date, '2021-11-02');
  assert.equal(c.meta.category, '基层政权和社区治理');
  assert.ok(paragraphText(paragraphs(c.body)[0]!).startsWith('德州市平原县将农村党务'), 'full-width indents trimmed');
  assert.equal(paragraphs(c.body).length, 2);
  assert.deepEqual(file.dropped, ['德州市民政局', 'Dezhou Civil Affairs Bureau', '首页 政务公开 民政业务', '发布日期:2021-11-02 来源:平原县民政局', '热点新闻 全市民政工作会议召开', '主办:德州市民政局 联系电话:0534-1234567'], 'dropped in page order');
  for (const furniture of ['德州市民政局', 'Dezhou Civil Affairs Bureau', '政务公开', '热点新闻', '联系电话:0534-1234567']) {
    assert.ok(file.dropped.some((d) => d.includes(furniture)), `${furniture} dropped`);
    assert.ok(!blocksText(c.body).includes(furniture), `${furniture} not in the body`);
  }
});

test('general: a draft without any title line is named after its file and flagged', async () => {
  const text = '近年来,我市民政部门深入推进养老服务体系建设,新建社区养老服务站30个,为老年人提供助餐、助浴、助洁等服务,群众满意度持续提升。\n同时加强养老机构安全管理,开展安全隐患排查整治,确保老年人生命财产安全。\n';
  const file = await importFile({ name: '养老服务材料.txt', bytes: enc(text) });
  assert.equal(file.kind, 'single-case');
  assert.equal(file.cases[0]!.meta.title, '养老服务材料');
  assert.equal(paragraphs(file.cases[0]!.body).length, 2, 'no paragraph is lost to the missing title');
  assert.ok(file.warnings.some((w) => w.includes('No title line')));
  assert.equal(file.cases[0]!.meta.category, '养老服务');
});

test('general: Markdown and Word lists become list blocks, nested lists inside their item', async () => {
  const md = `# 南宁市青秀区“邻里守望”打造社区养老新模式

## 主要做法

1. **建立一张清单。**逐户摸排辖区独居老人。
2. 组建一支队伍。发动以下力量结对帮扶:
   - 楼栋长
   - 志愿者
3. 完善一套制度。
`;
  const file = await importFile({ name: 'list.md', bytes: enc(md) });
  const c = file.cases[0]!;
  const list = c.body.find((b) => b.type === 'list');
  assert.ok(list && list.type === 'list');
  assert.equal(list.ordered, true);
  assert.equal(list.start, 1);
  assert.equal(list.items.length, 3);
  const first = list.items[0]![0]!;
  assert.ok(first.type === 'paragraph');
  assert.equal(inlineText(first.runIn), '建立一张清单。');
  assert.equal(inlineText(first.content), '逐户摸排辖区独居老人。');
  const nested = list.items[1]!.find((b) => b.type === 'list');
  assert.ok(nested && nested.type === 'list' && !nested.ordered);
  assert.deepEqual(nested.items.map((item) => blocksText(item)), ['楼栋长', '志愿者']);
  assert.equal(blocksText(list.items[2]!), '完善一套制度。');
  assert.deepEqual(c.sections, ['主要做法']);

  const { Document, Packer, Paragraph, TextRun, LevelFormat, AlignmentType } = await import('docx');
  const doc = new Document({
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('青秀区“邻里守望”工作法')] }),
          new Paragraph({ children: [new TextRun('青秀区组建邻里守望队伍,为独居老人提供探访服务。')] }),
          new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('建立一张清单。')] }),
          new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('组建一支队伍。')] }),
        ],
      },
    ],
  });
  const word = await importFile({ name: 'list.docx', bytes: await Packer.toBuffer(doc) });
  const wordList = word.cases[0]!.body.find((b) => b.type === 'list');
  assert.ok(wordList && wordList.type === 'list' && wordList.ordered);
  assert.deepEqual(wordList.items.map((item) => blocksText(item)), ['建立一张清单。', '组建一支队伍。']);
});

test('general: a UTF-8 draft cut off mid-character or with a few damaged bytes still imports, with a warning', async () => {
  const bytes = new Uint8Array(readFileSync(corpusPath('jinshi-2018-article.txt')));
  const cut = bytes.subarray(0, bytes.length - 200); // ends inside a three-byte character or not: either way readable
  const damaged = bytes.slice();
  for (const at of [900, 1800, 2700]) damaged[at] = 0xff;
  for (const [name, b] of [['cut.txt', cut.subarray(0, cut.length - 1)], ['damaged.txt', damaged]] as const) {
    const file = await importFile({ name, bytes: b });
    assert.equal(file.encoding, 'UTF-8', `${name} is still read as UTF-8`);
    assert.equal(file.cases[0]!.meta.title, '五策五创:成就“五化民政”建设新局的“津市密码”');
    if (name === 'damaged.txt') assert.ok(file.warnings.some((w) => w.includes('could not be decoded')), 'the damage is reported');
  }
});

const GROUPED = `2022年度四川省民政工作创新案例汇编
一、社会救助类(2个)
成都市金牛区
“一门受理”让困难群众求助不再难
金牛区在街道设立社会救助服务窗口,困难群众求助一门受理、协同办理。
绵阳市涪城区
“物质+服务”救助新模式
涪城区为困难老人、残疾人提供生活照料等服务类救助。
二、养老服务类
德阳市旌阳区
“家庭养老床位”延伸专业照护
旌阳区为失能老人建设家庭养老床位300张,由专业机构上门服务。
`;

test('general: group headings by business area file the cases under them, numbered and counted or not', async () => {
  const file = await importFile({ name: 'sichuan.txt', bytes: enc(GROUPED) });
  assert.equal(file.kind, 'case-list');
  assert.deepEqual(file.cases.map((c) => c.meta.title), ['“一门受理”让困难群众求助不再难', '“物质+服务”救助新模式', '“家庭养老床位”延伸专业照护']);
  // The second case's words alone (老人, 残疾人, 照料) would not say 社会救助: the heading does.
  assert.deepEqual(file.cases.map((c) => c.meta.category), ['社会救助', '社会救助', '养老服务']);
  assert.match(file.cases[1]!.meta.categoryExplanation![0]!.words[0]!.word, /一、社会救助类/u);
  for (const c of file.cases) assert.ok(!/社会救助类|养老服务类/u.test(blocksText(c.body)), 'group headings are not body text');
  assert.deepEqual(where(file.cases[2]!.meta.region), ['四川省', '德阳市', '旌阳区']);
});

const TITLE_SUBTITLE = `2021年度济宁市民政工作创新案例
济宁泗水“1443工作法”
呵护农村孤困儿童成长
济宁市泗水县通过创建农村留守儿童关爱服务和困境儿童保障“1443”工作模式,有效提升了儿童福利保障工作水平。
邹城“344工作法”
提升农村社区治理效能
邹城市立足完善农村社区服务体系,积极推进村委会规范化建设与社区服务体系建设有机融合。
`;

test('general: a case list of place-bearing titles over subtitles, without form fields', async () => {
  const file = await importFile({ name: 'jining-plain.txt', bytes: enc(TITLE_SUBTITLE) });
  assert.equal(file.kind, 'case-list');
  assert.deepEqual(
    file.cases.map((c) => [c.meta.title, c.meta.subtitle]),
    [
      ['济宁泗水“1443工作法”', '呵护农村孤困儿童成长'],
      ['邹城“344工作法”', '提升农村社区治理效能'],
    ],
  );
  assert.deepEqual(file.cases.map((c) => where(c.meta.region)), [
    ['山东省', '济宁市', '泗水县'],
    ['山东省', '济宁市', '邹城市'],
  ]);
  assert.deepEqual(file.captions, []);
});

test('general: an upward request (请示) with 发文字号 and 签发人 on one line', async () => {
  const text = `济宁市民政局文件
济民呈〔2021〕3号\u3000\u3000签发人：张三\u3000李四
济宁市民政局关于申请养老服务体系建设资金的请示
山东省民政厅:
为加快推进我市养老服务体系建设,现申请省级补助资金。
妥否,请批示。
济宁市民政局
2021年3月1日
`;
  const file = await importFile({ name: 'qingshi.txt', bytes: enc(text) });
  assert.equal(file.kind, 'notice');
  const m = file.notice!.meta;
  assert.equal(m.title, '济宁市民政局关于申请养老服务体系建设资金的请示');
  assert.equal(m.organ, '济宁市民政局文件');
  assert.equal(m.docNumber, '济民呈〔2021〕3号');
  assert.deepEqual(m.signers, ['张三', '李四']);
  assert.equal(m.addressees, '山东省民政厅');
  assert.deepEqual(where(m.region), ['山东省', '济宁市', null]);
});

test('general: a notice whose 附件: line stands alone above numbered titles', async () => {
  const text = GUANGXI_NOTICE.replace('附件:1.创新案例申报表\n2.创新案例撰写要求', '附件:\n1.创新案例申报表\n2.创新案例撰写要求');
  const file = await importFile({ name: 'gx2.txt', bytes: enc(text) });
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['创新案例申报表', '创新案例撰写要求']);
  assert.ok(!blocksText(file.notice!.body).includes('创新案例申报表'));
});
