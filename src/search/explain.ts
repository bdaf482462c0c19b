/**
 * Plain lines that tell a person what the search did with their words: which words it
 * looked for (and which plan words it also tried), which it left out, and when nothing
 * holds every word. Pure; the search page and the CLI print the same sentences.
 */
import type { QueryPlan } from './query.ts';
import type { NamedPlace } from './places.ts';
import type { SoundFix } from './sounds.ts';

const quoted = (words: string[]) => words.map((w) => `“${w}”`).join('');

/** The plan words tried for a concept besides what was typed (aliases, everyday words, near forms). */
export function alsoSearched(plan: QueryPlan, max = 4): { text: string; also: string[]; optional: boolean; sensed: boolean }[] {
  // A finer cut of a word (公共 交通 for 公共交通) is the same word to a reader: said once. A plan
  // word that must be found as one string (喘息服务 for 太累) is still a word tried, and is said.
  const compact = (text: string) => text.replace(/\s+/gu, '');
  return plan.concepts.map((c) => {
    const said = new Set([compact(c.text)]);
    const also: string[] = [];
    for (const a of c.alternatives) {
      if (a.typed || said.has(compact(a.text))) continue;
      said.add(compact(a.text));
      also.push(a.text);
    }
    return { text: c.text, also: also.slice(0, max), optional: c.optional, sensed: !!c.sensed };
  });
}

/** A question that held nothing to search for (怎么办): what to do instead. */
export const nothingToSearchLine = (plan: QueryPlan): string =>
  `“${plan.dropped.join('')}”是提问用的词，请说说想了解什么，例如：护理补贴怎么申请、孩子上学。`;

/**
 * "查找：孩子（也查儿童）、自闭症（也查孤独症）；没有用到：我家、去哪里。" — only when the search
 * changed something: dropped a word, tried other words or read a pinyin slip as the word meant
 * (“补帖”当作“补贴”（读音相同；加引号可按原样查）；查找：…). Null otherwise.
 */
export function understoodLine(plan: QueryPlan): string | null {
  const parts = alsoSearched(plan);
  const unknown = plan.unknown ?? [];
  const fixes = plan.fixes ?? [];
  const changed = plan.dropped.length > 0 || unknown.length > 0 || fixes.length > 0 || parts.some((p) => p.also.length || p.optional);
  if (!changed || !parts.length) return null;
  // A word read in its sense here (照顾 in an exam) is searched only as that: 这里查, not 也查.
  const words = parts.filter((p) => !p.optional).map((p) => `${p.text}${p.also.length ? `（${p.sensed ? '这里查' : '也查'}${p.also.join('、')}）` : ''}`);
  // The characters of a word not understood are said once, as that word, below.
  const inUnknown = (t: string) => unknown.some((u) => u.includes(t));
  const optional = parts.filter((p) => p.optional && !([...p.text].length === 1 && inUnknown(p.text))).map((p) => p.text);
  const ranked = optional.length ? `；含${quoted(optional)}的排在前面` : '';
  const notKnown = unknown.length ? `；没有认出${quoted(unknown)}，可以换个说法` : '';
  const dropped = plan.dropped.length ? `；没有用到：${plan.dropped.join('、')}` : '';
  // A pinyin slip read as the word meant (补帖 → 补贴) is said first: the person sees what was searched.
  // Quoted, a word is searched exactly as typed (never read by sound): the way back when the reading is wrong.
  const read = fixes.length ? `${fixes.map((f) => `“${f.typed}”当作“${f.meant}”`).join('、')}（${soundsHow(fixes)}；加引号可按原样查）；` : '';
  return `${read}查找：${words.join('、')}${ranked}${notKnown}${dropped}。`;
}

/**
 * What a place named in the question did (会宁县老人护理补贴): “会宁县”：只查会宁县的规划（加引号
 * 可在全部规划中查这个词）。 Said before the words searched, as a pinyin slip's reading is.
 * `missed`: its plans held nothing, so every plan was searched (places.ts `beyondPlace`); that
 * the family's own plan says nothing of it is itself an answer, so the line says it first.
 */
export function placeLine(place: NamedPlace, missed = false): string {
  const where = place.plan ? place.region : place.province;
  return missed ? `“${place.name}”：${where}的规划里没有找到，下面是其他地方规划中的结果。` : `“${place.name}”：只查${where}的规划（加引号可在全部规划中查这个词）。`;
}

/** The line under the count: the place named (if any), then what was searched. Null when there is nothing to say. */
export function searchedLine(place: NamedPlace | null, plan: QueryPlan, missed = false): string | null {
  const words = understoodLine(plan);
  return place ? placeLine(place, missed) + (words ?? '') : words;
}

/** How the readings sound: the same (补帖), only alike in southern speech (组听器), or some of each. */
function soundsHow(fixes: readonly SoundFix[]): string {
  const alike = fixes.filter((f) => f.alike).length;
  return alike === 0 ? '读音相同' : alike === fixes.length ? '读音相近' : '读音相同或相近';
}

/**
 * The line above partial matches: which words no clause holds together. A run of words
 * typed without a break (盲文驾驶) is named word by word, as the search looked for them.
 */
export function partialLine(plan: QueryPlan): string {
  const words = plan.concepts.filter((c) => !c.optional).flatMap((c) => (c.phrase ? [c.text] : c.alternatives[0].tokens));
  return `没有同时包含${quoted([...new Set(words)])}的条款，下面是包含其中一部分的。`;
}

/**
 * The button under the list once the main results are shown: what the matches kept behind
 * them are. After partial matches they hold fewer of the words (or rarer ones less often);
 * otherwise every word, but not side by side, or in a clause about something else than the
 * topic the question names.
 */
export const looserButtonText = (partial: boolean, looser: number): string =>
  partial ? `再显示 ${looser} 条：包含的词更少` : `再显示 ${looser} 条：也包含这些词的其他条文`;
