// `sitrep eval ...`: measure sitrep against gold data. Each evaluator is loaded only when its
// subcommand runs. The `eval` group is shared: acled/all here, geoparse added beside them.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

export function registerEval(program: Command): Command {
  const evalCommand = program
    .command('eval')
    .description('Measure sitrep against gold data (ACLED notes, geoparsing corpora)');

  evalCommand
    .command('acled')
    .description(
      'Extract events from each row\'s `notes` alone and score the first event against the row ' +
        '(type, date, fatalities, place, actors, interaction), and report what the notes state (the year, ' +
        'the place): an upper bound on the date and location scores',
    )
    .argument('<gold>', 'ACLED export (CSV) with a notes column')
    .option('--limit <n>', 'only the first N rows that have notes', positiveInt)
    .option('--json', 'print the metrics as JSON')
    .option('--errors <file>', 'write the misses as JSONL (note, gold, prediction, missed metrics)')
    .action(async (gold: string, opts: { limit?: number; json?: boolean; errors?: string }) => {
      const { runAcledCommand } = await import('../eval/all.js');
      await runAcledCommand(gold, opts);
    });

  evalCommand
    .command('all')
    .description(
      'Run every evaluation whose data is present (../shared/eval-data beside the repository, or --data) ' +
        'and print one table',
    )
    .option('--data <dir>', 'eval-data directory (default: ../shared/eval-data relative to the repository)')
    .option('--limit <n>', 'only the first N rows (ACLED) of each file', positiveInt)
    .option('--json', 'print the metrics as JSON')
    .option('--errors <file>', 'write the ACLED misses of all files as JSONL')
    .action(async (opts: { data?: string; limit?: number; json?: boolean; errors?: string }) => {
      const { runAllCommand } = await import('../eval/all.js');
      await runAllCommand(opts);
    });

  evalCommand
    .command('dedup')
    .description(
      'Score the merging of reports of the same event: each report of DIR/reports.jsonl is a document ' +
        '(headline, outlet, date); the events sitrep forms are scored against DIR/strict_gold.jsonl with ' +
        'pairwise and B-cubed precision, recall and F1',
    )
    .argument('[dir]', 'directory with reports.jsonl and strict_gold.jsonl (default: ../shared/eval-data/ucdp-ged-syria/dedup)')
    .option('--limit <n>', 'only the first N reports', positiveInt)
    .option('--json', 'print the metrics as JSON')
    .addHelpText('after', '\nExample:\n  sitrep eval dedup ../shared/eval-data/ucdp-ged-syria/dedup\n')
    .action(async (dir: string | undefined, opts: { limit?: number; json?: boolean }) => {
      const { defaultDataDir } = await import('../eval/all.js');
      const { evaluateDedup, formatDedupReport } = await import('../eval/dedup.js');
      const { createExtractor } = await import('../pipeline/index.js');
      const { join } = await import('node:path');
      const target = dir ?? join(defaultDataDir(), 'ucdp-ged-syria', 'dedup');
      const metrics = evaluateDedup(target, createExtractor(), opts);
      process.stdout.write(opts.json ? JSON.stringify(metrics, null, 2) + '\n' : formatDedupReport(target, metrics));
    });

  evalCommand
    .command('geoparse')
    .description(
      'Score the geoparser on a gold corpus (LGL-style <toponym> or GeoVirus-style <location> XML): ' +
        'detection precision/recall/F1 and end-to-end acc@161 km',
    )
    .argument('<gold>', 'gold XML file, e.g. ../shared/eval-data/geoparsing-gold/lgl.xml')
    .option('--limit <n>', 'only the first N articles', positiveInt)
    .option('--no-demonyms', 'do not report demonyms ("Syrian") as place mentions')
    .option('--json', 'print the metrics as JSON')
    .option('--errors <file>', 'write the misses (missed, misplaced, spurious) as JSONL')
    .action(async (gold: string, opts: { limit?: number; demonyms: boolean; json?: boolean; errors?: string }) => {
      const { evaluateGeoparse, formatGeoparseReport } = await import('../geography/eval.js');
      const result = evaluateGeoparse(gold, opts);
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatGeoparseReport(result));
    });

  return evalCommand;
}
