// Draws the app's icons (public/icons/icon-192.png and icon-512.png): a falling learning curve and
// its best trial on the app's accent blue. Node has no canvas, so this rasterises by hand and
// writes the PNG with zlib. Run it after changing the drawing: `node scripts/makeIcons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const background = [0x2f, 0x6f, 0xb0];
const axis = [0xb8, 0xcf, 0xe6];
const curve = [0xff, 0xff, 0xff];
const best = [0xf4, 0xa2, 0x61];

/** Distance from point (x, y) to the segment a–b; all in the icon's unit square. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// Everything stays inside the central circle of radius 0.4, so the icon also works as "maskable".
const curvePoints = Array.from({ length: 48 }, (_, index) => {
  const t = index / 47;
  return [0.3 + 0.44 * t, 0.3 + 0.38 * (1 - Math.exp(-4 * t))];
});
const axes = [
  [[0.26, 0.24], [0.26, 0.74]],
  [[0.26, 0.74], [0.76, 0.74]],
];
const bestPoint = curvePoints[30];

/** The color of the unit-square point (x, y): later layers paint over earlier ones. */
function colorAt(x, y) {
  let color = background;
  if (axes.some(([a, b]) => segmentDistance(x, y, a, b) < 0.012)) color = axis;
  for (let index = 1; index < curvePoints.length; index += 1) {
    if (segmentDistance(x, y, curvePoints[index - 1], curvePoints[index]) < 0.025) {
      color = curve;
      break;
    }
  }
  if (Math.hypot(x - bestPoint[0], y - bestPoint[1]) < 0.055) color = best;
  return color;
}

/** RGB pixels of a size×size icon, 4×4 supersampled for smooth edges. */
function drawIcon(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 3);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const color = colorAt((column + (sx + 0.5) / samples) / size, (row + (sy + 0.5) / samples) / size);
          for (let channel = 0; channel < 3; channel += 1) sum[channel] += color[channel];
        }
      }
      for (let channel = 0; channel < 3; channel += 1) pixels[(row * size + column) * 3 + channel] = Math.round(sum[channel] / samples ** 2);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of a PNG chunk's type and data. */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolor 8-bit PNG file of size×size RGB pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, color type RGB, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let row = 0; row < size; row += 1) pixels.copy(rows, row * (size * 3 + 1) + 1, row * size * 3, (row + 1) * size * 3);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const folder = new URL('../public/icons/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, folder), encodePng(size, drawIcon(size)));
  console.log(`wrote public/icons/icon-${size}.png`);
}
