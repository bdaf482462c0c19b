/**
 * The finder page's script (/finder/): reads the answers from the form (and, on load, from
 * the URL), shows the topics that apply in the order src/site/finder.ts gives, keeps the
 * answers in the URL (history.replaceState), says the count in the polite live region, and
 * fills in what the chosen plan says from /finder/<plan>.json. Without it the page lists
 * every topic.
 */
import {
  answersToSearch,
  applicableTopics,
  chosenPlan,
  coveringPlans,
  clauseBodies,
  countMessage,
  parseAnswers,
  type Answers,
  type FinderClause,
  type FinderConfig,
  type FinderPlanData,
  type PlanPlace,
} from '../site/finder.ts';
import { finderPlanDataPath } from '../site/paths.ts';

interface PageData {
  config: FinderConfig;
  topics: string[];
  plans: PlanPlace[];
  maxPlans: number;
}

/** Clauses shown per plan under a topic: all plans (region 不确定) / the chosen plan. */
const PER_PLAN_ALL = 2;
const PER_PLAN_CHOSEN = 6;

const dataEl = document.getElementById('finder-data');
const form = document.getElementById('finder-form') as HTMLFormElement | null;
const list = document.getElementById('finder-results');
const count = document.getElementById('finder-count');
const summary = document.getElementById('finder-summary');

if (dataEl && form && list && count && summary) {
  const data = JSON.parse(dataEl.textContent ?? '{}') as PageData;
  const { config } = data;
  const items = new Map<string, HTMLElement>();
  list.querySelectorAll<HTMLElement>('[data-topic]').forEach((li) => items.set(li.dataset.topic!, li));
  const cache = new Map<string, Promise<FinderPlanData | null>>();
  let generation = 0;

  const load = (slug: string): Promise<FinderPlanData | null> => {
    let p = cache.get(slug);
    if (!p) {
      p = fetch(finderPlanDataPath(slug))
        .then((r) => (r.ok ? (r.json() as Promise<FinderPlanData>) : null))
        .catch(() => null);
      cache.set(slug, p);
    }
    return p;
  };

  const readForm = (): Answers => {
    const params = new URLSearchParams();
    for (const input of form.querySelectorAll<HTMLInputElement>('input:checked')) params.append(input.name, input.value);
    return parseAnswers(config, params);
  };

  const writeForm = (answers: Answers) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = (answers[input.name] ?? []).includes(input.value);
  };

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  const clauseItem = (c: FinderClause): HTMLLIElement => {
    const li = el('li');
    const a = el('a', c.lead, 'item-link');
    a.href = c.href;
    li.append(a);
    for (const s of c.excerpt) li.append(el('p', s));
    li.append(el('p', `出处：${c.cite}`, 'meta'));
    if (c.lead_bodies.length + c.partners.length > 0) {
      const who = [c.lead_bodies.length ? `牵头：${c.lead_bodies.join('、')}` : '', c.partners.length ? `配合：${c.partners.join('、')}` : ''];
      li.append(el('p', `规划写明的负责部门——${who.filter(Boolean).join('；')}`, 'meta'));
    }
    return li;
  };

  /** What the plans say about one topic, under its card. */
  const renderClauses = (li: HTMLElement, slug: string, plans: FinderPlanData[], chosen: boolean) => {
    const box = li.querySelector<HTMLElement>('.finder-clauses')!;
    const ask = li.querySelector<HTMLElement>('[data-ask]')!;
    box.replaceChildren();
    const shown: FinderClause[] = [];
    const topicHref = li.querySelector<HTMLAnchorElement>('h3 a')!.getAttribute('href')!;
    for (const plan of plans) {
      const clauses = plan.topics[slug] ?? [];
      // A plan without clauses on the topic is left out, except the one the reader chose.
      if (clauses.length === 0 && (!chosen || plan !== plans[0])) continue;
      const h = el('h4', chosen ? `${plan.shortName}的规划怎么写` : plan.shortName);
      if (plan.draft) h.append(' ', el('span', plan.draft, 'badge badge-draft'));
      box.append(h);
      if (clauses.length === 0) {
        box.append(el('p', `${plan.shortName}的规划里没有直接提到这件事。政策可能写在别的文件里，可以问上面写的部门。`));
        continue;
      }
      const limit = chosen ? PER_PLAN_CHOSEN : PER_PLAN_ALL;
      const ul = el('ul', undefined, 'item-list');
      for (const c of clauses.slice(0, limit)) ul.append(clauseItem(c));
      box.append(ul);
      shown.push(...clauses.slice(0, limit));
      if (clauses.length > limit) {
        const more = el('a', `看${plan.shortName}的全部 ${clauses.length} 条`);
        more.href = `${topicHref}#${plan.slug}`;
        const p = el('p');
        p.append(more);
        box.append(p);
      }
    }
    const bodies = chosen ? clauseBodies(shown) : [];
    ask.textContent = bodies.length > 0 ? `${bodies.join('、')}（规划写明的负责部门）；也可以问${ask.dataset.ask}` : ask.dataset.ask!;
  };

  const announce = (message: string, initial: boolean) => {
    if (initial && count.textContent === message) return; // the page already says it
    // Clear first, so the same count is announced again after another change.
    count.textContent = '';
    setTimeout(() => (count.textContent = message), 50);
  };

  /** 您的回答：… — shown above the results, so a printed or shared page says what it is for. */
  const summarize = (answers: Answers) => {
    const parts = config.questions.flatMap((q) => {
      const labels = (answers[q.id] ?? []).map((v) => q.options.find((o) => o.value === v)?.label ?? v);
      return labels.length ? [`${q.short}：${labels.join('、')}`] : [];
    });
    summary.textContent = parts.length ? `您的回答——${parts.join('；')}` : '';
    summary.hidden = parts.length === 0;
  };

  const update = async (initial = false) => {
    const answers = readForm();
    summarize(answers);
    history.replaceState(history.state, '', location.pathname + answersToSearch(config, answers));
    const result = applicableTopics(config, data.topics, answers);
    const listed = new Set(result.topics.map((t) => t.slug));
    for (const t of result.topics) {
      const li = items.get(t.slug)!;
      const why = li.querySelector<HTMLElement>('.finder-why')!;
      why.textContent = t.reasons.length ? `为什么列出：${t.reasons.join('；')}` : t.always ? '为什么列出：和每位残疾人都有关' : '';
      why.hidden = !why.textContent;
      li.hidden = false;
      list.append(li); // the order of the result
    }
    for (const [slug, li] of items) if (!listed.has(slug)) li.hidden = true;
    announce(countMessage(result), initial);

    const gen = ++generation;
    const plan = chosenPlan(config, answers);
    const answered = Object.keys(answers).length > 0;
    // The chosen plan and the plans of the regions around it; with the region 不确定, every plan (while there are few).
    const slugs = plan ? coveringPlans(data.plans, plan) : answered && data.plans.length <= data.maxPlans ? data.plans.map((p) => p.slug) : [];
    const plans = (await Promise.all(slugs.map(load))).filter((p): p is FinderPlanData => p !== null);
    if (gen !== generation) return; // a newer answer came in while loading
    for (const t of result.topics) renderClauses(items.get(t.slug)!, t.slug, plans, plan !== null);
  };

  writeForm(parseAnswers(config, location.search));
  form.addEventListener('change', () => void update());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
    document.getElementById('results')?.focus();
  });
  form.addEventListener('reset', () => setTimeout(() => void update(), 0));
  void update(true);
}
