// Command-line options of `npm run bench`.

export interface BenchOptions {
  runs: number;
  /** Skip `npm run build` (the app's dist/ is reused); the bench pages are always rebuilt. */
  skipBuild: boolean;
  port: number;
  /** Only these figure groups (b1, b5, b6, b7, stream, b8, b9, locks); all when empty. */
  only: string[];
}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { runs: 5, skipBuild: false, port: 4191, only: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const next = argv[index + 1];
    if (argument === '--runs' && next !== undefined) {
      options.runs = Math.max(1, Number.parseInt(next, 10) || 5);
      index += 1;
    } else if (argument === '--port' && next !== undefined) {
      options.port = Number.parseInt(next, 10);
      index += 1;
    } else if (argument === '--only' && next !== undefined) {
      options.only = next.split(',').map((name) => name.trim().toLowerCase());
      index += 1;
    } else if (argument === '--skip-build') {
      options.skipBuild = true;
    }
  }
  return options;
}

export function wants(options: BenchOptions, group: string): boolean {
  return options.only.length === 0 || options.only.includes(group);
}
