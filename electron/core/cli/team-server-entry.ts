/** `huibian team-server` as a process of its own (benchmarks measure its memory alone). */
import { cmdTeamServer } from './team.js';

const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
process.exitCode = await cmdTeamServer(process.argv.slice(2), io);
