/**
 * Which real font file serves each role (宋/黑/楷/仿宋/小标宋/Latin) on this machine.
 * System faces win where installed (Windows, macOS, then the Debian packages we know);
 * the OFL Noto fonts bundled through npm guarantee that every role resolves somewhere.
 * Only TrueType-outline faces are listed: pdfkit garbles some CFF CJK fonts.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { wenkaiSlices, type SliceSet } from './webfont.js';
import { STANDARD_FACES } from './standardFaces.js';

export type FontRoleName = 'song' | 'hei' | 'kai' | 'fangsong' | 'xiaobiaosong' | 'latin';
export const FONT_ROLES: readonly FontRoleName[] = ['song', 'hei', 'kai', 'fangsong', 'xiaobiaosong', 'latin'];

export interface FaceFile {
  /** Human name shown in app.info and the README. */
  face: string;
  file: string;
  /** PostScript name inside a .ttc collection. */
  postscriptName?: string;
  /** A web font split into WOFF2 slices by character range (webfont.ts); `file` is then its CSS. */
  slices?: SliceSet;
}

/**
 * How a face stands to its role: `standard` is the face Chinese government documents name
 * (宋体, 黑体, 楷体_GB2312, 仿宋_GB2312, 方正小标宋简体; Times New Roman for Latin), `design` a
 * different face of the same style (Songti SC, LXGW WenKai, Noto Serif SC …), `substitute` a
 * face of another style standing in because no face of the role's own style is at hand.
 */
export type FaceStatus = 'standard' | 'design' | 'substitute';

