/** Where a command writes: the terminal, or lines a test collects. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const defaultIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
