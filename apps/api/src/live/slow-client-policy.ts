/** What the policy sees of one engine.io connection: packets queued for it, and queued packets handed to the wire. */
export interface OutboundQueue {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): unknown;
  on(event: 'flush', listener: (packets: { data?: unknown }[]) => void): unknown;
}

/**
 * Bounds what the API holds for one live client. engine.io queues every emit for a client whose
 * connection is not writable (a wall on a dying network, a tab frozen in the background) with no
 * limit, so one stalled reader would grow the API's memory without end. A client whose queue passes
 * `maxQueuedBytes` is cut off instead: socket.io clients reconnect by themselves, and a wall
 * resyncs from a snapshot on reconnect, so it loses a gap it could not have shown in time anyway.
 */
export class SlowClientPolicy {
  constructor(readonly maxQueuedBytes: number) {
    if (!Number.isInteger(maxQueuedBytes) || maxQueuedBytes <= 0) {
      throw new RangeError(`maxQueuedBytes must be a positive integer, not ${maxQueuedBytes}`);
    }
  }

  /** Calls `cutOff` once, with the bytes queued, when the connection's unsent queue passes the bound. */
  watch(connection: OutboundQueue, cutOff: (queuedBytes: number) => void): void {
    let queuedBytes = 0;
    let cut = false;
    connection.on('packetCreate', (packet) => {
      queuedBytes += sizeOf(packet.data);
      if (cut || queuedBytes <= this.maxQueuedBytes) return;
      cut = true;
      cutOff(queuedBytes);
    });
    // The whole queue goes to the transport at once; the transport takes the next only when the
    // client has read the last (the kernel's buffers are full otherwise).
    connection.on('flush', () => (queuedBytes = 0));
  }
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Buffer.isBuffer(data) || data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
