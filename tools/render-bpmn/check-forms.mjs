// Imports every Camunda Form into form-js 1.8.7 (the version Tasklist 7.24 renders with) in headless
// Chromium and fails on an import error; with --shots <dir> it also saves a picture of each form.
//
//   npm install --prefix /tmp/render @bpmn-io/form-js@1.8.7 playwright-core@1.65.1   # once, outside the repo
//   NODE_PATH=/tmp/render/node_modules node tools/render-bpmn/check-forms.mjs forms/*.form
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const modules = process.env.NODE_PATH?.split(':')[0] ?? join(process.cwd(), 'node_modules');
const require = createRequire(join(modules, 'noop.js'));
const { chromium } = require('playwright-core');
// the package's "exports" hide dist/, so it is found by path
const dist = join(modules, '@bpmn-io/form-js/dist');

const args = process.argv.slice(2);
let shots = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--shots') shots = args[++i];
  else files.push(args[i]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  await page.setContent('<!doctype html><meta charset="utf-8"><body><div id="form"></div></body>');
  await page.addStyleTag({ path: join(dist, 'assets/form-js.css') });
  await page.addScriptTag({ path: join(dist, 'form-viewer.umd.js') });
  for (const file of files) {
    const schema = JSON.parse(await readFile(file, 'utf8'));
    const result = await page.evaluate(async (schema) => {
      document.querySelector('#form').innerHTML = '';
      try {
        const form = new FormViewer.Form({ container: document.querySelector('#form') });
        const { warnings } = await form.importSchema(schema, {});
        await new Promise((resolve) => setTimeout(resolve, 100));
        // an empty form must fail validation on its required fields
        return { warnings: warnings.map(String), required: Object.keys(form.validate()).length };
      }
      catch (e) {
        return { error: String(e) };
      }
    }, schema);
    if (result.error || result.warnings.length) failed++;
    console.log(`${result.error || result.warnings.length ? 'FAIL' : 'ok  '} ${file} ${JSON.stringify(result)}`);
    if (shots) await page.screenshot({ path: join(shots, `${schema.id}.png`), fullPage: true });
  }
}
finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
