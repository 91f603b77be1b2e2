import { describe, expect, it } from 'vitest';
import { detectPii, formatIPv6, parseIPv4, parseIPv6 } from '../../../electron/core/pii/index';
import { found, foundOf } from './found';

describe('IPv4 parsing', () => {
  it.each([
    ['0.0.0.0', [0, 0, 0, 0]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['192.168.1.10', [192, 168, 1, 10]],
  ])('%s parses', (s, octets) => {
    expect(parseIPv4(s)).toEqual(octets);
  });

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', '1..3.4', '1.2.3.-4', '1.2.3.a', '1234.1.1.1'])('%s does not', (s) => {
    expect(parseIPv4(s)).toBeNull();
  });
});

describe('IPv6 parsing', () => {
  it.each([
    ['2001:db8:85a3:0:0:8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
    ['2001:0DB8:0000:0000:0008:0800:200C:417A', '2001:db8::8:800:200c:417a'],
    ['::1', '::1'],
    ['::', '::'],
    ['1::', '1::'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['fe80::1%25en0', 'fe80::1%en0'],
    ['::ffff:192.0.2.128', '::ffff:192.0.2.128'],
    ['64:ff9b::192.0.2.33', '64:ff9b::192.0.2.33'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:1.2.3.4'],
    ['1:0:0:0:0:0:0:8', '1::8'],
    ['1:0:1:0:0:1:0:1', '1:0:1::1:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
  ])('%s parses and prints as %s (RFC 5952)', (s, canonical) => {
    const ip = parseIPv6(s);
    expect(ip).not.toBeNull();
    expect(formatIPv6(ip!)).toBe(canonical);
  });

  it.each([
    ['1:2:3:4:5:6:7', 'seven groups'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1::2::3', 'two ::'],
    [':::', 'three colons'],
    ['1:2:3:4:5:6:7::8', ':: standing for no group'],
    ['12345::1', 'a five-digit group'],
    ['g::1', 'not hex'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'dotted tail after seven groups'],
    ['::ffff:256.1.1.1', 'a bad dotted tail'],
    ['::1%', 'an empty zone'],
    [':1::2', 'a leading single colon'],
    ['1::2:', 'a trailing single colon'],
  ])('%s does not parse (%s)', (s) => {
    expect(parseIPv6(s)).toBeNull();
  });
});

describe('IP detectors', () => {
  it('finds IPv4 addresses with ports, CIDR, in URLs and after "ip:"', () => {
    expect(foundOf('ipv4', 'GET http://10.0.0.5:8080/x from 192.168.1.10, net 172.16.0.0/12, ip:8.8.8.8')).toEqual(['10.0.0.5', '192.168.1.10', '172.16.0.0', '8.8.8.8']);
  });

  it('finds IPv6 addresses in brackets, with zones, with a prefix length and in sentences', () => {
    expect(foundOf('ipv6', 'http://[2001:db8::1]:443/ and fe80::1ff:fe23:4567:890a%eth0, net 2001:db8::/32. Then ::1.')).toEqual([
      '2001:db8::1',
      'fe80::1ff:fe23:4567:890a%eth0',
      '2001:db8::',
      '::1',
    ]);
  });

  it('reports an IPv4-mapped IPv6 address once, as IPv6', () => {
    expect(found('from ::ffff:192.0.2.128 only')).toEqual([['ipv6', '::ffff:192.0.2.128']]);
  });

  it('normalises values', () => {
    const spans = detectPii('2001:0DB8:0000:0000:0008:0800:200C:417A and 10.0.0.1');
    expect(spans.map((s) => s.value)).toEqual(['2001:db8::8:800:200c:417a', '10.0.0.1']);
  });

  it.each([
    ['v1.2.3.4', 'version with v'],
    ['version 1.2.3.4', 'version word'],
    ['Version: 10.0.0.1', 'version label'],
    ['build 4.2.1.0', 'build number'],
    ['Chrome/120.0.0.1', 'product token'],
    ['999.1.1.1', 'octet over 255'],
    ['1.2.3.4.5', 'five parts'],
    ['1.3.6.1.4.1.311', 'OID'],
    ['01.02.03.04', 'leading zeros'],
    ['12:30:45', 'a time'],
    ['12:30:45.123', 'a time with milliseconds'],
    ['00:1A:2B:3C:4D:5E', 'a MAC address'],
    ['std::vector<int> x', 'C++'],
    ['f :: Int -> Int', 'Haskell'],
    ['a::b', 'two short groups'],
    ['2001:db8::1g', 'glued to a letter'],
    ['deadbeef:cafe', 'one colon'],
  ])('given %j (%s), then no IP is found', (text) => {
    expect(found(text).filter(([k]) => k === 'ipv4' || k === 'ipv6')).toEqual([]);
  });
});
