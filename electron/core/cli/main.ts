/**
 * The headless `huibian` command. It goes through the same API table as the desktop app
 * (import.preview/commit, export.run), so what works here works there.
 *
 * This module only reads the command name: each command's module is imported when it runs, so
 * `huibian list` never parses the exporters, `--help` loads no command at all, and the API
 * table is loaded by the command that opens the library (library.ts).
 */
import { HELP, showHelp } from './help.js';
import { defaultIo, type Io } from './io.js';
import { EXIT_USAGE, UsageError } from './usage.js';

export type { Io } from './io.js';

type Run = (args: string[], io: Io) => Promise<number>;

/** Every command and where it lives; import() strings stay literal so esbuild splits them. */
const COMMANDS: Record<string, () => Promise<Run>> = {
  import: async () => (await import('./import.js')).cmdImport,
  list: async () => (await import('./list.js')).cmdList,
  search: async () => (await import('./list.js')).cmdSearch,
  export: async () => (await import('./export.js')).cmdExport,
  demo: async () => (await import('./demo.js')).cmdDemo,
  fonts: async () => (await import('./fonts.js')).cmdFonts,
  status: async () => (await import('./status.js')).cmdStatus,
  proof: async () => (await import('./proof.js')).cmdProof,
  'team-server': async () => (await import('./team.js')).cmdTeamServer,
  'team-user': async () => (await import('./team.js')).cmdTeamUser,
  team: async () => (await import('./team.js')).cmdTeam,
  'review-pack': async () => (await import('./team.js')).cmdReviewPack,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (io === defaultIo) {
    // `huibian search … | head` closes the pipe early: that is not an error
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    if (command === 'help' && rest[0] && HELP[rest[0]]) return showHelp(rest[0], io);
    showHelp('main', io);
    return command ? 0 : EXIT_USAGE;
  }
  if (command === '--version' || command === '-v') {
    io.out((await import('../api/version.js')).appVersion());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    const problem = command.startsWith('-') ? `${command} 不是命令，选项要写在命令之后（huibian <命令> [选项]）` : `没有“${command}”这个命令`;
    io.err(new UsageError(null, problem).message);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    io.err(`huibian ${command}：${(error as Error).message}`);
    return 1;
  }
}
