/**
 * A letter's text layout as the library stores it: deflated JSON, about 2 KB a letter against
 * some 50 KB as objects. An import packs it in its reading workers, so what crosses to the one
 * thread that writes the library is bytes, not thousands of small objects to copy.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { TextLayout } from '../../../shared/pages.ts';
import type { PackedPdfCopy, PdfCopy } from '../../../shared/source.ts';

function packLayout(layout: TextLayout): Uint8Array {
  return deflateRawSync(JSON.stringify(layout));
}

export function unpackLayout(packed: Uint8Array): TextLayout {
  return JSON.parse(inflateRawSync(packed).toString('utf8')) as TextLayout;
}

export function packedCopy(copy: PdfCopy | PackedPdfCopy): PackedPdfCopy {
  return 'packedLayout' in copy ? copy : { bytes: copy.bytes, packedLayout: packLayout(copy.layout) };
}
