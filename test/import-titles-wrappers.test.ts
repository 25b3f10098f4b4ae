/**
 * What a page wraps around its headline and where it dates itself, each rule over synthetic variants built
 * by the rule's own structure (other sites, separators, labels, days), with the counterpart that must stay:
 * a browser's page title copied as the headline ("headline-column-site", "headline_site", "series|headline",
 * "place:headline:tag"), a headline given only by the page's 标题 field, a headline the copy broke over two
 * lines, a platform's account-and-day header, a broken widget row and a spaced search label, a date line led
 * by the site's address, a picture's stamped file name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { pageTitleParts } from '../electron/core/import/stages/title.js';
import { isFurniture } from '../electron/core/import/stages/clean.js';
import { fileNameStamp } from '../electron/core/import/stages/dates.js';

const H = '某县多举措提升养老服务水平';
const P1 = '今年以来,某县民政局聚焦老年人急难愁盼,完善养老服务设施,提升养老服务水平,新建社区养老服务站12个。';
const P2 = '下一步,某县将继续推进居家社区养老服务,让老年人享受更加便利的养老服务。';
const BODY = `${P1}\n${P2}`;

async function read(...lines: string[]) {
  const file = await importFile({ name: 'page.txt', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });
  const c = file.cases[0]!;
  return { file, c, body: c ? blocksText(c.body) : '' };
}

test('titles: a browser\'s page title copied as the headline loses its column and site, whatever the site and separator', async () => {
  for (const tail of ['-民生频道-某某网', '_某某新闻网', ' - 某某日报', '|某某在线', '｜某某客户端', '-社会-某某网站', '_某某门户', '_工作动态_某某市人民政府', ' - 某某省民政厅']) {
    assert.deepEqual(pageTitleParts(`${H}${tail}`, BODY)?.head, H, tail);
    const { c, body } = await read('某某网', `${H}${tail}`, P1, P2);
    assert.equal(c.meta.title, H, tail);
    assert.ok(!body.includes(tail.replace(/^[\s\-_|｜]+/u, '')), tail);
  }
  // The bureau whose portal it is, though the text names it too.
  assert.equal(pageTitleParts(`${H}_某县民政局`, BODY)?.head, H);
  // A tail that names no site but is one of the page's own lines (its banner) is the site's too.
  const banner = await read(`${H}_某某蜘蛛池`, '关闭引导', '2024-10-23 15:32', '某某蜘蛛池【example.com】', P1, P2);
  assert.equal(banner.c.meta.title, H);
  // A content site's tag after a second colon, and a series label before a bar, foreign to the text.
  for (const [line, head] of [
    ['吉林某县:社区共建提升养老服务水平:环球关注', '吉林某县:社区共建提升养老服务水平'],
    ['某省某县:多举措提升养老服务水平:今日热闻', '某省某县:多举措提升养老服务水平'],
    ['奋进新征程|某县多举措提升养老服务水平', H],
    ['新时代新伟业｜某县多举措提升养老服务水平', H],
  ] as const) {
    const { c } = await read(line, '2022-12-09 20:03:19 来源:某某社', P1, P2);
    assert.equal(c.meta.title, head, line);
  }
});

test('titles: headlines that only look wrapped keep their words', async () => {
  for (const line of [
    '民政部:鼓励有条件地区提升养老服务水平',
    '某县2023-2024年度养老服务水平提升',
    '某县多举措提升养老服务水平——某县民政局工作纪实',
    // The part after the bar is the text's own subject, not a site's name.
    '某县民政局|多举措提升养老服务水平',
  ]) {
    assert.equal(pageTitleParts(line, BODY), null, line);
  }
  const kept = await read('民政部:鼓励有条件地区提升养老服务水平', P1, P2);
  assert.equal(kept.c.meta.title, '民政部:鼓励有条件地区提升养老服务水平');
});

test('titles: a page copied from below its headline takes the headline from its own 标题 field', async () => {
  for (const field of ['标题:某县多举措提升养老服务水平', '标题: 某县多举措提升养老服务水平', '文章标题：某县多举措提升养老服务水平', '标 题:某县多举措提升养老服务水平 [打印]']) {
    const { c } = await read('本篇文章342字,读完约1分钟', P1, P2, '来源:某某新闻', field, '地址:http://www.example.cn/a/1.html');
    assert.equal(c.meta.title, H, field);
  }
  // A field naming another page's title (sharing none of the text's words) heads nothing.
  const other = await read(P1, P2, '标题:全市秋季运动会圆满闭幕');
  assert.notEqual(other.c.meta.title, '全市秋季运动会圆满闭幕');
});

test('titles: a headline broken over two lines is joined when the words across the break are the text\'s', async () => {
  const p = '6月22日,某县在会议室召开甲乡、乙乡更名征求意见会,县民政局负责人介绍了有关情况。';
  const { c } = await read('某省某县召开甲乡、乙乡', '更名征求意见会', p, P2);
  assert.equal(c.meta.title, '某省某县召开甲乡、乙乡更名征求意见会');
  const q = '近日,某市召开居家养老服务推进会,部署居家社区养老服务工作。';
  const apart = await read('某市召开居家养老服务推进会', '某市民政局', q, P2);
  assert.equal(apart.c.meta.title, '某市召开居家养老服务推进会');
});

test('titles: a shared link run into the headline, and a platform\'s account-and-day header with the poster\'s region, leave', async () => {
  for (const [link, account, region] of [
    ['https://mp.weixin.qq.com/s/AbC-12_x关注:', '科技之窗 6月24日', '山西'],
    ['http://example.com/s/9f?id=3转载:', '某某民政 10月3日', '河南'],
    ['https://mp.weixin.qq.com/s/xyz', '幸福某县 3月8日', '四川省'],
  ] as const) {
    const { c, body, file } = await read(`${link}某县多举措提升养老服务水平`, region, account, P1, P2);
    assert.equal(c.meta.title, H, link);
    assert.ok(!body.includes(account) && !body.includes(`${region}\n`), account);
    assert.ok(file.dropped.includes(account) && file.dropped.includes(region), account);
  }
});

test('titles: a broken widget row and a search label spaced out are furniture', () => {
  for (const t of ['收藏此页】【 】【打印】【关闭', '【收藏本页】【打印】【关闭窗口】', '加入收藏】【打印】【关闭', '新 闻 查 询', '站 内 检 索', '（资料图片仅供参考）', '(图片仅供参考)']) {
    assert.ok(isFurniture(t), t);
  }
  for (const t of ['收藏家协会举办书画展', '新闻查询系统上线运行,市民可在网上查询新闻。']) assert.ok(!isFurniture(t), t);
});

test('titles: a date line led by the site\'s address dates the page; a picture\'s stamped file name dates a page nothing else dates', async () => {
  for (const [line, date] of [
    ['http://www.sina.com.cn 2005年07月27日08:47 上海青年报', '2005-07-27'],
    ['www.example.com.cn 2019-03-05 10:21 某某日报', '2019-03-05'],
    ['https://news.example.org/ 2021年11月02日 09:15', '2021-11-02'],
  ] as const) {
    const { file } = await read(H, line, P1, P2);
    assert.equal(file.info.date, date, line);
  }
  for (const [name, date] of [
    ['QQ截图20180926113527.jpg', '2018-09-26'],
    ['微信图片_20220815151451.png', '2022-08-15'],
    ['IMG_20190310_101530.jpg', '2019-03-10'],
  ] as const) {
    assert.equal(fileNameStamp(name), date, name);
    const { file } = await read(H, name, P1, P2);
    assert.equal(file.info.date, date, name);
  }
  // A page's own date wins over its picture's; a number that is no stamp dates nothing.
  const dated = await read(H, '发布时间:2022-08-16 08:11', '微信图片_20220815151451.png', P1, P2);
  assert.equal(dated.file.info.date, '2022-08-16');
  assert.equal(fileNameStamp('2018092611.jpg'), null);
});
