/**
 * Curated YAML files with line numbers: a schema error names the file and the line
 * of the offending value, in plain words.
 */
import { LineCounter, parseDocument, isMap, isSeq, visit, type Node } from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { IngestError } from '../problems/ingest-error.ts';

export interface LoadedYaml<T> {
  value: T;
  /** Line of the node at a path such as ['plans', 2, 'slug'] (1 when unknown). */
  lineOf(path: (string | number)[]): number;
}

/**
 * The document as plain data. The yaml library refuses to expand more aliases than its
 * limit (a guard against alias bombs) by throwing a bare ReferenceError; that becomes an
 * error naming the file and the first alias, like any other problem in the file.
 */
function toPlainData(file: string, doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    let line = 1;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    const why = error instanceof Error ? error.message : String(error);
    throw new IngestError(file, line, `YAML aliases: ${why}; write the repeated values out instead of using *aliases`);
  }
}

/** The parsed document, or an error naming the file and the line of its first syntax error. */
function parseChecked(file: string, text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    throw new IngestError(file, line, `YAML syntax: ${error.message.split('\n')[0]}`);
  }
  return { doc, lineCounter };
}

/**
 * A curated file's data, unchecked (the caller validates it): a syntax error or an alias bomb
 * names the file and the line.
 */
export function parseYamlText(file: string, text: string): unknown {
  const { doc, lineCounter } = parseChecked(file, text);
  return toPlainData(file, doc, lineCounter);
}

export function loadYaml<T>(file: string, text: string, schema: ZodType<T, ZodTypeDef, unknown>): LoadedYaml<T> {
  const { doc, lineCounter } = parseChecked(file, text);
  const lineOf = (path: (string | number)[]): number => {
    let node: unknown = doc.contents;
    let line = 1;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        node = pair?.value ?? null;
        const range = (pair?.key as Node | undefined)?.range;
        if (range) line = lineCounter.linePos(range[0]).line;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        const range = (node as Node | undefined)?.range;
        if (range) line = lineCounter.linePos(range[0]).line;
      } else break;
    }
    return line;
  };
  const result = schema.safeParse(toPlainData(file, doc, lineCounter));
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.join('.');
    throw new IngestError(file, lineOf(issue.path), `${where ? `${where}: ` : ''}${issue.message}`);
  }
  return { value: result.data, lineOf };
}
