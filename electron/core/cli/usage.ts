/**
 * Usage errors of the `huibian` command: what was wrong with the command line, in Chinese,
 * naming the option, and where to read the usage. node:util's parseArgs reports an unknown
 * option or a missing value in English, so its errors are put into words here; the English
 * text is kept only for a case this module does not know, so nothing is lost. Every usage
 * error exits with status 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(
    /** The command the line was for, or null for the command name itself. */
    readonly command: string | null,
    /** What was wrong, one or more sentences. */
    readonly problem: string,
  ) {
    super(`huibian${command ? ` ${command}` : ''}：${problem}\n${command ? `用法见 huibian ${command} --help` : '命令列表见 huibian --help'}`);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** parseArgs in strict mode with -h/--help added, its errors as UsageErrors of `command`. */
export function parseCommand(command: string, args: string[], options: Options, { positionals = true } = {}): { values: Values; positionals: string[] } {
  const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
  try {
    const parsed = parseArgs({ args, options: all, allowPositionals: positionals, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(command, explain(error, all, positionals));
  }
}

/** The options of a command as a user types them: --db、--json、-h/--help. */
function optionList(options: Options): string {
  return Object.entries(options)
    .map(([name, o]) => (o.short ? `-${o.short}/--${name}` : `--${name}`))
    .join('、');
}

/** A parseArgs error in Chinese; parseArgs names the option in quotes ('--db <value>', '-d, --db'). */
export function explain(error: unknown, options: Options, positionals = true): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const flag = quoted.replace(/ <value>$/, '').split(', ').pop()!;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `没有 ${flag} 这个选项。可用的选项：${optionList(options)}${positionals ? `。以 - 开头的文件名请写在 -- 之后，如 -- ${flag}` : ''}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message)) return `${flag} 后面缺少取值`;
      if (/does not take an argument/.test(message)) return `${flag} 是开关，不带取值：写 ${flag} 即可`;
      if (/ambiguous/.test(message)) return `${flag} 后面缺少取值：紧跟的参数以 - 开头，被当作了下一个选项；取值本身以 - 开头时请写成 ${flag}=取值`;
      break;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${quoted}”：这个命令只接受选项`;
  }
  return `命令行有误（${message}）`;
}
