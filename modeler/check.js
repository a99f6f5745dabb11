// CI check of the Camunda Modeler support files: the element templates validate against Camunda's
// element-templates JSON schema, and every diagram in processes/ lints clean with ../.bpmnlintrc.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const Ajv = require('ajv');

const root = path.resolve(__dirname, '..');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let failed = false;
const templates = path.join(__dirname, 'element-templates');
for (const file of fs.readdirSync(templates).filter((f) => f.endsWith('.json')).sort()) {
  const template = JSON.parse(fs.readFileSync(path.join(templates, file), 'utf8'));
  if (validate(template)) {
    console.log(`element template ${file}: valid`);
  } else {
    failed = true;
    console.error(`element template ${file}: invalid`);
    for (const error of validate.errors) {
      console.error(`  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
}

const diagrams = fs.readdirSync(path.join(root, 'processes'))
  .filter((f) => f.endsWith('.bpmn'))
  .map((f) => path.join('..', 'processes', f));
const lint = spawnSync(process.execPath,
  [require.resolve('bpmnlint/bin/bpmnlint.js'), '-c', path.join('..', '.bpmnlintrc'), ...diagrams],
  { cwd: __dirname, encoding: 'utf8' }); // plug-ins resolve from this folder's node_modules
process.stdout.write(lint.stdout);
process.stderr.write(lint.stderr);
if (lint.status !== 0 || /problem/.test(lint.stdout)) {
  failed = true;
  console.error('bpmnlint: processes/ does not lint clean');
} else {
  console.log(`bpmnlint: ${diagrams.length} diagrams lint clean`);
}

process.exit(failed ? 1 : 0);
