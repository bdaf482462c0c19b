/**
 * A problem in an input file, with the place it was found.
 * Stages throw it for fatal input problems; the driver prints `file:line: message`
 * and publishes nothing.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number;
  readonly reason: string;

  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
