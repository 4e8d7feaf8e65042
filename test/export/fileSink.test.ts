/** The export's file sink: whatever mix of texts and bytes is written, the file holds exactly them, in order. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { openSink } from '../../src/main/export/guardedFs.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'imr-sink-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Small buffers, so a run swaps them often and writes texts larger than a whole buffer. */
const BUFFER_BYTES = 64;

const piece = fc.oneof(
  fc.record({ text: fc.string({ unit: 'binary', maxLength: 100 }) }),
  fc.record({ text: fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '\r\n', '"'), maxLength: 40 }) }),
  fc.record({ bytes: fc.uint8Array({ maxLength: 150 }) }),
);

describe('openSink', () => {
  test('a file written in any mix of texts and bytes holds exactly them, in order, and says how many bytes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        const file = path.join(folder, `sink-${run++}.bin`);
        const sink = await openSink({ timeoutMs: 5000 }, file, BUFFER_BYTES);
        for (const written of pieces) {
          if ('text' in written) await sink.write(written.text);
          else await sink.writeBytes(written.bytes);
        }
        await sink.close();
        const expected = Buffer.concat(pieces.map((written) => ('text' in written ? Buffer.from(written.text, 'utf8') : Buffer.from(written.bytes))));
        expect(readFileSync(file).equals(expected)).toBe(true);
        expect(sink.bytes).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });
});
