/**
 * The finder page's script (/finder/): reads the answers from the form (and, on load, from
 * the URL), shows the topics that apply in the order src/site/finder.ts gives, keeps the
 * answers in the URL (history.replaceState), says the count in the polite live region, and
 * fills in what the chosen plan says from /finder/<plan>.json. Without it the page lists
 * every topic. With a large catalogue (regionInSteps) the region is two selects: the
 * province, then its plans, filled from /finder/regions/<province>.json; a link with
 * `region=<slug>` finds the province from the plan's own /finder/<slug>.json.
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
  type FinderRegionList,
  type PlanPlace,
  UNSURE,
  regionQuestion,
} from '../site/finder.ts';
import { finderPlanDataPath, finderRegionsPath } from '../site/paths.ts';

interface PageData {
  config: FinderConfig;
  topics: string[];
  plans: PlanPlace[];
  maxPlans: number;
  /** The region is asked in two steps (province, then plan); `plans` is then empty. */
  steps?: boolean;
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
  let generation = 0;

  /** A JSON file by key, fetched once; null when it does not load. */
  const cachedJson = <T>(pathOf: (key: string) => string) => {
    const cache = new Map<string, Promise<T | null>>();
    return (key: string): Promise<T | null> => {
      let p = cache.get(key);
      if (!p) {
        p = fetch(pathOf(key))
          .then((r) => (r.ok ? (r.json() as Promise<T>) : null))
          .catch(() => null);
        cache.set(key, p);
      }
      return p;
    };
  };
  const load = cachedJson<FinderPlanData>(finderPlanDataPath);

  const readForm = (): Answers => {
    const params = new URLSearchParams();
    for (const input of form.querySelectorAll<HTMLInputElement>('input:checked')) params.append(input.name, input.value);
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[name]')) if (select.value) params.append(select.name, select.value);
    return parseAnswers(config, params);
  };

  const writeForm = (answers: Answers) => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = (answers[input.name] ?? []).includes(input.value);
    for (const select of form.querySelectorAll<HTMLSelectElement>('select[name]')) {
      const value = answers[select.name]?.[0] ?? '';
      select.value = [...select.options].some((o) => o.value === value) ? value : '';
    }
  };

  // Two steps (a large catalogue): the province select fills the plan select from
  // /finder/regions/<province>.json; the region question's options (for parseAnswers and the
  // summary) and the places (for coveringPlans) are the loaded province's plans.
  const regionQ = regionQuestion(config);
  const fixedOptions = regionQ ? [...regionQ.options] : [];
  const provinceSelect = document.getElementById('finder-province') as HTMLSelectElement | null;
  const planSelect = document.getElementById('finder-plan') as HTMLSelectElement | null;
  const planStatus = document.getElementById('finder-plan-status');
  let places: PlanPlace[] = data.plans;
  let provinceToken = 0;
  const loadList = cachedJson<FinderRegionList>(finderRegionsPath);
  const option = (value: string, text: string) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  };
  /** Fills the plan select for a province slug ('' = none chosen, UNSURE = 不确定). */
  const showProvince = async (province: string): Promise<void> => {
    if (!provinceSelect || !planSelect || !regionQ || !planStatus) return;
    const token = ++provinceToken;
    const unsure = fixedOptions.map((o) => option(o.value, o.label));
    if (!province || province === UNSURE) {
      regionQ.options = [...fixedOptions];
      places = [];
      planSelect.replaceChildren(...(province ? unsure : [option('', '请先选省份')]));
      planSelect.disabled = !province;
      if (province) planSelect.value = UNSURE;
      planStatus.textContent = '';
      return;
    }
    planSelect.disabled = true;
    planStatus.textContent = '正在读取这个省的规划……';
    const list = await loadList(province);
    if (token !== provinceToken) return; // another province was chosen meanwhile
    if (!list) {
      regionQ.options = [...fixedOptions];
      places = [];
      planSelect.replaceChildren(...unsure);
      planSelect.value = UNSURE;
      planSelect.disabled = false;
      planStatus.textContent = '没能读取这个省的规划，请检查网络后再选一次省份。';
      return;
    }
    regionQ.options = [...list.plans.map((p) => ({ value: p.slug, label: p.label })), ...fixedOptions];
    places = list.plans;
    planSelect.replaceChildren(
      option('', '请选择地方'),
      ...list.plans.map((p) => option(p.slug, p.draft ? `${p.label}（${p.draft}）` : p.label)),
      ...unsure,
    );
    planSelect.disabled = false;
    planStatus.textContent = `${list.name}有 ${list.plans.length} 份规划，请在“地方/规划”里选一个。`;
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
    const slugs = plan ? coveringPlans(places, plan) : answered && data.plans.length <= data.maxPlans ? data.plans.map((p) => p.slug) : [];
    const plans = (await Promise.all(slugs.map(load))).filter((p): p is FinderPlanData => p !== null);
    if (gen !== generation) return; // a newer answer came in while loading
    for (const t of result.topics) renderClauses(items.get(t.slug)!, t.slug, plans, plan !== null);
  };

  form.addEventListener('change', (event) => {
    if (provinceSelect && event.target === provinceSelect) {
      // A new province: its plan list, and no plan chosen yet (不确定 for 不确定).
      void showProvince(provinceSelect.value).then(() => update());
      return;
    }
    void update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
    document.getElementById('results')?.focus();
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      void showProvince('').then(() => update());
    }, 0),
  );

  /** On load: the answers in the URL; in two steps, the province of `region=<slug>` first. */
  const start = async () => {
    const wanted = new URLSearchParams(location.search).get(regionQ?.id ?? 'region');
    if (data.steps && provinceSelect && wanted) {
      let province = '';
      if (fixedOptions.some((o) => o.value === wanted)) province = UNSURE;
      else if (/^[a-z0-9][a-z0-9-]*$/.test(wanted)) province = (await load(wanted))?.province ?? '';
      provinceSelect.value = [...provinceSelect.options].some((o) => o.value === province) ? province : '';
      await showProvince(provinceSelect.value);
    }
    writeForm(parseAnswers(config, location.search));
    await update(true);
  };
  void start();
}
