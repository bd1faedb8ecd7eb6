/**
 * Which addresses CiteLens may ask for a cited page. A citation is written by whoever wrote the page, so its
 * link must not make the reader's browser (or the CLI's machine) reach into their own network: loopback,
 * private, carrier-grade NAT, link-local and unique-local addresses, and local names, are refused.
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export interface UrlPolicyOptions {
  /**
   * Allow private and loopback hosts: for tests against a local server, never for real pages. `true` allows
   * every host; a function allows the names it accepts (the extension's test build: its test servers' names).
   */
  allowPrivateHosts?: boolean | ((hostname: string) => boolean);
}

/** Whether the options let this host be private or resolve to a private address. */
export function mayBePrivate(hostname: string, options: UrlPolicyOptions): boolean {
  const allow = options.allowPrivateHosts;
  return typeof allow === 'function' ? allow(hostname) : allow === true;
}

export function checkUrl(raw: string, options: UrlPolicyOptions = {}): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: `${url.protocol} links are not fetched` };
  if (url.username || url.password) return { ok: false, reason: 'links with credentials are not fetched' };
  if (!mayBePrivate(url.hostname, options)) {
    const reason = privateHostReason(url.hostname);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, url };
}

/** Why a host (as `URL.hostname` gives it: IPv6 in brackets, IPv4 normalised) is not public, or null. */
export function privateHostReason(hostname: string): string | null {
  const lower = hostname.toLowerCase();
  // One trailing dot is the same name, rooted; two or more is no name a resolver should be given.
  if (/\.\.$|^\.|\.\.|^$/.test(lower)) return 'not a valid host name';
  const host = lower.replace(/\.$/, '');
  if (host.startsWith('[')) return privateIpv6Reason(host.slice(1, -1));
  const v4 = parseIpv4(host);
  if (v4) return privateIpv4Reason(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback name';
  if (
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    host.endsWith('.home.arpa') ||
    host.endsWith('.lan')
  ) {
    return 'a local network name';
  }
  // A name without a dot is resolved through the local search domain: an intranet host, not the web.
  if (!host.includes('.')) return 'a single-label (intranet) name';
  return null;
}

/** Why an IP address given as text is not public, or null (for checking what a name resolved to). */
export function privateAddressReason(address: string): string | null {
  const v4 = parseIpv4(address);
  if (v4) return privateIpv4Reason(v4);
  return address.includes(':') ? privateIpv6Reason(address) : null;
}

/**
 * An IPv4 address in any spelling `inet_aton` accepts (and so a resolver or an HTTP client may): dotted decimal,
 * octal (`0177.0.0.1`), hex (`0x7f.1`), and one to four parts (`2130706433`, `127.1`). Null for anything else.
 */
export function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = Number.parseInt(part.slice(1), 8);
    else if (/^(?:0|[1-9]\d*)$/.test(part)) n = Number(part);
    else return null;
    values.push(n);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255) || last >= 256 ** (4 - values.length)) return null;
  const bytes = [...values];
  for (let i = 3 - values.length; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** IANA's IPv4 special-purpose registry (RFC 6890 and updates): every block not reachable as the public web. */
function privateIpv4Reason([a = 0, b = 0, c = 0]: number[]): string | null {
  if (a === 127) return 'a loopback address';
  if (a === 0) return 'an unspecified address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 192 && b === 0 && c === 0) return 'an IETF protocol assignment address';
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  )
    return 'a documentation address';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address';
  if (a === 192 && b === 88 && c === 99) return 'a 6to4 relay address';
  if (a >= 224) return 'a multicast or reserved address';
  return null;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. */
function parseIpv6(text: string): number[] | null {
  let s = text.replace(/%.*$/, '');
  // A trailing dotted IPv4 part ("::ffff:127.0.0.1") becomes two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail?.[1]) {
    const v4 = parseIpv4(tail[1]);
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    s = `${s.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const rest = groups(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const all = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16));
}

function privateIpv6Reason(text: string): string | null {
  const g = parseIpv6(text);
  if (!g) return 'not a valid address';
  const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && g7 === 1) return 'a loopback address';
  if (zeroUpTo(8)) return 'an unspecified address';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms carry an IPv4 address: judge that one.
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255];
  if (zeroUpTo(5) && (g5 === 0xffff || g5 === 0)) return privateIpv4Reason(v4(g6, g7));
  // ::ffff:0:a.b.c.d (SIIT) also carries one.
  if (zeroUpTo(4) && g[4] === 0xffff && g5 === 0) return privateIpv4Reason(v4(g6, g7));
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002::/16) reach an IPv4 address through a
  // gateway; Teredo (2001::/32) tunnels through one: none is a public web host of its own.
  if (g0 === 0x64 && g[1] === 0xff9b) return 'a NAT64 address';
  if (g0 === 0x2002) return 'a 6to4 address';
  if (g0 === 0x2001 && g[1] === 0) return 'a Teredo address';
  if (g0 === 0x2001 && g[1] === 0xdb8) return 'a documentation address';
  if (g0 === 0x3fff && (g[1] ?? 0) <= 0x0fff) return 'a documentation address';
  if (g0 === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'a discard-only address';
  if (g0 === 0x2001 && (g[1] ?? 0) >= 0x10 && (g[1] ?? 0) <= 0x3f)
    return 'an ORCHID or IETF protocol address';
  if (g0 === 0x5f00) return 'a segment-routing address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique-local (private) address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  return null;
}
