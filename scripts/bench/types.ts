/** One benchmark figure; `budget` (same unit) marks the goal it is held to. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  /** Decimals to print (default: 2 below 10, else 0). */
  digits?: number;
}
