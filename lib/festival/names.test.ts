import { describe, expect, it } from 'vitest';
import { parseFilmCsv } from '@/lib/film/import';
import { festivalCity, festivalName, localTitle, translatedTitle } from './names';

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
    expect(localTitle(f, 'kk')).toBe('The Diamond Sword');
  });

  it('refuses a translated title over 300 characters, naming the column', () => {
    const csv = `english_title,director,country,title_ru\nT,D,KZ,${'я'.repeat(301)}\n`;
    expect(parseFilmCsv(enc(csv), new Set())).toEqual({ ok: false, errors: [{ line: 2, code: 'import:too_long', params: { column: 'title_ru', max: 300 } }] });
  });
});
