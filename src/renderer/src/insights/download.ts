/**
 * Saving a chart or a table from the page. Files are handed over as data: URLs, which the
 * Content-Security-Policy (img-src 'self' data:) and the desktop shell's request filter both
 * allow; a PNG is the chart's SVG drawn on a canvas at twice its size.
 */
const PNG_SCALE = 2;

export function saveText(fileName: string, type: string, text: string): void {
  saveUrl(fileName, `data:${type};charset=utf-8,${encodeURIComponent(text)}`);
}

export function saveSvg(fileName: string, svg: SVGSVGElement): void {
  saveText(fileName, 'image/svg+xml', svgMarkup(svg));
}

export async function savePng(fileName: string, svg: SVGSVGElement): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgMarkup(svg))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = width * PNG_SCALE;
  canvas.height = height * PNG_SCALE;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw on a canvas.');
  context.scale(PNG_SCALE, PNG_SCALE);
  context.drawImage(image, 0, 0, width, height);
  saveUrl(fileName, canvas.toDataURL('image/png'));
}

/** The chart as a standalone SVG file, with its XML declaration. */
function svgMarkup(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

function saveUrl(fileName: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
