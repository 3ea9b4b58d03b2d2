/**
 * Reads a conditional dimension's `when` field of a study@2 file (an untrusted JSON value):
 * `{ "dimension": name, "atLeast": number }` or `{ "dimension": name, "in": [values] }`. Whether the
 * named dimension exists and fits is the space's own check (validateSpace).
 */
import type { Condition } from '../core/space';

const shape = 'must be {"dimension": name, "atLeast": number} or {"dimension": name, "in": [values]}';

/** The condition in value, built afresh; throws a rule (without the path) when it breaks the shape. */
export function readCondition(value: unknown): Condition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(shape);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (typeof record.dimension !== 'string') throw new Error(shape);
  if (keys === 'atLeast,dimension' && typeof record.atLeast === 'number' && Number.isFinite(record.atLeast)) {
    return { dimension: record.dimension, atLeast: record.atLeast };
  }
  if (keys === 'dimension,in' && Array.isArray(record.in) && record.in.every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))) {
    return { dimension: record.dimension, in: [...(record.in as (string | number)[])] };
  }
  throw new Error(shape);
}
