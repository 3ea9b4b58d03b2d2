import type { Server } from 'node:http';

/**
 * Starts a static file server for `root` on 127.0.0.1; port 0 picks a free one; `prefix` serves the app
 * under a sub-path ("/course/playground/"), and `url` then ends with it.
 */
export function startServer(options?: { root?: string; port?: number; host?: string; prefix?: string }): Promise<{ server: Server; url: string }>;
