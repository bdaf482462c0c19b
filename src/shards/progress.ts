/**
 * Progress lines of a long sharded build: shard by shard, with counts, elapsed time and the
 * time left estimated from the plans still to build at the pace of the jobs finished so far
 * (their own seconds a plan), shared by the jobs that run at a time. The wall-clock pace
 * would be wrong early on: the first jobs all finish at about the same time.
 */

/** 75 → "1m15s", 8.2 → "8.2s". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return m < 60 ? `${m}m${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Seconds left: plans left × job seconds a plan so far ÷ jobs at a time; null before anything finished. */
export function timeLeft(plansDone: number, plansTotal: number, jobSecondsDone: number, parallel: number): number | null {
  if (plansDone <= 0 || jobSecondsDone <= 0) return null;
  return ((plansTotal - plansDone) * jobSecondsDone) / plansDone / Math.max(1, parallel);
}

export interface ShardDone {
  id: string;
  plans: number;
  pages: number;
  seconds: number;
  peakMb: number | null;
  /** 'built', or 'unchanged' when its fingerprint matched the last build. */
  outcome: 'built' | 'unchanged';
  note?: string;
}

export interface BuildCount {
  shards: number;
  shardsTotal: number;
  /** Plans built so far and to build in all (unchanged shards count in neither). */
  plans: number;
  plansTotal: number;
  /** The built jobs' own seconds so far, and how many jobs run at a time. */
  jobSeconds: number;
  parallel: number;
}

export function progressLine(done: ShardDone, count: BuildCount, elapsedSeconds: number): string {
  const left = timeLeft(count.plans, count.plansTotal, count.jobSeconds, count.parallel);
  const what =
    done.outcome === 'unchanged'
      ? `${done.plans} plans unchanged, kept`
      : `${done.plans} plans, ${done.pages} pages in ${duration(done.seconds)}${done.peakMb === null ? '' : `, peak ${done.peakMb.toFixed(0)} MB`}`;
  return (
    `[${count.shards}/${count.shardsTotal}] ${done.id}: ${what}${done.note ? ` (${done.note})` : ''}` +
    ` · ${count.plans}/${count.plansTotal} plans · elapsed ${duration(elapsedSeconds)}` +
    (left === null || count.plans === count.plansTotal ? '' : ` · ~${duration(left)} left`)
  );
}
