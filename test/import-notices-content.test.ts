/**
 * What a notice carries and how it closes, on real tuning pages and on the same pages changed the ways
 * unseen copies differ: a list in its body is cases only when it confers an honour; the 附件说明 over
 * the 落款 marks a document copied without its head; a bordered table row may hold one field beside a
 * counter; a title naming its government by level word alone; a repost's closing 来源 and a link-marked
 * 附件 line; an organ over an ISO date lifted together; a contact line closing on the date. Each rule
 * with the counterpart that must not change. (Held-out pages are never read here.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../electron/core/import/index.js';
import { PORTAL_DIR } from '../scripts/score-import.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tuning = (name: string): string => readFileSync(path.join(PORTAL_DIR, 'tuning', name), 'utf8');
const read = (name: string, text: string) => importFile({ name, bytes: enc(text) });

test('notices: a list of facilities inspected is the notice’s content, not cases (mianyang-2022, taiyuan-2008); a list of honours in a notice’s body stays its cases', async () => {
  for (const name of ['mianyang-2022-gongmu-nianjian-gonggao.txt', 'taiyuan-2008-gongmu-nianjian-tongzhi.txt']) {
    const file = await read(name, tuning(name));
    assert.equal(file.kind, 'notice', name);
    assert.equal(file.cases.length, 0, name);
  }
  // The counterparts: a 通报 naming 先进集体 and one naming 创新创优成果 in their bodies.
  const honours = await read('jiangsu.txt', tuning('jiangsu-2006-fuli-shengchan-xianjin.txt'));
  assert.equal(honours.kind, 'notice');
  assert.equal(honours.cases.length, 17);
  const results = await read('changzhou.txt', tuning('changzhou-2023-chuangyou-tongzhi-fanti.txt'));
  assert.equal(results.cases.length, 10);
});

test('notices: copied from its first sentence, a decision with its 附件说明 over the 落款 is a notice (tianjin-2019), the note run into the last paragraph as well; the same page without the note is not', async () => {
  const text = tuning('tianjin-2019-minzheng-xianjin-jueding.txt');
  const file = await read('tianjin.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.cases.length, 0);
  const meta = file.notice!.meta;
  assert.equal(meta.issuer, '市民政局 市人社局');
  assert.equal(meta.date, '2019-09-11');
  assert.deepEqual(meta.attachmentTitles, ['天津民政系统先进集体名单', '天津民政系统先进个人名单']);
  // Body, note, 署名 and date run into one line: split back by their grammar.
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === '2019年9月11日');
  const flat = [...lines.slice(0, at - 4), lines.slice(at - 4, at + 1).map((l) => l.trim()).join(' '), ...lines.slice(at + 1)].join('\n');
  const run = await read('tianjin-flat.txt', flat);
  assert.equal(run.kind, 'notice');
  assert.deepEqual(run.notice!.meta.attachmentTitles, meta.attachmentTitles);
  assert.equal(run.notice!.meta.issuer, meta.issuer);
  // Without the note, a report of the same words signed and dated is not taken for a document.
  const bare = lines.filter((l) => !/名单$/u.test(l.trim())).join('\n');
  assert.notEqual((await read('tianjin-bare.txt', bare)).kind, 'notice');
});

test('notices: a bordered table row holding one known field beside the page’s counter gives the number (tengchong-2025); a row whose value is no number gives none', async () => {
  const text = tuning('tengchong-2025-gongmu-nianjian-banfa.txt');
  const file = await read('tengchong.txt', text);
  assert.equal(file.notice!.meta.docNumber, '腾民政发〔2025〕56号');
  const unnumbered = await read('tengchong-bad.txt', text.replace('| 文号 | 腾民政发〔2025〕56号 | 浏览量 |', '| 文号 | 见正文 | 浏览量 |'));
  assert.equal(unnumbered.notice!.meta.docNumber, undefined);
});

test('notices: a title naming its government by level word alone is signed by the division’s 人民政府 (gangzha-2009); a title naming an office short keeps it as written (nanjing-2023)', async () => {
  const file = await read('gangzha.txt', tuning('gangzha-2009-quhua-tiaozheng-fanti.txt'));
  assert.equal(file.notice!.meta.organ, '南通市人民政府');
  const office = await read('nanjing.txt', tuning('nanjing-2023-anxin-yongqi-yijian.txt'));
  assert.equal(office.notice!.meta.organ, '市政府办公厅');
  // A county's: 县政府 with the county known from the title's own place; a county's 民政局 named short is left alone.
  const county = ['县政府关于调整灵台县部分村名的通知', '各乡镇人民政府:', '经研究,现将有关事项通知如下:', '一、同意调整。', '特此通知。'].join('\n');
  const c = await read('county.txt', county);
  assert.equal(c.kind, 'notice');
  assert.equal(c.notice!.meta.organ, '灵台县人民政府');
  const bureau = await read('bureau.txt', county.replace('县政府关于', '县民政局关于'));
  assert.notEqual(bureau.notice!.meta.organ, '灵台县人民政府');
});

test('notices: a repost’s 来源 closing the copy names the organ, a link-marked 附件 line is the attachment (echeng-2024); a newspaper as 来源 names none', async () => {
  const text = tuning('echeng-2024-daolu-mingming-gongshi-fanti.txt');
  const file = await read('echeng.txt', text);
  assert.equal(file.kind, 'notice');
  assert.equal(file.notice!.meta.organ, '鄂城區地名和界線管理領導小組辦公室');
  assert.deepEqual(file.notice!.meta.attachmentTitles, ['鄂城區部分鎮(街)擬命名道路基本情況表']);
  const paper = await read('echeng-paper.txt', text.replace(/來源:綜合\S+/u, '來源:鄂州日報'));
  assert.equal(paper.notice!.meta.organ, undefined);
});

test('notices: a 落款 of organ over ISO date that cleaning lifts as a byline is put back (mianyang-2022); a contact line closing on the date gives the date however set (shangqiu-2024)', async () => {
  const text = tuning('mianyang-2022-gongmu-nianjian-gonggao.txt');
  const iso = await read('mianyang-iso.txt', text.replace('2022年6月30日', '2022-06-30'));
  assert.equal(iso.notice!.meta.issuer, '绵阳市民政局');
  assert.equal(iso.notice!.meta.date, '2022-06-30');
  const contact = tuning('shangqiu-2024-gongmu-nianjian-tongzhi.txt');
  for (const [label, variant] of [
    ['ISO', contact.replace('2024年10月12日', '2024-10-12')],
    ['same line', contact.replace('联系电话:3288298\n2024年10月12日', '联系电话:3288298 2024-10-12')],
    ['run together', contact.replace('联系电话:3288298\n2024年10月12日', '联系电话:32882982024年10月12日')],
  ] as const) {
    const file = await read('shangqiu.txt', variant);
    assert.equal(file.notice!.meta.date, '2024-10-12', label);
  }
});

test('notices: a copy opening on "现将…转发你们" is the 转发 notice, title or none (weibin-2022); a report quoting the sentence later is not', async () => {
  const text = tuning('weibin-2022-yanglao-anquan-paicha.txt');
  const untitled = text.split('\n').filter((l) => l.trim() !== '关于开展全市养老机构安全摸底排查工作的通知').join('\n');
  assert.equal((await read('weibin.txt', untitled)).kind, 'notice');
  const report = ['某区召开养老机构安全工作会', '近日,某区民政局召开全区养老机构安全工作会议。', '会上,区民政局负责人说,“现将市局文件转发你们,请认真落实。”各养老机构负责人参加会议。', '会议要求各机构做好安全排查。'].join('\n');
  assert.notEqual((await read('report.txt', report)).kind, 'notice');
});

test('notices: copied without its title, a page whose table registers a 发文字号 is a document (hubei-1997); the same table without the number leaves a report a report', async () => {
  const text = tuning('hubei-1997-binzang-tonggao-fanti.txt');
  const lines = text.split('\n');
  const untitled = lines.filter((l, k) => !(k > 0 && /^湖北省人民政府關于進一步加強殯葬管理工作的通告$/u.test(l.trim()))).join('\n');
  assert.equal(untitled.split('\n').length, lines.length - 1);
  assert.equal((await read('hubei.txt', untitled)).kind, 'notice');
  const table = ['索引号: | 0001/2024-00012 | 发布机构: | 某县民政局 |', '发布日期: | 2024-05-06 | 文号: | 某民发〔2024〕3号 |'];
  const report = ['近日,某县民政局召开全县养老服务工作推进会。', '会议通报了全县养老服务设施建设进展情况,部署了下一阶段重点工作。', '会上,各乡镇民政办负责人作了交流发言。'];
  assert.equal((await read('numbered.txt', [...table, ...report].join('\n'))).kind, 'notice');
  assert.notEqual((await read('unnumbered.txt', [table[0]!, table[1]!.replace(/文号: \| \S+ \|/u, '浏览次数: | 126 |'), ...report].join('\n'))).kind, 'notice');
});

test('notices: a label glued to the number is no part of its 代字 (kunming-2004 "文号：发文字号国函〔2004〕42号"); a 代字 that opens with 文 keeps it', async () => {
  const text = tuning('kunming-2004-sichengqu-quhua-pifu.txt');
  const labelled = await read('kunming.txt', text.replace(/^发文字号国函〔2004〕42号$/mu, '文号：发文字号国函〔2004〕42号'));
  assert.equal(labelled.notice!.meta.docNumber, '国函〔2004〕42号');
  const wenshan = await read('wenshan.txt', text.replace(/^发文字号国函〔2004〕42号$/mu, '发文字号文政发〔2004〕42号'));
  assert.equal(wenshan.notice!.meta.docNumber, '文政发〔2004〕42号');
});

test('notices: older and regional numbers keep the 字 word or 第 between year and serial, in any year bracket, on the dated line under the title as in a number line (quanguo-1988 "民(1988)农字22号"); a 附一/附件二 note names the attachment', async () => {
  const text = tuning('quanguo-1988-jinglaoyuan-tongzhi.txt');
  const file = await read('quanguo.txt', text);
  const meta = file.notice!.meta;
  assert.equal(meta.docNumber, '民〔1988〕农字22号');
  assert.equal(meta.date, '1988-07-17');
  assert.deepEqual(meta.attachmentTitles, ['民政部关于支持和表彰个人办敬老院的决定']);
  // The same notice from another organ and year, in other brackets and other infixes: the number and the
  // date are read wherever the dated line puts them, and the note numbered in words names the attachment.
  const head = ' (民(1988)农字22号 1988年7月17日)';
  const variants: Array<[string, string, string, string]> = [
    ['（川民〔1992〕字第15号 1992年3月5日）', '川民〔1992〕字第15号', '1992-03-05', '附件一:'],
    ['(1995年11月2日 粤民福[1995]第8号)', '粤民福〔1995〕第8号', '1995-11-02', '附二:'],
    ['（湘民【1990】救字3号）', '湘民〔1990〕救字3号', '1988-07-17', '附件1:'],
    ['(苏民(1998)发字12号 1998年1月20日)', '苏民〔1998〕发字12号', '1998-01-20', '附一：'],
  ];
  for (const [line, number, date, note] of variants) {
    let variant = text.replace(head, line).replace('附一:', note);
    // A head carrying no date leaves the notice's to the 落款, the attachment's head after it.
    if (!/日/u.test(line)) variant = variant.replace(`\n\n${note}`, `\n民政部\n1988年7月17日\n\n${note}`);
    const got = (await read('variant.txt', variant)).notice!.meta;
    assert.equal(got.docNumber, number, line);
    assert.equal(got.date, date, line);
    assert.deepEqual(got.attachmentTitles, ['民政部关于支持和表彰个人办敬老院的决定'], note);
  }
  // A bracketed line of words under the title is a note, not a number.
  const noted = (await read('noted.txt', text.replace(head, '（民政部农村社会救济司供稿）'))).notice!.meta;
  assert.equal(noted.docNumber, undefined);
});

test('notices: a title whose 文种 is 公告 or 通告, over an opening that cites its basis in 《》 and directs its readers, is the public document signed or not (kaili-2017); without the basis, or as a news report of one posted, it is not', async () => {
  const kaili = await read('kaili.txt', tuning('kaili-2017-daolu-zhengming-gonggao.txt'));
  assert.equal(kaili.kind, 'notice');
  assert.equal(kaili.cases.length, 0);
  assert.equal(kaili.notice!.meta.title, '凯里市公开征集炉山工业园区和开怀街道片区新增道路名称公告');
  const body = ['为规范地名管理,根据《地名管理条例》,决定面向社会公开征集城区新建桥梁名称。', '一、征集范围', '城区新建桥梁6座。', '二、征集时间', '自2023年5月1日起,至2023年5月15日止。', '三、征集方式', '请于截止日前通过信函或电子邮件参与,来稿应注明名称及含义。'];
  for (const title of ['泸州市公开征集城区新建桥梁名称公告', '某区民政局2024年清明节期间祭扫管理通告', '定西市安定区新建道路命名征集公告', '瀘州市公開徵集城區新建橋樑名稱公告']) {
    const traditional = /[瀘開徵]/u.test(title);
    const text = [title, ...(traditional ? body.map((l) => l.replace(/征集/gu, '徵集').replace(/规范/gu, '規範').replace(/时间/gu, '時間')) : body)].join('\n');
    const file = await read('public.txt', text);
    assert.equal(file.kind, 'notice', title);
    assert.equal(file.notice!.meta.title, title);
  }
  // Without the basis, the title over directions may be a headline's.
  const unbased = await read('unbased.txt', ['泸州市公开征集城区新建桥梁名称公告', body[0]!.replace('根据《地名管理条例》,', ''), ...body.slice(1)].join('\n'));
  assert.notEqual(unbased.kind, 'notice');
  // The same words as a report: a headline saying a 公告 was posted, a body that narrates.
  const report = ['某市民政局发布公告', '近日,某市民政局发布公告,面向社会征集城区新建道路名称。', '记者了解到,此次征集为期半个月。', '据悉,征集结果将在市政府网站公布。'].join('\n');
  assert.notEqual((await read('report.txt', report)).kind, 'notice');
  const narrated = ['某市新建道路命名征集公告', '近日,记者从某市民政局了解到,该局日前发布征集公告。', '据悉,今年以来该市新建道路20条。', '该局负责人介绍,征集结果将在网站公布。'].join('\n');
  assert.notEqual((await read('narrated.txt', narrated)).kind, 'notice');
});

test('notices: copied from its first paragraph, a 表彰决定 in its own voice ("为表彰…，某某决定授予A等N个…") is the decision, its organ the subject, no cases from the groups it sums up (zhuhai-2021); a report of it narrates and is not', async () => {
  const zhuhai = await read('zhuhai.txt', tuning('zhuhai-2021-cishan-jiang-jueding.txt'));
  assert.equal(zhuhai.kind, 'notice');
  assert.equal(zhuhai.cases.length, 0);
  assert.equal(zhuhai.notice!.meta.organ, '珠海市人民政府');
  const closing = '希望受表彰的集体和个人珍惜荣誉,再接再厉,为推动全省民政事业高质量发展作出新的更大贡献。';
  const variants: Array<[string, string]> = [
    ['为表彰在全省养老服务工作中作出突出贡献的集体和个人,根据《关于开展全省养老服务表彰工作的通知》(川民函〔2023〕12号),经推荐、评审和公示,四川省民政厅决定授予成都市锦江区颐养院等30个单位“全省养老服务先进集体”称号,授予张建国等50名同志“全省养老服务先进个人”称号。', '四川省民政厅'],
    ['为鼓励先进、树立典型,推动城乡社区治理,德州市人民政府决定,命名德城区新华街道幸福社区等12个社区为“德州市和谐示范社区”。', '德州市人民政府'],
    ['為表彰先進、弘揚正氣,經研究,寶雞市民政局決定對寶雞市社會福利院等8個單位予以表彰。', '宝鸡市民政局'],
  ];
  for (const [opening, organ] of variants) {
    const file = await read('decision.txt', [opening, closing].join('\n'));
    assert.equal(file.kind, 'notice', opening);
    assert.equal(file.cases.length, 0, opening);
    assert.equal((file.notice!.meta.organ ?? '').replace(/[寶雞]/gu, (c) => (c === '寶' ? '宝' : '鸡')), organ, opening);
  }
  // A report of the decision narrates it ("近日"), and is no decision.
  const report = await read('report.txt', ['为表彰在全省养老服务工作中作出突出贡献的集体和个人,近日,四川省民政厅决定授予成都市锦江区颐养院等30个单位“全省养老服务先进集体”称号。', '记者了解到,此次表彰历时半年。'].join('\n'));
  assert.notEqual(report.kind, 'notice');
});

test('notices: a traditional-script 主送 wrapped inside an item comes back whole in its own script (changji-2023); so does one wrapped at a separator, and a simplified one', async () => {
  const text = tuning('changji-2023-shequ-fuwu-fangan-fanti.txt');
  const line = '各縣市人民政府,州人民政府各工作部門(mén),各直屬機(jī)構(gòu):';
  assert.ok(text.includes(line));
  const wrapped = await read('changji.txt', text.replace(line, '各縣市人民政府,州人民政府各工作部門(mén),各\n直屬機(jī)構(gòu):'));
  assert.equal(wrapped.notice!.meta.addressees, '各縣市人民政府,州人民政府各工作部門,各直屬機構');
  const notice = (addressees: string[]) => ['廣州市民政局關於做好2024年社區養老服務工作的通知', ...addressees, '為進一步做好社區養老服務工作,現將有關事項通知如下。', '一、各單位要高度重視社區養老服務工作,認真組織實施。', '廣州市民政局', '2024年3月5日'].join('\n');
  for (const cut of [['各區民政局,市福利院、市老', '人院,局屬各單位:'], ['各區民政局,市福利院、', '市老人院,局屬各單位:']]) {
    const file = await read('guangzhou.txt', notice(cut));
    assert.equal(file.notice!.meta.addressees, '各區民政局,市福利院、市老人院,局屬各單位', cut[0]);
  }
  const simplified = await read('simplified.txt', notice(['各区民政局,市福利院、市老', '人院,局属各单位:']).replace('廣州市民政局關於做好2024年社區養老服務工作的通知', '广州市民政局关于做好2024年社区养老服务工作的通知'));
  assert.equal(simplified.notice!.meta.addressees, '各区民政局,市福利院、市老人院,局属各单位');
});
