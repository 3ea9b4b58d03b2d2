#!/usr/bin/env node
// Converts the digits and iris CSV files shipped in Debian's python3-sklearn package into the
// compact JSON files under public/data/ that src/lib/datasets/realData.ts decodes.
//
// Usage:
//   cd /tmp && apt-get download python3-sklearn && dpkg-deb -x python3-sklearn_*.deb sklearn-deb
//   node scripts/convertRealData.mjs /tmp/sklearn-deb/usr/lib/python3/dist-packages/sklearn/datasets/data
//
// See docs/DATA.md for the sources and licences.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceFolder = process.argv[2];
if (!sourceFolder) {
  console.error('usage: node scripts/convertRealData.mjs <folder holding digits.csv.gz and iris.csv>');
  process.exit(1);
}
const outputFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'data');
mkdirSync(outputFolder, { recursive: true });

function fail(message) {
  console.error(`convertRealData: ${message}`);
  process.exit(1);
}

/** Splits CSV text without quotes (both source files are plain numbers) into rows of cells. */
function plainRows(text) {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => line.split(','));
}

// Digits: 1,797 rows of 64 pixel counts (0..16, row-major 8x8) followed by the label 0..9.
// Written as one base-17 character per pixel ("0".."9", "a".."g") and one character per label,
// which keeps the file near 115 KB (and much smaller once the server gzips it).
const digitRows = plainRows(gunzipSync(readFileSync(join(sourceFolder, 'digits.csv.gz'))).toString('utf8'));
let pixels = '';
let labels = '';
for (const [index, row] of digitRows.entries()) {
  if (row.length !== 65) fail(`digits row ${index + 1} has ${row.length} values, expected 65`);
  const values = row.map((cell) => Number(cell));
  if (values.some((value) => !Number.isInteger(value))) fail(`digits row ${index + 1} has a non-integer value`);
  const pixelValues = values.slice(0, 64);
  if (pixelValues.some((value) => value < 0 || value > 16)) fail(`digits row ${index + 1} has a pixel outside 0..16`);
  const label = values[64];
  if (label < 0 || label > 9) fail(`digits row ${index + 1} has label ${label}`);
  pixels += pixelValues.map((value) => value.toString(17)).join('');
  labels += String(label);
}
if (digitRows.length !== 1797) fail(`expected 1,797 digits, found ${digitRows.length}`);
const digits = {
  format: 'tuning-playground/digits@1',
  description: '8x8 handwritten digits: pixel counts 0..16, one base-17 character each, 64 per image, row-major; one label character per image.',
  source: 'scikit-learn sklearn/datasets/data/digits.csv.gz (Debian python3-sklearn); UCI Optical Recognition of Handwritten Digits, test set (Alpaydin & Kaynak, 1998)',
  license: 'BSD-3-Clause (scikit-learn); see docs/DATA.md',
  size: digitRows.length,
  width: 8,
  height: 8,
  maxValue: 16,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  labels,
  pixels,
};
writeFileSync(join(outputFolder, 'digits.json'), `${JSON.stringify(digits)}\n`);

// Iris: a header "150,4,setosa,versicolor,virginica", then 150 rows of 4 measurements (cm) and a class 0..2.
const [irisHeader, ...irisRows] = plainRows(readFileSync(join(sourceFolder, 'iris.csv'), 'utf8'));
const irisClassNames = irisHeader.slice(2).map((name) => name.trim());
if (irisRows.length !== 150 || irisClassNames.length !== 3) fail('iris.csv does not have 150 rows and 3 classes');
const features = [];
const targets = [];
for (const [index, row] of irisRows.entries()) {
  const values = row.map((cell) => Number(cell));
  if (values.length !== 5 || values.some((value) => !Number.isFinite(value))) fail(`iris row ${index + 1} is malformed`);
  features.push(...values.slice(0, 4));
  targets.push(values[4]);
}
const iris = {
  format: 'tuning-playground/iris@1',
  description: 'Fisher\'s iris: 4 measurements in cm per flower (row-major, flat), and a class index per flower.',
  source: 'scikit-learn sklearn/datasets/data/iris.csv (Debian python3-sklearn); Fisher (1936)',
  license: 'BSD-3-Clause (scikit-learn); see docs/DATA.md',
  size: irisRows.length,
  featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
  classNames: irisClassNames,
  features,
  targets,
};
writeFileSync(join(outputFolder, 'iris.json'), `${JSON.stringify(iris)}\n`);

console.log(`wrote ${digits.size} digits and ${iris.size} iris flowers to ${outputFolder}`);
