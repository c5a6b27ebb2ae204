// `sitrep eval ...`: measure sitrep against gold data. Each evaluator is loaded only when its
// subcommand runs. The `eval` group is shared: acled/all here, geoparse added beside them.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a positive whole number');
  return Number(value);
}

function byField(value: string): string {
  if (value !== 'country') throw new InvalidArgumentError('expected "country"');
  return value;
}

export function registerEval(program: Command): Command {
  const evalCommand = program
    .command('eval')
    .description('Measure sitrep against gold data (ACLED notes, whole articles, MUC-4 reports, geoparsing corpora)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sitrep eval all                                   # every file in ../shared/eval-data\n' +
        '  sitrep eval acled --errors misses.jsonl ../shared/eval-data/acled-notes/acled_afghanistan_2020-03.csv\n' +
        '  sitrep eval geoparse ../shared/eval-data/geoparsing-gold/lgl.xml',
    );

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
    .option('--by <field>', 'also print the metrics for each value of a field: country (with row counts)', byField)
    .addHelpText(
      'after',
      '\nRequired: <gold>, an ACLED CSV with a notes column.\n\nExamples:\n' +
        '  sitrep eval acled ../shared/eval-data/acled-notes/acled_afghanistan_2020-03.csv\n' +
        '  sitrep eval acled ../shared/eval-data/acled-notes/acled_global_dev.csv --by country\n' +
        '  sitrep eval acled GOLD.csv --limit 500 --errors misses.jsonl\n',
    )
    .action(async (gold: string, opts: { limit?: number; json?: boolean; errors?: string; by?: string }) => {
      const { runAcledCommand } = await import('../eval/all.js');
      await runAcledCommand(gold, opts);
    });

  evalCommand
    .command('articles')
    .description(
      'Extract events from whole articles coded as ACLED would (JSONL: id, date, text, events with main: true ' +
        'on the main event, background) and score them: docs_no_event_correct, event_precision (a prediction ' +
        'dated like a background event of its article is left out), event_recall, main_event_found, and on ' +
        'matched pairs event_type, sub_event_type, fatalities, actors, date, loc25; spurious events per article. ' +
        'A prediction matches a gold event when the dates agree (1 day; 4 days at time_precision 2; 16 days or ' +
        'the same month at 3) and the places agree (50 km; the same admin1 without coordinates)',
    )
    .argument('<gold>', 'gold JSONL, e.g. ../shared/eval-data/guardian-sdf/gold.jsonl')
    .option('--limit <n>', 'only the first N articles', positiveInt)
    .option('--json', 'print the metrics as JSON')
    .option('--errors <file>', 'write each article with a miss as JSONL (missed gold, spurious predictions, field misses)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sitrep eval articles ../shared/eval-data/guardian-sdf/gold.jsonl\n' +
        '  sitrep eval articles gold.jsonl --errors article-misses.jsonl --json\n',
    )
    .action(async (gold: string, opts: { limit?: number; json?: boolean; errors?: string }) => {
      const { runArticlesCommand } = await import('../eval/documents.js');
      await runArticlesCommand(gold, opts);
    });

  evalCommand
    .command('muc')
    .description(
      'Score recall on MUC-4 terrorism reports mapped to ACLED fields (MUC codes no battles, so extra events are ' +
        'not scored): a gold incident is found by a prediction in the same country, at a place on its location ' +
        'path (or the path is the country alone), dated within 3 days (on-or-before dates: within 45 days before); ' +
        'on found incidents event_type, perpetrator, fatalities and the exact date',
    )
    .argument('<gold>', 'MUC gold JSONL, e.g. ../shared/eval-data/muc4/dev.jsonl')
    .option('--limit <n>', 'only the first N documents', positiveInt)
    .option('--json', 'print the metrics as JSON')
    .option('--errors <file>', 'write each document with a missed incident or field as JSONL')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sitrep eval muc ../shared/eval-data/muc4/dev.jsonl\n' +
        '  sitrep eval muc ../shared/eval-data/muc4/dev.jsonl --limit 100 --errors muc-misses.jsonl\n',
    )
    .action(async (gold: string, opts: { limit?: number; json?: boolean; errors?: string }) => {
      const { runMucCommand } = await import('../eval/documents.js');
      await runMucCommand(gold, opts);
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
    .option('--errors <file>', 'write the misses of all files as JSONL (each record names its file)')
    .addHelpText(
      'after',
      '\nRequired: nothing.\n\nCovers acled-notes/*.csv, geoparsing-gold (lgl, GeoVirus), guardian-sdf/gold.jsonl (eval articles),\n' +
        'muc4/dev.jsonl (eval muc), and events per article on GeoVirus and bbc-news/dev.jsonl (false alarms).\n' +
        '\nExamples:\n' +
        '  sitrep eval all                                   # the same as npm run eval\n' +
        '  sitrep eval all --limit 200 --json > eval.json\n',
    )
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
    .option('--country <name>', "the country the reports are about (name or ISO code): read every headline's places there first, instead of learning each outlet's country from a first reading")
    .option('--from <date>', 'only reports dated on or after this day (YYYY-MM-DD): a held-out half')
    .option('--to <date>', 'only reports dated on or before this day (YYYY-MM-DD)')
    .option('--errors <file>', 'write the missed coreferent pairs, each with its cause, as JSONL')
    .option('--json', 'print the metrics as JSON')
    .addHelpText('after', '\nExamples:\n  sitrep eval dedup ../shared/eval-data/ucdp-ged-syria/dedup\n  sitrep eval dedup --country Syria\n')
    .action(async (dir: string | undefined, opts: { limit?: number; json?: boolean; country?: string; from?: string; to?: string; errors?: string }) => {
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
    .addHelpText('after', '\nRequired: <gold>, a gold XML file.\n\nExample:\n  sitrep eval geoparse --errors geo-misses.jsonl ../shared/eval-data/geoparsing-gold/lgl.xml')
    .action(async (gold: string, opts: { limit?: number; demonyms: boolean; json?: boolean; errors?: string }) => {
      const { evaluateGeoparse, formatGeoparseReport } = await import('../geography/eval.js');
      const result = evaluateGeoparse(gold, opts);
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatGeoparseReport(result));
    });

  evalCommand
    .command('reviewed')
    .description(
      'Score the current extraction against the events analysts confirmed or edited in the store, with ' +
        '`eval acled`\'s measures (each reviewed event\'s document is extracted again)',
    )
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)')
    .option('--json', 'print the metrics as JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const [{ openConfiguredStore }, { createExtractor }, { evaluateReviewed }, { acledReportJson, formatAcledReport }] = await Promise.all([
        import('../store/index.js'), import('../pipeline/index.js'), import('../review/eval-reviewed.js'), import('../eval/report.js'),
      ]);
      const store = await openConfiguredStore(opts.db);
      try {
        const report = await evaluateReviewed(store, createExtractor(), `reviewed events in ${store.toString()}`);
        if (report.metrics.rows === 0) process.stderr.write('sitrep eval reviewed: no confirmed or edited events in the store yet\n');
        process.stdout.write(opts.json ? JSON.stringify(acledReportJson(report), null, 2) + '\n' : formatAcledReport(report));
      } finally {
        await store.close();
      }
    });

  return evalCommand;
}
