import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 820;
/** How much of a window must overlap a screen's work area to be reachable (grab the title bar). */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

const Coordinate = z.number().int().min(-100_000).max(100_000);

/** What is kept between launches. Anything else in the file (or a damaged file) is ignored. */
export const WindowState = z.object({
  x: Coordinate.optional(),
  y: Coordinate.optional(),
  width: z.number().int().min(MIN_WIDTH).max(100_000),
  height: z.number().int().min(MIN_HEIGHT).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open the window with, given what was saved and the work areas of the screens
 * attached now. A state that does not parse gives the default size; a position that would put
 * the window (nearly) off every screen, e.g. after a monitor was unplugged, is dropped so
 * the window opens centred; a size larger than the screen it lands on is shrunk to fit.
 * `workAreas[0]` is the primary display.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  const fit = (size: number, limit: number | undefined, min: number) => (limit === undefined ? size : Math.max(min, Math.min(size, limit)));
  const sizedFor = (area: Rect | undefined, width: number, height: number, maximized: boolean): WindowState => ({
    width: fit(width, area?.width, MIN_WIDTH),
    height: fit(height, area?.height, MIN_HEIGHT),
    maximized,
  });

  const parsed = WindowState.safeParse(saved);
  if (!parsed.success) return sizedFor(primary, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);
  const { x, y, width, height, maximized } = parsed.data;
  if (x === undefined || y === undefined) return sizedFor(primary, width, height, maximized);

  const home = workAreas.find((area) => {
    const o = overlap({ x, y, width, height }, area);
    return o.width >= MIN_VISIBLE_WIDTH && o.height >= MIN_VISIBLE_HEIGHT;
  });
  if (!home) return sizedFor(primary, width, height, maximized); // off every screen: open centred
  return { x, y, ...sizedFor(home, width, height, maximized) };
}

/**
 * What to save when a window closes: its normal (unmaximized) bounds and whether it was
 * maximized; null when the bounds are nonsense (then nothing is saved).
 */
export function captureWindowState(normalBounds: Rect, maximized: boolean): WindowState | null {
  const parsed = WindowState.safeParse({
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(MIN_WIDTH, Math.round(normalBounds.width)),
    height: Math.max(MIN_HEIGHT, Math.round(normalBounds.height)),
    maximized,
  });
  return parsed.success ? parsed.data : null;
}
