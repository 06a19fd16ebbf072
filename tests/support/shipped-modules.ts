/**
 * Which packages of node_modules the installer ships, found the way electron-builder finds
 * them: the production dependencies (package.json's, and theirs in turn), each kept or left
 * out by electron-builder's own node-module matcher built from electron-builder.yml's `files`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** builder-util's, through app-builder-lib (builder-util is not a dependency of ours). */
type Filter = ReturnType<FileMatcher['createFilter']>;
type FilterStats = Parameters<Filter>[1];

/** electron-builder's own, left out of its typings (it is @internal). */
type NodeModuleMatcher = (appDir: string, destination: string, expand: (s: string) => string, platformOptions: object, packager: object) => FileMatcher;

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Every package the app depends on at run time, by name, as npm installed it (nested copies first, then the hoisted one). */
export function productionModules(root = process.cwd()): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (from: string, manifest: Manifest) => {
    for (const name of [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]) {
      const dir = [join(from, 'node_modules', name), join(root, 'node_modules', name)].find((d) => existsSync(join(d, 'package.json')));
      if (dir === undefined || found.has(name)) continue;
      found.set(name, resolve(dir));
      visit(dir, readManifest(dir));
    }
  };
  visit(root, readManifest(root));
  return found;
}

/** Whether the installer would hold this file of a package, e.g. ('better-sqlite3', 'lib/index.js'). */
export async function shipsModuleFile(): Promise<(name: string, file: string) => boolean> {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
  const { getNodeModuleFileMatcher } = (await import('app-builder-lib/out/fileMatcher.js')) as unknown as { getNodeModuleFileMatcher: NodeModuleMatcher };
  const expand = (pattern: string) => pattern;
  const matcher = getNodeModuleFileMatcher(process.cwd(), '/app', expand, {}, { config, debugLogger: { isEnabled: false } });
  const modules = productionModules();
  return (name, file) => {
    const dir = modules.get(name) ?? resolve('node_modules', name);
    // As electron-builder copies a package: its matcher over the package's folder, each file named by its place in the app.
    const filter: Filter = new FileMatcher(dir, join('/app/node_modules', name), expand, matcher.patterns).createFilter();
    const path = join(dir, file);
    const stat: FilterStats = Object.assign(statSync(path), { moduleFullFilePath: join('node_modules', name, file) });
    return filter(path, stat);
  };
}

/** The packages the installer ships (their package.json is in it), sorted. */
export async function shippedModules(): Promise<string[]> {
  const ships = await shipsModuleFile();
  return [...productionModules().keys()].filter((name) => ships(name, 'package.json')).sort();
}
