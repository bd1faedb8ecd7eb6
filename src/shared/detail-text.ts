/**
 * A link status's particulars in the reader's language: the core writes them in English (core/check/status.ts
 * and the host policy), `detailParts` reads them back as data, and this words them from `_locales`. What has no
 * words of its own (HTTP 404, a media type, an unexpected error) is shown as it is.
 */
import { type DetailParts, detailParts } from '../core/check/status';
import { formatNumber, type MessageKey, plural, t } from './i18n';

/** The host policy's names for what an address or a name is (core/fetch/host-policy.ts), and their keys. */
export const ADDRESS_WORDS: Record<string, MessageKey> = {
  'not a valid host name': 'addressInvalidHost',
  'not a valid address': 'addressInvalid',
  'a loopback name': 'addressLoopbackName',
  'a local network name': 'addressLocalName',
  'a single-label (intranet) name': 'addressSingleLabel',
  'a loopback address': 'addressLoopback',
  'an unspecified address': 'addressUnspecified',
  'a private address': 'addressPrivate',
  'a shared (carrier-grade NAT) address': 'addressShared',
  'a link-local address': 'addressLinkLocal',
  'an IETF protocol assignment address': 'addressIetf',
  'a documentation address': 'addressDocumentation',
  'a benchmarking address': 'addressBenchmarking',
  'a 6to4 relay address': 'address6to4Relay',
  'a multicast or reserved address': 'addressMulticastReserved',
  'a NAT64 address': 'addressNat64',
  'a 6to4 address': 'address6to4',
  'a Teredo address': 'addressTeredo',
  'a discard-only address': 'addressDiscard',
  'an ORCHID or IETF protocol address': 'addressOrchid',
  'a segment-routing address': 'addressSegmentRouting',
  'a unique-local (private) address': 'addressUniqueLocal',
  'a multicast address': 'addressMulticast',
};

const addressText = (words: string) => {
  const key = ADDRESS_WORDS[words];
  return key ? t(key) : words;
};

export function detailText(detail: string): string {
  return partsText(detailParts(detail));
}

function partsText(parts: DetailParts): string {
  switch (parts.kind) {
    case 'soft-404':
      return t('detailSoft404');
    case 'login-wall':
      return t('detailLoginWall');
    case 'too-little-text':
      return t('detailTooLittleText');
    case 'not-allowed':
      return t('detailNotAllowed');
    case 'redirect-not-allowed':
      return t('detailRedirectNotAllowed');
    case 'redirect-hidden':
      return t('detailRedirectHidden');
    case 'credentials':
      return t('detailCredentials');
    case 'invalid-url':
      return t('detailInvalidUrl');
    case 'host-not-allowed':
      return t('detailHostNotAllowed', parts.host);
    case 'scheme':
      return t('detailScheme', parts.scheme);
    case 'resolves-to':
      return t('detailResolvesTo', [parts.host, addressText(parts.address)]);
    case 'redirected-to':
      return t('detailRedirectedTo', partsText(parts.inner));
    case 'redirected':
      return t('detailRedirected', partsText(parts.inner));
    case 'to':
      return t('detailTo', parts.url);
    case 'after':
      return t('detailAfter', formatNumber(parts.seconds));
    case 'over':
      return t('detailOver', formatNumber(parts.megabytes));
    case 'too-many':
      return plural('detailTooMany', parts.max);
    case 'text':
      return addressText(parts.text);
  }
}
