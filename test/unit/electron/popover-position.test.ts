import { describe, expect, it } from 'vitest';
import { popoverPosition } from '../../../src-main/electron/popover-position.js';

const size = { width: 360, height: 480 };
const workArea = { x: 0, y: 25, width: 1440, height: 875 };

describe('popover position', () => {
  it('opens below a menu-bar icon (macOS), centred on it', () => {
    expect(popoverPosition({ x: 1000, y: 0, width: 22, height: 24 }, size, workArea)).toEqual({ x: 831, y: 28 });
  });

  it('opens above a taskbar icon (Windows)', () => {
    const wa = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ x: 1700, y: 1042, width: 24, height: 38 }, size, wa)).toEqual({ x: 1532, y: 558 });
  });

  it('never leaves the work area at a screen edge', () => {
    const { x, y } = popoverPosition({ x: 1430, y: 0, width: 22, height: 24 }, size, workArea);
    expect(x).toBe(1440 - 360);
    expect(y).toBeGreaterThanOrEqual(25);
  });

  it('opens beside an icon on a vertical taskbar', () => {
    const wa = { x: 60, y: 0, width: 1860, height: 1080 };
    expect(popoverPosition({ x: 10, y: 900, width: 40, height: 40 }, size, wa)).toEqual({ x: 60, y: 600 });
  });

  it('works on a secondary display with negative coordinates', () => {
    const wa = { x: -1920, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ x: -100, y: 0, width: 1, height: 1 }, size, wa)).toEqual({ x: -360, y: 5 });
  });
});
