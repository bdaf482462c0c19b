/**
 * Hostile input through the real command: each problem is reported as file:line, the
 * command exits non-zero, and the previously published output is left exactly as it was.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from './helpers.ts';

const SEED = '002_80d4aa66347fe796.txt';
const ENTRY = `plans:
  - slug: ningxia-rural
    title: “十四五”时期巩固拓展残疾人脱贫攻坚成果同乡村振兴有效衔接实施方案
    shortName: 宁夏回族自治区
    province: 宁夏回族自治区
    level: 省级
    kind: 实施方案
    status: 正式
    source: ${SEED}
`;
const extraEntry = (slug: string, source: string) => `  - slug: ${slug}
    title: 测试县“十四五”残疾人保障和发展规划
    shortName: 测试县
    province: 测试省
    level: 县级
    kind: 规划
    status: 正式
    source: ${source}
`;

let dir: string;
let seeds: string;
let out: string;

/**
 * Run the real command. Asynchronous, so the test worker keeps answering the runner while
 * the child runs (a file of synchronous spawns blocks it past vitest's RPC timeout).
 */
function ingest(): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/ingest.ts'), '--seeds', seeds, '--out', out], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, stdout }));
  });
}

function snapshot(path: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(path.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
  seeds = join(dir, 'seeds');
  out = join(dir, 'out');
  mkdirSync(seeds);
  copyFileSync(join(SEEDS, SEED), join(seeds, SEED));
  writeFileSync(join(seeds, 'catalog.yaml'), ENTRY);
  const first = await ingest();
  expect(first.status, first.stderr).toBe(0);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Break the input, run the command, and check the error and that nothing was published. */
async function expectFailure(pattern: RegExp) {
  const before = snapshot(out);
  const result = await ingest();
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(pattern);
  expect(snapshot(out)).toEqual(before);
  expect(readdirSync(dir).sort()).toEqual(['out', 'seeds']);
}

describe('a bad seed file', () => {
  const addSeed = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(seeds, name), bytes);
    writeFileSync(join(seeds, 'catalog.yaml'), ENTRY + extraEntry('test', name));
  };

  it('empty', async () => {
    addSeed('empty.txt', '\n\n');
    await expectFailure(/error: empty\.txt:1: the file is empty/);
  });

  it('half UTF-8, half GBK', async () => {
    addSeed('mixed.txt', new Uint8Array([...new TextEncoder().encode('一、编制背景\n'), 0xb2, 0xd0, 0xbc, 0xb2, 0xc8, 0xcb]));
    await expectFailure(/error: mixed\.txt:2: not valid UTF-8 .*mixes encodings/);
  });

  it('binary', async () => {
    addSeed('binary.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xff, 0x10]));
    await expectFailure(/error: binary\.txt:2: binary data/);
  });

  it('with no recognisable structure', async () => {
    addSeed('prose.txt', '这是一段没有章节的文字。\n它不是规划。\n');
    await expectFailure(/error: prose\.txt:1: no chapter heading/);
  });

  it('with an indicator row that never ends', async () => {
    addSeed('table.txt', '一、总体要求\n专栏 1 主要指标\n类别 指标 2020年 2025年 属性\n1.残疾人家庭人均收入（%） 5 6\n收入\n更多\n文字\n一些\n其他\n内容\n结束\n');
    await expectFailure(/error: table\.txt:4: indicator row 1 has no attribute/);
  });
});

describe('a plan whose structure does not place every line', () => {
  // Clause 1 does not end its sentence, so 5. (not the next number) is read as its text.
  const JUMP = '某县残疾人保障和发展“十四五”规划\n一、保障措施\n（一）健全保障\n1.完善救助，\n5.加强服务。\n2.落实补贴。\n';

  it('is refused, naming file and line, with what the structure found', async () => {
    writeFileSync(join(seeds, 'jump.txt'), JUMP);
    writeFileSync(join(seeds, 'catalog.yaml'), ENTRY + extraEntry('jump', 'jump.txt'));
    await expectFailure(/error: jump\.txt:5: refused: the structure does not place this line\n  jump\.txt:5: begins like a number but was read as text: "5\.加强服务。"/);
  });

  it('is published when the catalogue lists the line as text', async () => {
    writeFileSync(join(seeds, 'jump.txt'), JUMP);
    writeFileSync(join(seeds, 'catalog.yaml'), `${ENTRY + extraEntry('jump', 'jump.txt')}    textLines: [5]\n`);
    const result = await ingest();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('jump.txt:5: begins like a number but was read as text (marked as text in the catalogue)');
    expect(JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'))[1]).not.toHaveProperty('textLines');
  });
});

describe('a seed file in GBK', () => {
  it('is read, not refused: the same plan as its UTF-8 text', async () => {
    const before = readFileSync(join(out, 'ningxia-rural', 'plan.json'), 'utf8');
    writeFileSync(join(seeds, SEED), iconv.encode(readFileSync(join(SEEDS, SEED), 'utf8'), 'gbk'));
    const result = await ingest();
    expect(result.status, result.stderr).toBe(0);
    const strip = (json: string) => ({ ...JSON.parse(json), inputHash: '' });
    expect(strip(readFileSync(join(out, 'ningxia-rural', 'plan.json'), 'utf8'))).toEqual(strip(before));
  });
});

describe('a broken catalogue', () => {
  it('textLines that are not line numbers', async () => {
    writeFileSync(join(seeds, 'catalog.yaml'), `${ENTRY}    textLines: [12, x]\n`);
    await expectFailure(/error: .*catalog\.yaml:10: plans\.0\.textLines\.1: Expected number/);
  });

  it('a line listed twice under textLines', async () => {
    writeFileSync(join(seeds, 'catalog.yaml'), `${ENTRY}    textLines:\n      - 12\n      - 12\n`);
    await expectFailure(/error: .*catalog\.yaml:12: textLines lists line 12 twice/);
  });

  it('an entry without its file', async () => {
    writeFileSync(join(seeds, 'catalog.yaml'), ENTRY + extraEntry('ghost', 'missing.txt'));
    await expectFailure(/error: .*catalog\.yaml:17: source file missing\.txt does not exist/);
  });

  it('a file without an entry', async () => {
    writeFileSync(join(seeds, 'extra.txt'), '一、编制背景\n正文。\n');
    await expectFailure(/error: extra\.txt:1: seed file has no entry/);
  });

  it('a duplicate slug', async () => {
    copyFileSync(join(SEEDS, SEED), join(seeds, 'copy.txt'));
    writeFileSync(join(seeds, 'catalog.yaml'), ENTRY + extraEntry('ningxia-rural', 'copy.txt'));
    await expectFailure(/error: .*catalog\.yaml:10: duplicate slug "ningxia-rural"/);
  });

  it('a field that breaks the schema', async () => {
    writeFileSync(join(seeds, 'catalog.yaml'), ENTRY.replace('status: 正式', 'status: 草稿'));
    await expectFailure(/error: .*catalog\.yaml:8: plans\.0\.status: Invalid enum value/);
  });

  it('a generated catalogue with more YAML aliases than the parser expands', async () => {
    // 200 entries sharing one anchored map of facts: the yaml library's alias limit (a guard
    // against alias bombs) must end in an error naming the catalogue, not a stack trace.
    const shared = `shared: &facts\n  province: 测试省\n  level: 县级\n  kind: 规划\n  status: 正式\n`;
    const entries = Array.from({ length: 200 }, (_, k) => `  - <<: *facts\n    slug: plan-${k}\n    title: 测试县规划${k}\n    shortName: 测试县\n    source: p${k}.txt\n`);
    writeFileSync(join(seeds, 'catalog.yaml'), `${shared}plans:\n${entries.join('')}`);
    const before = snapshot(out);
    const result = await ingest();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error: .*catalog\.yaml:7: YAML aliases: Excessive alias count/);
    expect(result.stderr).not.toMatch(/\bat .*node_modules/);
    expect(snapshot(out)).toEqual(before);
  });

  it('YAML that does not parse', async () => {
    writeFileSync(join(seeds, 'catalog.yaml'), `${ENTRY}  - slug: [unclosed\n`);
    await expectFailure(/error: .*catalog\.yaml:1\d: YAML syntax/);
  });
});
