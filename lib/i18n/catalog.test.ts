import { describe, expect, it } from 'vitest';
import { errorTypes } from '@/lib/errors';
import { catalogs, languageFromAcceptLanguage, languageFromTag, languages, translate } from './languages';
import { en } from './messages/en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  const englishKeys = Object.keys(en).sort();

  it.each(languages)('%s has exactly the English keys', (language) => {
    expect(Object.keys(catalogs[language]).sort()).toEqual(englishKeys);
  });

  it.each(languages)('%s has no empty strings and the same placeholders as English', (language) => {
    for (const key of englishKeys) {
      const text = catalogs[language][key as keyof typeof en];
      expect(text.trim(), `${language} ${key}`).not.toBe('');
      expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('words every error type of the taxonomy', () => {
    for (const type of Object.keys(errorTypes)) {
      expect(englishKeys).toContain(`errors.${type}`);
    }
  });

  it('actually translates: most Chinese strings differ from English', () => {
    const same = englishKeys.filter((key) => catalogs['zh-CN'][key as keyof typeof en] === en[key as keyof typeof en]);
    expect(same.length).toBeLessThan(englishKeys.length * 0.05);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'reasoning.thought', { seconds: 12 })).toBe('Thought for 12 s');
    expect(translate('zh-CN', 'reasoning.thought', { seconds: 12 })).toBe('已思考 12 秒');
    expect(translate('en', 'reasoning.thought')).toBe('Thought for {seconds} s');
  });
});

describe('language detection', () => {
  it('maps any zh tag to zh-CN and everything else to English', () => {
    expect(languageFromTag('zh')).toBe('zh-CN');
    expect(languageFromTag('zh-TW')).toBe('zh-CN');
    expect(languageFromTag('zh-Hans-SG')).toBe('zh-CN');
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('fr')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });

  it('honours Accept-Language quality order', () => {
    expect(languageFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(languageFromAcceptLanguage('en-US,en;q=0.9,zh;q=0.5')).toBe('en');
    expect(languageFromAcceptLanguage('fr;q=1, zh;q=0.7, en;q=0.6')).toBe('zh-CN');
    expect(languageFromAcceptLanguage('')).toBe('en');
  });
});
