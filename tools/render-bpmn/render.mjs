// Renders BPMN models to PNG pictures with bpmn-js in headless Chromium (no browser download).
//
//   npm install --prefix /tmp/render bpmn-js@17.11.1 playwright-core@1.65.1   # once, outside the repo
//   NODE_PATH=/tmp/render/node_modules node tools/render-bpmn/render.mjs processes/land-use-right-transfer.bpmn ...
//
// Each picture is written to docs/procedures/<process-id>.png (override the folder with --out <dir>).
// The browser is Debian's chromium (apt-get install chromium); set CHROMIUM to use another binary.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH?.split(':')[0] ?? process.cwd(), 'noop.js'));
const { chromium } = require('playwright-core');
const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

const args = process.argv.slice(2);
let out = 'docs/procedures';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') out = args[++i];
  else files.push(args[i]);
}
if (!files.length) {
  console.error('usage: render.mjs [--out dir] model.bpmn ...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1.5 });
  await page.setContent('<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">'
    + '<div id="canvas" style="width:4000px;height:3000px"></div></body>');
  await page.addScriptTag({ path: viewerScript });
  for (const file of files) {
    const xml = await readFile(file, 'utf8');
    const box = await page.evaluate(async (xml) => {
      window.viewer?.destroy();
      window.viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await window.viewer.importXML(xml);
      if (warnings.length) console.warn(warnings.map((w) => w.message).join('\n'));
      const canvas = window.viewer.get('canvas');
      canvas.zoom(1);
      const bbox = canvas.viewbox().inner;
      const margin = 20;
      canvas.viewbox({ x: bbox.x - margin, y: bbox.y - margin, width: 4000, height: 3000 });
      return { width: Math.ceil(bbox.width + 2 * margin), height: Math.ceil(bbox.height + 2 * margin) };
    }, xml);
    await page.setViewportSize(box);
    const target = resolve(out, basename(file).replace(/\.bpmn$/, '.png'));
    await page.screenshot({ path: target, clip: { x: 0, y: 0, ...box } });
    console.log(`${file} -> ${target} (${box.width}x${box.height})`);
  }
}
finally {
  await browser.close();
}
