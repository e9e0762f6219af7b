import { describe, expect, it } from 'vitest';
import { parseFilmCsv } from '@/lib/film/import';
import { candidateName, festivalCity, festivalName, localTitle, personName, shownTitle, titleLine, translatedTitle } from './names';

const enc = (s: string) => new TextEncoder().encode(s);

describe('names in the reader’s language', () => {
  const fest = { name: 'SCO Film Festival', nameZh: '上海合作组织电影节', nameRu: 'Кинофестиваль ШОС', nameKk: null, city: 'Qingdao', cityZh: '青岛', cityRu: ' ', cityKk: 'Циндао' };
  it('shows the festival’s name and city in the reader’s language, falling back to English', () => {
    expect(['en', 'zh', 'ru', 'kk'].map((l) => festivalName(fest, l))).toEqual(['SCO Film Festival', '上海合作组织电影节', 'Кинофестиваль ШОС', 'SCO Film Festival']);
    expect(['en', 'zh', 'ru', 'kk'].map((l) => festivalCity(fest, l))).toEqual(['Qingdao', '青岛', 'Qingdao', 'Циндао']);
  });

  it('reads optional title_zh / title_ru / title_kk from the film list and shows each to its readers only', () => {
    const csv = 'original_title,english_title,director,country,title_zh,title_ru,title_kk\nАлмас қылыш,The Diamond Sword,Rustem Abdrashev,KZ,钻石剑,Алмазный меч,\n';
    const r = parseFilmCsv(enc(csv), new Set());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const f = r.rows[0];
    expect(f).toMatchObject({ titleZh: '钻石剑', titleRu: 'Алмазный меч', titleKk: null });
    expect(translatedTitle(f, 'zh')).toEqual({ title: '钻石剑', lang: 'zh' });
    expect(translatedTitle(f, 'kk')).toBeNull();
    expect(translatedTitle(f, 'en')).toBeNull();
    expect(localTitle(f, 'ru')).toBe('Алмазный меч');
    // No Kazakh title imported: the Kazakh reader reads the film's own Cyrillic title, not the English one.
    expect(localTitle(f, 'kk')).toBe('Алмас қылыш');
  });

  it('refuses a translated title over 300 characters, naming the column', () => {
    const csv = `english_title,director,country,title_ru\nT,D,KZ,${'я'.repeat(301)}\n`;
    expect(parseFilmCsv(enc(csv), new Set())).toEqual({ ok: false, errors: [{ line: 2, code: 'import:too_long', params: { column: 'title_ru', max: 300 } }] });
  });
});

describe('a film’s title for each reader: the one choice every page, file and print makes', () => {
  const summer = { originalTitle: 'Лето', englishTitle: 'Summer', titleZh: '盛夏', titleRu: null, titleKk: 'Жаз' };
  const laila = { originalTitle: 'Laila', englishTitle: 'Laila', titleKk: 'Ләйла' };
  const sword = { originalTitle: 'Алмас қылыш', englishTitle: 'The Diamond Sword', titleKk: 'Алмас қылыш', titleRu: '  ' };
  const redSea = { originalTitle: '红海行动', englishTitle: 'Operation Red Sea' };

  it('shows the title imported for the reader’s language, with the original beside it', () => {
    expect(shownTitle(summer, 'zh')).toEqual({ title: '盛夏', lang: 'zh', original: 'Лето' });
    expect(shownTitle(summer, 'kk')).toEqual({ title: 'Жаз', lang: 'kk', original: 'Лето' });
    expect(shownTitle(laila, 'kk')).toEqual({ title: 'Ләйла', lang: 'kk', original: 'Laila' });
    expect(titleLine(summer, 'zh')).toBe('盛夏 (Лето)');
  });

  it('shows the English title to English readers, the original beside it where it differs', () => {
    expect(shownTitle(summer, 'en')).toEqual({ title: 'Summer', lang: 'en', original: 'Лето' });
    expect(shownTitle(redSea, 'en')).toEqual({ title: 'Operation Red Sea', lang: 'en', original: '红海行动' });
    expect(shownTitle(laila, 'en')).toEqual({ title: 'Laila', lang: 'en', original: null });
  });

  it('never shows the same title twice: a translation equal to the original stands alone', () => {
    expect(shownTitle(sword, 'kk')).toEqual({ title: 'Алмас қылыш', lang: 'kk', original: null });
    expect(titleLine(sword, 'kk')).toBe('Алмас қылыш');
    expect(shownTitle({ originalTitle: 'Summer ', englishTitle: 'summer' }, 'en').original).toBeNull();
  });

  it('without a translation: the original where the reader reads its script, else the English title', () => {
    expect(shownTitle(summer, 'ru')).toEqual({ title: 'Лето', original: null });
    expect(shownTitle(sword, 'ru')).toEqual({ title: 'Алмас қылыш', original: null }); // a blank title_ru is none
    expect(shownTitle(redSea, 'zh')).toEqual({ title: '红海行动', original: null });
    expect(shownTitle(redSea, 'ru')).toEqual({ title: 'Operation Red Sea', lang: 'en', original: '红海行动' });
    expect(shownTitle(redSea, 'kk')).toEqual({ title: 'Operation Red Sea', lang: 'en', original: '红海行动' });
    expect(shownTitle({ originalTitle: '', englishTitle: 'Untitled' }, 'zh')).toEqual({ title: 'Untitled', lang: 'en', original: null });
  });

  it('for every locale, the title is never empty and never repeated beside itself', () => {
    for (const f of [summer, laila, sword, redSea]) {
      for (const l of ['en', 'zh', 'ru', 'kk']) {
        const s = shownTitle(f, l);
        expect(s.title.trim()).not.toBe('');
        expect(s.original).not.toBe(s.title);
      }
    }
  });
});

