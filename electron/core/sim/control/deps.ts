import type { FaultInjector } from '../http/faults';
import type { SlidingWindowLimiter } from '../http/ratelimit';
import type { World } from '../model/world';

/** What control routes may touch. */
export interface ControlDeps {
  world: World;
  faults: FaultInjector;
  limiter: SlidingWindowLimiter;
}
