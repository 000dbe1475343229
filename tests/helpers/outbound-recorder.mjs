/**
 * Preloaded into every Node process of a command (NODE_OPTIONS=--import=<this file>): records each attempt to
 * reach a host other than this machine (TCP and TLS connects, which fetch and http use underneath, UDP sends,
 * DNS look-ups of other names) as one JSON line in the file OUTBOUND_LOG names. The attempt itself goes on.
 * Native programs a command starts (not Node) are not seen.
 */
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';

const log = process.env.OUTBOUND_LOG;
/** This machine: localhost, 127.0.0.0/8, ::1, and the unspecified addresses (a server resolving where to listen). */
function isLoopback(host) {
  const h = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (h === 'localhost') return true;
  if (net.isIPv4(h)) return h.startsWith('127.') || h === '0.0.0.0';
  if (!net.isIPv6(h)) return false;
  const mapped = /^(?:0{0,4}:){0,5}ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) return isLoopback(mapped[1]);
  return /^[0:]+$/.test(h) || /^[0:]*:0{0,3}1$/.test(h);
}

function record(kind, host, port) {
  if (!log) return;
  const line = {
    kind,
    host: String(host),
    port: port === undefined ? undefined : Number(port),
    pid: process.pid,
    command: process.argv.slice(1, 3).join(' '),
  };
  appendFileSync(log, `${JSON.stringify(line)}\n`);
}

// net.connect(...) hands the socket its arguments as one normalized array; socket.connect(...) takes them loose.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const a = Array.isArray(args[0]) ? args[0] : args;
  const options =
    typeof a[0] === 'object' && a[0] !== null
      ? a[0]
      : { port: a[0], host: typeof a[1] === 'string' ? a[1] : undefined };
  const ipc = options.path != null || (typeof a[0] === 'string' && !/^\d+$/.test(a[0]));
  if (!ipc && !isLoopback(options.host ?? 'localhost')) record('tcp', options.host, options.port);
  return connect.apply(this, args);
};

// https.request reaches tls.connect without passing the socket hook above.
const tlsConnect = tls.connect;
tls.connect = function (...args) {
  const options = Object.assign({}, ...args.filter((a) => typeof a === 'object' && a !== null));
  const host = options.host ?? (typeof args[1] === 'string' ? args[1] : 'localhost');
  if (!options.socket && options.path == null && !isLoopback(host))
    record('tls', host, options.port ?? (typeof args[0] === 'number' ? args[0] : undefined));
  return tlsConnect.apply(this, args);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  if (address && !isLoopback(address))
    record(
      'udp',
      address,
      args.find((a, i) => i > 0 && typeof a === 'number'),
    );
  return send.apply(this, args);
};

for (const target of [dns, dns.promises]) {
  const lookup = target.lookup;
  target.lookup = function (hostname, ...rest) {
    if (!isLoopback(hostname)) record('dns', hostname);
    return lookup.call(this, hostname, ...rest);
  };
}
syncBuiltinESMExports();
