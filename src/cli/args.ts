// A small, strict argument parser shared by the CLI commands.

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** Parse `--name value`, `--name=value` and boolean `--name`; throws on unknown or incomplete flags. */
export function parseArgs(argv: string[], spec: { boolean: string[]; value: string[] }): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.boolean.includes(name)) {
      if (inline !== undefined) throw new Error(`--${name} takes no value`);
      flags.set(name, true);
    } else if (spec.value.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new Error(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return { flags, positional };
}
