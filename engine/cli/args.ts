/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. */

export interface ParsedArgs {
  readonly positionals: string[];
  /** The last value of each flag. */
  readonly flags: Map<string, string | true>;
  /** Every value of a valued flag given several times (`--input a=x.npy --input b=y.npy`). */
  readonly repeated: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const set = (key: string, value: string): void => {
    flags.set(key, value);
    repeated.set(key, [...(repeated.get(key) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = arg.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) set(key, arg.slice(eq + 1));
      else if (valued.has(key) && i + 1 < argv.length) set(key, argv[++i]!);
      else flags.set(key, true);
    } else if (arg === '-h') flags.set('help', true);
    else positionals.push(arg);
  }
  return { positionals, flags, repeated };
}
