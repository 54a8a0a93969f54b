// The part of the `ws` package (a dependency of @fastify/websocket) the signalling hub and its
// tests use: the package ships no types and @types/ws is not installed. Delete this file if
// @types/ws is added.
declare module 'ws' {
  import type { EventEmitter } from 'node:events';
  export class WebSocket extends EventEmitter {
    constructor(address: string, options?: { headers?: Record<string, string> });
    static readonly OPEN: 1;
    readonly OPEN: 1;
    readonly readyState: 0 | 1 | 2 | 3;
    send(data: string | Buffer): void;
    close(code?: number, reason?: string): void;
    on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
    on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
    on(event: 'open', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'unexpected-response', listener: (req: unknown, res: { statusCode: number }) => void): this;
  }
  export default WebSocket;
  export class WebSocketServer extends EventEmitter {}
  export type Server = WebSocketServer;
  export type ServerOptions = Record<string, unknown>;
}
