import { createHash } from 'node:crypto';

const MESSAGE_NAMESPACE = Buffer.from('2c5e8f0a7d4b4c1e9f3a6b8d0e2a4c61', 'hex');

/**
 * A notice's webhook-id: `msg_` and the name-based UUID (RFC 9562 version 5, SHA-1) of `name` in the notices'
 * namespace, so a replayed event gives the same id. The same value as the `uuid` package's `v5(name, namespace)`
 * (the spec checks it), written on node:crypto because a catch-up makes two per event and `v5` took over twice as
 * long, mostly turning the name into bytes one character at a time.
 */
export const messageIdOf = (name: string): string => {
  const hash = createHash('sha1').update(MESSAGE_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `msg_${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
