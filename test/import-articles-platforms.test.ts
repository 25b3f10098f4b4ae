/**
 * Articles copied from social and news platforms (a WeChat account's article, a news app's page, a
 * self-media platform's post) and portal pages whose date/source row is a field line or a one-line
 * table: each on an input written for it. The platform's header, prompts and statements leave the
 * text; the headline stays the title; the page's date is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFile } from '../electron/core/import/index.js';
import { blocksText } from '../electron/core/model/text.js';
import { metaFields } from '../electron/core/import/stages/furniture.js';

const enc = (s: string) => new TextEncoder().encode(s);
const head = '某县民政局开展困难群众走访慰问活动';
const p1 = '近日,某县民政局组织干部深入乡镇村组,走访慰问低保户、特困供养人员和困难老人,送去米面油等慰问品,详细了解他们的生活情况。';
const p2 = '下一步,该局将持续做好困难群众基本生活保障工作,健全主动发现机制,确保困难群众温暖过冬,切实兜牢民生底线。';

async function page(lines: string[], furniture: string[], date?: string) {
  const file = await importFile({ name: 'page.txt', bytes: enc(lines.join('\n')) });
  const c = file.cases[0]!;
  assert.equal(c.meta.title, head);
  const body = blocksText(c.body);
  for (const f of furniture) {
    assert.ok(file.dropped.includes(f), `${f} is listed as dropped`);
    assert.ok(!body.includes(f), `${f} left the text`);
  }
  if (date) assert.equal(file.info.date, date);
}

test('platforms: a WeChat article — the account header with 原创/发表于, its collection line, the prompts and buttons at the foot', async () => {
  await page(['原创 张三 某某民政 2023-05-06 10:00 发表于四川', head, '收录于合集 #民政动态 12个', p1, p2], ['原创 张三 某某民政 2023-05-06 10:00 发表于四川', '收录于合集 #民政动态 12个'], '2023-05-06');
  await page([head, '原创 某某民政 某某民政 2023-05-06 10:00', p1, p2, '预览时标签不可点', '微信扫一扫关注该公众号', '继续滑动看下一个', '轻触阅读原文', '知道了', '赞', '分享', '在看', '写留言'], ['预览时标签不可点', '继续滑动看下一个', '轻触阅读原文', '知道了', '写留言']);
});

test('platforms: news apps and self-media — app promotions, the platform statement, report buttons and counters in brackets', async () => {
  await page([head, '2023-05-06 10:20 来源: 某某民政', p1, p2, '返回搜狐,查看更多', '平台声明:该文观点仅代表作者本人,搜狐号系信息发布平台,搜狐仅提供信息存储空间服务。', '阅读 (123)'], ['返回搜狐,查看更多', '平台声明:该文观点仅代表作者本人,搜狐号系信息发布平台,搜狐仅提供信息存储空间服务。', '阅读 (123)']);
  await page([head, '2023-05-06 10:20:33 来源: 某某日报', p1, p2, '打开APP 阅读更多精彩内容', '举报/反馈'], ['打开APP 阅读更多精彩内容', '举报/反馈']);
});

test('platforms: a row of the page fields (发布者, 发布时间, 阅读) dates the page; a one-line table under the headline anchors it', async () => {
  assert.deepEqual(metaFields('发布者:管理员 发布时间:2023-05-06 阅读:12次'), { 发布者: '管理员', 发布时间: '2023-05-06', 阅读: '12次' });
  assert.equal(metaFields('时间:上午九点,地点:社区活动室,参加人员:全体网格员。'), null, 'a meeting note is text');
  await page([head, '发布者:管理员 发布时间:2023-05-06 阅读:12次', p1, p2], ['发布者:管理员 发布时间:2023-05-06 阅读:12次'], '2023-05-06');
  await page(['某某县人民政府', '部门动态', head, '信息来源:县民政局 发布日期:2023-05-06', p1, p2], ['某某县人民政府', '部门动态'], '2023-05-06');
});
