/**
 * Notices by what an official document is, on real tuning pages and on the same pages changed the ways
 * unseen copies differ: the title as the information table registers it (organ + 关于 + 事由 + 文种),
 * a normative text set out in articles (第一条, 第二条 …), whatever title the page gave it. Each rule
 * with the counterpart that must not change. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR } from '../scripts/score-import.js';
import { blocksText } from '../electron/core/model/text.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string): string => readFileSync(path.join(PORTAL_DIR, 'tuning', name), 'utf8');
const read = (name: string, text: string) => importFile({ name, bytes: enc(text) });

test('notices: the table’s 标题 naming the organ before the headline’s 关于 is the title (qionghai-2023); a table title worded otherwise leaves the headline', async () => {
  const text = tuning('qionghai-2023-gongzufang-tongzhi.txt');
  const file = await read('qionghai.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.title, '琼海市人民政府关于印发琼海市公共租赁住房保障管理办法的通知');
  assert.equal(file.info.title, file.notice!.meta.title);
  // Joint organs in the table keep apart by a space, as they do over a joint title.
  const joint = await read('joint.txt', text.replace('标题:琼海市人民政府 关于', '标题:琼海市人民政府 琼海市财政局 关于'));
  assert.equal(joint.notice!.meta.title, '琼海市人民政府 琼海市财政局关于印发琼海市公共租赁住房保障管理办法的通知');
  // A table title that rewords the headline (no organ before it, or other words) is the portal's, not the document's.
  const reworded = await read('reworded.txt', text.replace('标题:琼海市人民政府 关于印发', '标题:市政府办公室转发关于印发'));
  assert.equal(reworded.notice!.meta.title, '关于印发琼海市公共租赁住房保障管理办法的通知');
});

test('notices: a rules text set out in articles is a notice under any title (lianghe); the same text run into sentences, or a report citing an article, is not', async () => {
  const text = tuning('lianghe-binzang-shishi-xize.txt');
  const file = await read('lianghe.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.cases.length, 0);
  assert.equal(file.notice!.meta.addressees, null);
  assert.equal(file.notice!.meta.docNumber, undefined);
  // Copied from its first chapter, without the page's head: still the document.
  const from = text.split('\n');
  const body = from.slice(from.findIndex((l) => /第一章/u.test(l))).join('\n');
  assert.equal((await read('lianghe-body.txt', body)).kind, 'notice');
  // The articles run into one paragraph are a report's sentences about them, not the rules set out.
  const runOn = text.replace(/\n\s*(第[一二三四五]条)/gu, ' 据悉$1');
  assert.notEqual((await read('lianghe-runon.txt', runOn)).kind, 'notice');
  // A write-up citing an article in a sentence.
  const report = ['某县推进殡葬改革', '近日,某县民政局召开会议,部署殡葬改革工作。会议指出,要严格执行《某县殡葬管理实施细则》第一条规定。', '会上,各乡镇汇报了工作进展,第二条规定的工作责任制已全面落实。', '下一步,该县将持续推进移风易俗。'].join('\n');
  assert.notEqual((await read('report.txt', report)).kind, 'notice');
});

test('notices: a 批复 reprinted in a news page (changle-2021) is the notice, its title the name the lead quotes; the headline, date and lead stay the page’s', async () => {
  const text = tuning('changle-2021-wenwusha-pifu.txt');
  const file = await read('changle.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.cases.length, 0);
  const meta = file.notice!.meta;
  assert.equal(meta.title, '福建省人民政府关于福州市长乐区文武砂镇行政区划调整的批复');
  assert.equal(meta.addressees, '福州市人民政府');
  assert.equal(meta.issuer, '福建省人民政府');
  assert.equal(meta.organ, '福建省人民政府');
  assert.equal(meta.date, '2021-04-09');
  assert.equal(meta.docNumber, undefined, 'the number the body cites is the request’s');
  assert.equal(file.info.title, '撤镇设街!福州市长乐区文武砂镇行政区划获批调整!');
  const lead = blocksText(file.info.lead ?? []);
  assert.match(lead, /门户网站发布/u);
  assert.doesNotMatch(lead, /用手机看/u, 'the widgets between headline and lead are no part of it');
  assert.equal(lead.match(/门户网站发布/gu)?.length, 1, 'the teaser cut short is the page’s, printed twice');
  assert.doesNotMatch(blocksText(file.notice!.body), /门户网站发布/u, 'the lead is no part of the 批复');
  // The same reprint keeping the 批复's own title over its 主送, signed with organ and date on one line,
  // with a half-width colon and no introduction.
  const variant = text
    .replace('具体内容如下:\n\n福州市人民政府:', '福建省人民政府关于同意长乐区文武砂镇撤镇设街道的批复\n\n福州市人民政府:')
    .replace('福建省人民政府\n\n2021年4月9日', '福建省人民政府 2021年4月9日');
  const v = await read('changle-variant.txt', variant);
  assert.equal(v.kind, 'notice');
  assert.equal(v.notice!.meta.title, '福建省人民政府关于同意长乐区文武砂镇撤镇设街道的批复');
  assert.equal(v.notice!.meta.issuer, '福建省人民政府');
  assert.equal(v.notice!.meta.date, '2021-04-09');
  // The story quoting the 批复's 主送 and body without its 落款 tells of it: no notice.
  const unsigned = text.replace('福建省人民政府\n\n2021年4月9日', '');
  assert.notEqual((await read('changle-unsigned.txt', unsigned)).kind, 'notice');
  // Nor does a story whose lead names the 批复 and reports its content, without the document's 主送.
  const told = text.replace('福州市人民政府:\n', '');
  assert.notEqual((await read('changle-told.txt', told)).kind, 'notice');
});

test('notices: a title broken over two lines is whole again — on the page (changshan-2023, the first half taken for the page’s head) and in its table cell (xinyang-2025)', async () => {
  const half = (line: string) => [line.slice(0, Math.floor(line.length / 2)), line.slice(Math.floor(line.length / 2))].join('\n');
  const changshan = tuning('changshan-2023-zhulao-tongzhi.txt');
  const title = '常山县人民政府办公室关于印发《常山县提升“助老三件事”服务能力的实施办法》的通知';
  const split = await read('changshan-split.txt', changshan.replace(`\n${title}\n`, `\n${half(title)}\n`));
  assert.equal(split.notice!.meta.title, title);
  // A line above the title's end that is no opening of a title (a column, a date) stays out of it.
  const column = await read('changshan-column.txt', changshan.replace(`\n${title}\n`, '\n通知公告\n实施办法的通知\n'));
  assert.equal(column.notice?.meta.title ?? '', '实施办法的通知');
  const xinyang = tuning('xinyang-2025-fuhua-jidi-tongzhi.txt');
  const cell = '标  题 信阳市民政局关于印发《信阳市社会组织孵化基地管理办法》的通知';
  assert.ok(xinyang.includes(cell));
  const wrapped = await read('xinyang-wrapped.txt', xinyang.replace(cell, half(cell)));
  assert.equal(wrapped.notice!.meta.title, '信阳市民政局关于印发《信阳市社会组织孵化基地管理办法》的通知');
  assert.equal(wrapped.notice!.meta.docNumber, '信民〔2025〕4号');
});

test('notices: a 转发 notice is read from its own head and 落款; the document it forwards below, with its 版头 and number, is its body', async () => {
  const forwarded = '某省民政厅关于开展社区评估工作的通知';
  const text = [
    `某市民政局关于转发《${forwarded}》的通知`,
    '各县（市、区）民政局：',
    `现将《${forwarded}》转发给你们，请结合实际认真贯彻落实。`,
    '',
    '某市民政局',
    '2024年7月1日',
    '',
    '某省民政厅文件',
    '某民发〔2024〕12号',
    forwarded,
    '各市民政局：',
    '为推进社区建设,省民政厅决定在全省开展社区评估工作,现将有关事项通知如下。',
    '一、各地要高度重视,精心组织,确保评估工作顺利开展。',
    '二、请于2024年9月30日前将评估结果报送省民政厅。',
    '某省民政厅',
    '2024年6月1日',
  ].join('\n');
  const file = await read('zhuanfa.txt', text);
  assert.equal(file.kind, 'notice');
  const meta = file.notice!.meta;
  assert.equal(meta.title, `某市民政局关于转发《${forwarded}》的通知`);
  assert.equal(meta.organ, '某市民政局');
  assert.equal(meta.docNumber, undefined, 'the number under the 落款 is the forwarded document’s');
  assert.equal(meta.addressees?.normalize('NFKC'), '各县(市、区)民政局');
  assert.equal(meta.issuer, '某市民政局');
  assert.equal(meta.date, '2024-07-01');
  assert.deepEqual(meta.attachmentTitles, [forwarded]);
  assert.match(blocksText(file.notice!.attachments.flatMap((a) => a.blocks)), /某民发〔2024〕12号/u, 'the forwarded number stays in its text');
});

test('notices: "附件:" alone over one unnumbered name lists that attachment, and the name over the date is no 署名 (jiangsu-2015, jiangsu-2006)', async () => {
  const alone = (text: string) => text.replace(/^附件:(\S.*)$/mu, '附件:\n$1');
  const fucai = await read('fucai.txt', alone(tuning('jiangsu-2015-fucai-tongbao.txt')));
  assert.deepEqual(fucai.notice!.meta.attachmentTitles, ['2014年“福彩杯”江苏民政政策理论研究获奖论文名单']);
  assert.equal(fucai.notice!.meta.issuer, '江苏省民政厅');
  const text = alone(tuning('jiangsu-2006-fuli-shengchan-xianjin.txt'));
  assert.ok(/^附件:\n全省社会福利生产管理工作先进集体名单\n二00六年十二月八日/mu.test(text));
  const fuli = await read('fuli.txt', text);
  assert.equal(fuli.notice?.meta.issuer ?? null, null, 'a list’s name over the date signs nothing');
  // A 署名 over the date is still read when no 附件 mark precedes it.
  const signed = await read('fuli-signed.txt', text.replace('附件:\n全省社会福利生产管理工作先进集体名单\n', '江苏省民政厅办公室\n'));
  assert.equal(signed.notice?.meta.issuer, '江苏省民政厅办公室');
});
