#!/usr/bin/env node
/**
 * The held-out draw for test/fixtures/portal: run ONCE, before any importer rule is written
 * for these documents, and recorded in test/fixtures/portal/README.md. Stratified by kind:
 * in each kind, the candidates are shuffled with a seeded PRNG (mulberry32, seed below) and the
 * first round(n / 3) go to heldout/, the rest to tuning/. Re-running prints the same split.
 *
 *   node scripts/draw-portal-heldout.mjs
 */
import { readdirSync, readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const SEED = 20261201;

const candidates = {
  notice: [
    'shanghai-2016-chuangxin-tongbao',
    'shandong-2021-chuangxin-tongbao',
    'changzhou-2023-chuangyou-tongzhi-fanti',
    'jiangsu-2015-fucai-tongbao',
    'haiyan-2022-yanglao-zhengqiu-tongzhi',
    'pingdingshan-2013-zhuanfa-tongzhi',
    'fujian-2014-zhengwen-tongzhi',
    'chaohu-2017-liushou-tongzhi',
    'jiangsu-2018-fazhi-baogao',
    'zhenba-2024-gongzuo-guize',
    'shanghai-2022-zongjie-tongzhi',
    'shanghai-2026-yaodian-tongzhi',
  ],
  'award-list': ['guangdong-2019-shequ-shida', 'beijing-2025-wangshang-zhengfu-anli', 'hunan-2021-jiceng-anli-mingdan'],
  'case-list': ['shandong-2025-jiuzhu-pinpai', 'jiangmen-2025-shequ-wenhua', 'sandi-2024-gongyi-chuangtou', 'quanzhou-binzang-anli'],
  case: [
    'nanjing-2018-jiuzhu-yimen',
    'longzihu-2020-ertong-zhuren',
    'yishui-2021-hunsang-gaige',
    'hangzhou-2025-shehui-zuzhi',
    'lianshan-huludao-minzheng',
  ],
  article: [
    'xuchang-2025-fengcai',
    'henan-2024-minzheng-tupian',
    'fujian-2019-ertong-zhuren-fanti',
    'quanguo-2019-humiaoyuan-fanti',
    'dengzhou-binzang-xuanchuan',
    'bingtuan-2025-minzheng-liliang',
    'bingtuan-2024-jiuzhu-tixi',
    'bingtuan-2025-jiuzhu-fanti',
    'xinjiang-2023-shisiwu-guihua',
    'chengdu-2022-gonggong-fuwu',
    'zhejiang-2015-zhongguo-minzheng-caifang',
    'quanguo-2018-binzang-fanti',
    'heze-2018-zhengwen',
    'qingliu-2012-chuangxin-jiang',
    'hunan-2019-shequ-gongzuofa',
    'wangcheng-2016-diaoyan',
    'chongqing-2024-minzheng',
  ],
};

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Second batch, collected after the first draw and drawn the same way (its own seed) before any
 * of its files was committed, so no rule was written with them in view either.
 */
const SEED_2 = 20261202;
const candidates2 = {
  notice: ['neimenggu-2016-shisanwu-tongzhi', 'neimenggu-2021-shisiwu-tongzhi', 'jiangxi-2021-shisiwu-tongzhi', 'jilin-2025-yaodian-tongzhi'],
  'award-list': ['heilongjiang-2023-laonian-youhao-shequ'],
  'case-list': ['shandong-2023-youxiu-anli-fanti'],
  article: [
    'haerbin-2025-yilao-yixiao',
    'guangxi-2016-gaige-chuangxin',
    'jiangxi-2025-shisiwu-chengjiu',
    'chengde-2022-shisiwu-guihua',
    'hainan-2024-wuxin-gongcheng',
    'hainan-2022-shinian-zongshu',
    'yunnan-2024-minzheng-tupian',
    'tianjin-2023-minzheng',
  ],
};

/** Third batch, the same way. */
const SEED_3 = 20261203;
const candidates3 = {
  notice: ['guangdong-2019-wuren-fuyang-yijian-fanti'],
  article: ['yinzhou-2022-gongzuo-zongjie', 'zhuhai-2022-feifan-shinian'],
};

/** Fourth batch, the same way. */
const SEED_4 = 20261204;
const candidates4 = {
  'award-list': ['quanguo-2024-jiebang-guashuai-danwei'],
  article: ['quanguo-2024-jiuzhu-chuangxin-shijian-fanti'],
};

const split = { heldout: [], tuning: [] };
for (const [seed, batch, allHeldout = false] of [
  [SEED, candidates],
  [SEED_2, candidates2],
  [SEED_3, candidates3],
  [SEED_4, candidates4],
  ...laterBatches(),
]) {
  drawBatch(mulberry32(seed), batch, allHeldout);
}

/**
 * Later batches each live in test/fixtures/portal/batches/<name>.json ({ seed, collected, candidates:
 * { kind: [names] } }), written and drawn before any of the batch's files is committed, so that
 * collectors working at once never edit one list. A batch collected as a measurement set only
 * ("all_heldout": true) goes to heldout/ as a whole: it is never tuned on, so it is not split.
 */
function laterBatches() {
  const dir = new URL('../test/fixtures/portal/batches/', import.meta.url);
  let names = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((n) => {
    const batch = JSON.parse(readFileSync(new URL(n, dir), 'utf8'));
    // A measurement batch that has been scored once and reported may be released to tuning
    // ("released_to_tuning"): its score stands as a figure of unseen pages, and later rounds
    // measure on a new batch instead.
    if (batch.released_to_tuning) return [batch.seed, batch.candidates, 'tuning'];
    return [batch.seed, batch.candidates, batch.all_heldout === true];
  });
}

function drawBatch(rand, batch, allHeldout) {
  for (const [kind, names] of Object.entries(batch)) {
  const order = [...names];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const k = allHeldout === 'tuning' ? 0 : allHeldout ? names.length : Math.round(names.length / 3);
  for (const [i, name] of order.entries()) (i < k ? split.heldout : split.tuning).push(`${kind}\t${name}`);
}
}
for (const set of ['heldout', 'tuning']) {
  process.stdout.write(`# ${set} (${split[set].length})\n`);
  for (const line of split[set].sort()) process.stdout.write(`${set}\t${line}\n`);
}
