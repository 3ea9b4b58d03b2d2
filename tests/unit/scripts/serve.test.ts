/**
 * Fuzzes scripts/serve.mjs (the server behind `npm start`, the browser tests and the benchmarks) over
 * loopback: seeded random paths, request lines and headers. It must answer each with a status, never
 * exit, and never serve a file from outside its root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../scripts/serve.mjs';
import { createRandom, type Random } from '../../../src/lib/core/random.ts';
import { getRequest, sendRaw, type RawResponse } from './rawHttp.ts';

const insideMarkers = ['INSIDE-INDEX', 'INSIDE-NESTED', 'INSIDE-DOTS'];
const outsideMarker = 'OUTSIDE-SECRET';
const validStatuses = new Set([200, 301, 400, 404, 405, 413, 414, 417, 431, 500, 505]);

let scratch: string;
let server: ChildProcess;
let port: number;
let exitedWith: string | null = null;

/** The root holds three files and a link out; beside it lie secrets the server must never send. */
function makeTree(): string {
  const directory = mkdtempSync(join(tmpdir(), 'serve-fuzz-'));
  const root = join(directory, 'root');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'index.html'), insideMarkers[0]);
  writeFileSync(join(root, 'sub', 'file.txt'), insideMarkers[1]);
  writeFileSync(join(root, 'sub', 'a..b.txt'), insideMarkers[2]);
  writeFileSync(join(directory, 'secret.txt'), outsideMarker);
  mkdirSync(join(directory, 'root-evil'));
  writeFileSync(join(directory, 'root-evil', 'secret.txt'), outsideMarker);
  symlinkSync(join(directory, 'secret.txt'), join(root, 'link.txt'));
  symlinkSync(directory, join(root, 'up'));
  return root;
}

async function startChild(root: string): Promise<void> {
  server = spawn(process.execPath, ['scripts/serve.mjs', root], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  server.on('exit', (code, signal) => (exitedWith = `code ${code}, signal ${signal}`));
  port = await new Promise<number>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk) => {
      output += String(chunk);
      const match = /localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', () => reject(new Error(`server exited before listening: ${output}`)));
  });
}

const fragments = [
  '', '/', '//', '.', '..', '...', '%2e', '%2E%2e', '%2e%2e', '..%2f', '%2f', '%2F', '%5c', '\\', '..\\', '%00', '%ef%bc%8e', 'index.html', 'sub', 'file.txt', 'a..b.txt', 'link.txt', 'up',
  'secret.txt', 'root-evil', '?', '#', '?x=%E0', 'C:', 'c:%5c', '/etc/passwd', '~', '%20', '%F0%9F%98%80', ';',
  'index.html', 'sub/file.txt', 'sub', 'sub/a..b.txt',
];
// Percent-encodings that do not decode: the server must say 400.
const brokenFragments = ['%', '%E0%A4%A', '%ZZ', '%c0%ae', '%c0%af', '%uff0e', '%2'];
// Raw bytes a request line may not hold; rarer, so most requests get past the parser to the path checks.
const rawFragments = [' ', '\0', 'é', '\u202e', '\t', '\u007f'];

function randomPath(random: Random): string {
  const pick = () => {
    const roll = random.next();
    if (roll < 0.03) return rawFragments[random.int(rawFragments.length)];
    if (roll < 0.08) return brokenFragments[random.int(brokenFragments.length)];
    return fragments[random.int(fragments.length)];
  };
  const parts = Array.from({ length: 1 + random.int(7) }, pick);
  const path = parts.join(random.next() < 0.5 ? '/' : '');
  const roll = random.next();
  if (roll < 0.7) return `/${path}`;
  if (roll < 0.8) return `http://127.0.0.1${path.startsWith('/') ? '' : '/'}${path}`;
  if (roll < 0.9) return path;
  return '*';
}

const headerNames = ['Accept', 'Range', 'If-None-Match', 'Cookie', 'X-Fuzz', 'Content-Length', 'Transfer-Encoding', 'Expect', 'Upgrade', 'Host'];

function randomHeaderValue(random: Random): string {
  const alphabet = random.next() < 0.1 ? 'abc=;, \t:%/\\\u00e9\u0000\u0001\u007f"-0123456789' : 'abc=;, :%/\\"-0123456789';
  const length = random.next() < 0.02 ? 20_000 : random.int(40);
  let value = '';
  for (let i = 0; i < length; i++) value += alphabet[random.int(alphabet.length)];
  return value;
}

