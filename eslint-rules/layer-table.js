// @ts-check
/**
 * The checks on eslint.config.js's layer and dependency tables, made when the config loads:
 * a mistake in a table stops lint with what to fix, instead of letting an import through.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Node's own modules (`node:fs`, `fs`, …) are of this class, so the table must declare it. */
export const NODE_CLASS = 'node';

/**
 * @typedef {{ files: string[], imports: string[], packages: string[] }} Layer
 * @typedef {{ file: string, allows: string, why: string }} PendingMove
 * @typedef {{ root: string, layers: Record<string, Layer>, classOf: Record<string, string>, pendingMoves: PendingMove[] }} LayerOptions
 */

/**
 * Every package in package.json has exactly one class, as in Signal Desktop's file-suffix rule:
 * a new dependency fails lint until someone says where its code may run.
 * @param {{ dependencies?: Record<string, string>, devDependencies?: Record<string, string> }} manifest
 * @param {Record<string, string[]>} classes class name → the packages of that class
 * @returns {Record<string, string>} package → its class
 */
export function classifyDependencies(manifest, classes) {
  const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
  /** @type {Map<string, string>} */
  const classOf = new Map();
  const problems = [];
  for (const [name, packages] of Object.entries(classes)) {
    for (const pkg of packages) {
      const earlier = classOf.get(pkg);
      if (earlier) problems.push(`${pkg} is classified twice (${earlier}, ${name})`);
      else classOf.set(pkg, name);
      if (!declared.has(pkg)) problems.push(`${pkg} is classified but is not in package.json: remove it from the table`);
    }
  }
  for (const pkg of declared) {
    if (!classOf.has(pkg)) problems.push(`unclassified dependency ${pkg}: give it a class in the dependency table in eslint.config.js`);
  }
  fail('dependency table', problems);
  return Object.fromEntries(classOf);
}

/**
 * The options of layers/allowed-imports, once every name in them is known: each layer's
 * imports are layers, its packages are classes, and each pending move names a file that is
 * there and a package that is classified.
 * @param {{ root: string, layers: Record<string, Layer>, classes: Record<string, string[]>, manifest: Parameters<typeof classifyDependencies>[0], pendingMoves: PendingMove[] }} tables
 * @returns {LayerOptions}
 */
export function layerOptions({ root, layers, classes, manifest, pendingMoves }) {
  const classOf = classifyDependencies(manifest, classes);
  const problems = [];
  if (!Object.hasOwn(classes, NODE_CLASS)) problems.push(`the dependency table has no class ${NODE_CLASS} (Node's own modules)`);
  for (const [name, layer] of Object.entries(layers)) {
    for (const other of layer.imports) if (!Object.hasOwn(layers, other)) problems.push(`layer ${name} imports ${other}, which is no layer`);
    for (const kind of layer.packages) if (!Object.hasOwn(classes, kind)) problems.push(`layer ${name} imports packages of class ${kind}, which is no class`);
  }
  for (const { file, allows } of pendingMoves) {
    if (!existsSync(path.join(root, file))) problems.push(`the pending move of ${file} names a file that is not there: remove it`);
    if (!Object.hasOwn(classOf, allows)) problems.push(`the pending move of ${file} allows ${allows}, which is not in package.json`);
  }
  fail('layer table', problems);
  return { root, layers, classOf, pendingMoves };
}

/**
 * @param {string} table
 * @param {string[]} problems
 */
function fail(table, problems) {
  if (problems.length > 0) throw new Error(`eslint.config.js, ${table}:\n  ${problems.join('\n  ')}`);
}
