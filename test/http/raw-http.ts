import { connect, type Socket } from 'node:net';

export type RawResponse = { status: number; headers: Record<string, string>; body: string; closed: boolean };

const parse = (text: string, closed: boolean): RawResponse | null => {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const body = text.slice(end + 4);
  const length = Number(headers['content-length'] ?? NaN);
  if (!closed && (Number.isNaN(length) || Buffer.byteLength(body) < length)) return null;
  return { status: Number(statusLine.split(' ')[1]), headers, body, closed };
};

/** Opens a TCP connection to the app, for what an HTTP client library would refuse to send. */
export const openSocket = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.on('error', reject);
  });

/** The first response on the socket (once complete, or once the server closes), or null if it closes silently. */
export const readResponse = (socket: Socket): Promise<RawResponse | null> =>
  new Promise((resolve) => {
    let text = '';
    let done = false;
    const finish = (response: RawResponse | null) => {
      if (done) return;
      done = true;
      resolve(response);
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const response = parse(text, false);
      if (response) finish(response);
    });
    socket.on('error', () => finish(parse(text, true)));
    socket.on('close', () => finish(parse(text, true)));
  });

/** Sends raw bytes and reads the answer. */
export const rawRequest = async (port: number, bytes: Buffer | string): Promise<RawResponse | null> => {
  const socket = await openSocket(port);
  const response = readResponse(socket);
  socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  const answer = await response;
  socket.destroy();
  return answer;
};
