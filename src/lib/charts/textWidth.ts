/**
 * The width a label takes in the page's font, measured on an offscreen canvas (so a chart can
 * size its margins to its longest label before drawing), with an estimate where there is no DOM.
 */

let context: CanvasRenderingContext2D | null | undefined;

/** Width in px of `text` at `fontSize` px in the page's font; 0.62 em a character without a canvas. */
export function textWidth(text: string, fontSize: number): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * fontSize * 0.62;
  context.font = `${fontSize}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  return context.measureText(text).width;
}
