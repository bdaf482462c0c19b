/**
 * The file types a plan may be catalogued as. The name only decides which files in seeds/
 * are plans; how a file is read is decided from its bytes (detect-format.ts).
 */

/** Extensions of plan files in seeds/, lower case. */
export const PLAN_SOURCE_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'pdf'] as const;

/** A catalogue `source`: a file name in seeds/ (no folders) with a supported extension. */
export const PLAN_SOURCE_NAME = new RegExp(`^[^/\\\\]+\\.(?:${PLAN_SOURCE_EXTENSIONS.join('|')})$`, 'i');

export function isPlanSourceName(name: string): boolean {
  return PLAN_SOURCE_NAME.test(name);
}

/** Libraries that turn a file into text: their versions are part of every plan's input hash. */
export const CONVERTER_PACKAGES = ['pdfjs-dist', 'jszip', 'htmlparser2'] as const;
