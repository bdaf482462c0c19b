/**
 * Stage 0: a plan's file, in whichever format it was published, → the line text the rest
 * of the pipeline reads. The format is detected from the bytes (detect-format.ts).
 */
import { IngestError } from '../problems/ingest-error.ts';
import { detectFormat } from './detect-format.ts';
import { docxToText } from './docx-to-text.ts';
import { decodeHtml } from './html-charset.ts';
import { htmlToText } from './html-to-text.ts';
import { pdfToText } from './pdf-to-text.ts';
import { checkPlanText, readSource } from './read-source.ts';

export async function readPlanFile(file: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new IngestError(file, 1, 'the file is empty');
  switch (detectFormat(file, bytes)) {
    case 'pdf':
      return checkPlanText(file, await pdfToText(file, bytes));
    case 'zip':
      return checkPlanText(file, await docxToText(file, bytes));
    case 'html':
      return checkPlanText(file, htmlToText(decodeHtml(file, bytes)));
    case 'text':
      return readSource(file, bytes);
  }
}
