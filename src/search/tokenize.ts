/**
 * Build-time tokenizer (Node only: nodejieba is a native module). The browser mirrors it
 * with src/search/segmenter.ts over the vocabulary this tokenizer produced.
 *
 * - Latin letters / digits runs stay whole (`5G`, `Wi-Fi`, `2025`).
 * - Han runs are cut by nodejieba `cut(…, HMM on)` with the curated words loaded.
 * - Punctuation is its own token: kept so excerpts read normally and so no phrase can
 *   match across it (Pagefind gives it a position but indexes nothing).
 */
import { createRequire } from 'node:module';
import { RUN } from './text.ts';

interface NodeJieba {
  cut(s: string, hmm?: boolean): string[];
  cutForSearch(s: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

const require = createRequire(import.meta.url);
let jieba: NodeJieba | null = null;
const inserted = new Set<string>();

function nodejieba(): NodeJieba {
  jieba ??= require('nodejieba') as NodeJieba;
  return jieba;
}

/** Adds curated words as nodejieba user words (idempotent). */
export function loadUserWords(words: Iterable<string>): void {
  const nj = nodejieba();
  for (const w of words) {
    if (inserted.has(w)) continue;
    nj.insertWord(w);
    inserted.add(w);
  }
}

/** The words currently loaded as user words. */
export const userWords = (): string[] => [...inserted];

/** Tokens of a text in order, punctuation included. */
export function tokenize(text: string): string[] {
  const nj = nodejieba();
  const out: string[] = [];
  for (const m of text.matchAll(RUN)) {
    if (m[1]) out.push(m[1]);
    else if (m[2]) out.push(...nj.cut(m[2], true));
    else out.push(m[3]);
  }
  return out;
}

/**
 * Sub-words that `cutForSearch` finds inside the tokens (补贴 inside 护理补贴, 器具 inside
 * 辅助器具), minus the tokens themselves. Indexed in a meta field so a search for the part
 * still finds the whole word (Pagefind matches prefixes only).
 */
export function subwords(text: string, tokens: readonly string[]): string[] {
  const nj = nodejieba();
  const have = new Set(tokens);
  const extra = new Set<string>();
  for (const m of text.matchAll(RUN)) {
    if (!m[2]) continue;
    for (const w of nj.cutForSearch(m[2], true)) if (!have.has(w)) extra.add(w);
  }
  return [...extra];
}
