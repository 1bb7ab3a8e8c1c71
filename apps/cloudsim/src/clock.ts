/** A corner of the map from simulated to reported time: simulated `sim` is reported as `wall`. */
interface Corner {
  sim: number;
  wall: number;
}

/**
 * Simulated time: start + real elapsed × timeScale + manual steps. Simulation state follows it;
 * signature checks do not (clients sign with the real wall clock).
 *
 * Simulated time runs ahead of the real clock (a time scale of 10 gains nine hours an hour, `advance`
 * jumps), but the cloud never reports a moment that has not happened yet. So every time an answer
 * carries goes through `toWall`, a monotonic map from simulated to reported time whose "now" is the
 * real clock: while time runs scaled, simulated durations are reported shortened by the scale (a
 * batch of 60 simulated seconds at scale 10 takes six seconds, and its times say so), and the times
 * already reported stay put; a step (`advance`) moves the past back by as much as it moved simulated
 * time ahead of the real clock, as if that much time had passed since. Times a caller sends (a metric
 * range, a scheduled launch) come in through `fromWall`.
 */
export class SimClock {
  private anchorSim: number;
  private anchorReal: number;
  private scale: number;
  /** The reported time of `anchorSim`. */
  private anchorWall: number;
  /** The map's earlier corners, oldest first; between them and up to the anchor it is linear. */
  private readonly corners: Corner[] = [];

  constructor(
    options: { timeScale?: number; start?: number } = {},
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    this.anchorSim = options.start ?? this.anchorReal;
    // A simulation that starts in the past reports its own times; one that starts ahead, the real clock.
    this.anchorWall = Math.min(this.anchorSim, this.anchorReal);
    this.scale = options.timeScale ?? 1;
  }

  now(): number {
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.scale);
  }

  get timeScale(): number {
    return this.scale;
  }

  /** Moves simulated time forward (never backward). */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance() takes a non-negative number of ms');
    const sim = this.now();
    const wall = this.toWall(sim);
    const real = this.realNow();
    // What the step would put ahead of the real clock moves the past back instead.
    const recede = Math.max(0, wall + ms - real);
    this.corners.push({ sim, wall });
    if (recede > 0) for (const corner of this.corners) corner.wall -= recede;
    this.anchorSim = sim + ms;
    this.anchorReal = real;
    this.anchorWall = this.scale > 0 ? real : wall - recede + ms;
    return this.now();
  }

  /** 0 freezes simulated time (useful for stepping tests); 20 runs it 20× faster than real time. */
  setTimeScale(scale: number): void {
    if (!Number.isFinite(scale) || scale < 0) throw new RangeError('timeScale must be a non-negative number');
    const sim = this.now();
    const wall = this.toWall(sim);
    const real = this.realNow();
    this.corners.push({ sim, wall });
    this.anchorSim = sim;
    this.anchorReal = real;
    // Running again after a freeze, reported time rejoins the real clock: nothing happened meanwhile.
    this.anchorWall = scale > 0 ? Math.max(wall, real) : wall;
    this.scale = scale;
  }

  /** The time the cloud reports for simulated `sim`: never later than the real clock for a past `sim`. */
  toWall(sim: number): number {
    if (sim > this.anchorSim) return Math.floor(this.anchorWall + (sim - this.anchorSim) * this.slope());
    const points = [...this.corners, { sim: this.anchorSim, wall: this.anchorWall }];
    const first = points[0] as Corner;
    if (sim < first.sim) return first.wall - (first.sim - sim);
    // The first corner at or after `sim`: where the map jumps, a time keeps the earlier report.
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((points[mid] as Corner).sim >= sim) hi = mid;
      else lo = mid + 1;
    }
    const next = points[lo] as Corner;
    if (next.sim === sim || lo === 0) return next.wall;
    const prev = points[lo - 1] as Corner;
    return Math.floor(prev.wall + ((sim - prev.sim) * (next.wall - prev.wall)) / (next.sim - prev.sim));
  }

  /** The reported time of now: the real clock while time runs, the moment it stopped while frozen. */
  wallNow(): number {
    return Math.floor(this.anchorWall + (this.now() - this.anchorSim) * this.slope());
  }

  /** The simulated time of a reported (wall-clock) time, e.g. the start of a range a caller asks for. */
  fromWall(wall: number): number {
    if (wall > this.anchorWall) return Math.floor(this.anchorSim + (wall - this.anchorWall) / this.slope());
    const points = [...this.corners, { sim: this.anchorSim, wall: this.anchorWall }];
    const first = points[0] as Corner;
    if (wall < first.wall) return first.sim - (first.wall - wall);
    let lo = 0;
    let hi = points.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((points[mid] as Corner).wall >= wall) hi = mid;
      else lo = mid + 1;
    }
    const next = points[lo] as Corner;
    if (next.wall === wall || lo === 0) return next.sim;
    const prev = points[lo - 1] as Corner;
    return Math.floor(prev.sim + ((wall - prev.wall) * (next.sim - prev.sim)) / (next.wall - prev.wall));
  }

  /** Reported milliseconds per simulated one after the anchor: 1/scale while running, 1 while frozen. */
  private slope(): number {
    return this.scale > 0 ? 1 / this.scale : 1;
  }
}
