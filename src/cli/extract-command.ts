// `sitrep extract`: articles in, events out (JSONL, ACLED CSV or GeoJSON) on standard output.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { InputOptions } from './document-run.js';

export const INPUT_FORMATS = ['text', 'jsonl', 'json', 'csv', 'html', 'feed'] as const;
export const OUTPUT_FORMATS = ['jsonl', 'acled-csv', 'geojson'] as const;
/** ACLED CSV layouts (src/output/acled-csv.ts), listed here so that --help loads no output module. */
export const CSV_LAYOUTS = ['2024', '2020'] as const;

export function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of guessing from the extension').choices(INPUT_FORMATS))
    .option('--text-column <name>', 'CSV column holding the article text', 'text')
    .option('--id-column <name>', 'CSV column holding the document id', 'id')
    .option('--date-column <name>', 'CSV column holding the publication date (YYYY-MM-DD)', 'date')
    .option(
      '--focus-country <country>',
      'the country the articles are about (ISO2, ISO3 or name): a town named alone is read there first ' +
        '(headlines, short wire items); places the text puts elsewhere stay elsewhere',
    );
}

interface ExtractOptions extends InputOptions {
  format: (typeof OUTPUT_FORMATS)[number];
  layout: (typeof CSV_LAYOUTS)[number];
  demonyms: boolean;
  places?: string;
  quiet?: boolean;
}

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .summary('extract ACLED-schema events from articles')
    .description(
      'Read news articles and print the conflict events they report, one per line (JSONL) or as ACLED CSV\n' +
        'or GeoJSON. Each event carries the evidence for its fields: character offsets into the text.\n\n' +
        'Inputs: plain text (a first line `date YYYY-MM-DD`, or header lines date:/title:/source:/url:),\n' +
        'JSONL or JSON (objects with text, id, date, title, source, url), CSV (see --text-column),\n' +
        'HTML pages and RSS/Atom feeds. The format follows the extension unless --input-format is given.\n' +
        'Use - for standard input. Bad documents are reported on stderr and skipped; the exit code is 1\n' +
        'if any input was bad, 0 otherwise.',
    )
    .argument('[files...]', 'article files, or - for standard input', ['-'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('jsonl'))
    .addOption(new Option('--layout <year>', "ACLED CSV layout: 2024 (disorder_type, civilian_targeting, tags, numeric iso) or 2020 (numeric inter codes, iso3)").choices(CSV_LAYOUTS).default('2024'))
    .option('--no-demonyms', 'do not report demonyms ("Syrian") as place mentions')
    .option('--places <tsv>', 'extra gazetteer entries: TSV with name, aliases, lat, lon, country, admin1')
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      '\nRequired: nothing (reads standard input without files).\n\nExamples:\n' +
        '  sitrep extract samples/articles/garissa-clash.txt\n' +
        '  sitrep extract --format acled-csv feed.xml > events.csv\n' +
        '  sitrep extract --format acled-csv --layout 2020 samples/articles/*.txt > events-2020.csv\n' +
        '  cat articles.jsonl | sitrep extract --input-format jsonl -\n' +
        '  sitrep extract --text-column body --date-column published news.csv\n' +
        '  sitrep extract --focus-country Syria headlines.jsonl     # "airstrikes on Palmyra": Syria, not Missouri',
    );
  addInputOptions(cmd).action(async (files: string[], options: ExtractOptions) => {
    const { runExtract } = await import('./extract-run.js');
    process.exitCode = await runExtract(files, options);
  });
}

export type { ExtractOptions };
