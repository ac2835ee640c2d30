/**
 * 10000 → "10,000" for messages built when a module loads. Not toLocaleString: formatting a number
 * starts ICU, about 7 MB of RSS in a core that otherwise never needs it (bench:watch).
 */
export const withThousands = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
