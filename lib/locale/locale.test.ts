// Lists, quotation marks and dates in the four interface languages, as the festival writes them.
import { describe, expect, it } from 'vitest';
import { listOf } from './lists';
import { nestQuotes, quoted } from './quotes';
import { when } from './dates';

describe('listOf', () => {
  it('joins a list the way each language does, never with an ASCII comma in Chinese', () => {
    const three = ['A', 'B', 'C'];
    expect(listOf('en', three)).toBe('A, B and C');
    expect(listOf('zh', ['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(listOf('ru', three)).toBe('A, B и C');
    expect(listOf('kk', three)).toMatch(/^A, B(,| және) C$/);
    expect(listOf('zh', ['甲', '乙', '丙'])).not.toContain(',');
  });

  it('says "or" in each language', () => {
    expect(listOf('en', ['A', 'B'], 'or')).toBe('A or B');
    expect(listOf('zh', ['A', 'B'], 'or')).toBe('A或B');
    expect(listOf('ru', ['A', 'B'], 'or')).toBe('A или B');
    expect(listOf('kk', ['A', 'B'], 'or')).toBe('A не B');
  });

  it('a bare enumeration, one item and none', () => {
    expect(listOf('en', ['7×2', '8×1', '9×3'], 'plain')).toBe('7×2, 8×1, 9×3');
    expect(listOf('zh', ['7×2', '8×1', '9×3'], 'plain')).toBe('7×2、8×1、9×3');
    expect(listOf('ru', ['A', 'B', 'C'], 'plain')).toBe('A, B, C');
    expect(listOf('kk', ['A', 'B', 'C'], 'plain')).toBe('A, B, C');
    for (const l of ['en', 'zh', 'ru', 'kk']) {
      expect(listOf(l, ['Only'])).toBe('Only');
      expect(listOf(l, [])).toBe('');
    }
  });
});

describe('quotation marks', () => {
  it('a quoted name inside a quotation takes the inner marks: «…„…“…» in Russian and Kazakh, “…‘…’…” in English and Chinese', () => {
    expect(nestQuotes('ru', 'Награды фестиваля «Кинофестиваль «Шёлковый путь»», Циндао')).toBe('Награды фестиваля «Кинофестиваль „Шёлковый путь“», Циндао');
    expect(nestQuotes('kk', '«Фестиваль «Жібек жолы»» марапаттары')).toBe('«Фестиваль „Жібек жолы“» марапаттары');
    expect(nestQuotes('en', 'Score “The “Prince” of Our Town” in every nomination')).toBe('Score “The ‘Prince’ of Our Town” in every nomination');
    expect(nestQuotes('zh', '在““丝路”电影节”中')).toBe('在“‘丝路’电影节”中');
  });

  it('leaves a text alone that is already right, has no quotation, or whose marks do not balance', () => {
    for (const [l, t] of [['ru', 'Фестиваль «Кино „Лето“»'], ['en', 'It’s “fine”'], ['zh', '没有引号'], ['ru', 'Только «открывающая'], ['kk', 'артық»']] as const) {
      expect(nestQuotes(l, t)).toBe(t);
    }
  });

  it('a third level takes the outer marks again', () => {
    expect(nestQuotes('ru', '«a «b «c» b» a»')).toBe('«a „b «c» b“ a»');
  });

  it('quoted wraps in the language’s own marks', () => {
    expect(quoted('ru', 'Лето')).toBe('«Лето»');
    expect(quoted('kk', 'Фестиваль «Жібек жолы»')).toBe('«Фестиваль „Жібек жолы“»');
    expect(quoted('en', 'Summer')).toBe('“Summer”');
    expect(quoted('zh', '盛夏')).toBe('“盛夏”');
  });
});

describe('dates', () => {
  const iso = '2026-06-10T12:05:09Z';
  it('a festival day: day month year in every language, never shifted by a time zone', () => {
    expect(when('en', 'Asia/Shanghai').day('2026-06-10')).toBe('10 June 2026');
    expect(when('zh', 'Asia/Shanghai').day('2026-06-10')).toBe('2026年6月10日');
    expect(when('ru', 'Asia/Shanghai').day('2026-06-10')).toBe('10 июня 2026 г.');
    expect(when('kk', 'Asia/Shanghai').day('2026-06-10')).toMatch(/^2026 ж\. 10 маусым$/);
    expect(when('en', 'Pacific/Kiritimati').day('2026-06-10')).toBe('10 June 2026');
  });

  it('a moment: in the festival’s time zone, the day before the month in English (not the US order)', () => {
    expect(when('en', 'Asia/Shanghai').at(iso)).toBe('10 Jun 2026, 20:05');
    expect(when('en', 'Asia/Shanghai').atExact(iso)).toBe('10 Jun 2026, 20:05:09');
    expect(when('en', 'UTC').at(iso)).not.toMatch(/^Jun/);
    expect(when('zh', 'Asia/Shanghai').at(iso)).toBe('2026年6月10日 20:05');
    expect(when('ru', 'Asia/Shanghai').at(iso)).toBe('10 июн. 2026 г., 20:05');
    expect(when('kk', 'Asia/Shanghai').at(iso)).toMatch(/^2026 ж\. 10 мау\., 20:05$/);
  });
});
