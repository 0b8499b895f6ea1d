/**
 * A tiny loopback HTTP server that answers with scripted raw responses, for the few
 * client paths the simulator never produces on purpose (other error envelopes, odd bodies).
 * It records what it received so tests can check the bytes on the wire.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawServer {
  url: string;
  received: RawRequest[];
  reply(r: RawReply | ((req: RawRequest) => RawReply)): void;
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  let next: RawReply | ((req: RawRequest) => RawReply) = { status: 200, body: '{}' };
  const received: RawRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: RawRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const reply = typeof next === 'function' ? next(r) : next;
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    reply(r) {
      next = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
