/**
 * Raw HTTP/1.x over a loopback socket, for fuzzing the static server with request lines and headers
 * that Node's own client refuses to send.
 */
import { connect } from 'node:net';

/** What came back for one raw request: the status code (0 if no status line) and the body bytes. */
export interface RawResponse {
  status: number;
  headers: string;
  body: Buffer;
}

/** Sends `request` (bytes as written) to 127.0.0.1:port and reads until the server closes; rejects after timeoutMs. */
export function sendRaw(port: number, request: string | Buffer, timeoutMs = 4000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 200))}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that answers and closes while we are still writing may reset the connection: keep what came.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      const headerEnd = raw.indexOf('\r\n\r\n');
      const head = raw.subarray(0, headerEnd < 0 ? raw.length : headerEnd).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3}) /.exec(head);
      resolve({ status: match ? Number(match[1]) : 0, headers: head, body: headerEnd < 0 ? Buffer.alloc(0) : raw.subarray(headerEnd + 4) });
    });
    socket.write(request);
  });
}

/** A GET for `path` with the given extra header lines, closing the connection after the answer. */
export function getRequest(path: string, headerLines: string[] = [], version = 'HTTP/1.1'): string {
  return [`GET ${path} ${version}`, 'Host: 127.0.0.1', ...headerLines, 'Connection: close', '', ''].join('\r\n');
}
