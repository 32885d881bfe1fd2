import { describe, expect, it } from 'vitest';
import {
  ARABIC_CLITIC_PREFIXES,
  aliasForms,
  arabicArticleVariants,
  declineRussianWord,
  englishForms,
  isRussianAdjective,
  russianForms,
} from '../../src/core/forms.ts';

describe('Russian: one word', () => {
  it.each([
    // [word, role, forms that must be generated]
    ['Путин', 'surname', ['Путина', 'Путину', 'Путиным', 'Путине']],
    ['Лавров', 'surname', ['Лаврова', 'Лаврову', 'Лавровым', 'Лаврове']],
    ['Токаев', 'surname', ['Токаева', 'Токаеву', 'Токаевым', 'Токаеве']],
    ['Пашинян', 'surname', ['Пашиняна', 'Пашиняну', 'Пашиняном', 'Пашиняне']],
    ['Зас', 'surname', ['Заса', 'Засу', 'Засом', 'Засе']],
    ['Рахмон', 'surname', ['Рахмона', 'Рахмону', 'Рахмоном', 'Рахмоне']],
    ['Бордюжа', 'surname', ['Бордюжи', 'Бордюже', 'Бордюжу', 'Бордюжей']],
    ['Захарова', 'surname', ['Захаровой', 'Захарову']],
    ['Сергей', 'given', ['Сергея', 'Сергею', 'Сергеем', 'Сергее']],
    ['Юрий', 'given', ['Юрия', 'Юрию', 'Юрием', 'Юрии']],
    ['Николай', 'given', ['Николая', 'Николаю', 'Николаем', 'Николае']],
    ['Мария', 'given', ['Марии', 'Марию', 'Марией']],
    ['Владимирович', 'patronymic', ['Владимировича', 'Владимировичу', 'Владимировичем', 'Владимировиче']],
    ['Россия', 'noun', ['России', 'Россию', 'Россией', 'Россиею']],
    ['Армения', 'noun', ['Армении', 'Армению', 'Арменией']],
    ['Москва', 'noun', ['Москвы', 'Москве', 'Москву', 'Москвой', 'Москвою']],
    ['Беларусь', 'noun', ['Беларуси', 'Беларусью']],
    ['Казахстан', 'noun', ['Казахстана', 'Казахстану', 'Казахстаном', 'Казахстане']],
    ['Талибан', 'noun', ['Талибана', 'Талибану', 'Талибаном', 'Талибане']],
    ['Содружество', 'noun', ['Содружества', 'Содружеству', 'Содружеством', 'Содружестве']],
    ['Соглашение', 'noun', ['Соглашения', 'Соглашению', 'Соглашением', 'Соглашении']],
    ['талибы', 'noun', ['талибов', 'талибам', 'талибами', 'талибах']],
  ] as const)('%s (%s)', (word, role, expected) => {
    const forms = declineRussianWord(word, role, false, role !== 'noun');
    for (const form of expected) expect(forms).toContain(form);
    expect(forms).not.toContain(word);
  });

  it.each([
    ['ОДКБ', 'noun'],
    ['США', 'noun'],
    ['НАТО', 'noun'],
    ['ТАСС', 'noun'],
    ['Шойгу', 'surname'],
    ['Лукашенко', 'surname'],
    ['Эмомали', 'given'],
    ['Токио', 'noun'],
    ['Сочи', 'noun'],
  ] as const)('%s does not decline', (word, role) => {
    expect(declineRussianWord(word, role)).toEqual([]);
  });

  it.each([
    ['Центральная', true],
    ['Коллективные', true],
    ['Евразийский', true],
    ['Средняя', true],
    ['Соглашение', false],
    ['Объединение', false],
    ['Россия', false],
  ])('adjective? %s', (word, expected) => {
    expect(isRussianAdjective(word)).toBe(expected);
  });
});

