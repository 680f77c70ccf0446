import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string; at: number };
export type Reply = { status: number; delayMs?: number; headers?: Record<string, string> };

/** A real HTTP receiver on loopback whose answers a test scripts, recording every request it gets. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server: Server | null = null;
  private port = 0;
  reply: (request: Received) => Reply = () => ({ status: 200 });

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(port = this.port): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const received = { headers: request.headers, body, at: Date.now() };
        this.received.push(received);
        const reply = this.reply(received);
        setTimeout(() => {
          if (response.destroyed) return;
          response.writeHead(reply.status, reply.headers).end('ok');
        }, reply.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Each webhook-id once, as a receiver that dedupes sees them. */
  uniqueIds(): Set<string> {
    return new Set(this.received.map((request) => String(request.headers['webhook-id'])));
  }

  ofType(type: string): Received[] {
    return this.received.filter((request) => JSON.parse(request.body).type === type);
  }
}
