/**
 * Which searched settings exist only under a condition on another searched setting, so a search
 * never varies what a trial would not use: units, activation and dropout only with at least one
 * hidden layer (with none the network is a linear model), the units of layer k (units2 …
 * units6) only with at least k layers, momentum only with the momentum optimizer, Adam's β1
 * and β2 only with adam or adam-hd. A condition applies when both settings are searched; otherwise the dimension is plain.
 */
import { laterLayerWidthKeys } from './modelSettings';
import type { Condition, Dimension } from './space';

/** The condition of each conditional setting, keyed by setting name. */
export const settingConditions: Readonly<Record<string, Condition>> = {
  units: { dimension: 'hiddenLayers', atLeast: 1 },
  activation: { dimension: 'hiddenLayers', atLeast: 1 },
  dropout: { dimension: 'hiddenLayers', atLeast: 1 },
  momentum: { dimension: 'optimizer', in: ['momentum'] },
  ...Object.fromEntries(laterLayerWidthKeys.map((key, index) => [key, { dimension: 'hiddenLayers', atLeast: index + 2 }])),
  beta1: { dimension: 'optimizer', in: ['adam', 'adam-hd'] },
  beta2: { dimension: 'optimizer', in: ['adam', 'adam-hd'] },
};

/** The dimensions with the settings table's conditions attached wherever the condition's setting is searched too. */
export function withConditions(dimensions: readonly Dimension[]): Dimension[] {
  return dimensions.map((dimension) => {
    const { when: _old, ...plain } = dimension;
    const when = Object.hasOwn(settingConditions, dimension.name) ? settingConditions[dimension.name] : undefined;
    const parent = when && dimensions.find((other) => other.name === when.dimension && !Object.hasOwn(settingConditions, other.name));
    return (parent ? { ...plain, when } : plain) as Dimension;
  });
}

/** The condition as a person reads it, e.g. "only when hiddenLayers ≥ 1" or "only when optimizer is momentum". */
export function conditionText(when: Condition): string {
  if ('atLeast' in when) return `only when ${when.dimension} ≥ ${when.atLeast}`;
  return `only when ${when.dimension} is ${when.in.join(' or ')}`;
}

/** What a table shows of params: every dimension of the space in order, null where it was inactive ("not used"), then any other params. */
export function paramRows(space: readonly Dimension[], params: Readonly<Record<string, number | string>>): [string, number | string | null][] {
  const rows: [string, number | string | null][] = space.map((dimension) => [dimension.name, Object.hasOwn(params, dimension.name) ? params[dimension.name] : null]);
  for (const [name, value] of Object.entries(params)) if (!space.some((dimension) => dimension.name === name)) rows.push([name, value]);
  return rows;
}
