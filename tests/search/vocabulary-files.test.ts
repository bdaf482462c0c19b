// The curated search vocabulary is edited by hand: a broken file must stop the index build with
// the file and the line to fix, not a parser's stack trace without a name.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAddress } from '../../src/publish/site-address.ts';
import { readFinderFile } from '../../src/site/finder-data.ts';
import { readCatalog, readTopics } from '../../src/site/load.ts';
import { loadQuestions, loadSynonyms } from '../../src/search/corpus.ts';

const copyWith = (file: string, edit: (lines: string[]) => string[]): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'vocab-'));
  mkdirSync(path.join(root, 'content'));
  const lines = readFileSync(file, 'utf8').split('\n');
  const changed = edit([...lines]);
  expect(changed.join('\n')).not.toBe(lines.join('\n'));
  writeFileSync(path.join(root, file), changed.join('\n'));
  return root;
};

describe('curated YAML files (questions, synonyms, site settings, finder) are checked with line numbers', () => {
  it('a repeated everyday word names the file and the line of the repeat', () => {
    let at = 0;
    const root = copyWith('content/questions.yaml', (lines) => {
      at = lines.findIndex((l) => /^ {2}\S+: \[/.test(l));
      // The same key again, right after the first one.
      lines.splice(at + 1, 0, lines[at]);
      return lines;
    });
    expect(() => loadQuestions(root)).toThrow(new RegExp(`^content/questions\\.yaml:${at + 2}: .*unique`));
  });

  it('a broken indent in the synonyms names the file and a line', () => {
    const root = copyWith('content/synonyms.yaml', (lines) => {
      const at = lines.findIndex((l) => l.startsWith('aliases:'));
      lines.splice(at + 1, 0, '   bad: [x]', ' worse: [y]');
      return lines;
    });
    expect(() => loadSynonyms(root)).toThrow(/^content\/synonyms\.yaml:\d+: /);
  });

  it('the site settings and the finder name the file and the line too, once', () => {
    const site = copyWith('content/site.yaml', (lines) => [...lines, 'address: https://example.org/']);
    expect(() => siteAddress(site)).toThrow(/^content\/site\.yaml:\d+: .*unique/);
    const finder = copyWith('content/finder.yaml', (lines) => [...lines, 'rules: []']);
    const slugs = readTopics().map((t) => t.slug);
    expect(() => readFinderFile(finder, 'content/finder.yaml', slugs, readCatalog())).toThrow(/^content\/finder\.yaml:\d+: YAML syntax/);
  });

  it('the landed files load', () => {
    expect(loadQuestions('.').everyday).toBeTruthy();
    expect(loadSynonyms('.').aliases).toBeTruthy();
  });
});
