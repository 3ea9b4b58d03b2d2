/**
 * The compact text of the searched hyperparameters that links carry:
 * `learningRate:log:0.0001:1,units:int:1:64,activation:choice:relu/tanh`.
 * Each part is `name:type:low:high` (type real, log or int) or `name:choice:value/value…`.
 */
import type { Dimension } from './space';

/** What the codec needs to know of a searchable setting (a slice of its settings-table rule). */
export type SearchableDefinition =
  | { type: 'number'; label: string; min: number; max: number }
  | { type: 'int'; label: string; min: number; max: number }
  | { type: 'choice'; label: string; values: readonly string[] };

/** Dimensions parsed from the compact text, or a notice naming the part that is wrong. */
export type SearchedDimensionsResult = { ok: true; dimensions: Dimension[] } | { ok: false; notice: string };

const decimalPattern = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseBound(text: string): number {
  return decimalPattern.test(text) ? Number(text) + 0 : Number.NaN;
}

function parsePart(part: string, searchable: Readonly<Record<string, SearchableDefinition>>): Dimension | string {
  const [name, type, ...rest] = part.split(':');
  if (!Object.hasOwn(searchable, name)) return `“${name.slice(0, 40)}” cannot be searched`;
  const definition = searchable[name];
  if (definition.type === 'choice') {
    if (type !== 'choice' || rest.length !== 1) return `${name} is a choice: write ${name}:choice:a/b`;
    const values = rest[0].split('/');
    if (values.length < 2) return `${name} needs at least two values to choose from`;
    for (const [index, value] of values.entries()) {
      if (!definition.values.includes(value)) return `${name} cannot be “${value.slice(0, 40)}” (one of ${definition.values.join(', ')})`;
      if (values.indexOf(value) !== index) return `${name} lists “${value}” twice`;
    }
    return { name, type: 'choice', values };
  }
  const allowedTypes = definition.type === 'int' ? ['int'] : ['real', 'log'];
  if (!allowedTypes.includes(type) || rest.length !== 2) return `${name} needs ${allowedTypes.join(' or ')} with a low and a high, as ${name}:${allowedTypes[0]}:low:high`;
  const [low, high] = rest.map(parseBound);
  if (!(low >= definition.min && high <= definition.max && low < high)) {
    return `${name} needs ${definition.min} ≤ low < high ≤ ${definition.max}`;
  }
  if (type === 'int' && !(Number.isInteger(low) && Number.isInteger(high))) return `${name} needs whole-number bounds`;
  if (type === 'log' && !(low > 0)) return `${name} on a log scale needs a low above 0`;
  return { name, type: type as 'real' | 'log' | 'int', low, high };
}

/** Parses the compact text against the searchable settings; '' is an empty space. */
export function parseSearchedDimensions(
  text: string,
  searchable: Readonly<Record<string, SearchableDefinition>>,
): SearchedDimensionsResult {
  if (text === '') return { ok: true, dimensions: [] };
  const dimensions: Dimension[] = [];
  for (const part of text.split(',')) {
    const parsed = parsePart(part, searchable);
    if (typeof parsed === 'string') return { ok: false, notice: `Searched hyperparameters: ${parsed}.` };
    if (dimensions.some((dimension) => dimension.name === parsed.name)) {
      return { ok: false, notice: `Searched hyperparameters: ${parsed.name} is listed twice.` };
    }
    dimensions.push(parsed);
  }
  return { ok: true, dimensions };
}

/** The compact text of dimensions (shortest exact numbers), the inverse of parseSearchedDimensions. */
export function formatSearchedDimensions(dimensions: readonly Dimension[]): string {
  return dimensions
    .map((dimension) =>
      dimension.type === 'choice'
        ? `${dimension.name}:choice:${dimension.values.join('/')}`
        : `${dimension.name}:${dimension.type}:${dimension.low}:${dimension.high}`,
    )
    .join(',');
}
