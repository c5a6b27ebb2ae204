// The formats `sitrep export` writes, apart from the writers (src/store/export.ts) so that a
// command that only lists them (export's --help, and every run of another command) loads none.
export const EXPORT_FORMATS = ['acled-csv', 'jsonl', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
