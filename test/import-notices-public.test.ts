/**
 * Notices addressed to the public (公告, 公示, 征集公告) copied from their body: no title, no 主送, no
 * 发文字号, often no signature. Their performative sentence ("现予以公示", "有关事项公告如下") makes them
 * notices; a report that mentions a 公示 in passing, or a copy headed by a news headline, stays what it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../electron/core/import/index.js';
import { enc, NOTICE_SENTENCES } from './fixtures/notice-sentences.js';

const tuning = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/portal/tuning');

test('public notices: a 公示 and two 公告 copied from their first sentence are notices without cases, 文号 or 主送', async () => {
  for (const name of ['minzhengbu-2022-shequ-biaozhang-gongshi', 'beijing-2018-yizhan-beian-gonggao', 'nileke-2022-shequ-mingcheng-zhengji']) {
    const file = await importFile({ name: `${name}.txt`, path: path.join(tuning, `${name}.txt`) });
    assert.equal(file.kind, 'notice', name);
    assert.equal(file.cases.length, 0, name);
    // The numbers in the lead are the cited documents', not the notice's own.
    assert.equal(file.notice!.meta.docNumber, undefined, name);
    assert.equal(file.notice!.meta.addressees, null, name);
  }
});

test('public notices: "附：《…》" before the 落款 is an attachment', async () => {
  const file = await importFile({ name: 'yangxin-2024-diming-gonggao.txt', path: path.join(tuning, 'yangxin-2024-diming-gonggao.txt') });
  assert.equal(file.kind, 'notice');
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['阳新县部分街路巷和居民点命名(更名)表(征求意见稿)']);
  assert.equal(file.notice!.meta.issuer, '阳新县民政局');
});

test('public notices: the formula makes a notice only of a copy that opens with a sentence, not of a headed report', async () => {
  const body = [NOTICE_SENTENCES[0], '现将有关事项公告如下:', ...NOTICE_SENTENCES.slice(1)];
  const bare = await importFile({ name: 'gonggao.txt', bytes: enc(body.join('\n')) });
  assert.equal(bare.kind, 'notice');
  const headed = await importFile({ name: 'news.txt', bytes: enc(['某某镇为新社区征集名称 群众踊跃参与', ...body].join('\n')) });
  assert.notEqual(headed.kind, 'notice', 'a headline over it makes it a report of the 公告');
  const plain = await importFile({ name: 'plain.txt', bytes: enc(NOTICE_SENTENCES.join('\n')) });
  assert.notEqual(plain.kind, 'notice', 'without the formula, signature or title the same body is no notice');
});

test('public notices: a titled 公示 is a notice, unless its body is the list of those it proposes (an award list)', async () => {
  const appointment = ['关于张三等同志拟任职的公示', '经研究,拟提任张三同志为县民政局副局长,现予以公示。公示期为2024年10月8日至10月14日。公示期间,如对公示对象有不同意见,可通过来信、来电、来访等方式向县委组织部反映。反映问题要客观真实,以单位名义反映的须加盖公章。', '联系电话:0531-12345678', '中共某某县委组织部', '2024年10月8日'];
  const notice = await importFile({ name: 'renzhi.txt', bytes: enc(appointment.join('\n')) });
  assert.equal(notice.kind, 'notice');
  assert.equal(notice.notice!.meta.title, '关于张三等同志拟任职的公示');
  assert.equal(notice.notice!.meta.organ, '中共某某县委组织部');
  const communities = ['济南市历下区解放路街道甸柳第一社区', '青岛市市南区八大关街道湛山社区', '淄博市张店区车站街道华光路社区', '枣庄市市中区光明路街道文化路社区', '烟台市芝罘区向阳街道所城里社区', '潍坊市奎文区广文街道通达社区'];
  const list = ['关于2024年度全省城乡社区治理示范社区拟命名名单的公示', '根据《关于开展全省城乡社区治理示范社区创建工作的通知》要求,经各市推荐、专家评审,拟命名以下6个社区为全省城乡社区治理示范社区,现予以公示。公示期为5个工作日。', ...communities, '山东省民政厅', '2024年10月8日'];
  const awards = await importFile({ name: 'mingdan.txt', bytes: enc(list.join('\n')) });
  assert.equal(awards.kind, 'award-list');
  assert.equal(awards.cases.length, communities.length);
});

test('public notices: a write-up that tells of a 公示 in passing stays a case', async () => {
  const told = [
    '为让困难群众应保尽保,某某镇民政办坚持“阳光低保”,入户核查后在村务公开栏张榜公示,公示期间群众无异议的才报县民政局审批。',
    '一是精准识别。镇村干部逐户走访,建立困难群众台账,做到底数清、情况明。',
    '二是动态管理。每季度复核一次,对收入增加的及时退出,对新增困难的及时纳入。',
    '三是强化监督。设立举报电话,接受群众监督,全年未发生一起错保漏保投诉。',
  ];
  const file = await importFile({ name: 'dibao.txt', bytes: enc(told.join('\n')) });
  assert.notEqual(file.kind, 'notice');
});

test('public notices: a 公告 titled without 关于 counts its opening formula as the sign a 通知 counts "通知如下" for', async () => {
  const body = [NOTICE_SENTENCES[0]!.replace('。', ',现将有关事项公告如下:'), ...NOTICE_SENTENCES.slice(1)];
  const titled = await importFile({ name: 'gonggao.txt', bytes: enc(['某某镇人民政府社区名称征集公告', ...body].join('\n')) });
  assert.equal(titled.kind, 'notice');
  assert.equal(titled.notice!.meta.title, '某某镇人民政府社区名称征集公告');
  const without = await importFile({ name: 'plain.txt', bytes: enc(['某某镇人民政府社区名称征集公告', ...NOTICE_SENTENCES].join('\n')) });
  assert.notEqual(without.kind, 'notice', 'a title alone that could be a headline needs one more sign');
});
