import { EventEmitter } from 'node:events';
import { SlowClientPolicy } from './slow-client-policy';

/** An engine.io connection as the policy sees it: packets queued, then flushed to the transport. */
class QueueingConnection extends EventEmitter {
  private queue: { data: unknown }[] = [];

  send(data: unknown): void {
    const packet = { data };
    this.emit('packetCreate', packet);
    this.queue.push(packet);
  }

  flush(): void {
    this.emit('flush', this.queue);
    this.queue = [];
  }
}

describe('SlowClientPolicy', () => {
  it('cuts off a client whose unsent queue passes the bound, once, saying how much was queued', () => {
    const connection = new QueueingConnection();
    const cutOff = jest.fn();
    new SlowClientPolicy(1_000).watch(connection, cutOff);

    connection.send('x'.repeat(600));
    connection.send('x'.repeat(400));
    expect(cutOff).not.toHaveBeenCalled();
    connection.send('x');
    connection.send('x'.repeat(5_000));

    expect(cutOff).toHaveBeenCalledTimes(1);
    expect(cutOff).toHaveBeenCalledWith(1_001);
  });

  it('keeps a client that takes what is sent, however much passes through it', () => {
    const connection = new QueueingConnection();
    const cutOff = jest.fn();
    new SlowClientPolicy(1_000).watch(connection, cutOff);

    for (let round = 0; round < 100; round++) {
      connection.send('x'.repeat(500));
      connection.send(Buffer.alloc(400));
      connection.flush();
    }

    expect(cutOff).not.toHaveBeenCalled();
  });

  it('counts bytes, not characters, and binary attachments too', () => {
    const connection = new QueueingConnection();
    const cutOff = jest.fn();
    new SlowClientPolicy(10).watch(connection, cutOff);

    connection.send('ééééé');
    connection.send(new Uint8Array(1));

    expect(cutOff).toHaveBeenCalledWith(11);
  });

  it('refuses a bound that is not a positive number of bytes', () => {
    expect(() => new SlowClientPolicy(0)).toThrow(/positive integer/);
  });
});