/** A role resolves to a regular face and, where one exists, a real bold face. */
export interface RoleFaces {
  role: FontRoleName;
  regular: FaceFile;
  bold: FaceFile | null;
  status: FaceStatus;
  /** True when no face of the role's own design exists here and a stand-in serves. */
  substitute: boolean;
  /** Where the face comes from: the system, or a package bundled with Huibian. */
  bundled: boolean;
  licence: string;
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

const OFL = 'SIL OFL 1.1';
const WINDOWS = 'Windows 系统字体（随 Windows 授权）';
const MACOS = 'macOS 系统字体（随 macOS 授权）';

interface Candidate {
  face: () => FaceFile | null;
  status: FaceStatus;
  licence: string;
  bundled?: boolean;
}

function system(face: string, file: string, status: FaceStatus, licence: string, postscriptName?: string): Candidate {
  return { face: () => ({ face, file, postscriptName }), status, licence };
}
function serif(weight: string, label: string, status: FaceStatus): Candidate {
  return { face: () => { const file = bundled('noto-serif-sc', weight); return file ? { face: label, file } : null; }, status, licence: OFL, bundled: true };
}
function sans(weight: string, label: string, status: FaceStatus): Candidate {
  return { face: () => { const file = bundled('noto-sans-sc', weight); return file ? { face: label, file } : null; }, status, licence: OFL, bundled: true };
}
function wenkai(weight: 'regular' | 'bold', label: string): Candidate {
  return { face: () => { const slices = wenkaiSlices(weight); return slices ? { face: label, file: slices.css, slices } : null; }, status: 'design', licence: OFL, bundled: true };
}

/** Candidates in order of preference. */
const CANDIDATES: Record<FontRoleName, { regular: Candidate[]; bold: Candidate[] }> = {
  song: {
    regular: [
      system('SimSun 宋体', path.join(WIN, 'simsun.ttc'), 'standard', WINDOWS, 'SimSun'),
      system('Songti SC', path.join(MAC_SUPP, 'Songti.ttc'), 'design', MACOS, 'STSongti-SC-Regular'),
      serif('400Regular', 'Noto Serif SC (bundled, OFL)', 'design'),
    ],
    bold: [serif('700Bold', 'Noto Serif SC Bold (bundled, OFL)', 'design')],
  },
  hei: {
    regular: [
      system('SimHei 黑体', path.join(WIN, 'simhei.ttf'), 'standard', WINDOWS),
      system('Heiti SC', path.join(MAC, 'STHeiti Medium.ttc'), 'design', MACOS, 'STHeitiSC-Medium'),
      system('WenQuanYi Zen Hei', path.join(DEB, 'wqy/wqy-zenhei.ttc'), 'design', 'GPL-2.0（含字体嵌入例外）', 'WenQuanYiZenHei'),
      sans('400Regular', 'Noto Sans SC (bundled, OFL)', 'design'),
    ],
    bold: [sans('700Bold', 'Noto Sans SC Bold (bundled, OFL)', 'design')],
  },
  kai: {
    regular: [
      system('KaiTi 楷体', path.join(WIN, 'simkai.ttf'), 'standard', WINDOWS),
      system('KaiTi_GB2312 楷体_GB2312', path.join(WIN, 'SIMKAI.TTF'), 'standard', WINDOWS),
      system('Kaiti SC', path.join(MAC_SUPP, 'Kaiti.ttc'), 'design', MACOS, 'STKaiti-SC-Regular'),
      system('LXGW WenKai 霞鹜文楷', path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Regular.ttf'), 'design', OFL),
      system('AR PL UKai CN', path.join(DEB, 'arphic/ukai.ttc'), 'design', 'Arphic Public License', 'UKaiCN'),
      wenkai('regular', 'LXGW WenKai 霞鹜文楷 (bundled, OFL)'),
    ],
    bold: [
      system('LXGW WenKai Bold', path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Bold.ttf'), 'design', OFL),
      wenkai('bold', 'LXGW WenKai Bold 霞鹜文楷 (bundled, OFL)'),
    ],
  },
  fangsong: {
    // No free 仿宋 exists: a light serif is the nearest open design (thin, even strokes).
    regular: [
      system('FangSong 仿宋', path.join(WIN, 'simfang.ttf'), 'standard', WINDOWS),
      system('FangSong_GB2312 仿宋_GB2312', path.join(WIN, 'SIMFANG.TTF'), 'standard', WINDOWS),
      system('STFangsong', path.join(MAC_SUPP, 'Fangsong.ttc'), 'design', MACOS, 'STFangsong'),
      serif('300Light', 'Noto Serif SC Light (substitute for 仿宋)', 'substitute'),
      serif('400Regular', 'Noto Serif SC (substitute for 仿宋)', 'substitute'),
    ],
    bold: [serif('600SemiBold', 'Noto Serif SC SemiBold (substitute for 仿宋 bold)', 'substitute')],
  },
  xiaobiaosong: {
    // 方正小标宋 is a licensed face; a heavy serif stands in for it.
    regular: [
      system('方正小标宋简体', path.join(WIN, 'FZXBSJW.TTF'), 'standard', '方正字库商业授权'),
      system('方正小标宋_GBK', path.join(WIN, 'FZXBSK.TTF'), 'standard', '方正字库商业授权'),
      serif('700Bold', 'Noto Serif SC Bold (substitute for 小标宋)', 'substitute'),
    ],
    bold: [],
  },
  latin: {
    regular: [
      system('Times New Roman', path.join(WIN, 'times.ttf'), 'standard', WINDOWS),
      system('Times New Roman', path.join(MAC_SUPP, 'Times New Roman.ttf'), 'standard', MACOS),
      system('Liberation Serif', path.join(DEB, 'liberation/LiberationSerif-Regular.ttf'), 'design', OFL),
      system('Liberation Serif', path.join(DEB, 'liberation2/LiberationSerif-Regular.ttf'), 'design', OFL),
      serif('400Regular', 'Noto Serif SC (Latin glyphs)', 'design'),
    ],
    bold: [
      system('Times New Roman Bold', path.join(WIN, 'timesbd.ttf'), 'standard', WINDOWS),
      system('Liberation Serif Bold', path.join(DEB, 'liberation/LiberationSerif-Bold.ttf'), 'design', OFL),
      serif('700Bold', 'Noto Serif SC Bold (Latin glyphs)', 'design'),
    ],
  },
};

/** A sans Latin face for 黑体 runs, so digits in a heading do not switch to a serif. */
const LATIN_SANS: Candidate[] = [
  system('Arial', path.join(WIN, 'arial.ttf'), 'standard', WINDOWS),
  system('Liberation Sans', path.join(DEB, 'liberation/LiberationSans-Regular.ttf'), 'design', OFL),
  system('Liberation Sans', path.join(DEB, 'liberation2/LiberationSans-Regular.ttf'), 'design', OFL),
  sans('400Regular', 'Noto Sans SC (Latin glyphs)', 'design'),
];
const LATIN_SANS_BOLD: Candidate[] = [
  system('Arial Bold', path.join(WIN, 'arialbd.ttf'), 'standard', WINDOWS),
  system('Liberation Sans Bold', path.join(DEB, 'liberation/LiberationSans-Bold.ttf'), 'design', OFL),
  sans('700Bold', 'Noto Sans SC Bold (Latin glyphs)', 'design'),
];

/**
 * HUIBIAN_BUNDLED_FONTS=1 ignores the system's faces: the output is then the same on every
 * machine, and tests can check the bundled set where the system fonts cannot be hidden.
 */
const bundledOnly = (): boolean => process.env.HUIBIAN_BUNDLED_FONTS === '1';

/** A face is usable when its file exists and, inside a collection, the named face is there. */
function usable(face: FaceFile | null): face is FaceFile {
  if (!face || !existsSync(face.file)) return false;
  if (face.slices) return face.slices.slices.every((slice) => existsSync(slice.file));
  if (!face.postscriptName) return true;
  try {
    return collectionHas(face.file, face.postscriptName);
  } catch {
    return false;
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, position + got);
    if (n === 0) throw new Error('truncated font file');
    got += n;
  }
  return out;
}

/**
 * Whether a collection (.ttc) holds the face of that PostScript name. Reads only the collection's
 * header and each member's name table, where opening it through fontkit reads the whole file
 * (WenQuanYi Zen Hei 34 MB, AR PL UKai 17 MB, for every export). Each name table is handed to
 * fontkit as a one-table font, so the name compared is the one fontkit's getFont compares when
 * the face is opened for real. A file that is not a collection is opened through fontkit, as before.
 */
export function collectionHas(file: string, postscriptName: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 12);
    if (head.toString('latin1', 0, 4) !== 'ttcf') return !!fontkit.openSync(file, postscriptName);
    const count = head.readUInt32BE(8);
    const offsets = readAt(fd, 12, 4 * count);
    for (let i = 0; i < count; i++) {
      const at = offsets.readUInt32BE(4 * i);
      const tables = readAt(fd, at + 4, 2).readUInt16BE(0);
      const directory = readAt(fd, at + 12, 16 * tables);
      for (let t = 0; t < tables; t++) {
        if (directory.toString('latin1', 16 * t, 16 * t + 4) !== 'name') continue;
        const name = readAt(fd, directory.readUInt32BE(16 * t + 8), directory.readUInt32BE(16 * t + 12));
        const one = Buffer.alloc(28 + name.length);
        one.writeUInt32BE(0x00010000, 0);
        one.writeUInt16BE(1, 4);
        one.write('name', 12, 'latin1');
        one.writeUInt32BE(28, 20);
        one.writeUInt32BE(name.length, 24);
        name.copy(one, 28);
        if (fontkit.create(one).postscriptName === postscriptName) return true;
      }
    }
    return false;
  } finally {
    closeSync(fd);
  }
}

