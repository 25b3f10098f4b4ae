/**
 * Script runs: which face sets each character. Han and CJK punctuation go to the role's
 * CJK face, digits and Latin to the role's Latin face (sans for 黑体), and anything a face
 * lacks walks the fallback chain, because pdfkit has no font fallback of its own.
 */
import { faceMetrics, type FaceMetrics } from '../fonts/metrics.js';
import { fallbackFaces, latinFaces, roleFaces, type FontRoleName } from '../fonts/roles.js';
import { FULL_WIDTH_REQUIRED, isCjk } from './chars.js';

export interface FaceChoice {
  metrics: FaceMetrics;
  /** Stroke the outline to thicken a face that has no bold design. */
  fakeBold: boolean;
}

interface RoleChain {
  cjk: FaceMetrics;
  cjkFakeBold: boolean;
  latin: FaceMetrics;
  /** The fallback faces opened so far, in order (each is opened when a character first needs it). */
  fallbacks: FaceMetrics[];
  cache: Map<number, FaceChoice>;
  glyphs: Map<number, GlyphChoice>;
  chooser?: (cp: number) => GlyphChoice;
}

/** What the line breaker needs of one character in one role and weight, worked out once per process. */
export interface GlyphChoice {
  metrics: FaceMetrics;
  fakeBold: boolean;
  /** The code point drawn: the character itself, or 〓 when no face here has it. */
  shown: number;
  /** The character 〓 stands for, or -1. */
  actual: number;
  /** Advance of the glyph drawn, in em (1 when the face cannot say). */
  adv: number;
}

/** 〓 GETA MARK: what Chinese typesetting prints for a character no font has. */
export const MISSING_MARK = 0x3013;

const chains = new Map<string, RoleChain>();

function chainFor(role: FontRoleName, bold: boolean): RoleChain {
  const key = `${role}|${bold ? 1 : 0}`;
  const hit = chains.get(key);
  if (hit) return hit;
  const faces = roleFaces().get(role)!;
  const useBold = bold && role !== 'xiaobiaosong';
  const cjkFile = useBold && faces.bold ? faces.bold : faces.regular;
  const latin = latinFaces(role === 'hei');
  const chain: RoleChain = {
    cjk: faceMetrics(role === 'latin' ? roleFaces().get('song')!.regular : cjkFile),
    cjkFakeBold: useBold && !faces.bold,
    // 小标宋 is a heavy design: its digits come from the bold Latin face.
    latin: faceMetrics(bold || role === 'xiaobiaosong' ? latin.bold : latin.regular),
    fallbacks: [],
    cache: new Map(),
    glyphs: new Map(),
  };
  chains.set(key, chain);
  return chain;
}

function pick(chain: RoleChain, cp: number): FaceChoice {
  const choice = pickFace(chain, cp);
  // A sliced face (the bundled 楷体) is measured as one face but drawn from the slice holding cp.
  return choice.metrics.part ? { ...choice, metrics: choice.metrics.part(cp) } : choice;
}

/**
 * Fallback face `i` of the chain, opened on first use: a book whose odd characters all come
 * from the first fallback never reads the others (AR PL UKai, WenQuanYi Zen Hei here).
 */
function fallbackAt(chain: RoleChain, i: number): FaceMetrics | undefined {
  if (i < chain.fallbacks.length) return chain.fallbacks[i];
  const files = fallbackFaces();
  while (chain.fallbacks.length <= i && chain.fallbacks.length < files.length) chain.fallbacks.push(faceMetrics(files[chain.fallbacks.length]!));
  return chain.fallbacks[i];
}

function pickFace(chain: RoleChain, cp: number): FaceChoice {
  const needsFullWidth = FULL_WIDTH_REQUIRED.has(cp);
  const okCjk = (m: FaceMetrics) => m.has(cp) && (!needsFullWidth || m.advance(cp) >= 0.9);
  if (!isCjk(cp) && chain.latin.has(cp)) return { metrics: chain.latin, fakeBold: false };
  if (okCjk(chain.cjk)) return { metrics: chain.cjk, fakeBold: chain.cjkFakeBold };
  for (let i = 0, m = fallbackAt(chain, 0); m; m = fallbackAt(chain, ++i)) if (okCjk(m)) return { metrics: m, fakeBold: chain.cjkFakeBold };
  if (chain.cjk.has(cp)) return { metrics: chain.cjk, fakeBold: chain.cjkFakeBold };
  for (let i = 0, m = fallbackAt(chain, 0); m; m = fallbackAt(chain, ++i)) if (m.has(cp)) return { metrics: m, fakeBold: chain.cjkFakeBold };
  if (chain.latin.has(cp)) return { metrics: chain.latin, fakeBold: false };
  // Nothing here has it: the CJK face's .notdef box at least keeps the text's place.
  return { metrics: chain.cjk, fakeBold: false };
}

export function faceFor(role: FontRoleName, bold: boolean, cp: number): FaceChoice {
  return faceChooser(role, bold)(cp);
}

/** The face picker of one role and weight, resolved once per run (the per-character path stays allocation-free). */
export function faceChooser(role: FontRoleName, bold: boolean): (cp: number) => FaceChoice {
  const chain = chainFor(role, bold);
  return (cp) => {
    let choice = chain.cache.get(cp);
    if (!choice) {
      choice = pick(chain, cp);
      chain.cache.set(cp, choice);
    }
    return choice;
  };
}

function cachedFace(chain: RoleChain, cp: number): FaceChoice {
  let choice = chain.cache.get(cp);
  if (!choice) {
    choice = pick(chain, cp);
    chain.cache.set(cp, choice);
  }
  return choice;
}

/**
 * The glyph picker of one role and weight: face, the code point drawn (〓 for a character no
 * face has) and its advance, cached per character so that the per-glyph path of the line
 * breaker is one map lookup (advances are in em, so one entry serves every size).
 */
export function glyphChooser(role: FontRoleName, bold: boolean): (cp: number) => GlyphChoice {
  const chain = chainFor(role, bold);
  if (chain.chooser) return chain.chooser;
  const glyphs = chain.glyphs;
  chain.chooser = (cp) => {
    let g = glyphs.get(cp);
    if (!g) {
      let face = cachedFace(chain, cp);
      let shown = cp;
      let actual = -1;
      if (!face.metrics.has(cp)) {
        actual = cp;
        shown = MISSING_MARK;
        face = cachedFace(chain, MISSING_MARK);
      }
      const adv = face.metrics.advance(shown);
      g = { metrics: face.metrics, fakeBold: face.fakeBold, shown, actual, adv: Number.isNaN(adv) ? 1 : adv };
      glyphs.set(cp, g);
    }
    return g;
  };
  return chain.chooser;
}
