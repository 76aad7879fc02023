/**
 * The dataset CLI.
 *
 *   npm run data -- check      validate data/: schema, duplicates, sourcing, fiscal calendars, growth, FX.
 *                              Prints errors, then warnings; exits 1 on any error (2 with --strict on warnings).
 *   npm run data -- facts      one JSON line per data point (DESIGN.md, "Stable interfaces").
 *   npm run data -- coverage   the coverage table of DATA.md, in Markdown.
 *
 * Options: --data DIR reads another data folder (tests use fixtures); --strict also fails on warnings.
 */
import path from 'node:path';
import { checkDatasetInputs, formatProblem, type Problem } from '../src/dataset/check';
import { coverageTable } from '../src/dataset/coverage';
import { listFacts } from '../src/dataset/queries';
import { DatasetError } from '../src/dataset/assemble';
import { DATA_DIR, loadDataset, readDatasetInputs } from './lib/load-dataset';

const USAGE = 'usage: npm run data -- <check|facts|coverage> [--data DIR] [--strict]';

interface Options {
  command: string | undefined;
  dataDir: string;
  strict: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { command: undefined, dataDir: DATA_DIR, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data') {
      const dir = argv[++i];
      if (!dir) throw new Error('--data needs a folder');
      options.dataDir = path.resolve(dir);
    } else if (arg === '--strict') options.strict = true;
    else if (!options.command && !arg.startsWith('-')) options.command = arg;
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  return options;
}

/** Writes to stdout and waits for it to drain, so that large outputs are not cut when piped. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

function printSection(title: string, problems: Problem[], stream: NodeJS.WriteStream): void {
  if (problems.length === 0) return;
  stream.write(`${title} (${problems.length}):\n`);
  for (const problem of problems) stream.write(`  ${formatProblem(problem)}\n`);
}

async function runCheck(options: Options): Promise<number> {
  const inputs = await readDatasetInputs(options.dataDir);
  const report = checkDatasetInputs(inputs.meta, inputs.companies, inputs.fx);
  const errors: Problem[] = [
    ...inputs.unreadable.map((line) => ({ severity: 'error' as const, file: line.split(': ')[0] ?? '', where: '', message: line.split(': ').slice(1).join(': ') })),
    ...report.errors,
  ];
  printSection('Errors', errors, process.stderr);
  printSection('Warnings', report.warnings, process.stdout);
  const companies = inputs.companies.length;
  const summary = `data check: ${companies} company file${companies === 1 ? '' : 's'}, ${errors.length} error${errors.length === 1 ? '' : 's'}, ${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}`;
  if (errors.length > 0) {
    process.stderr.write(`${summary}\n`);
    return 1;
  }
  process.stdout.write(`${summary}\n`);
  return options.strict && report.warnings.length > 0 ? 2 : 0;
}

async function runFacts(options: Options): Promise<number> {
  const dataset = await loadDataset(options.dataDir);
  const lines = listFacts(dataset).map((line) => JSON.stringify(line));
  await write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return 0;
}

async function runCoverage(options: Options): Promise<number> {
  const dataset = await loadDataset(options.dataDir);
  await write(`${coverageTable(dataset)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 64;
  }
  try {
    switch (options.command) {
      case 'check':
        return await runCheck(options);
      case 'facts':
        return await runFacts(options);
      case 'coverage':
        return await runCoverage(options);
      default:
        process.stderr.write(`${USAGE}\n`);
        return 64;
    }
  } catch (error) {
    const message = error instanceof DatasetError ? `${error.message}\nRun \`npm run data -- check\` for every problem.` : (error as Error).message;
    process.stderr.write(`${message}\n`);
    return 1;
  }
}

// A reader closing the pipe early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