function first(list: Candidate[]): { face: FaceFile; candidate: Candidate } | null {
  const only = bundledOnly();
  for (const candidate of list) {
    if (only && !candidate.bundled) continue;
    const face = candidate.face();
    if (usable(face)) return { face, candidate };
  }
  return null;
}

/** What to do when the bundled faces are gone, in words for this install. */
function missingFontsAdvice(): string {
  let installed = true;
  try {
    resolveFrom.resolve('@expo-google-fonts/noto-serif-sc/package.json');
  } catch {
    installed = false;
  }
  return installed
    ? '随附的 Noto 字体包已安装，但其中的字体文件缺失或损坏：请删除 node_modules 后重新执行 npm ci（或重新安装汇编）'
    : '随附的字体包（@expo-google-fonts/noto-serif-sc 等）未安装：请在汇编目录执行 npm ci（或重新安装汇编）';
}

let resolved: Map<FontRoleName, RoleFaces> | null = null;

export function roleFaces(): Map<FontRoleName, RoleFaces> {
  if (resolved) return resolved;
  const out = new Map<FontRoleName, RoleFaces>();
  for (const role of FONT_ROLES) {
    const spec = CANDIDATES[role];
    const regular = first(spec.regular);
    if (!regular) throw new Error(`找不到${ROLE_NAMES[role]}（${role}）的字体：${missingFontsAdvice()}`);
    out.set(role, {
      role,
      regular: regular.face,
      bold: first(spec.bold)?.face ?? null,
      status: regular.candidate.status,
      substitute: regular.candidate.status === 'substitute',
      bundled: !!regular.candidate.bundled,
      licence: regular.candidate.licence,
    });
  }
  resolved = out;
  return out;
}

