/** One benchmark figure; `budget` (same unit) marks the goal it is held to. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}
