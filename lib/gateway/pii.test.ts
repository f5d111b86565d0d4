import { describe, expect, it } from 'vitest';
import { luhn, redactText, validResidentId } from './pii';

const kinds = (text: string) => redactText(text).redactions.map((r) => `${r.kind}:${r.count}`);

describe('PII detectors', () => {
  it('Chinese mobiles, with and without +86 and separators', () => {
    const { text } = redactText('call 13812345678 or +86 139-1234-5678 today');
    expect(text).toBe('call [phone] or [phone] today');
    expect(kinds('手机13812345678')).toEqual(['phone:1']);
  });

  it('international numbers with a country code', () => {
    expect(redactText('US office: +1 415 555 2671.').text).toBe('US office: [phone].');
    expect(redactText('London +44 20 7946 0958').text).toBe('London [phone]');
  });

  it('resident ID numbers only with a valid checksum and date', () => {
    expect(validResidentId('11010519491231002X')).toBe(true);
    expect(redactText('身份证 11010519491231002X 号').text).toBe('身份证 [ID number] 号');
    expect(validResidentId('110105194912310021')).toBe(false); // wrong check digit
    expect(redactText('order 110105194912310021').redactions).toEqual([]);
  });

  it('e-mail addresses', () => {
    expect(redactText('write to li.wei+test@example.com.cn now').text).toBe('write to [email] now');
    expect(kinds('not an email: a@b, @handle, user@localhost')).toEqual([]);
  });

  it('bank cards that pass Luhn, grouped or not', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(redactText('card 4111 1111 1111 1111 exp').text).toBe('card [card number] exp');
    expect(redactText('银联卡 6222021234567890128').text).toBe('银联卡 [card number]'); // 19 digits
    expect(redactText('tracking 4111111111111112').redactions).toEqual([]); // fails Luhn
  });

  it('API-key-like strings', () => {
    expect(redactText('key sk-abcdef1234567890abcdef1234 here').text).toBe('key [API key] here');
    expect(redactText('AKIAIOSFODNN7EXAMPLE').text).toBe('[API key]');
    expect(redactText('token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789').text).toBe('token [API key]');
    expect(redactText('x Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg y').text).toBe('x [API key] y');
  });

  it('leaves ordinary text, numbers and code alone', () => {
    const samples = [
      'The year 2026 has 365 days; pi is 3.14159265358979.',
      'function add(a, b) { return a + b; }',
      'internationalization_and_localization_guide', // long word, no digits
      'Order #20261123 shipped at 1763900000.',
      '价格是 1380 元，电话区号 010。',
    ];
    for (const sample of samples) expect(redactText(sample)).toEqual({ text: sample, redactions: [] });
  });

  it('counts several kinds in one text', () => {
    expect(kinds('a@b.io 13800138000 c@d.io')).toEqual(['email:2', 'phone:1']);
  });
});
