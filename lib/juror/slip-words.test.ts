import { describe, expect, it } from 'vitest';
import { slipWords } from './slip-words';

describe('a sign-in slip’s words in its juror’s own language', () => {
  it('speaks each language, whatever the organiser reads, with the role as a word', async () => {
    expect(await slipWords('zh')).toMatchObject({ lang: 'zh', password: '一次性密码', role: { juror: '评审团成员', chair: '评审团主席' } });
    expect(await slipWords('ru')).toMatchObject({ lang: 'ru', password: 'Одноразовый пароль', role: { juror: 'Член жюри' } });
    expect(await slipWords('kk')).toMatchObject({ lang: 'kk', password: 'Бір реттік құпиясөз', role: { juror: 'Қазылар алқасының мүшесі' } });
    expect(await slipWords('en')).toMatchObject({ lang: 'en', password: 'One-time password', role: { juror: 'Member of the jury', chair: 'Chair of the jury' } });
  });
});
