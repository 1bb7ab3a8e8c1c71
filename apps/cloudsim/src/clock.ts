/**
 * Simulated time: start + real elapsed × timeScale + manual offset. Simulation state follows it;
 * signature checks do not (clients sign with the real wall clock).
 */
export class SimClock {
  private anchorSim: number;
  private anchorReal: number;
  private scale: number;

  constructor(
    options: { timeScale?: number; start?: number } = {},
    private readonly realNow: () => number = Date.now,
  ) {
    this.anchorReal = realNow();
    this.anchorSim = options.start ?? this.anchorReal;
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
    this.anchorSim += ms;
    return this.now();
  }

  /** 0 freezes simulated time (useful for stepping tests); 20 runs it 20× faster than real time. */
  setTimeScale(scale: number): void {
    if (!Number.isFinite(scale) || scale < 0) throw new RangeError('timeScale must be a non-negative number');
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
    this.scale = scale;
  }
}
