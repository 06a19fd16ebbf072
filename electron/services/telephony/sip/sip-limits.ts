/**
 * Every bound the SIP endpoint puts on what a peer may send or hold, in one place. A
 * desk must survive any byte stream on its SIP port; these keep what one peer can make
 * it buffer, parse or keep open small, while leaving real PBX traffic far inside them.
 * How many calls may ring and for how long is the desk's, for every bridge alike
 * (RingingBounds in ../adapter.ts).
 */
export interface SipLimits {
  maxHeaderBytes: number;
  maxContentLength: number;
  maxMessagesPerRead: number;
  maxTcpConnections: number;
  tcpIdleMs: number;
  maxWriteQueueBytes: number;
}

export const SIP_LIMITS: Readonly<SipLimits> = {
  /**
   * Start line and headers up to the blank line. Real INVITEs, with long Record-Route,
   * History-Info and Diversion chains, stay under 8 KiB; 32 KiB is four times that and
   * still bounds what a connection that never sends the blank line can make the desk keep.
   */
  maxHeaderBytes: 32 * 1024,
  /**
   * A body's announced length. The desk reads no body (SDP, multipart ISUP are under
   * 16 KiB); 64 KiB is what one UDP datagram can carry, so TCP accepts nothing UDP could not.
   */
  maxContentLength: 64 * 1024,
  /**
   * Whole messages taken from one socket read (Node reads up to 64 KiB). A PBX pipelines
   * a request and a few responses; a hundred is far past that, and stops one write of
   * thousands of tiny messages from holding the event loop.
   */
  maxMessagesPerRead: 100,
  /**
   * Open TCP connections, in and out. A desk talks to its PBX or a small cluster of
   * proxies; 64 leaves room for that and bounds buffered input to 64 × (header + body bound).
   */
  maxTcpConnections: 64,
  /**
   * A TCP connection with no byte in or out for this long is closed. PBXes send OPTIONS
   * keepalives every 30–60 s (Asterisk's qualify_frequency defaults to 60), so a live link
   * never idles out; an abandoned one gives its slot back within minutes.
   */
  tcpIdleMs: 180_000,
  /**
   * Bytes waiting to be written to a peer that does not read. A response is a few hundred
   * bytes and a live PBX reads it at once; 256 KiB is hundreds of unread responses, past
   * which the connection is dropped rather than grown.
   */
  maxWriteQueueBytes: 256 * 1024,
};
