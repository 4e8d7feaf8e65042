/**
 * Where pdf.js's time per letter goes: the real letters (../shared/letters/dev, generated PDFs
 * when they are not here) read by the app's PDF reader on one thread under V8's sampling
 * profiler (what `node --cpu-prof` writes), each sample counted for the innermost function on
 * its stack that a group names. The groups name pdf.js's functions as its 5.x build has them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { extractPdfText } from '../src/main/letters/reading/extractPdfText.ts';
import { pdfFolder, REAL_LETTERS } from './data.ts';
import type { BenchResult } from './result.ts';

const ROUNDS = 3;
const GENERATED = 60;

const GROUPS: readonly { readonly name: string; readonly functions: readonly string[] }[] = [
  { name: "the app's own text and layout building (pageText, layout)", functions: ['pageText', 'addPage', 'layout'] },
  { name: 'garbage collection', functions: ['(garbage collector)'] },
  { name: 'fonts: loading, translating, glyph maps', functions: ['loadFont', 'translateFont', 'preEvaluateFont', 'buildToUnicode'] },
  { name: 'decryption of the streams', functions: ['_decrypt', '_decryptBlock2', 'decryptBlock', 'decryptString'] },
  {
    name: "getTextContent's operator loop: text items, their positions and spacing per run of glyphs (pdf.js's own layout)",
    functions: ['promiseBody', 'buildTextContentItem', 'compareWithLastPosition', 'getCurrentTextTransform', 'charsToGlyphs', 'handleSetFont', 'runBidiTransform'],
  },
  { name: 'handing text items from the fake worker to the document (structured clone, streams)', functions: ['structuredClone', 'postMessage', 'enqueue', 'sendWithStream', 'ReadableStream'] },
  { name: 'content streams: decoding and lexing operators', functions: ['EvaluatorPreprocessor', 'read', 'getObj', 'readBlock', 'Lexer', 'makeStream'] },
  { name: 'the document: xref, trailer, pages', functions: ['loadDocument', 'ensureDoc', 'getPage', 'fetch', 'parse'] },
];

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string };
  readonly children?: readonly number[];
}

export async function benchPdfProfile(): Promise<BenchResult[]> {
  const real = (await readdir(REAL_LETTERS).catch(() => [] as string[])).filter((name) => name.endsWith('.pdf'));
  const folder = real.length > 0 ? REAL_LETTERS : await pdfFolder(GENERATED);
  const names = real.length > 0 ? real : (await readdir(folder)).filter((name) => name.endsWith('.pdf'));
  const files = await Promise.all(names.map((name) => readFile(path.join(folder, name))));
  for (const bytes of files.slice(0, 5)) await extractPdfText(bytes, 60_000);

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const bytes of files) await extractPdfText(bytes, 60_000);
  const elapsed = performance.now() - started;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();

  const nodes = new Map((profile.nodes as ProfileNode[]).map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, node.id);
  const counts = new Map<string, number>();
  for (const sample of profile.samples ?? []) {
    let group = 'other';
    for (let id: number | undefined = sample; id !== undefined && group === 'other'; id = parents.get(id)) {
      const name = nodes.get(id)?.callFrame.functionName ?? '';
      group = GROUPS.find((candidate) => candidate.functions.includes(name))?.name ?? 'other';
    }
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const samples = profile.samples?.length ?? 1;
  const perLetter = elapsed / (ROUNDS * files.length);
  const kind = real.length > 0 ? 'real letters' : 'generated letters (../shared/letters is not here)';
  return [
    { name: `pdf.js reading one of ${files.length} ${kind}, one thread, under the profiler`, value: perLetter, unit: 'ms' },
    ...[...GROUPS.map((group) => group.name), 'other'].map((name) => ({
      name: `  ${name}`,
      value: ((counts.get(name) ?? 0) / samples) * perLetter,
      unit: `ms (${((100 * (counts.get(name) ?? 0)) / samples).toFixed(0)}%)`,
    })),
  ];
}
