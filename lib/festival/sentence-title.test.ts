import { describe, expect, it } from 'vitest';
import { sentenceTitle } from './sentence-title';

const kz = { originalTitle: 'Алмас қылыш', englishTitle: 'The Diamond Sword' };
const cn = { originalTitle: '红海行动', englishTitle: 'Operation Red Sea' };

describe('a title inside a sentence', () => {
  it('is the title imported for the reader’s language first', () => {
    expect(sentenceTitle({ ...cn, titleRu: 'Операция «Красное море»' }, 'ru')).toBe('Операция «Красное море»');
    expect(sentenceTitle({ ...kz, titleZh: '钻石剑' }, 'zh')).toBe('钻石剑');
  });
  it('is the original title when it is written in the reader’s script, never the English one in a Russian sentence', () => {
    expect(sentenceTitle(kz, 'ru')).toBe('Алмас қылыш');
    expect(sentenceTitle(kz, 'kk')).toBe('Алмас қылыш');
    expect(sentenceTitle(cn, 'zh')).toBe('红海行动');
  });
  it('is the English title in English and where the original is in another script', () => {
    expect(sentenceTitle(kz, 'en')).toBe('The Diamond Sword');
    expect(sentenceTitle(cn, 'ru')).toBe('Operation Red Sea');
    expect(sentenceTitle(kz, 'zh')).toBe('The Diamond Sword');
  });
});
