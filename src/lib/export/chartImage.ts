/**
 * A chart on the page as a standalone picture: its <svg> layers (with the CSS that styles them
 * inlined) and any <canvas> underlay, as an SVG document or a PNG at twice the pixel density.
 */
import { maxOf, minOf } from '../core/extent';

/** Presentation properties that CSS classes set on chart elements and a standalone SVG must carry. */
const styledProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Properties of `styledProperties` that SVG children inherit from their parent. */
const inherited = new Set(['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'visibility']);
/** Initial values of the properties that are not inherited, which need not be written out. */
const initialValues: Partial<Record<(typeof styledProperties)[number], string>> = { opacity: '1', display: 'inline', 'dominant-baseline': 'auto' };

const svgNamespace = 'http://www.w3.org/2000/svg';

/** One drawn layer of a chart, with its place in the chart's box (CSS pixels). */
interface Layer {
  element: SVGSVGElement | HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
  opacity: number;
}

/** Height of the title line above a saved chart, px. */
const titleHeight = 24;

/** The chart's title: the one given, else its main picture's accessible name. */
function titleOf(root: Element, title: string | undefined): string {
  if (title !== undefined) return title;
  const labelled = [...root.querySelectorAll('svg[aria-label]')].find((element) => !element.classList.contains('legend'));
  return labelled?.getAttribute('aria-label') ?? '';
}

/** The chart's layers, in paint order, and the box that holds them all (shifted `top` px down, for a title). */
function layersOf(root: Element, top = 0): { layers: Layer[]; width: number; height: number } {
  const elements = [...root.querySelectorAll<SVGSVGElement | HTMLCanvasElement>('svg, canvas')].filter(
    (element) => element.parentElement?.closest('svg') === null && element.getBoundingClientRect().width > 0,
  );
  if (elements.length === 0) throw new Error('This chart has nothing drawn to save yet.');
  const boxes = elements.map((element) => element.getBoundingClientRect());
  const left = minOf(boxes.map((box) => box.left));
  const first = minOf(boxes.map((box) => box.top)) - top;
  const right = maxOf(boxes.map((box) => box.right));
  const bottom = maxOf(boxes.map((box) => box.bottom));
  // Canvases sit under the svg they are paired with, so they are painted first.
  const layers = elements.map((element, index) => ({
    element,
    x: boxes[index].left - left,
    y: boxes[index].top - first,
    width: boxes[index].width,
    height: boxes[index].height,
    opacity: Number(getComputedStyle(element).opacity) || 1,
  }));
  layers.sort((a, b) => Number(b.element instanceof HTMLCanvasElement) - Number(a.element instanceof HTMLCanvasElement));
  return { layers, width: Math.ceil(right - left), height: Math.ceil(bottom - first) };
}

/** A copy of `source` whose elements carry their computed presentation styles inline. */
function inlinedCopy(source: SVGSVGElement, layer: Layer): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const originals = [source, ...source.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const computed = getComputedStyle(original);
    const parent = original === source ? null : getComputedStyle(original.parentElement as Element);
    const target = copies[index];
    // A value the element inherits unchanged, or the initial value, need not be written again.
    const declarations = styledProperties
      .map((name) => [name, computed.getPropertyValue(name)] as const)
      .filter(([name, value]) => value !== '' && value !== initialValues[name] && (!parent || !inherited.has(name) || parent.getPropertyValue(name) !== value))
      .map(([name, value]) => `${name}:${value}`);
    if (declarations.length > 0) target.setAttribute('style', declarations.join(';'));
    else target.removeAttribute('style');
    target.removeAttribute('class');
  });
  copy.setAttribute('x', String(layer.x));
  copy.setAttribute('y', String(layer.y));
  copy.setAttribute('width', String(layer.width));
  copy.setAttribute('height', String(layer.height));
  copy.setAttribute('opacity', String(layer.opacity));
  return copy;
}

/** The chart under `root` as one SVG document; canvases become data: images unless `withCanvases` is false. */
function chartDocument(root: Element, options: { withCanvases: boolean; withBackground: boolean; title: string }): { svg: string; width: number; height: number } {
  const { layers, width: drawn, height } = layersOf(root, options.title ? titleHeight : 0);
  const width = Math.max(drawn, options.title ? Math.ceil(options.title.length * 7.5) + 8 : 0);
  const page = root.ownerDocument;
  const outer = page.createElementNS(svgNamespace, 'svg');
  outer.setAttribute('xmlns', svgNamespace);
  outer.setAttribute('width', String(width));
  outer.setAttribute('height', String(height));
  outer.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (options.withBackground) {
    const background = page.createElementNS(svgNamespace, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', 'white');
    outer.append(background);
  }
  if (options.title) {
    const heading = page.createElementNS(svgNamespace, 'text');
    heading.setAttribute('x', '4');
    heading.setAttribute('y', '16');
    heading.setAttribute('style', 'font-family:system-ui,sans-serif;font-size:13px;font-weight:600;fill:#222');
    heading.textContent = options.title;
    outer.append(heading);
  }
  for (const layer of layers) {
    if (layer.element instanceof HTMLCanvasElement) {
      if (!options.withCanvases) continue;
      const image = page.createElementNS(svgNamespace, 'image');
      image.setAttribute('href', layer.element.toDataURL('image/png'));
      for (const name of ['x', 'y', 'width', 'height', 'opacity'] as const) image.setAttribute(name, String(layer[name]));
      image.setAttribute('preserveAspectRatio', 'none');
      image.setAttribute('style', `image-rendering:${getComputedStyle(layer.element).imageRendering}`);
      outer.append(image);
    } else {
      outer.append(inlinedCopy(layer.element, layer));
    }
  }
  return { svg: new XMLSerializer().serializeToString(outer), width, height };
}

/** The chart under `root` (its svg and canvas layers, legend included) as a standalone SVG document with a title and a white background. */
export function chartSvg(root: Element, title?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chartDocument(root, { withCanvases: true, withBackground: true, title: titleOf(root, title) }).svg}`;
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
}

/** The chart under `root` as a PNG at `scale` device pixels per CSS pixel: white, then canvases, then the svg layers (title and legend included). */
export async function chartPng(root: Element, scale = 2, title?: string): Promise<Blob> {
  const heading = titleOf(root, title);
  const { layers } = layersOf(root, heading ? titleHeight : 0);
  const { svg, width, height } = chartDocument(root, { withCanvases: false, withBackground: false, title: heading });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a PNG (no 2-D canvas).');
  context.scale(scale, scale);
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  for (const layer of layers) {
    if (!(layer.element instanceof HTMLCanvasElement)) continue;
    context.globalAlpha = layer.opacity;
    context.imageSmoothingEnabled = getComputedStyle(layer.element).imageRendering !== 'pixelated';
    context.drawImage(layer.element, layer.x, layer.y, layer.width, layer.height);
  }
  context.globalAlpha = 1;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    context.drawImage(await loadImage(url), 0, 0, width, height);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
}
