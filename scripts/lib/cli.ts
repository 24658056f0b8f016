/**
 * What Sao's command-line tools (ifc, ids, ifc2tiles) share: exit codes, usage and bad-input messages in English
 * and Vietnamese on stderr, reading an input file with a message a person can act on, and ending quietly when the
 * reader of stdout goes away.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LocalizedText } from '../../src/geo';

/** 2 for input that cannot be used, as `npm run crs` does; 64 is sysexits.h EX_USAGE. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_USAGE = 64;

const READ_ERRORS: Record<string, LocalizedText> = {
  ENOENT: { en: 'no such file', vi: 'không có tệp này' },
  EISDIR: { en: 'this is a folder, not a file', vi: 'đây là thư mục, không phải tệp' },
  EACCES: { en: 'permission denied', vi: 'không có quyền đọc tệp' },
};

export interface Cli {
  /** Prints the problem and the usage text on stderr; returns EXIT_USAGE. */
  usageError(problem: string): number;
  /** Prints why `subject` (a file, a folder) cannot be used, in both languages; returns EXIT_BAD_INPUT. */
  badInput(subject: string, message: LocalizedText): number;
  /**
   * `parseArgs(config)`, or an exit code when the run ends here: the usage text on stdout and 0 for `--help` (the
   * config must declare it), the problem and the usage on stderr and EXIT_USAGE for arguments it cannot parse.
   */
  parse<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> | number;
}

export function createCli(name: string, usage: string): Cli {
  // Plain functions, not methods: the tools destructure them.
  const usageError = (problem: string): number => {
    process.stderr.write(`${name}: ${problem}\n\n${usage}`);
    return EXIT_USAGE;
  };
  const badInput = (subject: string, message: LocalizedText): number => {
    process.stderr.write(`${name}: ${subject}: ${message.en}\n${name}: ${subject}: ${message.vi}\n`);
    return EXIT_BAD_INPUT;
  };
  const parse = <T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> | number => {
    let parsed;
    try {
      parsed = parseArgs(config);
    } catch (error) {
      return usageError((error as Error).message);
    }
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(usage);
      return 0;
    }
    return parsed;
  };
  return { usageError, badInput, parse };
}

/** The file's bytes, or why it cannot be read (no such file, a folder, no permission, …). */
export async function readInputFile(file: string): Promise<Uint8Array | LocalizedText> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const detail = (error as Error).message;
    return READ_ERRORS[code] ?? { en: `cannot read the file: ${detail}`, vi: `không đọc được tệp: ${detail}` };
  }
}

/** Runs `main` and sets the exit code; a closed pipe downstream (`| head`) ends the run quietly, as for any filter. */
export async function runCli(main: (args: string[]) => Promise<number>): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  process.exitCode = await main(process.argv.slice(2));
}
