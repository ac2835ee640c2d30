// Where the popover opens: next to the tray icon, on the side of the screen the icon is on (below a
// macOS menu bar, above a Windows taskbar), and always entirely inside the display's work area.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 4;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * @param anchor the tray icon's bounds; Linux reports none (a zero box), so callers pass the cursor
 *   position as a 1×1 box instead.
 */
export function popoverPosition(anchor: Box, size: { width: number; height: number }, workArea: Box): { x: number; y: number } {
  const anchorCentreX = anchor.x + anchor.width / 2;
  const anchorCentreY = anchor.y + anchor.height / 2;
  const iconInUpperHalf = anchorCentreY < workArea.y + workArea.height / 2;
  const iconInLeftHalf = anchorCentreX < workArea.x + workArea.width / 2;
  // A taskbar on the left or right edge: open beside the icon rather than over it.
  const verticalTaskbar = anchor.width > 0 && (anchor.x + anchor.width <= workArea.x || anchor.x >= workArea.x + workArea.width);

  let x: number;
  let y: number;
  if (verticalTaskbar) {
    x = iconInLeftHalf ? anchor.x + anchor.width + GAP : anchor.x - size.width - GAP;
    y = anchorCentreY - size.height / 2;
  } else {
    x = anchorCentreX - size.width / 2;
    y = iconInUpperHalf ? anchor.y + anchor.height + GAP : anchor.y - size.height - GAP;
  }
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - size.width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - size.height)),
  };
}