describe('a person’s name for each reader', () => {
  const rajesh = { name: 'राजेश कुमार', latinName: 'Rajesh Kumar' };
  const maryam = { name: 'مریم رضایی', latinName: 'Maryam Rezaei' };
  const zhang = { name: '张艺谋', latinName: 'Zhang Yimou' };
  const rustem = { name: 'Рустем Абдрашев', latinName: 'Rustem Abdrashev' };

  it('is the name in its own script, with the Latin form for readers of another script', () => {
    for (const l of ['en', 'zh', 'ru', 'kk']) {
      expect(personName(rajesh, l)).toBe('राजेश कुमार (Rajesh Kumar)');
      expect(personName(maryam, l)).toBe('مریم رضایی (Maryam Rezaei)');
    }
    expect(personName(zhang, 'zh')).toBe('张艺谋');
    expect(personName(zhang, 'ru')).toBe('张艺谋 (Zhang Yimou)');
    expect(personName(rustem, 'ru')).toBe('Рустем Абдрашев');
    expect(personName(rustem, 'kk')).toBe('Рустем Абдрашев');
    expect(personName(rustem, 'en')).toBe('Рустем Абдрашев (Rustem Abdrashev)');
    expect(personName(rustem, 'zh')).toBe('Рустем Абдрашев (Rustem Abdrashev)');
  });

  it('is the name alone without a Latin form, or when the Latin form is the name', () => {
    expect(personName({ name: 'Anna Melikian', latinName: null }, 'zh')).toBe('Anna Melikian');
    expect(personName({ name: 'Anna Melikian', latinName: 'Anna Melikian' }, 'ru')).toBe('Anna Melikian');
    expect(personName({ name: 'Ли Вэй', latinName: ' ' }, 'en')).toBe('Ли Вэй');
  });

  it('takes an account row as it is (displayName, latinName)', () => {
    expect(personName({ displayName: 'Рустем Абдрашев', latinName: 'Rustem Abdrashev' }, 'zh')).toBe('Рустем Абдрашев (Rustem Abdrashev)');
    expect(personName({ displayName: 'Рустем Абдрашев', latinName: 'Rustem Abdrashev' }, 'kk')).toBe('Рустем Абдрашев');
  });
});

const kz = { originalTitle: 'Алмас қылыш', englishTitle: 'The Diamond Sword' };
const cn = { originalTitle: '红海行动', englishTitle: 'Operation Red Sea' };

describe('a title inside a sentence', () => {
  it('is the title imported for the reader’s language first', () => {
    expect(localTitle({ ...cn, titleRu: 'Операция «Красное море»' }, 'ru')).toBe('Операция «Красное море»');
    expect(localTitle({ ...kz, titleZh: '钻石剑' }, 'zh')).toBe('钻石剑');
  });
  it('is the original title when it is written in the reader’s script, never the English one in a Russian sentence', () => {
    expect(localTitle(kz, 'ru')).toBe('Алмас қылыш');
    expect(localTitle(kz, 'kk')).toBe('Алмас қылыш');
    expect(localTitle(cn, 'zh')).toBe('红海行动');
  });
  it('is the English title in English and where the original is in another script', () => {
    expect(localTitle(kz, 'en')).toBe('The Diamond Sword');
    expect(localTitle(cn, 'ru')).toBe('Operation Red Sea');
    expect(localTitle(kz, 'zh')).toBe('The Diamond Sword');
  });
});

describe('a candidate in a sentence', () => {
  it('is the person with the film in brackets, the film alone, or a question mark for none', () => {
    expect(candidateName({ person: 'Ли Вэй', title: 'Лето' })).toBe('Ли Вэй (Лето)');
    expect(candidateName({ person: null, title: '盛夏' })).toBe('盛夏');
    expect(candidateName(undefined)).toBe('?');
  });
});
