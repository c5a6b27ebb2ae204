// sitrep's command line. Each command lives in its own module, loaded only when it runs,
// so that `sitrep --help` and small jobs start fast.
import { Command } from 'commander';
import { registerExtract } from './extract-command.js';
import { registerEval } from './eval-command.js';
import { registerIngest } from './ingest-command.js';
import { registerExport } from './export-command.js';
import { registerServe } from './serve-command.js';
import { registerGeoparse } from './geoparse-command.js';
import { registerReview } from './review-commands.js';
import { registerMerge } from './merge-command.js';
import { registerFeeds, registerWorker } from './feeds-command.js';

const program = new Command();
program
  .name('sitrep')
  .description(
    'Turn news reports into conflict-event data in ACLED\'s schema, with the text that supports every field.',
  )
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)');

registerExtract(program);
registerEval(program);
registerIngest(program);
registerExport(program);
registerServe(program);
registerGeoparse(program);
registerReview(program);
registerMerge(program);
registerFeeds(program);
registerWorker(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
