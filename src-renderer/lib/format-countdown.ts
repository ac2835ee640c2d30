// The popover's countdowns read exactly as the tray's: one implementation in src-shared.
export { countdownTo, type Countdown } from '../../src-shared/countdown.js';
