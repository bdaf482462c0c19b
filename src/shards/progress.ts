/**
 * Progress lines of a long sharded build: shard by shard, with counts, elapsed time and the
 * time left estimated from the plans still to build at the pace so far (jobs run in
 * parallel, so the pace is plans a wall-clock second, not a job's).
 */

/** 75 → "1m15s", 8.2 → "8.2s". */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return m < 60 ? `${m}m${String(s).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Seconds left: plans left at the plans-per-second pace so far; null before anything finished. */
export function timeLeft(plansDone: number, plansTotal: number, elapsedSeconds: number): number | null {
  if (plansDone <= 0 || elapsedSeconds <= 0) return null;
  return ((plansTotal - plansDone) * elapsedSeconds) / plansDone;
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

export function progressLine(done: ShardDone, count: { shards: number; shardsTotal: number; plans: number; plansTotal: number }, elapsedSeconds: number): string {
  const left = timeLeft(count.plans, count.plansTotal, elapsedSeconds);
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
