/**
 * Units and page furniture by general features (batch 13's shapes, inputs written for each test):
 * the body a text says was chosen rather than the superior that published the results; a service
 * body (station, home, centre) the head of a text keeps naming; an organ in brackets closing the
 * text; an e-paper's banner and zero-padded page label, a portal's channel row, share rows,
 * picture file names left as text, a repost's 转自 line, reporters spaced with "?".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { bodyName, unitFromClosing, unitFromOpening } from '../electron/core/import/stages/units.js';
import { isChannelRow, isPaperBanner, isPictureFileName } from '../electron/core/import/stages/furniture.js';

async function read(text: string, name = 'draft.txt') {
  const file = await importFile({ name, bytes: new TextEncoder().encode(text) });
  return { file, c: file.cases[0]!, body: file.cases[0] ? blocksText(file.cases[0].body) : '' };
}

test('units: the body chosen, not the superior that published the results', () => {
  const opening = ['本报讯 (记者 张某) 四川省民政厅日前公布2024年儿童福利工作典型案例评选结果,我县富驿镇未成年人保护工作站入选省级典型案例。'];
  assert.equal(unitFromOpening(opening), '富驿镇未成年人保护工作站', 'the station entered the list; the department only published it');
  assert.equal(unitFromOpening(['盐亭县民政局日前公布全县养老服务质量评估结果,各机构均达到标准。']), '盐亭县民政局', 'with no body chosen, the subject stays the unit');
  assert.equal(unitFromOpening([], '盐亭县儿童福利院获评全省示范机构'), '盐亭县儿童福利院', 'the title can name the body chosen');
});

test('units: a service body the title and the opening paragraphs keep naming, without the province written for outside readers', () => {
  const paragraphs = [
    '“今年已经帮30名流浪人员找到了家人。”说起站里的寻亲故事,四川省盐亭县救助管理站站长王某如数家珍。',
    '从东北到西南,盐亭县救助管理站的工作人员一次次把受助人员送回家。',
  ];
  assert.equal(unitFromOpening(paragraphs), '盐亭县救助管理站');
  assert.equal(unitFromOpening(['记者从四川绵阳市民政部门了解到,10年来绵阳市救助管理站已帮助300余名走失人员回家。'], '10年来,四川绵阳市救助管理站累计帮助300余名走失人员回家'), '绵阳市救助管理站');
  assert.equal(unitFromOpening(['开放日当天,市民参观了盐亭县救助管理站受助人员的房间。', '县儿童福利院也开放参观。']), null, 'a body named once is no more than a mention');
  assert.equal(unitFromOpening(['近年来,盐亭县社会福利院探索医养结合,为特困老人提供集中供养服务。']), '盐亭县社会福利院', 'a service body opening the text as its subject');
  assert.equal(unitFromOpening(['富驿镇未成年人保护工作站立足基层,建立联动保护机制。']), '富驿镇未成年人保护工作站', 'led by its town');
  assert.equal(bodyName('我区富驿镇未成年人保护工作站'), '富驿镇未成年人保护工作站');
  assert.equal(bodyName('四川盐亭县救助管理站'), '盐亭县救助管理站');
  assert.equal(bodyName('站里救助管理站'), null, 'a name must begin with its place');
});

test('units: an organ in brackets closing the text sent it in; a reporter in brackets did not', async () => {
  assert.equal(unitFromClosing(['今年以来开展慰问3次,惠及137名儿童。(盐亭县民政局)']), '盐亭县民政局');
  assert.equal(unitFromClosing(['今年以来开展慰问3次,惠及137名儿童。(绵阳日报记者 李某)']), null);
  assert.equal(unitFromClosing(['今年以来开展慰问3次。(县民政局)']), null, 'an organ named relative to the site names no unit');
  const { c } = await read('今年以来,盐亭县推出“三联”工作机制,构建儿童关爱保护体系。\n\n工作联动强保障。县民政局、县妇联以“三维联动”打破部门壁垒,惠及137名儿童。(盐亭县民政局)\n\nad1 webp\nad2 webp\n');
  assert.equal(c.meta.unit, '盐亭县民政局');
  assert.equal(c.meta.region?.county, '盐亭县', 'the unit gives the county the text names only as 县');
});

test('furniture: an e-paper banner and a zero-padded page label above the headline; the banner is the page source', async () => {
  assert.ok(isPaperBanner('绵阳日报 数字报纸'));
  assert.ok(isPaperBanner('某某晚报电子版'));
  assert.ok(!isPaperBanner('绵阳日报'), 'the paper\'s name alone may be an outlet line for other rules');
  const text = '绵阳日报 数字报纸\n00003版:新闻·民生\n富驿镇未成年人保护工作站入选省级典型案例\n本报讯 (记者 张某) 省民政厅日前公布评选结果,富驿镇未成年人保护工作站入选省级典型案例,成为全县的示范。\n工作站建立联动保护机制,整合社会组织和志愿者资源,为困境儿童提供心理辅导和学业帮扶。\n';
  const { file, c, body } = await read(text);
  assert.equal(c.meta.title, '富驿镇未成年人保护工作站入选省级典型案例');
  assert.equal(file.info.publisher, '绵阳日报');
  assert.equal(c.meta.unit, '富驿镇未成年人保护工作站');
  for (const line of ['绵阳日报 数字报纸', '00003版:新闻·民生']) {
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
    assert.ok(!body.includes(line), `${line} left the text`);
  }
});

test('furniture: a portal channel row and a nav word at the top, an outlet · | 发布时间 date line, a picture file name', async () => {
  assert.ok(isChannelRow('最新原创 专题 新经济 曝光台 中国访谈 中国三分钟 潮评社 绵阳 德阳 文娱'));
  assert.ok(!isChannelRow('张三 李四 王五 赵六 钱七 孙八 周九 吴十'), 'a row of people\'s names is no menu');
  assert.ok(!isChannelRow('一、加强组织领导 二、完善工作机制'), 'punctuation makes it text');
  assert.ok(isPictureFileName('微信图片_20220815151451.png'));
  assert.ok(isPictureFileName('ad1 webp'));
  assert.ok(!isPictureFileName('2022年全市养老服务工作要点.docx'), 'an attachment is no picture');
  const text = [
    '推荐',
    '最新原创 专题 新经济 曝光台 中国访谈 中国三分钟 潮评社 绵阳 德阳 文娱',
    '您的位置:首页 > 要闻 新闻详情',
    '四川公布20家5A级婚姻登记机关 有你身边的吗',
    '四川新闻客户端 · | 发布时间2022-08-16 08:11:40',
    '省民政厅日前公布全省婚姻登记机关标准化建设评估验收结果,全省婚姻登记机关全部达到3A级标准。',
    '微信图片_20220815151451.png',
    '各地婚姻登记机关还提供婚姻家庭辅导、婚姻登记全省通办等服务。',
  ].join('\n');
  const { file, c, body } = await read(text);
  assert.equal(c.meta.title, '四川公布20家5A级婚姻登记机关 有你身边的吗');
  assert.equal(file.info.date, '2022-08-16');
  for (const line of ['推荐', '微信图片_20220815151451.png', '四川新闻客户端 · | 发布时间2022-08-16 08:11:40']) {
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
    assert.ok(!body.includes(line), `${line} left the text`);
  }
});

test('furniture: a share bar over rows, a repost\'s 转自 line, reporters spaced with "?" by a mirror', async () => {
  const text = '本文转自:某某网-四川频道\n盐亭县关爱留守儿童\n分享 微信\n微博 空间 qq\n本报记者?张 某 通讯员?李 某\n今年以来,盐亭县推出“三联”工作机制,构建多层次的儿童关爱保护体系,每月开展一次培训。\n县民政局和县妇联健全留守儿童动态档案,完成11个儿童之家的规范化移交。\n';
  const { file, body } = await read(text);
  assert.equal(file.info.publisher, '某某网-四川频道');
  for (const line of ['本文转自:某某网-四川频道', '分享 微信', '微博 空间 qq', '本报记者?张 某 通讯员?李 某']) {
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
    assert.ok(!body.includes(line), `${line} left the text`);
  }
  const alone = await read('盐亭县关爱留守儿童\n微信\n今年以来,盐亭县推出“三联”工作机制,构建多层次的儿童关爱保护体系。\n空间\n');
  assert.ok(alone.body.includes('空间'), 'a share target alone is no share bar');
});

test('units: a bureau that is the subject keeps the unit when a community it built up is what was chosen', () => {
  assert.equal(unitFromOpening(['近年来,盐亭县民政局大力推进社区建设,富驿镇龙泉社区入选全国示范社区。']), '盐亭县民政局');
  assert.equal(unitFromOpening(['盐亭县民政局日前公布评选结果,富驿镇龙泉社区入选全县示范社区。']), '富驿镇龙泉社区', 'a bureau publishing the results chose the community');
});

test('furniture: the outlet alone and its masthead motto above the text, a host credit, a caption credited "受访者供图"', async () => {
  const text = [
    '某街道举办“双百工程”优秀案例评选活动',
    '绵阳日报记者 张某 通讯员 李某 文/图',
    '2023-12-04 17:29',
    '绵阳日报',
    '绵阳市委机关报,城市发展的见证',
    '近日,某街道举办优秀案例评选,总结兜底民生服务社会工作的做法和经验。',
    '',
    '活动现场。受访者供图',
    '',
    '活动10月启动征集,7个社区社工点报送的14个案例进入现场评选,4位督导担任评委。',
    '盐亭县文明办 主办',
  ].join('\n');
  const { file, c, body } = await read(text);
  assert.equal(c.meta.title, '某街道举办“双百工程”优秀案例评选活动');
  for (const line of ['绵阳日报', '绵阳市委机关报,城市发展的见证', '盐亭县文明办 主办']) {
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
    assert.ok(!body.split('\n').includes(line), `${line} left the text`);
  }
  assert.ok(c.captions.includes('活动现场。受访者供图'));
  const kept = await read('绵阳日报开展“小记者”公益活动\n今年以来,绵阳日报联合20所学校开展小记者公益活动,吸引2000余名学生参与。\n');
  assert.equal(kept.c.meta.title, '绵阳日报开展“小记者”公益活动', 'a headline naming the paper is no outlet line');
});

test('furniture: reading tools, "more" links, text-size buttons, share instructions, a news app\'s barred credits and source at the foot', async () => {
  const foot = ['智能问答', '朗读全文', 'A+ A A-', '打开微信“扫一扫”，打开网页后点击屏幕右上角分享按钮', '投稿邮箱：news@example.com', '文字：张某 图片：李某', '审核 | 赵某', '编辑丨周某', '来源｜绵阳发布', '查看更多>>'];
  const text = `盐亭县推进社会救助改革\n2023-05-06\n近年来,盐亭县民政局聚焦困难群众急难愁盼,推进社会救助改革,全年救助困难群众3000余人次。\n下一步,该局将继续完善救助制度,让困难群众感受到更多温暖。\n${foot.join('\n')}\n`;
  const { file, body } = await read(text);
  for (const line of foot) assert.ok(!body.split('\n').includes(line), `${line} left the text`);
  assert.equal(file.info.publisher, '绵阳发布');
  const kept = await read('盐亭县推进社会救助改革\n近年来,盐亭县民政局推进社会救助改革。\n审核 | 通过率达95%以上\n');
  assert.ok(kept.body.includes('审核 | 通过率达95%以上'), 'a bar after 审核 with text that is no name is the draft\'s');
});

test('units: a headline led by the organ, the organ a reporter had the news from, a dashed organ under the title, writers\' lines and a trailing 供稿', async () => {
  const P = '近年来,全县聚焦困难群众急难愁盼,推进社会救助改革,全年救助困难群众3000余人次。\n下一步,将继续完善救助制度,让困难群众感受到更多温暖。';
  const cases: Array<[string, string]> = [
    ['headline with a colon', `盐亭县民政局：推进社会救助改革取得新成效\n${P}`],
    ['headline subject', `盐亭县民政局推进社会救助改革取得新成效\n${P}`],
    ['informant', `盐亭县推进社会救助改革\n记者从盐亭县民政局获悉,今年全县推进社会救助改革。\n${P}`],
    ['circumstance before the subject', `盐亭县推进社会救助改革\n近年来,在县委县政府的坚强领导下,盐亭县民政局聚焦困难群众急难愁盼。\n${P}`],
    ['dashed organ', `盐亭县推进社会救助改革\n——盐亭县民政局\n${P}`],
    ['writers under the title', `盐亭县推进社会救助改革\n盐亭县民政局 张某 李某\n${P}`],
    ['writers at the foot', `盐亭县推进社会救助改革\n${P}\n（盐亭县民政局 张某）`],
    ['author unit label', `盐亭县推进社会救助改革\n${P}\n作者单位：盐亭县民政局`],
    ['publishing organ field', `盐亭县推进社会救助改革\n发布时间：2023-05-06 发布机构：盐亭县民政局\n${P}`],
    ['trailing 供稿 run on', `盐亭县推进社会救助改革\n${P}（盐亭县民政局供稿）`],
  ];
  for (const [what, text] of cases) {
    const { c } = await read(text);
    assert.equal(c.meta.unit, '盐亭县民政局', what);
    assert.equal(c.meta.region?.county, '盐亭县', what);
  }
  assert.equal((await read(`盐亭县民政局社会救助股\n${P}`)).c.meta.unit, null, 'a title that is a sub-unit\'s name names no bureau as unit');
  assert.equal((await read(`盐亭县民政局局长王某调研养老服务\n${P}`)).c.meta.unit, null, 'the director is the headline\'s subject');
});

test('furniture: end marks, follow and share prompts, a "往期推荐" block, 赞 counters and 本期编辑 at the foot; a sentence about 关注 stays', async () => {
  const foot = ['（完）', '- END -', '长按识别二维码关注', '点个“在看”', '关注“盐亭民政”微信公众号', '更多精彩内容请下载客户端', '转发 收藏 点赞', '赞 12', '本期编辑：王某', '往期推荐', '盐亭县召开养老服务推进会'];
  const text = `盐亭县推进社会救助改革\n2023-05-06\n近年来,盐亭县民政局聚焦困难群众急难愁盼,推进社会救助改革,全年救助困难群众3000余人次。\n下一步,该局将继续完善救助制度,让困难群众感受到更多温暖。\n${foot.join('\n')}\n`;
  const { file, body } = await read(text);
  for (const line of foot) {
    assert.ok(!body.split('\n').includes(line), `${line} left the text`);
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped`);
  }
  const kept = await read('盐亭县推进社会救助改革\n近年来,盐亭县民政局推进社会救助改革,全年救助困难群众3000余人次。\n关注困难群众急难愁盼\n该局建立主动发现机制,及时救助。\n');
  assert.ok(kept.body.includes('关注困难群众急难愁盼'), 'a heading that begins with 关注 is the draft\'s');
});

test('units: a media centre or a paper that reports the work is no unit, in brackets at the end or as the page source', async () => {
  const P = '近年来,全县聚焦困难群众急难愁盼,推进社会救助改革,全年救助困难群众3000余人次。';
  assert.equal((await read(`盐亭县推进社会救助改革\n${P}(盐亭县融媒体中心)\n`)).c.meta.unit, null);
  assert.equal((await read(`盐亭县推进社会救助改革\n来源：盐亭县融媒体中心\n${P}\n`)).c.meta.unit, null);
  assert.equal((await read(`盐亭县推进社会救助改革\n${P}(盐亭县社会福利中心)\n`)).c.meta.unit, '盐亭县社会福利中心', 'a service centre did the work');
});

test('furniture: what a mirror prints after a news agency\'s "(完)" is not the article\'s; a text without the mark keeps its last paragraph', async () => {
  const head = '吉林推进老年助餐服务\n中新网长春2月1日电 吉林省民政厅1日介绍,全省已建成老年助餐服务网点2000余个。\n';
  const { file, body } = await read(`${head}吉林还将加大农村养老投入,落实老年人优待政策。(完)\n疫情期间,全国多地加大货源组织力度,畅通配送通道。\n`);
  assert.ok(!body.includes('疫情期间'));
  assert.ok(file.dropped.includes('疫情期间,全国多地加大货源组织力度,畅通配送通道。'));
  assert.ok(body.includes('(完)'), 'the mark itself stays with its paragraph');
  const plain = await read(`${head}吉林还将加大农村养老投入,落实老年人优待政策。\n疫情期间,全国多地加大货源组织力度,畅通配送通道。\n`);
  assert.ok(plain.body.includes('疫情期间'));
});

test('furniture: a 繁體 page\'s print and close tools in their own words (列印本頁, 關閉視窗) are page tools, read through the simplified copy', async () => {
  const P = '近年來,盐亭縣民政局聚焦困難群眾急難愁盼,推進社會救助改革,建立主動發現機制,全年救助困難群眾3000餘人次。\n下一步,該局將繼續完善救助制度,提升服務水平,讓困難群眾感受到更多溫暖和幸福。';
  for (const line of ['【列印本頁】【關閉視窗】', '列印']) {
    const { file, body } = await read(`盐亭縣推進社會救助改革\n2023-05-06\n${P}\n${line}\n`);
    assert.ok(!body.split('\n').includes(line), `${line} left the text`);
    assert.ok(file.dropped.includes(line), `${line} is listed as dropped, as written`);
  }
});
