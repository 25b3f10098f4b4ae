/**
 * Round 13 furniture shapes (issue #9), each on a made-up page in the shape, read by the real importer:
 * a forum's post page (the poster's profile fields, status, profile links, the post's bracketed buttons,
 * the headline printed twice over the agency's date line), a news page's tools run together, a site's
 * name alone over its tools or over a text it shares no words with, a greeting to a site, breadcrumbs
 * joined by '>>' or naming two sites, a logo's alternative text and a template slot's name, a closing tag
 * left at a line's end, a rule of dashes, an outlet's line with its author and date, a headline in a
 * menu's words right over its date line. Furniture leaves the text and is listed; the draft's lines stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { isForumLine, isPaperBanner, isRunTogetherTools, isWidgetLabel } from '../electron/core/import/stages/furniture.js';

const enc = (s: string) => new TextEncoder().encode(s);
const para = '记者从某省民政厅获悉,全省80岁以上高龄老人已有3万余人,各地按月发放高龄津贴,并为老人提供上门服务。';
const para2 = '近年来,全省出台一系列政策保障老年人权益,老年人可持优待证在省内优先就医、免费进入公园和纪念馆。';

async function one(name: string, text: string) {
  const file = await importFile({ name, bytes: enc(text) });
  return { file, c: file.cases[0]!, body: file.cases[0] ? blocksText(file.cases[0].body) : '' };
}

function gone(file: { dropped: string[] }, body: string, lines: string[]): void {
  for (const line of lines) {
    assert.ok(!body.includes(line.trim()), `${line} left the text`);
    assert.ok(file.dropped.some((d) => d.trim() === line.trim()), `${line} is listed as dropped`);
  }
}

test('forum page: the board, the poster and the profile go; the news headline printed twice is the title', async () => {
  const text = [
    '《某某论坛》显示文章详细内容: [展开] [回复] [网址] [举报] [屏蔽]',
    '顺风耳乙',
    '顺风耳乙目前处于离线状态',
    '等    级:长老',
    '经 验 值:1234',
    '积    分:560.5',
    '注册日期:2010-03-02',
    '查看顺风耳乙个人资料   给顺风耳乙发悄悄话   将顺风耳乙加入好友   搜索顺风耳乙所有发表过的文章',
    '',
    '某省高龄老人已达3万余人',
    '某省高龄老人已达3万余人',
    '',
    '2014年5月6日10:20 来源:某某新闻网',
    '打印网摘纠错分享推荐 字号',
    para,
    para2,
  ].join('\n');
  const { file, c, body } = await one('forum.txt', text);
  assert.equal(c.meta.title, '某省高龄老人已达3万余人');
  assert.equal(file.info.date, '2014-05-06');
  gone(file, body, ['顺风耳乙目前处于离线状态', '经 验 值:1234', '注册日期:2010-03-02', '打印网摘纠错分享推荐 字号', '《某某论坛》显示文章详细内容: [展开] [回复] [网址] [举报] [屏蔽]']);
  assert.ok(body.includes('全省80岁以上高龄老人'));
});

test('forum lines and run-together tools by shape; a story\'s own points and levels stay', () => {
  assert.ok(isForumLine('魅 力 值:88'));
  assert.ok(isForumLine('最后登录:2012-01-01'));
  assert.ok(isForumLine('查看某某个人资料 给某某发悄悄话 将某某加入好友'));
  assert.ok(!isForumLine('积分:20分'), 'a points scheme\'s line, its label not spaced, is the story\'s');
  assert.ok(!isForumLine('等级:一级'));
  assert.ok(isRunTogetherTools('打印收藏分享推荐 字号'));
  assert.ok(!isRunTogetherTools('推荐分享'), 'two words are no tool bar');
  assert.ok(isWidgetLabel('微信扫一扫,随时随地看'));
  assert.ok(isWidgetLabel('客户端'));
  assert.ok(!isWidgetLabel('扫一扫二维码即可在线预约婚姻登记服务'), 'an instruction to residents is the text\'s');
  assert.ok(isPaperBanner('今日某县-数字报|今日某县-电子版'));
  assert.ok(!isPaperBanner('某县日报社'));
});

test('a site\'s name alone over its tools, or over a text it shares no words with, is no headline', async () => {
  for (const head of [['某某藏族网通', '字体 :'], ['某某百科', '分享'], ['某某资讯网']]) {
    const { file, c, body } = await one('banner.txt', [...head, para, para2].join('\n'));
    assert.notEqual(c.meta.title, head[0]);
    assert.ok(file.dropped.includes(head[0]!), `${head[0]} is listed as dropped`);
    assert.ok(body.startsWith('记者从某省民政厅获悉'));
  }
  // A short headline ending in 网 over its own text stays the headline.
  const { c } = await one('net.txt', ['织密高龄老人保障网', '', '近日,某省织密高龄老人保障网,全省80岁以上高龄老人按月领取津贴,保障网覆盖城乡。', para2].join('\n'));
  assert.equal(c.meta.title, '织密高龄老人保障网');
});

test('a greeting to a site, breadcrumbs by >> or by two sites, a logo, a slot name and a rule of dashes are furniture', async () => {
  const text = [
    '您好,欢迎来到某某分类信息网!老站,当天收录,欢迎发信息',
    '某某分类信息网 > 某市分类信息网,免费信息发布',
    'logo',
    '某某网>>某省频道',
    '——',
    '某省高龄老人已达3万余人',
    '',
    para,
    'gb12专题03',
    para2,
  ].join('\n');
  const { file, c, body } = await one('head.txt', text);
  assert.equal(c.meta.title, '某省高龄老人已达3万余人');
  gone(file, body, ['您好,欢迎来到某某分类信息网!老站,当天收录,欢迎发信息', '某某分类信息网 > 某市分类信息网,免费信息发布', 'logo', '某某网>>某省频道', 'gb12专题03']);
});

test('a closing tag left at a line\'s end is cut, its text kept; an outlet with its author dates the page', async () => {
  const text = ['某某百科', '分享', '', '魅力社区', '', '某某百科·作者佚名  2011-05-20  ', '宽屏版  字体: |||超大  ', '', `${para}</p>`, para2].join('\n');
  const { file, c, body } = await one('tags.txt', text);
  assert.equal(c.meta.title, '魅力社区', 'a headline in a menu\'s words right over its date line');
  assert.equal(file.info.date, '2011-05-20');
  assert.ok(!body.includes('</p>'));
  assert.ok(body.includes('免费进入公园和纪念馆'));
  const h = await one('h1.txt', ['logo', '', '某市:小饭碗装着大民生 守护老人幸?/h1>', '', para, para2].join('\n'));
  assert.equal(h.c.meta.title, '某市:小饭碗装着大民生 守护老人幸?');
});

test('other articles\' headlines run together on the last line are an aggregator\'s links; a closing line of the text stays', async () => {
  const foreign = '某饮料被传出售背后:业绩拖累集团,接盘者挑战大 某市通报3起违反防控纪律典型案件';
  const { file, body } = await one('links.txt', ['某省高龄老人已达3万余人', '', para, '', para2, '', foreign].join('\n'));
  gone(file, body, [foreign]);
  const own = '让每一位高龄老人 都能安享幸福晚年生活';
  const kept = await one('own.txt', ['某省高龄老人已达3万余人', '', para, '', para2, '', own].join('\n'));
  assert.ok(kept.body.includes('安享幸福晚年'), 'a line sharing the text\'s words stays');
});

test('a repost copied from its 原标题 line under a site\'s name takes that headline; an e-paper\'s 本期导航 row is its tools', async () => {
  const { file, c } = await one('repost.txt', ['某某百科', '分享', '原标题:某省高龄老人已达3万余人', para, para2].join('\n'));
  assert.equal(c.meta.title, '某省高龄老人已达3万余人');
  assert.ok(file.dropped.includes('某某百科'));
  const paper = await one('paper.txt', ['本期导航 往期回顾 上一期 下一期', para, para2].join('\n'));
  assert.ok(paper.file.dropped.includes('本期导航 往期回顾 上一期 下一期'));
});
