import { describe, expect, it } from 'vitest';
import { canvasKeyIndex, pageJump } from '../../../src/lib/charts/canvasKeys';

describe('canvasKeyIndex', () => {
  it('moves the highlight one dot with the arrows and to either end with Home and End, clamped', () => {
    expect(canvasKeyIndex('ArrowRight', 4, 5000)).toBe(5);
    expect(canvasKeyIndex('ArrowDown', 4, 5000)).toBe(5);
    expect(canvasKeyIndex('ArrowLeft', 4, 5000)).toBe(3);
    expect(canvasKeyIndex('ArrowLeft', 0, 5000)).toBe(0);
    expect(canvasKeyIndex('ArrowRight', 4999, 5000)).toBe(4999);
    expect(canvasKeyIndex('Home', 300, 5000)).toBe(0);
    expect(canvasKeyIndex('End', 3, 5000)).toBe(4999);
  });

  it('jumps a twentieth of the dots with Page Down and Page Up, never past the ends', () => {
    expect(pageJump(5000)).toBe(250);
    expect(pageJump(7)).toBe(1);
    expect(canvasKeyIndex('PageDown', 10, 5000)).toBe(260);
    expect(canvasKeyIndex('PageUp', 10, 5000)).toBe(0);
    expect(canvasKeyIndex('PageDown', 4900, 5000)).toBe(4999);
  });

  it('selects with Enter and Space and leaves other keys, and every key, alone when there is no dot', () => {
    expect(canvasKeyIndex('Enter', 2, 10)).toBe('select');
    expect(canvasKeyIndex(' ', 2, 10)).toBe('select');
    expect(canvasKeyIndex('a', 2, 10)).toBeNull();
    expect(canvasKeyIndex('Tab', 2, 10)).toBeNull();
    expect(canvasKeyIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
