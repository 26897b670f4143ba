/**
 * The benchmark's one way of timing: a heavy path of the app against an independent floor doing the
 * same work in the same run (the bare library writing the same cells, bare SQL over the same rows).
 * Runs are interleaved (app, floor, app, floor …) so a busy machine slows both alike, and the
 * medians are compared. A case is a ratio with a goal; the runner exits non-zero when one is over.
 */
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  /** What is timed, in words: «appendix DOCX, 500 measures». */
  case: string;
  /** What it is measured against: «bare docx, same table». */
  floor: string;
  appMs: number;
  floorMs: number;
  ratio: number;
  /** The ratio must not exceed this; null for a figure that is only recorded. */
  goal: number | null;
  /** Extra figures printed with the case (sizes, counts, MB). */
  extra?: Record<string, number | string>;
}

/** A module in tests/bench/cases exports `default` of this type; the runner calls each in file order. */
export type BenchCases = () => Promise<BenchResult[]>;

type Work = () => unknown;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function once(fn: Work): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Times `app` and `floor` interleaved, `runs` times each after `warmup` rounds of both, and returns
 * the medians and their ratio. Both may be async (document packing is).
 */
export async function compare(options: {
  name: string;
  floorName: string;
  goal: number | null;
  app: Work;
  floor: Work;
  runs?: number;
  warmup?: number;
  extra?: Record<string, number | string>;
}): Promise<BenchResult> {
  const runs = options.runs ?? 7;
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    await options.app();
    await options.floor();
  }
  const app: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first so neither always runs on a warmer cache.
    if (i % 2) {
      floor.push(await once(options.floor));
      app.push(await once(options.app));
    } else {
      app.push(await once(options.app));
      floor.push(await once(options.floor));
    }
  }
  const appMs = median(app);
  const floorMs = median(floor);
  return {
    case: options.name,
    floor: options.floorName,
    appMs: round(appMs),
    floorMs: round(floorMs),
    ratio: +(appMs / floorMs).toFixed(2),
    goal: options.goal,
    ...(options.extra ? { extra: options.extra } : {}),
  };
}

/** A figure recorded without a floor (the Chromium timings, peak memory as a limit). */
export function figure(name: string, value: number, limit: number | null, unit: string, extra?: BenchResult['extra']): BenchResult {
  return {
    case: name,
    floor: limit === null ? '—' : `limit ${limit} ${unit}`,
    appMs: round(value),
    floorMs: limit ?? 0,
    ratio: limit === null ? 0 : +(value / limit).toFixed(2),
    goal: limit === null ? null : 1,
    extra: { unit, ...extra },
  };
}

const round = (ms: number) => +(ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export const withinGoal = (r: BenchResult): boolean => r.goal === null || r.ratio <= r.goal;
