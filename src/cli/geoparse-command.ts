// `sitrep geoparse`: the places each document names, resolved to gazetteer entries, one JSON line
// per document. The heavy modules load only when the command runs.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { InputOptions } from './document-run.js';
import { addInputOptions } from './extract-command.js';

export interface GeoparseOptions extends InputOptions {
  format: 'jsonl';
  demonyms: boolean;
  places?: string;
  quiet?: boolean;
}

export function registerGeoparse(program: Command): void {
  const cmd = program
    .command('geoparse')
    .summary('find the places articles name and put them on the map')
    .description(
      'Print one JSON line per document: { "doc_id", "places": [{ "start", "end", "text", "name",\n' +
        '"country_code", "admin1", "latitude", "longitude", "geonameid"?, "feature", "score" }] }.\n' +
        'Offsets are UTF-16 code-unit offsets into the document\'s original text. Inputs as for `sitrep extract`.',
    )
    .argument('[files...]', 'article files, or - for standard input', ['-'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl']).default('jsonl'))
    .option('--no-demonyms', 'do not report demonyms ("Syrian") as place mentions')
    .option('--places <tsv>', 'extra gazetteer entries: TSV with name, aliases, lat, lon, country, admin1')
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      '\nRequired: nothing (reads standard input without files).\n\nExamples:\n' +
        '  sitrep geoparse samples/articles/dhaka-protest.txt\n' +
        '  sitrep geoparse --focus-country Kenya samples/articles/garissa-clash.txt\n' +
        '  echo "Clashes near Idlib and Aleppo." | sitrep geoparse -',
    );
  addInputOptions(cmd).action(async (files: string[], options: GeoparseOptions) => {
    const { runGeoparse } = await import('./geoparse-run.js');
    process.exitCode = await runGeoparse(files, options);
  });
}
