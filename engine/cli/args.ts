/** A small argument parser: positionals, `--flag`, `--key value` and `--key=value`. */

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = arg.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) flags.set(key, arg.slice(eq + 1));
      else if (valued.has(key) && i + 1 < argv.length) flags.set(key, argv[++i]!);
      else flags.set(key, true);
    } else if (arg === '-h') flags.set('help', true);
    else positionals.push(arg);
  }
  return { positionals, flags };
}