/** One random request: mostly well-formed lines with odd paths, sometimes a broken request line or headers. */
function randomRequest(random: Random): string {
  const path = randomPath(random);
  const headers = Array.from({ length: random.next() < 0.5 ? 0 : 1 + random.int(3) }, () => `${headerNames[random.int(headerNames.length)]}: ${randomHeaderValue(random)}`);
  const roll = random.next();
  if (roll < 0.75) return getRequest(path, headers, random.next() < 0.1 ? 'HTTP/1.0' : 'HTTP/1.1');
  if (roll < 0.8) return getRequest(path, headers, ['HTTP/9.9', 'HTTP/1', 'FTP/1.1', ''][random.int(4)]);
  if (roll < 0.85) return `${['HEAD', 'POST', 'DELETE', 'BREW', 'G\u0000T'][random.int(5)]} ${path} HTTP/1.1\r\nConnection: close\r\n\r\n`;
  // The X keeps the line from being empty: HTTP lets a server skip blank lines and wait for the request.
  if (roll < 0.9) return `X${randomHeaderValue(random)}\r\n\r\n`;
  if (roll < 0.95) return getRequest(path, [`${randomHeaderValue(random)}`]);
  return `GET ${path}\u0000 HTTP/1.1\r\nConnection: close\r\n\r\n`;
}

function expectSafe(response: RawResponse, request: string): void {
  const text = response.body.toString('latin1');
  const where = JSON.stringify(request.slice(0, 160));
  expect(validStatuses.has(response.status), `status ${response.status} for ${where}`).toBe(true);
  expect(text.includes(outsideMarker), `served a file outside the root for ${where}`).toBe(false);
  if (response.status === 200 && !request.startsWith('HEAD')) {
    expect(insideMarkers.some((marker) => text.includes(marker)), `a 200 without a file of the root for ${where}`).toBe(true);
  }
}

describe('scripts/serve.mjs under hostile requests', () => {
  beforeAll(async () => {
    const root = makeTree();
    scratch = join(root, '..');
    await startChild(root);
  });

  afterAll(() => {
    server?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('answers a malformed percent-encoding with 400 and keeps running', async () => {
    const response = await sendRaw(port, getRequest('/%E0%A4%A'));
    expect(response.status).toBe(400);
    expect((await sendRaw(port, getRequest('/'))).status).toBe(200);
    expect(exitedWith).toBeNull();
  });

  it.each([
    '/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt', '//..//secret.txt', '/%2e%2e/root-evil/secret.txt', '/index.html%00.txt', '/sub/file.txt%00',
    '/link.txt', '/up/secret.txt', '/C:/Windows/win.ini', '/%2Fetc%2Fpasswd', 'http://127.0.0.1/../secret.txt',
  ])('answers the traversal %s with 404', async (path) => {
    const response = await sendRaw(port, getRequest(path));
    expect(response.status).toBe(404);
    expect(response.body.toString('latin1')).not.toContain(outsideMarker);
  });

  it('serves the files of its root, including a name with two dots inside it', async () => {
    expect((await sendRaw(port, getRequest('/'))).body.toString()).toContain(insideMarkers[0]);
    expect((await sendRaw(port, getRequest('/sub/file.txt'))).body.toString()).toContain(insideMarkers[1]);
    expect((await sendRaw(port, getRequest('/sub/a..b.txt'))).body.toString()).toContain(insideMarkers[2]);
  });

  it('answers 2,000 seeded random requests with a valid status, serves nothing from outside and stays up', async () => {
    const random = createRandom(15);
    const requests = Array.from({ length: 2000 }, () => randomRequest(random));
    for (let start = 0; start < requests.length; start += 25) {
      const batch = requests.slice(start, start + 25);
      const responses = await Promise.all(batch.map((request) => sendRaw(port, request)));
      responses.forEach((response, index) => expectSafe(response, batch[index]));
    }
    expect(exitedWith).toBeNull();
    expect((await sendRaw(port, getRequest('/sub/file.txt'))).status).toBe(200);
  });

  it('under a sub-path, redirects the bare prefix, serves below it and refuses traversal out of it', async () => {
    const { server: mounted } = await startServer({ root: join(scratch, 'root'), port: 0, prefix: '/course/playground/' });
    const address = mounted.address();
    const mountedPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const redirect = await sendRaw(mountedPort, getRequest('/course/playground'));
      expect(redirect.status).toBe(301);
      expect(redirect.headers).toMatch(/location: \/course\/playground\//i);
      expect((await sendRaw(mountedPort, getRequest('/course/playground/sub/file.txt'))).body.toString()).toContain(insideMarkers[1]);
      expect((await sendRaw(mountedPort, getRequest('/course/playground/%2e%2e/%2e%2e/secret.txt'))).status).toBe(404);
      expect((await sendRaw(mountedPort, getRequest('/index.html'))).status).toBe(404);
      expect((await sendRaw(mountedPort, getRequest('/course/playground/%E0%A4%A'))).status).toBe(400);
    } finally {
      mounted.close();
    }
  });
});
