/**
 * Which addresses CiteLens may ask for a cited page. A citation is written by whoever wrote the page, so its
 * link must not make the reader's browser (or the CLI's machine) reach into their own network: loopback,
 * private, carrier-grade NAT, link-local and unique-local addresses, and local names, are refused.
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export interface UrlPolicyOptions {
  /** Allow private and loopback hosts: for tests against a local server, never for real pages. */
  allowPrivateHosts?: boolean;
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
  if (!options.allowPrivateHosts) {
    const reason = privateHostReason(url.hostname);
    if (reason) return { ok: false, reason };
  }
  return { ok: true, url };
}

/** Why a host (as `URL.hostname` gives it: IPv6 in brackets, IPv4 normalised) is not public, or null. */
export function privateHostReason(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
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

function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function privateIpv4Reason([a = 0, b = 0]: number[]): string | null {
  if (a === 127) return 'a loopback address';
  if (a === 0) return 'an unspecified address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
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
  if (zeroUpTo(5) && (g5 === 0xffff || g5 === 0))
    return privateIpv4Reason([g6 >> 8, g6 & 255, g7 >> 8, g7 & 255]);
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique-local (private) address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  return null;
}
