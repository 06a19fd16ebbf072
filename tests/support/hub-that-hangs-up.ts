/** A hub that cannot be reached: a loopback port that hangs up on every request, held for the test so no one else takes it. */
import { createServer, type Server } from 'node:net';

export async function hubThatHangsUp(): Promise<{ url: string; server: Server }> {
  // Hung up on once the request arrives: a connection dropped before it would have fetch() try again until its time-out.
  const server = createServer((socket) => socket.once('data', () => socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}