describe('Russian: names of several words', () => {
  it.each([
    // head-word declension: adjectives and the first noun decline, the rest stays
    ['Организация Договора о коллективной безопасности', false, ['Организации Договора о коллективной безопасности', 'Организацию Договора о коллективной безопасности', 'Организацией Договора о коллективной безопасности']],
    ['Договор о коллективной безопасности', false, ['Договора о коллективной безопасности', 'Договору о коллективной безопасности', 'Договором о коллективной безопасности', 'Договоре о коллективной безопасности']],
    ['Центральная Азия', false, ['Центральной Азии', 'Центральную Азию', 'Центральной Азией']],
    ['Средняя Азия', false, ['Средней Азии', 'Среднюю Азию']],
    ['Коллективные силы оперативного реагирования ОДКБ', false, ['Коллективных сил оперативного реагирования ОДКБ', 'Коллективным силам оперативного реагирования ОДКБ', 'Коллективными силами оперативного реагирования ОДКБ', 'Коллективных силах оперативного реагирования ОДКБ']],
    ['Соединённые Штаты Америки', false, ['Соединённых Штатов Америки', 'Соединённым Штатам Америки', 'Соединёнными Штатами Америки']],
    ['Евразийский экономический союз', false, ['Евразийского экономического союза', 'Евразийскому экономическому союзу', 'Евразийским экономическим союзом', 'Евразийском экономическом союзе']],
    ['Республика Беларусь', false, ['Республики Беларусь', 'Республике Беларусь', 'Республику Беларусь', 'Республикой Беларусь']],
    ['Шанхайская организация сотрудничества', false, ['Шанхайской организации сотрудничества', 'Шанхайскую организацию сотрудничества']],
    ['Объединённый штаб ОДКБ', false, ['Объединённого штаба ОДКБ', 'Объединённым штабом ОДКБ']],
    // people: every word declines, indeclinable ones stay
    ['Владимир Путин', true, ['Владимира Путина', 'Владимиру Путину', 'Владимиром Путиным', 'Владимире Путине']],
    ['Владимир Владимирович Путин', true, ['Владимира Владимировича Путина', 'Владимиром Владимировичем Путиным']],
    ['Сергей Шойгу', true, ['Сергея Шойгу', 'Сергею Шойгу', 'Сергеем Шойгу']],
    ['Александр Лукашенко', true, ['Александра Лукашенко', 'Александром Лукашенко']],
    ['Касым-Жомарт Токаев', true, ['Касым-Жомарта Токаева', 'Касым-Жомартом Токаевым']],
    ['Эмомали Рахмон', true, ['Эмомали Рахмона', 'Эмомали Рахмоном']],
    ['Николай Бордюжа', true, ['Николая Бордюжи', 'Николаю Бордюже', 'Николаем Бордюжей']],
  ])('%s', (name, person, expected) => {
    const forms = russianForms(name, { person });
    for (const form of expected) expect(forms).toContain(form);
  });

  it('declines the words of a name together, in one case at a time', () => {
    expect(russianForms('Владимир Путин', { person: true })).not.toContain('Владимира Путину');
    expect(russianForms('Центральная Азия', { person: false })).not.toContain('Центральной Азию');
  });

  it('leaves names without a declinable head alone', () => {
    expect(russianForms('ОДКБ', { person: false })).toEqual([]);
    expect(russianForms('США', { person: false })).toEqual([]);
    expect(russianForms('Шойгу', { person: true })).toEqual([]);
  });
});

describe('aliasForms: the author decides', () => {
  const ru = { lang: 'ru' as const, type: 'person' as const };
  it('adds the rules’ forms by default', () => {
    expect(aliasForms({ text: 'Путин', forms: [] }, ru)).toEqual(['Путин', 'Путина', 'Путину', 'Путиным', 'Путине']);
  });
  it('inflect: false keeps only the alias and the given forms', () => {
    expect(aliasForms({ text: 'Путин', forms: ['Путинъ'], inflect: false }, ru)).toEqual(['Путин', 'Путинъ']);
  });
  it('inflect: true declines what the rules take for indeclinable', () => {
    expect(aliasForms({ text: 'МИД', forms: [], inflect: true }, { lang: 'ru', type: 'body' })).toEqual(['МИД', 'МИДа', 'МИДу', 'МИДом', 'МИДе']);
  });
  it('forms are added as written', () => {
    expect(aliasForms({ text: 'Шойгу', forms: ['Шойгу́'] }, ru)).toEqual(['Шойгу', 'Шойгу́']);
  });
  it('English aliases get their other spelling, Arabic aliases nothing', () => {
    expect(aliasForms({ text: 'Collective Security Treaty Organisation', forms: [] }, { lang: 'en', type: 'organisation' })).toEqual([
      'Collective Security Treaty Organisation',
      'Collective Security Treaty Organization',
    ]);
    expect(aliasForms({ text: 'روسيا', forms: [] }, { lang: 'ar', type: 'state' })).toEqual(['روسيا']);
  });
});

describe('English', () => {
  it.each([
    ['Collective Security Treaty Organisation', ['Collective Security Treaty Organization']],
    ['Collective Security Treaty Organization', ['Collective Security Treaty Organisation']],
    ['Council of Defence Ministers', ['Council of Defense Ministers']],
    ['ANTI-TERRORISM CENTRE', ['ANTI-TERRORISM CENTER']],
    ['CSTO', []],
    ['Russia', []],
  ])('%s', (name, expected) => {
    expect(englishForms(name)).toEqual(expected);
  });
});

describe('Arabic', () => {
  it('has the twelve clitic prefixes: none, conjunction, preposition, conjunction + preposition', () => {
    expect([...ARABIC_CLITIC_PREFIXES].sort()).toEqual(['', 'ب', 'ف', 'فب', 'فك', 'فل', 'ك', 'ل', 'و', 'وب', 'وك', 'ول'].sort());
  });
  it.each([
    ['الناتو', ['الناتو', 'لناتو']],
    ['الولايات المتحده', ['الولايات المتحده', 'لولايات المتحده']],
    ['روسيا', ['روسيا']],
    ['ال', ['ال']],
  ])('article variants of %s', (key, expected) => {
    expect(arabicArticleVariants(key).map((v) => v.text)).toEqual(expected);
  });
});
