/**
 * Line breaks for multi-line titles (GB/T 9704 §7.3.1, spec A.3 and B.3): a title too long for
 * one line is broken where words stay whole, with the upper line longer than the lower one
 * (正梯形), never splitting a number, a 《》 title more than needed, or the 文种 (的通知).
 * Without a word segmenter, "where words stay whole" means after the characters that end
 * administrative names and function words, or at brackets.
 */
import { emWidth } from './pageEstimate.js';

/** Characters after which a title may break (ends of organ and place names, function words). */
const AFTER = new Set([...'省市县区镇乡街局厅部委办院会处科室于发的和与及、，》）”政作例年度业务点']);
/** Characters before which a title may break. */
const BEFORE = new Set([...'《（“关']);

export function balanceTitle(title: string, perLine: number): string[] {
  const chars = [...title];
  const total = emWidth(title);
  if (total <= perLine || chars.length < 4) return [title];
  // 文种 at the end stays on the last line with its 的 (…的通知, …的意见, …的报告).
  const tail = /的?(通知|通报|意见|报告|请示|批复|决定|方案|要点|办法|规定|函)$/.exec(title);
  const lastBreak = chars.length - (tail ? [...tail[0]].length : 1);
  let best: { at: number; score: number } | null = null;
  let width = 0;
  for (let at = 1; at < chars.length; at++) {
    width += emWidth(chars[at - 1]!);
    if (at > lastBreak) break;
    if (width > perLine) break;
    const prev = chars[at - 1]!;
    const next = chars[at]!;
    if (/[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next)) continue;
    if (/[，。、；：）》”]/.test(next) || /[（《“]/.test(prev)) continue;
    const lower = total - width;
    if (lower > perLine) continue;
    let score = Math.abs(width - lower - 2);
    if (lower > width) score += 2 + (lower - width) * 2; // 倒梯形
    if (Math.abs(width - lower) < 1) score += 1.5; // two equal lines
    if (AFTER.has(prev) || BEFORE.has(next)) score -= 3;
    else score += 5;
    if (!best || score < best.score) best = { at, score };
  }
  if (!best) return [title];
  return [chars.slice(0, best.at).join(''), chars.slice(best.at).join('')];
}
