import { describe, expect, it } from 'vitest';
import { checkUrl, privateAddressReason } from '../../../src/core/fetch/host-policy';

describe('which links may be fetched', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.8.9.10:8080/x',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://100.127.255.254/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://0x7f.1/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://printer.local/',
    'http://db.corp.internal/',
    'http://intranet/',
  ])('refuses %s', (url) => {
    expect(checkUrl(url).ok).toBe(false);
    expect(checkUrl(url, { allowPrivateHosts: true }).ok).toBe(true);
  });

  it.each([
    'https://example.org/story',
    'http://172.32.0.1/',
    'http://100.128.0.1/',
    'http://8.8.8.8/',
    'http://[2606:4700::1111]/',
    'https://news.local.example.com/',
  ])('allows %s', (url) => {
    expect(checkUrl(url)).toMatchObject({ ok: true });
  });

  it.each([
    'ftp://example.org/file',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://user:pw@example.org/',
    'not a url',
  ])('refuses %s whatever the host policy', (url) => {
    expect(checkUrl(url, { allowPrivateHosts: true }).ok).toBe(false);
  });

  it('judges resolved addresses too', () => {
    expect(privateAddressReason('10.0.0.7')).toMatch(/private/);
    expect(privateAddressReason('::1')).toMatch(/loopback/);
    expect(privateAddressReason('fe80::abcd')).toMatch(/link-local/);
    expect(privateAddressReason('93.184.216.34')).toBeNull();
    expect(privateAddressReason('2606:2800:220:1::1')).toBeNull();
  });
});
