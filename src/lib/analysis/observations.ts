/**
 * The observations an analysis fits: the trials' params as model features of the unit cube
 * (core/space.ts: numeric dimensions by their unit coordinate, choices one-hot), and their
 * objective values made finite.
 *
 * A diverged trial has no finite objective (NaN or ±Infinity). It is not dropped, since "this
 * region diverges" is information, but counted as the worst finite value observed: it then
 * weighs like the worst trial that did finish, instead of an infinity that no model can fit.
 */
import { featureCount, featuresFromUnit, toUnit, type Dimension, type Params } from '../core/space';

/** One scored configuration: its params and its objective (lower is better; non-finite = diverged). */
export interface Observation {
  params: Params;
  value: number;
}

/** A trial as any study keeps it, reduced to what the analyses read. */
export interface TrialLike {
  params: Params;
  state: string;
  value: number | null;
}

/** Observations fitted by the model, shape n × featureCount(space), with finite values. */
export interface PreparedObservations {
  /** Model features, shape [n*features] row-major. */
  features: Float64Array;
  /** Number of features per observation (one per numeric dimension, one per choice value). */
  featureCount: number;
  /** Unit-cube coordinates, shape [n*d] row-major (d = space length). */
  units: Float64Array;
  /** Objective of each observation, finite; diverged ones hold the worst finite value. */
  values: Float64Array;
  /** Which observations diverged (their value was not finite), shape [n]. */
  diverged: boolean[];
  /** Observations whose params do not fit the space (a missing name or an unknown choice), left out. */
  skipped: number;
}

/** Observations of finished trials: complete ones with their value, diverged ones as Infinity; others left out. */
export function observationsFromTrials(trials: readonly TrialLike[]): Observation[] {
  const observations: Observation[] = [];
  for (const trial of trials) {
    if (trial.state === 'complete' && trial.value !== null) observations.push({ params: trial.params, value: trial.value });
    else if (trial.state === 'diverged') observations.push({ params: trial.params, value: Infinity });
  }
  return observations;
}

/** Encodes observations for a model; the value of each diverged one becomes the worst finite value (0 if none). */
export function prepareObservations(space: Dimension[], observations: readonly Observation[]): PreparedObservations {
  const d = space.length;
  const features = featureCount(space);
  const kept: { unit: Float64Array; value: number }[] = [];
  let skipped = 0;
  for (const observation of observations) {
    try {
      kept.push({ unit: toUnit(space, observation.params), value: observation.value });
    } catch {
      skipped++;
    }
  }
  let worst = -Infinity;
  for (const { value } of kept) if (Number.isFinite(value) && value > worst) worst = value;
  if (worst === -Infinity) worst = 0;
  const n = kept.length;
  const prepared: PreparedObservations = {
    features: new Float64Array(n * features),
    featureCount: features,
    units: new Float64Array(n * d),
    values: new Float64Array(n),
    diverged: kept.map(({ value }) => !Number.isFinite(value)),
    skipped,
  };
  kept.forEach(({ unit, value }, i) => {
    prepared.units.set(unit, i * d);
    featuresFromUnit(space, unit, prepared.features.subarray(i * features, (i + 1) * features));
    prepared.values[i] = Number.isFinite(value) ? value : worst;
  });
  return prepared;
}

/** The observations at the given indices (each index into prepared), in that order. */
export function selectObservations(prepared: PreparedObservations, indices: readonly number[]): PreparedObservations {
  const f = prepared.featureCount;
  const d = prepared.units.length / Math.max(1, prepared.values.length);
  const selected: PreparedObservations = {
    features: new Float64Array(indices.length * f),
    featureCount: f,
    units: new Float64Array(indices.length * d),
    values: new Float64Array(indices.length),
    diverged: indices.map((index) => prepared.diverged[index]),
    skipped: prepared.skipped,
  };
  indices.forEach((index, i) => {
    selected.features.set(prepared.features.subarray(index * f, (index + 1) * f), i * f);
    selected.units.set(prepared.units.subarray(index * d, (index + 1) * d), i * d);
    selected.values[i] = prepared.values[index];
  });
  return selected;
}
