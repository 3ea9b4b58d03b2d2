import type { Server } from 'node:http';

/** Starts a static file server for `root` on 127.0.0.1; port 0 picks a free one. */
export function startServer(options?: { root?: string; port?: number; host?: string }): Promise<{ server: Server; url: string }>;