/** Each role's name as Chinese typesetters say it. */
export const ROLE_NAMES: Record<FontRoleName, string> = {
  song: '宋体',
  hei: '黑体',
  kai: '楷体',
  fangsong: '仿宋',
  xiaobiaosong: '小标宋',
  latin: '西文',
};

export { STANDARD_FACES };

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
    serif('400Regular', 'Noto Serif SC (bundled, OFL)', 'design'),
    sans('400Regular', 'Noto Sans SC (bundled, OFL)', 'design'),
    system('LXGW WenKai 霞鹜文楷', path.join(DEB, 'lxgw-wenkai/LXGWWenKai-Regular.ttf'), 'design', OFL),
    system('AR PL UKai CN', path.join(DEB, 'arphic/ukai.ttc'), 'design', 'Arphic Public License', 'UKaiCN'),
    system('WenQuanYi Zen Hei', path.join(DEB, 'wqy/wqy-zenhei.ttc'), 'design', 'GPL-2.0', 'WenQuanYiZenHei'),
    system('SimSun-ExtB', path.join(WIN, 'simsunb.ttf'), 'design', WINDOWS),
    system('MingLiU-ExtB', path.join(WIN, 'mingliub.ttc'), 'design', WINDOWS, 'MingLiU-ExtB'),
  ];
  const only = bundledOnly();
  const out: FaceFile[] = [];
  for (const c of list) {
    if (only && !c.bundled) continue;
    const face = c.face();
    if (usable(face)) out.push(face);
  }
  fallbacks = out;
  return out;
}

/** One line of the font table: the face serving a role (or its bold) on this machine. */
export interface ResolvedFont {
  role: string;
  face: string;
  file: string;
  status: FaceStatus;
  substitute: boolean;
  bundled: boolean;
  licence: string;
  /** The face a DOCX names for the role, which the recipient's Word or WPS uses. */
  standard: string;
}

/** What actually serves each role here, for app.info, `huibian fonts` and the export report. */
export function resolveFonts(): ResolvedFont[] {
  const out: ResolvedFont[] = [];
  for (const r of roleFaces().values()) {
    const common = { status: r.status, substitute: r.substitute, bundled: r.bundled, licence: r.licence, standard: STANDARD_FACES[r.role] };
    out.push({ role: r.role, face: r.regular.face, file: r.regular.file, ...common });
    if (r.bold) out.push({ role: `${r.role}-bold`, face: r.bold.face, file: r.bold.file, ...common });
  }
  return out;
}

/** Whether any role is served from WOFF2 slices, which the PDF writer must decode first. */
export function usesSlicedFaces(): boolean {
  for (const r of roleFaces().values()) if (r.regular.slices || r.bold?.slices) return true;
  return false;
}

/** Roles served by a face of another style, in words for a message: "仿宋 → Noto Serif SC Light …". */
export function substituteNotes(): string[] {
  return [...roleFaces().values()].filter((r) => r.substitute).map((r) => `${ROLE_NAMES[r.role]}：${r.regular.face}（代替 ${STANDARD_FACES[r.role]}）`);
}
