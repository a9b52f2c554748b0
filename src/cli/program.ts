// The command line: commands, flags and exit codes. Thin: the work is in sim/ and batch/. main.ts
// runs it for the process; tests run it in-process with their own streams (runCli).

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { type CliIo, io, withIo } from './io.js';

// Commands (and errors.ts, which reaches the scenario code) are imported when used: a batch starts
// its workers before this thread loads the model and the scenarios.

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

async function fail(e: unknown): Promise<number> {
  const { code, message } = (await import('./errors.js')).exitCodeFor(e);
  io().stderr.write(`tariff-sim: ${message}\n`);
  return code;
}

/** The exit code of one call of the CLI, set by the command that ran. */
interface Outcome {
  code: number;
}

/** The shipped scenario that starts from the latest confirmed state of the world (`npm start`). */
const TODAY = 'today';

export function buildProgram(outcome: Outcome = { code: 0 }): Command {
  /** Runs a command body; any error becomes one line on stderr and its exit code. */
  const action =
    <A extends unknown[]>(body: (...args: A) => void | number | Promise<void | number>) =>
    async (...args: A) => {
      try {
        const code = await body(...args);
        if (typeof code === 'number') outcome.code = code;
      } catch (e) {
        outcome.code = await fail(e);
      }
    };
  const program = new Command();
  program
    .name('tariff-sim')
    .description('US-China tariff-escalation scenarios: scripted runs, what-if sessions, Monte Carlo batches')
    .version(pkg.version)
    // Usage mistakes are one line like every other error: `tariff-sim: unknown option '--x' (...)`.
    .configureOutput({
      writeOut: (s) => io().stdout.write(s),
      writeErr: (s) => io().stderr.write(s),
      outputError: (s, write) => write(`tariff-sim: ${s.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (run with --help for usage)\n`),
    })
    .addHelpText('after', '\nExamples:\n  tariff-sim list\n  tariff-sim run busan-truce\n  tariff-sim validate my-scenario.yaml\n  tariff-sim batch busan-truce --runs 1000\n  tariff-sim schema > scenario.schema.json\n\nEvery command has --help with examples. Exit codes: 0 ok, 1 failure while running, 2 bad input or usage.')
    .exitOverride();

  program
    .command('run')
    .description('run one scenario and show its outcome')
    .argument('<scenario>', 'a scenario file, or the name of a shipped scenario (see `list`)')
    .option('--seed <n>', "seed for the random stream (default: the scenario's)")
    .option('--steps <n>', "number of steps (default: the scenario's horizon)")
    .option('--run-index <i>', 'reproduce run i of a batch: parameters drawn as that run drew them')
    .option('--json', 'every step and event as JSON')
    .option('--csv', 'every step as CSV')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  tariff-sim run busan-truce\n  tariff-sim run scenarios/rare-earth-squeeze.yaml --csv --out squeeze.csv\n  tariff-sim run busan-truce --seed 7 --run-index 42 --json')
    .action(action(async (scenario: string, flags) => (await import('./commands/run.js')).runCommand(scenario, flags)));

  program
    .command('batch')
    .description('Monte Carlo runs of several scenarios side by side, paired run by run')
    .argument('<scenario...>', 'scenario files or names of shipped scenarios')
    .option('--runs <n>', 'number of runs (each scenario sees the same parameter draws and shocks in run i)')
    .option('--seed <n>', "seed for every run's streams (default: the first scenario's)")
    .option('--steps <n>', "number of steps (default: each scenario's horizon)")
    .option('--workers <n>', 'worker threads, at most 8 (default: one per 10,000 runs of each scenario, up to the cores)')
    .option('--baseline <name>', 'also summarise each scenario minus this one, run by run')
    .option('--sweep <param=a:b:n>', 'run over an n-point grid of one parameter, pinned at each value')
    .option('--json', 'the summaries as JSON')
    .option('--csv', 'every run and step as long-form CSV, streamed in run order')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--report <file.html>', 'also write a self-contained HTML report with fan charts')
    .option('--shard <k/n>', 'compute the k-th of n parts of the runs and write a part file for `merge` (with --csv: those runs\' rows)')
    .option('--resume', 'finish a batch stopped by Ctrl-C, SIGTERM or a failure, from the checkpoint beside --out (same command otherwise)')
    .option('--fresh', 'start again when --out has an interrupted batch\'s checkpoint, discarding it (without it, that is refused)')
    .addHelpText('after', '\nExamples:\n  tariff-sim batch busan-truce truce-lapses rare-earth-squeeze --runs 10000 --baseline busan-truce\n  tariff-sim batch busan-truce --runs 100000 --csv --out runs.csv\n  tariff-sim batch busan-truce --runs 1000 --sweep armington_sigma=2:8:4 --report sweep.html\n  tariff-sim batch busan-truce --runs 1000000 --shard 3/8 --out part-3.json\n  tariff-sim batch busan-truce --runs 100000 --csv --out runs.csv --resume   # after Ctrl-C\n\nWith --out, finished runs are checkpointed in FILE.checkpoint.json (and FILE.checkpoint.rows for --csv);\nCtrl-C or SIGTERM stops the workers, keeps the checkpoint and exits 130 or 143; FILE itself is only\never written whole. The same command with --resume gives byte-identical output. While a batch runs,\nFILE.lock holds its pid: a second batch on the same --out is refused.')
    .action(
      action(async (scenarios: string[], flags) => {
        // The workers load their modules while this thread loads and plans.
        const pool = (await import('../batch/pool.js')).earlyPool(flags, scenarios.length);
        return (await import('./commands/batch.js')).batchCommand(scenarios, flags, pool);
      }),
    );

  program
    .command('merge')
    .description('join the part files of a sharded batch into its summary JSON')
    .argument('<part...>', 'part files written by `batch --shard k/n`')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--report <file.html>', 'also write the HTML report')
    .addHelpText('after', '\nExamples:\n  tariff-sim merge part-*.json --out summary.json')
    .action(action(async (parts: string[], flags) => (await import('./commands/merge.js')).mergeCommand(parts, flags)));

  program
    .command('validate')
    .description('check scenario files: schema, seeds, and a dry run of their scripts')
    .argument('<file...>', 'scenario files')
    .addHelpText('after', '\nExamples:\n  tariff-sim validate scenarios/*.yaml')
    .action(action(async (files: string[]) => (await import('./commands/validate.js')).validateCommand(files)));

  program
    .command('list')
    .description('list the shipped scenarios')
    .addHelpText('after', '\nExamples:\n  tariff-sim list')
    .action(action(async () => (await import('./commands/list.js')).listCommand()));

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors: yaml-language-server)')
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', '\nExamples:\n  tariff-sim schema > scenario.schema.json\n  tariff-sim schema --out schema/scenario.schema.json')
    .action(action(async (flags: { out?: string }) => (await import('./commands/schema.js')).schemaCommand(flags)));

  program
    .command('play')
    .description('an interactive what-if session in the terminal: step, move, branch, compare, save')
    .argument('[scenario]', 'a scenario file, or the name of a shipped scenario', 'busan-truce')
    .option('--seed <n>', "seed for the random stream (default: the scenario's)")
    .addHelpText('after', '\nExamples:\n  tariff-sim play\n  tariff-sim play scenarios/rare-earth-squeeze.yaml')
    .action(action(async (scenario: string, flags: { seed?: string }) => (await import('./commands/play.js')).playCommand(scenario, flags)));

  program
    .command('start', { hidden: true })
    .description('what `npm start` runs: play the scenario that starts today on a terminal, else run it')
    .action(action(async () => (process.stdin.isTTY && io().stdout.isTTY ? (await import('./commands/play.js')).playCommand(TODAY) : (await import('./commands/run.js')).runCommand(TODAY, {}))));

  return program;
}

/** Runs the CLI on `argv` (as process.argv: node, script, then the arguments) and returns its exit code. */
export async function runCli(argv: string[], streams?: CliIo): Promise<number> {
  const body = async () => {
    const outcome = { code: 0 };
    const program = buildProgram(outcome);
    try {
      await program.parseAsync(argv);
      return outcome.code;
    } catch (e) {
      // Help and version exit 0; every usage mistake exits 2 (commander already printed it).
      if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
      return fail(e);
    }
  };
  return streams ? withIo(streams, body) : body();
}
