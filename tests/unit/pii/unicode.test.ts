import { describe, expect, it } from 'vitest';
import { detectPii, maskText } from '../../../electron/core/pii/index';

describe('unicode text around PII', () => {
  it('keeps UTF-16 offsets right after emoji (surrogate pairs) and CJK', () => {
    const text = '👋🏽 你好，我的邮箱是zhang.wei@example.cn，电话 010-6552-9988 🎉 卡号4111111111111111。';
    const spans = detectPii(text);
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ['email', 'zhang.wei@example.cn'],
      ['phone', '010-6552-9988'],
      ['card', '4111111111111111'],
    ]);
    expect(spans[0]!.start).toBe(text.indexOf('zhang'));
  });

  it('masks right-to-left and Cyrillic text without moving the rest', () => {
    const text = 'שלום, המייל שלי noa.cohen@gmail.com ותודה. Почта: olga@mail.ru!';
    const r = maskText(text);
    expect(r.masked).toBe('שלום, המייל שלי [EMAIL] ותודה. Почта: [EMAIL]!');
    for (const s of r.spans) expect(r.masked.slice(s.start, s.end)).toBe('[EMAIL]');
  });

  it('finds values glued to non-Latin letters (no spaces in CJK)', () => {
    const text = 'IPは192.168.0.1です。キーはsk_live_Zq3xK9mP2vR7tW1yB4nC8dF6でした';
    expect(detectPii(text).map((s) => text.slice(s.start, s.end))).toEqual(['192.168.0.1', 'sk_live_Zq3xK9mP2vR7tW1yB4nC8dF6']);
  });

  it('puts masked-text offsets after emoji right', () => {
    const text = '🔥🔥 10.0.0.1 🔥 a@b.io';
    const r = maskText(text);
    expect(r.masked).toBe('🔥🔥 [IP] 🔥 [EMAIL]');
    expect(r.spans.map((s) => r.masked.slice(s.start, s.end))).toEqual(['[IP]', '[EMAIL]']);
  });
});
