import { describe, expect, it } from 'vitest';
import { captureWindowState, MIN_HEIGHT, MIN_WIDTH, restoreWindowState } from '../../../electron/shell/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1410 };

describe('restoring the window', () => {
  it('keeps a saved position that is on a screen', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1800, height: 1000, maximized: true }, [laptop, monitorRight])).toEqual({
      x: 1600,
      y: 100,
      width: 1800,
      height: 1000,
      maximized: true,
    });
  });

  it('opens centred when the screen it was on is gone, shrunk to the screen left', () => {
    expect(restoreWindowState({ x: 1600, y: 100, width: 1800, height: 1000, maximized: false }, [laptop])).toEqual({
      width: 1440,
      height: 870,
      maximized: false,
    });
  });

  it('treats a window with only a sliver on screen as off-screen', () => {
    expect(restoreWindowState({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop])).not.toHaveProperty('x');
    expect(restoreWindowState({ x: -50, y: 850, width: 1000, height: 700 }, [laptop])).not.toHaveProperty('x');
  });

  it.each([[undefined], [null], ['{"x":1}'], [{ x: 10, y: 10, width: 20, height: 20 }], [{ x: 1.5, y: 0, width: 1200, height: 800 }], [{ width: 'wide' }]])(
    'ignores an unusable saved state %j',
    (saved) => {
      const state = restoreWindowState(saved, [laptop]);
      expect(state).not.toHaveProperty('x');
      expect(state.width).toBeGreaterThanOrEqual(MIN_WIDTH);
      expect(state.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
      expect(state.width).toBeLessThanOrEqual(laptop.width);
    },
  );

  it('still opens with no display information', () => {
    expect(restoreWindowState(undefined, [])).toEqual({ width: 1280, height: 820, maximized: false });
  });
});

describe('saving the window', () => {
  it('rounds the normal bounds and records maximized', () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 1200.2, height: 800.7 }, true)).toEqual({ x: 10, y: 21, width: 1200, height: 801, maximized: true });
  });

  it('saves nothing for nonsense bounds', () => {
    expect(captureWindowState({ x: Number.NaN, y: 0, width: 1200, height: 800 }, false)).toBeNull();
  });
});
