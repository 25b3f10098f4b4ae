/**
 * Which real font file serves each role (宋/黑/楷/仿宋/小标宋/Latin) on this machine.
 * System faces win where installed (Windows, macOS, then the Debian packages we know);
 * the OFL Noto fonts bundled through npm guarantee that every role resolves somewhere.
 * Only TrueType-outline faces are listed: pdfkit garbles some CFF CJK fonts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export type FontRoleName = 'song' | 'hei' | 'kai' | 'fangsong' | 'xiaobiaosong' | 'latin';
export const FONT_ROLES: readonly FontRoleName[] = ['song', 'hei', 'kai', 'fangsong', 'xiaobiaosong', 'latin'];

export interface FaceFile {
  /** Human name shown in app.info and the README. */
  face: string;
  file: string;
  /** PostScript name inside a .ttc collection. */
  postscriptName?: string;
}

/** A role resolves to a regular face and, where one exists, a real bold face. */
export interface RoleFaces {
  role: FontRoleName;
  regular: FaceFile;
  bold: FaceFile | null;
  /** True when no face of the role's own design exists here and a stand-in serves. */
  substitute: boolean;
}

// Not named `require`: bundlers inject their own binding of that name into ESM output.
const resolveFrom = createRequire(import.meta.url);

function bundled(pkg: 'noto-serif-sc' | 'noto-sans-sc', weight: string): string | null {
  const stem = pkg === 'noto-serif-sc' ? 'NotoSerifSC' : 'NotoSansSC';
  try {
    const dir = path.dirname(resolveFrom.resolve(`@expo-google-fonts/${pkg}/package.json`));
    const file = path.join(dir, weight, `${stem}_${weight}.ttf`);
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const WIN = process.env.WINDIR ? path.join(process.env.WINDIR, 'Fonts') : 'C:\\Windows\\Fonts';
const MAC = '/System/Library/Fonts';
const MAC_SUPP = '/System/Library/Fonts/Supplemental';
const DEB = '/usr/share/fonts/truetype';

type Candidate = FaceFile | (() => FaceFile | null);

function serif(weight: string, label: string): () => FaceFile | null {
  return () => {
    const file = bundled('noto-serif-sc', weight);
    return file ? { face: label, file } : null;
  };
}
function sans(weight: string, label: string): () => FaceFile | null {
  return () => {
    const file = bundled('noto-sans-sc', weight);
    return file ? { face: label, file } : null;
  };
}

/** Candidates in order of preference: [regular list, bold list]. */
const CANDIDATES: Record<FontRoleName, { regular: Candidate[]; bold: Candidate[]; nativeCount: number }> = {
  song: {
    regular: [
      { face: 'SimSun 宋体', file: path.join(WIN, 'simsun.ttc'), postscriptName: 'SimSun' },
      { face: 'Songti SC', file: path.join(MAC_SUPP, 'Songti.ttc'), postscriptName: 'STSongti-SC-Regular' },
      serif('400Regular', 'Noto Serif SC (bundled, OFL)'),
    ],
    bold: [serif('700Bold', 'Noto Serif SC Bold (bundled, OFL)')],
    nativeCount: 3,
  },
  hei: {
    regular: [
      { face: 'SimHei 黑体', file: path.join(WIN, 'simhei.ttf') },
      { face: 'Heiti SC', file: path.join(MAC, 'STHeiti Medium.ttc'), postscriptName: 'STHeitiSC-Medium' },
      { face: 'WenQuanYi Zen Hei', file: path.join(DEB, 'wqy/wqy-zenhei.ttc'), postscriptName: 'WenQuanYiZenHei' },
      sans('400Regular', 'Noto Sans SC (bundled, OFL)'),
    ],
    bold: [sans('700Bold', 'Noto Sans SC Bold (bundled, OFL)')],
    nativeCount: 4,
  },
  kai: {
    regular: [
      { face: 'KaiTi 楷体', file: path.join(WIN, 'simkai.ttf') },
      { face: 'Kaiti SC', file: path.join(MAC_SUPP, 'Kaiti.ttc'), postscriptName: 'STKaiti-SC-Regular' },
      { face: 'LXGW WenKai 霞鹜文楷', file: path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Regular.ttf') },
      { face: 'AR PL UKai CN', file: path.join(DEB, 'arphic/ukai.ttc'), postscriptName: 'UKaiCN' },
    ],
    bold: [{ face: 'LXGW WenKai Bold', file: path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Bold.ttf') }],
    nativeCount: 4,
  },
  fangsong: {
    // No free 仿宋 exists: a light serif is the nearest open design (thin, even strokes).
    regular: [
      { face: 'FangSong 仿宋', file: path.join(WIN, 'simfang.ttf') },
      { face: 'FangSong_GB2312 仿宋_GB2312', file: path.join(WIN, 'SIMFANG.TTF') },
      { face: 'STFangsong', file: path.join(MAC_SUPP, 'Fangsong.ttc'), postscriptName: 'STFangsong' },
      serif('300Light', 'Noto Serif SC Light (substitute for 仿宋)'),
      serif('400Regular', 'Noto Serif SC (substitute for 仿宋)'),
    ],
    bold: [serif('600SemiBold', 'Noto Serif SC SemiBold (substitute for 仿宋 bold)')],
    nativeCount: 3,
  },
  xiaobiaosong: {
    // 方正小标宋 is a licensed face; a heavy serif stands in for it.
    regular: [
      { face: '方正小标宋简体', file: path.join(WIN, 'FZXBSJW.TTF') },
      { face: '方正小标宋_GBK', file: path.join(WIN, 'FZXBSK.TTF') },
      serif('700Bold', 'Noto Serif SC Bold (substitute for 小标宋)'),
    ],
    bold: [],
    nativeCount: 2,
  },
  latin: {
    regular: [
      { face: 'Times New Roman', file: path.join(WIN, 'times.ttf') },
      { face: 'Times New Roman', file: path.join(MAC_SUPP, 'Times New Roman.ttf') },
      { face: 'Liberation Serif', file: path.join(DEB, 'liberation/LiberationSerif-Regular.ttf') },
      { face: 'Liberation Serif', file: path.join(DEB, 'liberation2/LiberationSerif-Regular.ttf') },
      serif('400Regular', 'Noto Serif SC (Latin glyphs)'),
    ],
    bold: [
      { face: 'Times New Roman Bold', file: path.join(WIN, 'timesbd.ttf') },
      { face: 'Liberation Serif Bold', file: path.join(DEB, 'liberation/LiberationSerif-Bold.ttf') },
      serif('700Bold', 'Noto Serif SC Bold (Latin glyphs)'),
    ],
    nativeCount: 4,
  },
};

/** A sans Latin face for 黑体 runs, so digits in a heading do not switch to a serif. */
const LATIN_SANS: Candidate[] = [
  { face: 'Arial', file: path.join(WIN, 'arial.ttf') },
  { face: 'Liberation Sans', file: path.join(DEB, 'liberation/LiberationSans-Regular.ttf') },
  { face: 'Liberation Sans', file: path.join(DEB, 'liberation2/LiberationSans-Regular.ttf') },
  sans('400Regular', 'Noto Sans SC (Latin glyphs)'),
];
const LATIN_SANS_BOLD: Candidate[] = [
  { face: 'Arial Bold', file: path.join(WIN, 'arialbd.ttf') },
  { face: 'Liberation Sans Bold', file: path.join(DEB, 'liberation/LiberationSans-Bold.ttf') },
  sans('700Bold', 'Noto Sans SC Bold (Latin glyphs)'),
];

/** A face is usable when its file exists and, inside a collection, the named face is there. */
function usable(face: FaceFile | null): face is FaceFile {
  if (!face || !existsSync(face.file)) return false;
  if (!face.postscriptName) return true;
  try {
    return !!fontkit.openSync(face.file, face.postscriptName);
  } catch {
    return false;
  }
}

function first(list: Candidate[]): { face: FaceFile; index: number } | null {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const face = typeof c === 'function' ? c() : c;
    if (usable(face)) return { face, index: i };
  }
  return null;
}

let resolved: Map<FontRoleName, RoleFaces> | null = null;

export function roleFaces(): Map<FontRoleName, RoleFaces> {
  if (resolved) return resolved;
  const out = new Map<FontRoleName, RoleFaces>();
  for (const role of FONT_ROLES) {
    const spec = CANDIDATES[role];
    const regular = first(spec.regular);
    if (!regular) throw new Error(`no font found for the ${role} role: the bundled Noto fonts are missing (npm install)`);
    out.set(role, {
      role,
      regular: regular.face,
      bold: first(spec.bold)?.face ?? null,
      substitute: regular.index >= spec.nativeCount || /substitute/.test(regular.face.face),
    });
  }
  resolved = out;
  return out;
}

const latinCache = new Map<boolean, { regular: FaceFile; bold: FaceFile }>();

export function latinFaces(sansSerif: boolean): { regular: FaceFile; bold: FaceFile } {
  const hit = latinCache.get(sansSerif);
  if (hit) return hit;
  const out = latinFacesUncached(sansSerif);
  latinCache.set(sansSerif, out);
  return out;
}

function latinFacesUncached(sansSerif: boolean): { regular: FaceFile; bold: FaceFile } {
  const roles = roleFaces();
  const latin = roles.get('latin')!;
  if (!sansSerif) return { regular: latin.regular, bold: latin.bold ?? latin.regular };
  const regular = first(LATIN_SANS)?.face ?? latin.regular;
  return { regular, bold: first(LATIN_SANS_BOLD)?.face ?? regular };
}

/**
 * Faces tried, in order, for a character the role's face lacks (rare place-name
 * characters, Ext-B): pdfkit has no fallback of its own.
 */
let fallbacks: FaceFile[] | null = null;

export function fallbackFaces(): FaceFile[] {
  if (fallbacks) return fallbacks;
  const list: Candidate[] = [
    serif('400Regular', 'Noto Serif SC (bundled, OFL)'),
    sans('400Regular', 'Noto Sans SC (bundled, OFL)'),
    { face: 'LXGW WenKai 霞鹜文楷', file: path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Regular.ttf') },
    { face: 'AR PL UKai CN', file: path.join(DEB, 'arphic/ukai.ttc'), postscriptName: 'UKaiCN' },
    { face: 'WenQuanYi Zen Hei', file: path.join(DEB, 'wqy/wqy-zenhei.ttc'), postscriptName: 'WenQuanYiZenHei' },
    { face: 'SimSun-ExtB', file: path.join(WIN, 'simsunb.ttf') },
    { face: 'MingLiU-ExtB', file: path.join(WIN, 'mingliub.ttc'), postscriptName: 'MingLiU-ExtB' },
  ];
  const out: FaceFile[] = [];
  for (const c of list) {
    const face = typeof c === 'function' ? c() : c;
    if (usable(face)) out.push(face);
  }
  fallbacks = out;
  return out;
}

/** What actually serves each role here, for app.info and the README. */
export function resolveFonts(): Array<{ role: string; face: string; file: string }> {
  const out: Array<{ role: string; face: string; file: string }> = [];
  for (const r of roleFaces().values()) {
    out.push({ role: r.role, face: r.regular.face, file: r.regular.file });
    if (r.bold) out.push({ role: `${r.role}-bold`, face: r.bold.face, file: r.bold.file });
  }
  return out;
}
