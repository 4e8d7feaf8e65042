/**
 * The closed layering (oxlint.config.ts's LAYERS), as an oxlint JS plugin: every source file
 * belongs to exactly one layer, and imports only from its own layer, the layers and files its
 * allow-list names, and the packages it lists. Anything else, a file in no layer included, fails.
 * Imports are judged by the file they resolve to, so a path's spelling cannot slip past.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface Layer {
  /** Globs (from the repository root) of the files in the layer; a glob starting with ! takes files out. */
  readonly files: readonly string[];
  /** Layers by name, or other files by glob, that its files may import besides their own layer. */
  readonly imports: readonly string[];
  /** Package specifiers (globs) it may import; 'node' stands for Node's built-in modules. */
  readonly packages: readonly string[];
  /** Why the layer is drawn where it is: the message of every breach. */
  readonly why: string;
}

export interface LayeringOptions {
  readonly layers: Readonly<Record<string, Layer>>;
  /** Folders reached from outside only through their index.ts. */
  readonly publicModules: readonly string[];
}

const ROOT = path.resolve(import.meta.dirname, '..');
const BUILTINS = new Set(builtinModules);

const HOW_TO_ADD =
  "Add it to a layer's files in LAYERS (oxlint.config.ts), or add a layer there: { files: ['its/folder/**'], imports: [the layers it may use], packages: [the packages it may use], why: 'what it is for' }, and name the new layer in the imports of the layers that use it.";

function matches(file: string, globs: readonly string[]): boolean {
  const taken = globs.filter((glob) => !glob.startsWith('!'));
  const dropped = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  return taken.some((glob) => path.matchesGlob(file, glob)) && !dropped.some((glob) => path.matchesGlob(file, glob));
}

export function layersOf(file: string, layers: LayeringOptions['layers']): string[] {
  return Object.entries(layers)
    .filter(([, layer]) => matches(file, layer.files))
    .map(([name]) => name);
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

interface Node {
  readonly type: string;
}
interface Literal extends Node {
  readonly value: unknown;
}
interface Report {
  readonly node: Node;
  readonly message: string;
}
interface Context {
  readonly filename: string;
  readonly options: readonly unknown[];
  report(report: Report): void;
}

function closedLayering(context: Context): Record<string, (node: never) => void> {
  const options = context.options[0] as LayeringOptions;
  const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
  const owners = layersOf(file, options.layers);
  if (owners.length !== 1) {
    const message =
      owners.length === 0 ? `${file} belongs to no layer. ${HOW_TO_ADD}` : `${file} belongs to ${owners.length} layers (${owners.join(', ')}); a file belongs to exactly one.`;
    return { Program: (node: Node) => context.report({ node, message }) };
  }
  const name = owners[0] as string;
  const layer = options.layers[name] as Layer;

  const refusal = (specifier: string): string | null => {
    const bare = specifier.replace(/\?.*$/, '');
    if (!bare.startsWith('.')) {
      const allowed = layer.packages.some((entry) => (entry === 'node' ? isNodeBuiltin(bare) : entry === bare || path.matchesGlob(bare, entry)));
      return allowed ? null : `the ${name} layer may not import the package '${bare}': ${layer.why}`;
    }
    const target = path.relative(ROOT, path.resolve(path.dirname(context.filename), bare)).split(path.sep).join('/');
    const room = options.publicModules.find((folder) => target.startsWith(`${folder}/`) && !file.startsWith(`${folder}/`));
    if (room && target !== `${room}/index.ts`) return `${target} is internal to ${room}: import ${room}/index.ts, its public module. ${layer.why}`;
    const targetLayers = layersOf(target, options.layers);
    const allowed = targetLayers.includes(name) || layer.imports.some((entry) => (entry in options.layers ? targetLayers.includes(entry) : path.matchesGlob(target, entry)));
    const where = targetLayers.length > 0 ? `the ${targetLayers.join('/')} layer's ${target}` : target;
    return allowed ? null : `the ${name} layer may not import ${where}: ${layer.why}`;
  };

  const check = (source: Literal | null | undefined): void => {
    if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
    const message = refusal(source.value);
    if (message) context.report({ node: source, message });
  };
  return {
    ImportDeclaration: (node: { source: Literal }) => check(node.source),
    ExportNamedDeclaration: (node: { source: Literal | null }) => check(node.source),
    ExportAllDeclaration: (node: { source: Literal }) => check(node.source),
    ImportExpression: (node: { source: Literal }) => check(node.source),
    TSImportType: (node: { argument?: { literal?: Literal }; source?: Literal }) => check(node.source ?? node.argument?.literal),
  };
}

export default {
  meta: { name: 'layers' },
  rules: { closed: { meta: { type: 'problem', schema: false }, create: closedLayering } },
};
