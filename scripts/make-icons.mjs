#!/usr/bin/env node
// Draws the app's icons from the SVG below and writes them as PNGs into assets/ (they are committed;
// run this again only after changing a drawing). SVG is rendered by Chromium through playwright-core,
// so the edges are anti-aliased exactly as a browser would draw them.
//
//   node scripts/make-icons.mjs [--chromium /usr/bin/chromium]
//
// The glyph is a rotating beacon. Each tray state differs in shape, not only in colour, so that the
// states stay apart in macOS template images (one tint) and for colour-blind users:
//   idle     outlined beacon                 nothing needs me
//   on-call  solid beacon                    I am on call, all quiet
//   active   solid beacon with light rays    an incident is open
//   overdue  rays + "!" cut into the dome    a status update is overdue
//   attention outlined beacon, struck through a token stopped working (Settings needs me)
// Variants: "-light" for light trays (dark glyph), "-dark" for dark trays (light glyph), "Template"
// for macOS (black + alpha, tinted by the OS). Each at 16 px and @2x (32 px).
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumFlag = process.argv.indexOf('--chromium');
const executablePath = chromiumFlag > 0 ? process.argv[chromiumFlag + 1] : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

const STATES = ['idle', 'on-call', 'active', 'overdue', 'attention'];

const PALETTE = {
  light: { idle: '#3d3d3d', 'on-call': '#1a5fd0', active: '#d9480f', overdue: '#c92a2a', attention: '#b35c00' },
  dark: { idle: '#e8e8e8', 'on-call': '#74b0ff', active: '#ff922b', overdue: '#ff6b6b', attention: '#ffc078' },
  template: { idle: '#000', 'on-call': '#000', active: '#000', overdue: '#000', attention: '#000' },
};

/** The beacon on a 16×16 grid; edges sit on whole pixels so the 16 px icons stay crisp. */
function trayGlyph(state, color) {
  const base = `<rect x="2" y="12" width="12" height="2" rx="0.5" fill="${color}"/>`;
  const dome = 'M4 12 V8 a4 4 0 0 1 8 0 V12 Z';
  const rays = `<rect x="7" y="0" width="2" height="2.5" rx="0.6" fill="${color}"/>
    <g stroke="${color}" stroke-width="1.8" stroke-linecap="round">
      <line x1="1.9" y1="2.4" x2="3.2" y2="3.7"/>
      <line x1="14.1" y1="2.4" x2="12.8" y2="3.7"/>
    </g>`;
  switch (state) {
    case 'idle':
      // The outline is a 2 px stroke inside the dome's shape.
      return `${base}<path d="M5 12 V8 a3 3 0 0 1 6 0 V12" fill="none" stroke="${color}" stroke-width="2"/>`;
    case 'on-call':
      return `${base}<path d="${dome}" fill="${color}"/>`;
    case 'active':
      return `${base}<path d="${dome}" fill="${color}"/>${rays}`;
    case 'overdue':
      return `${base}
        <mask id="bang"><rect width="16" height="16" fill="#fff"/>
          <rect x="7" y="5.5" width="2" height="3.5" rx="0.4" fill="#000"/>
          <rect x="7" y="10" width="2" height="1.25" rx="0.4" fill="#000"/></mask>
        <path d="${dome}" fill="${color}" mask="url(#bang)"/>${rays}`;
    case 'attention':
      // The idle outline, struck through corner to corner: the connection to a service is broken.
      return `${base}<path d="M5 12 V8 a3 3 0 0 1 6 0 V12" fill="none" stroke="${color}" stroke-width="2"/>
        <line x1="1.5" y1="1.5" x2="14.5" y2="14.5" stroke="${color}" stroke-width="2" stroke-linecap="round"/>`;
    default:
      throw new Error(`unknown state ${state}`);
  }
}

const svg = (size, viewBox, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${viewBox} ${viewBox}">${body}</svg>`;

/**
 * The app icon on a 512 grid: macOS proportions (content 412 px with margins) suit the others too.
 * The same beacon as the tray's "active", with smooth rays: at this size nothing needs pixel snapping.
 */
function appIconBody() {
  return `
    <defs>
      <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#f0563a"/><stop offset="1" stop-color="#c2255c"/>
      </linearGradient>
      <filter id="shadow" x="-10%" y="-10%" width="120%" height="125%">
        <feDropShadow dx="0" dy="8" stdDeviation="10" flood-color="#000" flood-opacity="0.28"/>
      </filter>
    </defs>
    <rect x="50" y="50" width="412" height="412" rx="92" fill="url(#bg)" filter="url(#shadow)"/>
    <g transform="translate(96 112) scale(20)" fill="#fff">
      <rect x="2" y="12" width="12" height="2" rx="0.5"/>
      <path d="M4 12 V8 a4 4 0 0 1 8 0 V12 Z"/>
      <g stroke="#fff" stroke-width="1.4" stroke-linecap="round">
        <line x1="8" y1="0.8" x2="8" y2="2.3"/>
        <line x1="2.3" y1="2.6" x2="3.5" y2="3.8"/>
        <line x1="13.7" y1="2.6" x2="12.5" y2="3.8"/>
      </g>
    </g>`;
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (markup, file) => {
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      await writeFile(`${root}/assets/${file}`, png);
      process.stdout.write(`assets/${file}\n`);
    };

    await mkdir(`${root}/assets/tray`, { recursive: true });
    for (const state of STATES) {
      for (const [variant, colors] of Object.entries(PALETTE)) {
        const name = variant === 'template' ? `${state}Template` : `${state}-${variant}`;
        await render(svg(16, 16, trayGlyph(state, colors[state])), `tray/${name}.png`);
        await render(svg(32, 16, trayGlyph(state, colors[state])), `tray/${name}@2x.png`);
      }
    }
    await render(svg(512, 512, appIconBody()), 'icon.png');
    // A large preview of every tray icon on both backgrounds, to judge them side by side (not packaged).
    const cell = (state, variant, bg) =>
      `<div style="background:${bg};padding:8px;display:inline-block">${svg(64, 16, trayGlyph(state, PALETTE[variant][state]))}</div>`;
    const rows = ['light', 'dark', 'template']
      .map((variant) => `<div>${STATES.map((s) => cell(s, variant, variant === 'dark' ? '#202124' : '#f1f3f4')).join('')}</div>`)
      .join('');
    await page.setContent(`<!doctype html><html><body style="margin:0"><div id="sheet" style="display:inline-block">${rows}</div></body></html>`);
    await mkdir(`${root}/assets/preview`, { recursive: true });
    await page.locator('#sheet').screenshot({ path: `${root}/assets/preview/tray-sheet.png` });
    process.stdout.write('assets/preview/tray-sheet.png\n');
  } finally {
    await browser.close();
  }
}

await main();
