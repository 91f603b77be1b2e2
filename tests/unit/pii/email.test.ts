import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../electron/core/pii/index';
import { found, foundOf } from './found';

describe('email detector', () => {
  it.each([
    ['write to jane.doe@example.com today', 'jane.doe@example.com'],
    ['<Ahmed.K+billing@Mail.Acme-Corp.co.uk>', 'Ahmed.K+billing@Mail.Acme-Corp.co.uk'],
    ['mailto:ops_team@startup.io?subject=hi', 'ops_team@startup.io'],
    ['user=li.wei88@qq.com&x=1', 'li.wei88@qq.com'],
    ['end of sentence: x@y.de.', 'x@y.de'],
    ['IDN in punycode: tom@xn--mller-kva.de', 'tom@xn--mller-kva.de'],
    ['Hebrew prefix ב-noa.cohen@gmail.com', 'noa.cohen@gmail.com'],
    ["an apostrophe o'brien.k@post.harvard.edu", "o'brien.k@post.harvard.edu"],
    ["quoted email='li.na@qq.com'", 'li.na@qq.com'],
  ])('given %j, then it finds the address', (text, address) => {
    expect(foundOf('email', text)).toEqual([address]);
  });

  it('normalises the value to lower case', () => {
    expect(detectPii('Jane.Doe@Example.COM')[0]?.value).toBe('jane.doe@example.com');
  });

  it.each([
    ['retina image icon@2x.png', 'a file name with @2x'],
    ['npm i left-pad@1.3.0', 'a package version'],
    ['@types/node and @scope/pkg', 'scoped packages'],
    ['user@localhost', 'a host without a TLD'],
    ['foo..bar@ and @@@ and a@b', 'broken fragments'],
    ['ssh admin@10.0.0.1', 'a user at an IP address (the IP is found, not an email)'],
  ])('given %j (%s), then no email is found', (text) => {
    expect(foundOf('email', text)).toEqual([]);
  });

  it('finds two addresses side by side', () => {
    expect(found('a@x.io,b@y.io')).toEqual([
      ['email', 'a@x.io'],
      ['email', 'b@y.io'],
    ]);
  });
});
