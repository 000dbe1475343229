/** Which local addresses a TCP port is listening on, read from the kernel (/proc/net/tcp and tcp6). */
import { existsSync, readFileSync } from 'node:fs';

const LISTEN = '0A';

function decode(hex: string, v6: boolean): string {
  if (!v6)
    return hex
      .match(/../g)!
      .reverse()
      .map((b) => parseInt(b, 16))
      .join('.');
  if (/^0+$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  return `v6:${hex}`;
}

/** Addresses listening on `port`, e.g. ["127.0.0.1"]; "0.0.0.0" or "::" would mean every interface. */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const [file, v6] of [
    ['/proc/net/tcp', false],
    ['/proc/net/tcp6', true],
  ] as const) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4 || cols[3] !== LISTEN) continue;
      const [addr, portHex] = cols[1]!.split(':');
      if (parseInt(portHex!, 16) === port) found.push(decode(addr!, v6));
    }
  }
  return found;
}
