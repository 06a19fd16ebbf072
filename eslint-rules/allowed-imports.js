// @ts-check
/**
 * layers/allowed-imports: each file belongs to the first layer (in the order the table is
 * written) whose globs match it, and may import only what that layer allows, as VS Code's
 * code-import-patterns rule does. A relative import counts as the layer of the file it
 * reaches; a package import as the package's class; a file that no layer declares is an error.
 */
import { existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import picomatch from 'picomatch';
import { NODE_CLASS } from './layer-table.js';

/** @typedef {import('./layer-table.js').LayerOptions} LayerOptions */

const names = { type: 'array', items: { type: 'string' } };

/** @type {import('eslint').Rule.RuleModule} */
export const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers and the classes of package its table entry allows.' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['root', 'layers', 'classOf', 'pendingMoves'],
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              required: ['files', 'imports', 'packages'],
              properties: { files: names, imports: names, packages: names },
            },
          },
          classOf: { type: 'object', additionalProperties: { type: 'string' } },
          pendingMoves: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['file', 'allows', 'why'],
              properties: { file: { type: 'string' }, allows: { type: 'string' }, why: { type: 'string' } },
            },
          },
        },
      },
    ],
    messages: {
      noLayer: 'no layer declares {{file}}: add it to the layer table in eslint.config.js',
      layer: '{{layer}} may not import {{target}} (layer {{targetLayer}}); it may import the layers {{allowed}}',
      unknownTarget: '{{layer}} imports {{target}}, which no layer declares: add it to the layer table in eslint.config.js',
      packageClass: '{{layer}} may not import {{pkg}} (class {{kind}}); it may import packages of class {{allowed}}',
      notInManifest: '{{pkg}} is not in package.json: add it there and give it a class in eslint.config.js',
      pendingDone: 'this file no longer imports {{pkg}}: remove its pending move from eslint.config.js',
    },
  },

  create(context) {
    /** @type {LayerOptions} */
    const { root, layers, classOf, pendingMoves } = context.options[0];
    const file = repoPath(root, path.resolve(context.cwd, context.filename));
    const layerOf = layerMatcher(layers);
    const own = layerOf(file);
    if (!own) {
      return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { file } }) };
    }
    const [layer, { imports, packages }] = own;
    const pending = new Set(pendingMoves.filter((move) => move.file === file).map((move) => move.allows));
    const pendingUsed = new Set();

    /**
     * @param {import('estree').Node} node
     * @param {unknown} specifier
     */
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const target = sourceFile(root, path.posix.join(path.posix.dirname(file), specifier));
        const reached = layerOf(target);
        if (!reached) context.report({ node, messageId: 'unknownTarget', data: { layer, target } });
        else if (!imports.includes(reached[0])) {
          context.report({ node, messageId: 'layer', data: { layer, target, targetLayer: reached[0], allowed: imports.join(', ') } });
        }
        return;
      }
      const pkg = packageName(specifier);
      const kind = isBuiltin(specifier) ? NODE_CLASS : classOf[pkg];
      if (!kind) context.report({ node, messageId: 'notInManifest', data: { pkg } });
      else if (pending.has(pkg)) pendingUsed.add(pkg);
      else if (!packages.includes(kind)) {
        context.report({ node, messageId: 'packageClass', data: { layer, pkg, kind, allowed: packages.join(', ') } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // `typeof import('pg')` in a type ties a file to a package as much as an import does.
      TSImportType: (/** @type {any} */ node) => check(node, node.argument?.literal?.value),
      CallExpression: (node) => {
        const [first] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && first?.type === 'Literal') check(first, first.value);
      },
      'Program:exit': (node) => {
        for (const pkg of pending) if (!pendingUsed.has(pkg)) context.report({ node, messageId: 'pendingDone', data: { pkg } });
      },
    };
  },
};

/**
 * @param {Record<string, import('./layer-table.js').Layer>} layers
 * @returns {(file: string) => [string, import('./layer-table.js').Layer] | undefined}
 */
function layerMatcher(layers) {
  const matchers = Object.entries(layers).map(([name, layer]) => ({ entry: /** @type {[string, typeof layer]} */ ([name, layer]), matches: picomatch(layer.files) }));
  return (file) => matchers.find(({ matches }) => matches(file))?.entry;
}

/**
 * The file's path from the repository's root, with forward slashes whatever the platform.
 * @param {string} root
 * @param {string} absolute
 */
function repoPath(root, absolute) {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/**
 * TypeScript's sources are imported by the name of what they compile to (`./desk-api.js` is
 * desk-api.ts): name the source when there is one, so a layer can list exact files.
 * @param {string} root
 * @param {string} target
 */
function sourceFile(root, target) {
  if (!target.endsWith('.js')) return target;
  const stem = target.slice(0, -'.js'.length);
  return [`${stem}.ts`, `${stem}.tsx`].find((source) => existsSync(path.join(root, source))) ?? target;
}

/**
 * `@scope/name/sub/path` → `@scope/name`; `name/sub/path` → `name`.
 * @param {string} specifier
 */
function packageName(specifier) {
  const parts = specifier.split('/');
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}
