/**
 * Stage 0: a plan's file, in whichever format it was published, → the line text the rest
 * of the pipeline reads. The format is detected from the bytes (detect-format.ts).
 */
import { IngestError } from '../problems/ingest-error.ts';
import { detectFormat, type SourceFormat } from './detect-format.ts';
import { docxToText } from './docx-to-text.ts';
import { decodeHtml } from './html-charset.ts';
import { htmlToText } from './html-to-text.ts';
import { pdfToText } from './pdf-to-text.ts';
import { checkPlanText, readSource } from './read-source.ts';

const FORMAT_NAMES: Record<SourceFormat, string> = { pdf: 'PDF', zip: '.docx', html: 'web page', text: 'text' };

async function convert(file: string, format: SourceFormat, bytes: Uint8Array): Promise<string> {
  switch (format) {
    case 'pdf':
      return checkPlanText(file, await pdfToText(file, bytes));
    case 'zip':
      return checkPlanText(file, await docxToText(file, bytes));
    case 'html':
      return checkPlanText(file, htmlToText(file, decodeHtml(file, bytes)));
    case 'text':
      return readSource(file, bytes);
  }
}

export async function readPlanFile(file: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new IngestError(file, 1, 'the file is empty');
  const format = detectFormat(file, bytes);
  try {
    return await convert(file, format, bytes);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    // A converter library failed on this file: the operator gets the file and the reason, not a stack.
    throw new IngestError(file, 1, `could not read this ${FORMAT_NAMES[format]} (${(error as Error)?.message ?? String(error)})`);
  }
}
