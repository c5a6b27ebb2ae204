// `sitrep merge events.jsonl`: merge ACLED-schema records (from sitrep or any other dataset) that
// report the same event; one JSON line per merged event with ACLED's fields and `members`.
import type { Command } from 'commander';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .summary('merge ACLED-schema records that report the same event')
    .description(
      'Read ACLED-schema records as JSON lines (each with a unique event_id; doc_id, source and the\n' +
        'publication date (`date` or `publication_date`) where known; missing fields are unknown, not\n' +
        'wrong) and write one JSON line per merged event: ACLED\'s fields chosen from its records by\n' +
        'stated rules, `source` (every outlet), `source_count`, `fatalities_low`/`fatalities_high`,\n' +
        '`members` (the event_ids merged into it) and `provenance` (the member each field came from).\n' +
        'Records from one document (same doc_id) are never merged. A bad line is reported with its file\n' +
        'and line number and nothing is written (exit code 1).',
    )
    .argument('[files...]', 'JSONL files of events, or - for standard input', ['-'])
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  sitrep extract articles/*.txt > events.jsonl && sitrep merge events.jsonl > merged.jsonl\n' +
        '  cat acled.jsonl ucdp.jsonl | sitrep merge - > fused.jsonl',
    )
    .action(async (files: string[], opts: { quiet?: boolean }) => {
      const { runMerge } = await import('./merge-run.js');
      process.exitCode = await runMerge(files, opts);
    });
}
