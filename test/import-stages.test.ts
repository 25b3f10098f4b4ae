/**
 * Each importer stage on its own: cleaning, captions, structure, categories, keywords, dates,
 * unwrapping. Inputs are lines as they occur in real drafts (the corpus and pages like them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../electron/core/import/stages/clean.js';
import { isCaption } from '../electron/core/import/stages/captions.js';
import { structure } from '../electron/core/import/stages/structure.js';
import { scoreCategories, CATEGORY_LEXICON } from '../electron/core/import/stages/category.js';
import { splitKeywords } from '../electron/core/import/stages/keywords.js';
import { findDate } from '../electron/core/import/stages/dates.js';
import { splitPlaceLabel } from '../electron/core/import/stages/placelabel.js';
import { DEFAULT_CATEGORIES } from '../electron/core/model/categories.js';
import { inlineText } from '../electron/core/model/text.js';
import type { Block } from '../electron/core/model/types.js';

const lines = (...texts: string[]) => texts.map((text) => ({ text }));

test('clean: page furniture is dropped in order, bylines become metadata', () => {
  const result = clean(
    lines(
      '中国政府网|中华人民共和国民政部|湖南省政府门户网站无障碍浏览|',
      '当前位置:首页 > 新闻中心 > 基层动态',
      '首页>信息公开>工作动态>市县信息',
      '标题在这里',
      '时间:2018-06-10 00:00',
      '2021-01-30 07:48:36 来源: 济宁民政 作者:',
      '打印页面',
      '正文第一段,说明情况。',
      'https://www.example.gov.cn/art/2021/1/30/art_1.html',
      '浏览次数:1234',
      '[返回首页] [返回顶部] [打印本页] [关闭本页]',
      '【字体:大 中 小】',
      '版权所有:某市民政局 鲁ICP备12345678号',
      '责任编辑:赵冉冉',
      '标题在这里',
      '9199299',
      '相关新闻',
      '某地开展养老服务检查',
      '推荐阅读',
    ),
  );
  assert.deepEqual(
    result.lines.map((l) => l.text),
    ['标题在这里', '正文第一段,说明情况。'],
  );
  assert.deepEqual(result.dropped, [
    '中国政府网|中华人民共和国民政部|湖南省政府门户网站无障碍浏览|',
    '当前位置:首页 > 新闻中心 > 基层动态',
    '首页>信息公开>工作动态>市县信息',
    '时间:2018-06-10 00:00',
    '2021-01-30 07:48:36 来源: 济宁民政 作者:',
    '打印页面',
    'https://www.example.gov.cn/art/2021/1/30/art_1.html',
    '浏览次数:1234',
    '[返回首页] [返回顶部] [打印本页] [关闭本页]',
    '【字体:大 中 小】',
    '版权所有:某市民政局 鲁ICP备12345678号',
    '责任编辑:赵冉冉',
    '标题在这里',
    '9199299',
    '相关新闻',
    '某地开展养老服务检查',
    '推荐阅读',
  ]);
  assert.equal(result.info.date, '2018-06-10');
  assert.equal(result.info.publisher, '济宁民政');
});

test('clean: body text that merely resembles furniture stays', () => {
  const keep = [
    '2020年4月8日',
    '编辑部全体同志深入基层,了解养老服务需求。',
    '全市共有养老机构120家,床位1.2万张。',
    '“相关新闻”栏目是本刊的固定栏目,每期刊登各地动态。',
    '记者从市民政局获悉,今年全市将新建社区养老服务站50个。',
  ];
  const result = clean(lines('标题', ...keep, '最后一段写完了。'));
  assert.deepEqual(result.lines.map((l) => l.text), ['标题', ...keep, '最后一段写完了。']);
  assert.deepEqual(result.dropped, []);
});

test('clean: magazine credits, publication and keywords are metadata', () => {
  const result = clean(lines('不断深化改革创新', '2022-02-24 08:32策划本刊编辑部执行宋文景', '中国民政 2022年2期', '关键词:救助养老服务', '☉ 策划 /本刊编辑部 执行/宋文景', '正文。'));
  assert.deepEqual(result.lines.map((l) => l.text), ['不断深化改革创新', '正文。']);
  assert.equal(result.info.publication, '中国民政 2022年2期');
  assert.deepEqual(result.info.credits, { 策划: '本刊编辑部', 执行: '宋文景' });
  assert.deepEqual(result.info.keywords, ['救助养老服务']);
  assert.deepEqual(splitKeywords(result.info.keywords!), ['救助', '养老服务']);
  assert.deepEqual(splitKeywords(['社会组织', '慈善']), ['社会组织', '慈善']);
  assert.deepEqual(splitKeywords(['乡村振兴养老']), ['乡村振兴', '养老'], 'unknown runs are kept whole');
});

test('clean: a trailing byline is lifted off the last paragraph', () => {
  const result = clean(lines('标题', '第一段。', '最后一段,实施了政府购买服务。(津市市民政局 贺蔚 张明焕)'));
  assert.equal(result.info.authors, '津市市民政局 贺蔚 张明焕');
  assert.equal(result.lines.at(-1)!.text, '最后一段,实施了政府购买服务。');
});

test('captions: picture descriptions yes, headings and sentences no', () => {
  const captions = [
    '任城区通过“点餐”,为居家老人提供上门足部护理服务',
    '临沂市罗庄区关爱困境儿童',
    '全国首部关注流浪人员救助工作的宽银幕电影《归路》海报',
    '在宣传服务活动中,济南社会工作协会等社会组织工作人员与现场市民共唱《我和我的祖国》',
    '成武县孙寺镇周庄新型农村幸福院',
    '南宁市青秀区志愿者上门探访独居老人',
  ];
  for (const c of captions) assert.ok(isCaption(c), `caption: ${c}`);
  const not = [
    '济南 “泉社彤行”品牌引领社会组织高质量发展',
    '潍坊峡山区 以“四化”破解失能农民养老难',
    '拟入选优秀创新案例',
    '临沂市罗庄区广泛动员社会力量参与,扩展救助外延,共同完善监护缺失困境儿童扶助工作。',
    '一、严格落实党建、党风廉政建设和意识形态工作责任',
    '(一)报送时间',
    '案例概况:',
    '主要做法',
  ];
  for (const c of not) assert.ok(!isCaption(c), `not a caption: ${c}`);
});

test('place labels: a case heading splits into place and title; a caption does not', () => {
  assert.deepEqual(splitPlaceLabel('济宁 任城区 “集中托养+点餐式服务”破解低保失能老年人照护难'), { label: '济宁 任城区', title: '“集中托养+点餐式服务”破解低保失能老年人照护难' });
  assert.deepEqual(splitPlaceLabel('潍坊峡山区 以“四化”破解失能农民养老难'), { label: '潍坊峡山区', title: '以“四化”破解失能农民养老难' });
  assert.deepEqual(splitPlaceLabel('聊城 “社会组织月月谈” 谈出社会组织发展活力'), { label: '聊城', title: '“社会组织月月谈” 谈出社会组织发展活力' });
  assert.equal(splitPlaceLabel('临沂市罗庄区关爱困境儿童'), null);
  assert.equal(splitPlaceLabel('服务在身边 健康每一天'), null);
});

function describe(blocks: Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'heading') return `h${b.level} ${inlineText(b.content)}`;
    if (b.type === 'paragraph') return `${b.role ? `${b.role} ` : ''}${b.runIn ? `[${inlineText(b.runIn)}]` : ''}${inlineText(b.content)}`;
    if (b.type === 'image') return `image ${inlineText(b.caption)}`;
    return b.type;
  });
}

test('structure: numbered levels, run-ins, field labels and notes', () => {
  const result = structure(
    lines(
      '创新单位:济宁市民政局',
      '案例概况:',
      '泗水县创建关爱服务模式。',
      '主要做法:一是搭建一个平台。建立联席会议制度。',
      '一、总体要求',
      '(一)指导思想',
      '（二）基本原则。坚持党建引领,坚持需求导向。',
      '1. 坚持把政治建设摆在首位。深入学习贯彻党的十九大精神。',
      '13.积极稳妥推进行政村建制优化工作。积极稳妥推进。',
      '2．工作目标',
      '(1)到2025年建成服务网络。',
      '（2）完善制度。建立考核机制。',
      '普惠策:创立“三个增量”的人本化保障形式。通过民生救助提标增量。',
      '扛起一面旗帜,党建引航擦亮品牌。济南市民政局指导所属党组织开展主题教育。',
      '(牵头领导:孔维健。责任科室:养老服务科)',
      '近年来,津市市民政局在创建人本化、法治化的实践中克服困难。',
      '任城区通过“点餐”,为居家老人提供上门足部护理服务',
    ),
    { captions: true, sentenceRunIns: true },
  );
  assert.deepEqual(describe(result.body), [
    'h1 案例概况',
    '泗水县创建关爱服务模式。',
    'h1 主要做法',
    '[一是搭建一个平台。]建立联席会议制度。',
    'h1 一、总体要求',
    'h2 (一)指导思想',
    '[（二）基本原则。]坚持党建引领,坚持需求导向。',
    '[1. 坚持把政治建设摆在首位。]深入学习贯彻党的十九大精神。',
    '[13.积极稳妥推进行政村建制优化工作。]积极稳妥推进。',
    'h3 2．工作目标',
    'h4 (1)到2025年建成服务网络。',
    '[（2）完善制度。]建立考核机制。',
    '[普惠策:]创立“三个增量”的人本化保障形式。通过民生救助提标增量。',
    '[扛起一面旗帜,党建引航擦亮品牌。]济南市民政局指导所属党组织开展主题教育。',
    'note (牵头领导:孔维健。责任科室:养老服务科)',
    '近年来,津市市民政局在创建人本化、法治化的实践中克服困难。',
    'image 任城区通过“点餐”,为居家老人提供上门足部护理服务',
  ]);
  assert.deepEqual(result.sections, ['案例概况', '主要做法']);
  assert.deepEqual(result.fields, { 创新单位: '济宁市民政局' });
  assert.deepEqual(result.captions, ['任城区通过“点餐”,为居家老人提供上门足部护理服务']);
  const image = result.body.at(-1)!;
  assert.ok(image.type === 'image' && image.src === undefined, 'a caption without its photo has no src');
});

test('structure: the text is kept exactly — run-in and content together give the line back', () => {
  const source = [
    '一是突出 “三个强化”。强化组织领导。成立工作领导小组。',
    '普惠策:创立“三个增量”的人本化保障形式。通过民生救助提标增量,去年全市城乡低保补助标准分别达到每人每月126元。',
    '变“村务”为“三务三资”,使公开更充实。阳光报告会在“三务”公开基础上增加资金、资产、资源公开内容。',
  ];
  const result = structure(lines(...source), { captions: true, sentenceRunIns: true });
  assert.deepEqual(
    result.body.map((b) => (b.type === 'paragraph' ? inlineText(b.runIn) + inlineText(b.content) : '')),
    source,
  );
});

test('categories: scored transparently, title words weigh more, broad overviews fall back to 综合', () => {
  const r = scoreCategories('呵护农村孤困儿童成长', '建立留守儿童关爱服务体系,村居设儿童主任,困境儿童保障水平提升。');
  assert.equal(r.category, '儿童福利');
  const top = r.explanation[0]!;
  assert.equal(top.category, '儿童福利');
  const sum = top.words.reduce((s, w) => s + w.count * w.weight, 0);
  assert.equal(sum, top.score, 'the listed words add up to the score');
  assert.ok(top.words.some((w) => w.word === '儿童' && w.weight === 12), 'a title word weighs four times its body weight');
  const broad = scoreCategories('五策五创', '低保救助标准提高。养老机构43个,老年人床位充足。儿童福利机构改造。社会组织登记。社区治理创新。殡葬改革推进。慈善超市建成,社工站覆盖。');
  assert.equal(broad.category, '综合');
  assert.equal(scoreCategories('工作总结', '今年各项工作顺利完成。').category, '综合', 'nothing scores: 综合');
  for (const area of Object.keys(CATEGORY_LEXICON)) assert.ok((DEFAULT_CATEGORIES as readonly string[]).includes(area), `${area} is in the taxonomy`);
});

test('dates: numeric, Chinese-numeral and mixed forms', () => {
  assert.equal(findDate('2021-01-30 07:48:36'), '2021-01-30');
  assert.equal(findDate('2020年4月8日'), '2020-04-08');
  assert.equal(findDate('二〇二〇年四月八日'), '2020-04-08');
  assert.equal(findDate('二〇二三年十二月三十一日'), '2023-12-31');
  assert.equal(findDate('2018.6.10'), '2018-06-10');
  assert.equal(findDate('2018-13-40'), null);
  assert.equal(findDate('没有日期'), null);
});

test('full-width digits in numbering, dates and document numbers read like ASCII ones', async () => {
  const result = structure(lines('１．坚持把政治建设摆在首位。深入学习。', '（２）完善制度。建立考核机制。', '３、工作目标'), { captions: false, sentenceRunIns: false });
  assert.deepEqual(describe(result.body), ['[１．坚持把政治建设摆在首位。]深入学习。', '[（２）完善制度。]建立考核机制。', 'h3 ３、工作目标']);
  assert.equal(findDate('２０２０年４月８日'), '2020-04-08');
  const { importFile } = await import('../electron/core/import/index.js');
  const notice = await importFile({
    name: 'fw.txt',
    bytes: new TextEncoder().encode('曲民发〔２０２０〕８号\n曲阜市民政局关于做好２０２０年春节走访慰问工作的通知\n各镇街民政办公室:\n请做好走访慰问工作。\n曲阜市民政局\n２０２０年１月６日\n'),
  });
  assert.equal(notice.kind, 'notice');
  assert.equal(notice.notice!.meta.date, '2020-01-06');
  assert.equal(notice.notice!.meta.docNumber, '曲民发〔2020〕8号');
});

test('category: the issue’s misfiled titles lead their area over a bureau-wide opening (title ×4, opening ×2)', () => {
  const opening = '近年来,我市坚持以人民为中心,完善社会救助体系,加强养老服务,推进社区治理,各项民政工作取得新成效。';
  for (const [title, area] of [
    ['退役士兵安置遗留问题全部清零', '优抚安置'],
    ['关爱保护农村留守儿童', '儿童福利'],
  ] as const) {
    const r = scoreCategories(title, opening);
    assert.equal(r.category, area, title);
    assert.ok(r.explanation[0]!.words.some((w) => title.includes(w.word)), `${title}: the deciding words are the title's`);
  }
  // Areas level with each other stay 综合.
  assert.equal(scoreCategories('民政工作年度总结', '低保和特困救助、养老机构和居家养老、社区治理和村务公开、儿童福利和孤儿保障、殡葬和婚姻登记。').category, '综合');
});
