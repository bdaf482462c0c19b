// The counts the shared pages show come from one small record per plan
// (src/site/plan-counts.ts) in a sharded build; on the seeds they must equal what the
// pages compute from the plan models in a single-job build.
import { describe, expect, it } from 'vitest';
import { readAreas, readPlanCounts, readPlans, readTopics } from '../../src/site/load.ts';
import { areaUnitTotal, boxItemTotal, planCounts, topicMatchTotal } from '../../src/site/plan-counts.ts';
import { boxItemCount } from '../../src/site/boxes.ts';
import { topicMatchCount } from '../../src/site/topics.ts';
import { unitsInArea } from '../../src/site/units.ts';

describe('plan counts', () => {
  it('sum to the area, topic and 专栏 totals computed from the plans', () => {
    const plans = readPlans();
    const areas = readAreas().map((a) => a.name);
    const counts = plans.map((p) => planCounts(p, areas, readTopics()));
    expect(readPlanCounts()).toEqual(counts);
    for (const area of areas) expect(areaUnitTotal(counts, area)).toBe(plans.reduce((n, p) => n + unitsInArea(p, area).length, 0));
    for (const topic of readTopics()) expect(topicMatchTotal(counts, topic.slug)).toBe(topicMatchCount(topic, plans));
    expect(boxItemTotal(counts)).toBe(plans.reduce((n, p) => n + boxItemCount(p), 0));
    expect(counts.some((c) => Object.keys(c.topicMatches).length > 0)).toBe(true);
  });
});
