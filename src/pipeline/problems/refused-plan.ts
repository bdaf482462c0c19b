/**
 * A plan refused because its structure does not place every line: the error names the
 * first line and lists every one, and carries the structure report so the driver can
 * print what was found.
 */
import type { StructureReport, UnplacedLine } from '../report/structure-report.ts';
import { formatUnplaced } from '../report/structure-report.ts';
import { IngestError } from './ingest-error.ts';

export class RefusedPlanError extends IngestError {
  readonly report: StructureReport;
  readonly lines: UnplacedLine[];

  constructor(file: string, report: StructureReport, lines: UnplacedLine[]) {
    const listed = lines.map((u) => `  ${formatUnplaced(file, u)}`).join('\n');
    const hasNumbered = lines.some((u) => u.why === 'numbered-text');
    super(
      file,
      lines[0].line,
      `refused: the structure does not place ${lines.length === 1 ? 'this line' : `${lines.length} lines`}\n${listed}` +
        (hasNumbered
          ? `\n  a line that begins like a number but is really text (a sentence wrapped onto a new line) can be listed under textLines in the plan's catalogue entry`
          : ''),
    );
    this.name = 'RefusedPlanError';
    this.report = report;
    this.lines = lines;
  }
}
