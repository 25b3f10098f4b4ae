/** `huibian team-server` as a process of its own (benchmarks measure its memory alone). */
import { cmdTeamServer } from './team.js';
import { EXIT_USAGE, UsageError } from './usage.js';

const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
try {
  process.exitCode = await cmdTeamServer(process.argv.slice(2), io);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  io.err(error.message);
  process.exitCode = EXIT_USAGE;
}
