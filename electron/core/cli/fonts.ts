/**
 * `huibian fonts`: which face serves each role on this machine, whether it is the standard
 * face a government document names or a stand-in, and under what licence, so a user knows
 * before exporting what the PDF will embed (the DOCX always names the standard faces).
 */
import { showHelp } from './help.js';
import type { Io } from './io.js';
import { parseCommand } from './usage.js';

const STATUS: Record<string, string> = { standard: '标准字体', design: '同类字体', substitute: '替代字体' };

export async function cmdFonts(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand('fonts', args, { json: { type: 'boolean' } }, { positionals: false });
  if (values.help) return showHelp('fonts', io);
  const { FONT_ROLES, ROLE_NAMES, STANDARD_FACES, roleFaces } = await import('../fonts/roles.js');
  let faces;
  try {
    faces = roleFaces();
  } catch (error) {
    io.err(`huibian fonts：${(error as Error).message}`);
    return 1;
  }
  const rows = FONT_ROLES.map((role) => {
    const r = faces.get(role)!;
    return {
      role,
      name: ROLE_NAMES[role],
      face: r.regular.face,
      file: r.regular.file,
      status: r.status,
      substitute: r.substitute,
      bundled: r.bundled,
      licence: r.licence,
      standard: STANDARD_FACES[role],
      bold: r.bold ? { face: r.bold.face, file: r.bold.file } : null,
    };
  });
  if (values.json) {
    io.out(JSON.stringify({ fonts: rows }, null, 2));
    return 0;
  }
  for (const r of rows) {
    io.out(`${r.name}（${r.role}）  ${r.face}  ${STATUS[r.status]}${r.status === 'standard' ? '' : `（标准字体为 ${r.standard}）`}  ${r.bundled ? '随附' : '系统'}  ${r.licence}`);
    if (r.bold) io.out(`    粗体：${r.bold.face}`);
  }
  const stand = rows.filter((r) => r.substitute);
  if (stand.length) io.out(`替代字体：${stand.map((r) => `${r.name} 由 ${r.face} 代替`).join('；')}。通知 PDF 中会提示；DOCX 仍写明标准字体名，收文方的 Word/WPS 有该字体时按其排版。`);
  return 0;
}
