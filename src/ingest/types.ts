// What the readers hand to the pipeline: documents, or errors for inputs that could not be read.

export interface SourceDocument {
  /** Given id, if the input had one; otherwise the pipeline derives a content hash. */
  id?: string;
  /** The document's original text; evidence offsets point into it. */
  text: string;
  /** Offset where the article body starts (after a plain-text header). */
  bodyStart?: number;
  date?: string;
  title?: string;
  source?: string;
  url?: string;
  /**
   * The country the document is known to be about (a feed's or a collection's country, or the
   * user's hint): ambiguous place names are read there first. Not stored.
   */
  country?: string;
  /** Where it came from, for messages: file and 1-based line or record number. */
  origin: { file: string; line?: number };
}

export interface IngestError {
  error: true;
  file: string;
  line?: number;
  message: string;
}

export type InputFormat = 'text' | 'jsonl' | 'json' | 'csv' | 'html' | 'feed';

export interface ReadOptions {
  /** Force a format instead of guessing from the extension. */
  inputFormat?: InputFormat;
  textColumn?: string;
  idColumn?: string;
  dateColumn?: string;
  /** The country every document read is about, unless it says otherwise (SourceDocument.country). */
  country?: string;
}

export function isIngestError(x: SourceDocument | IngestError): x is IngestError {
  return (x as IngestError).error === true;
}
