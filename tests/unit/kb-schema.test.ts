// compileEntities on broken entity files: every error names the file and the field.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileEntities, formatError, type CompileError, type SourceFile } from '../../src/kb/compile.ts';

/** A valid person file as YAML, with `extra` lines appended; tests break it with string replacements. */
function yaml(id: string, extra = ''): string {
  return `id: ${id}
type: person
names:
  en:
    name: Test ${id}
    aliases: [T ${id}]
  ar:
    name: اختبار
  ru:
    name: Тест
summary:
  en: A test entity.
  ar: كيان تجريبي.
  ru: Тестовая сущность.
background:
  en: Written for tests.
  ar: كُتب للاختبارات.
  ru: Написано для тестов.
sources:
  - url: https://example.org/${id}
    title: Example
checked: 2026-11-29
${extra}`;
}

const org = `id: org
type: organisation
names:
  en: { name: Org }
  ar: { name: منظمة }
  ru: { name: Организация }
summary: { en: An organisation., ar: منظمة., ru: Организация. }
background: { en: For tests., ar: للاختبارات., ru: Для тестов. }
sources: [{ url: "https://example.org/org", title: Org }]
checked: 2026-11
`;

const state = (memberships: string) => `id: land
type: state
names:
  en: { name: Land }
  ar: { name: لاند }
  ru: { name: Ланд }
summary: { en: A state., ar: دولة., ru: Государство. }
background: { en: For tests., ar: للاختبارات., ru: Для тестов. }
sources: [{ url: "https://example.org/land", title: Land }]
checked: 2026-11-29
memberships:
${memberships}`;

interface Want {
  file?: string;
  field?: string;
  message?: string | RegExp;
}

const file = (name: string, text: string): SourceFile => ({ file: `entities/${name}`, text });

function errorsOf(files: SourceFile[]): CompileError[] {
  const result = compileEntities(files);
  if (result.ok) throw new Error('expected the files not to compile');
  return result.errors;
}

describe('compileEntities accepts valid files', () => {
  it('compiles a small pack, sorted by id, with aliases normalised and years read as text', () => {
    const result = compileEntities([
      file('person.yaml', yaml('person', 'roles:\n  - title: { en: Chair, ar: رئيس, ru: Председатель }\n    of: org\n    from: 2004\n')),
      file('org.yaml', org),
      file('land.yaml', state('  - { org: org, status: founding-member, from: 1992-05-15, to: 1999-04-02 }\n  - { org: org, status: member, from: 2006-08-16 }\n')),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.entities.map((e) => e.id)).toEqual(['land', 'org', 'person']);
    const person = result.pack.entities[2]!;
    expect(person.roles[0]!.from).toBe('2004');
    expect(person.names.en.aliases).toEqual([{ text: 'T person', ambiguous: false, caseSensitive: false, forms: [] }]);
    expect(person.category).toBe('people');
    expect(result.pack.entities[0]!.category).toBe('places'); // a state with no CSTO relation
    expect(result.pack.entities[1]!.category).toBe('organisations');
  });
});

describe('compileEntities rejects broken files, naming file and field', () => {
  it.each<[string, SourceFile[], Want[]]>([
    ['bad YAML', [file('p.yaml', 'id: p\nnames: [unclosed\n')], [{ file: 'entities/p.yaml', field: '', message: /not valid YAML/ }]],
    ['duplicate YAML key', [file('p.yaml', yaml('p').replace('type: person', 'type: person\ntype: state'))], [{ file: 'entities/p.yaml', field: '', message: /not valid YAML/ }]],
    ['bad JSON', [file('p.json', '{"id": "p",')], [{ file: 'entities/p.json', field: '', message: /not valid JSON/ }]],
    ['missing summary', [file('p.yaml', yaml('p').replace(/summary:\n( {2}.*\n){3}/, ''))], [{ file: 'entities/p.yaml', field: 'summary' }]],
    ['missing Russian name', [file('p.yaml', yaml('p').replace('  ru:\n    name: Тест\n', ''))], [{ file: 'entities/p.yaml', field: 'names.ru' }]],
    ['missing Arabic summary', [file('p.yaml', yaml('p').replace('  ar: كيان تجريبي.\n', ''))], [{ file: 'entities/p.yaml', field: 'summary.ar' }]],
    ['empty background', [file('p.yaml', yaml('p').replace('  en: Written for tests.', '  en: "  "'))], [{ file: 'entities/p.yaml', field: 'background.en', message: 'must not be empty' }]],
    ['no sources', [file('p.yaml', yaml('p').replace(/sources:\n( {2}.*\n){2}/, 'sources: []\n'))], [{ file: 'entities/p.yaml', field: 'sources', message: 'needs at least one source' }]],
    ['wrong type value', [file('p.yaml', yaml('p').replace('type: person', 'type: country'))], [{ file: 'entities/p.yaml', field: 'type', message: /must be one of/ }]],
    ['roles not a list', [file('p.yaml', yaml('p', 'roles: chair\n'))], [{ file: 'entities/p.yaml', field: 'roles' }]],
    ['alias of the wrong type', [file('p.yaml', yaml('p').replace('aliases: [T p]', 'aliases: [42]'))], [{ file: 'entities/p.yaml', field: 'names.en.aliases[0]' }]],
    ['unknown key', [file('p.yaml', yaml('p', 'founded: 2002\n'))], [{ file: 'entities/p.yaml', field: 'founded' }]],
    ['non-kebab id', [file('P_1.yaml', yaml('P_1'))], [{ file: 'entities/P_1.yaml', field: 'id', message: /kebab-case/ }]],
    ['http source', [file('p.yaml', yaml('p').replace('https://example.org/p', 'http://example.org/p'))], [{ file: 'entities/p.yaml', field: 'sources[0].url', message: /https/ }]],
    ['bad Wikidata id', [file('p.yaml', yaml('p', 'wikidata: 12345\n'))], [{ file: 'entities/p.yaml', field: 'wikidata' }]],
    [
      'bad date: month 13',
      [file('org.yaml', org), file('p.yaml', yaml('p', 'roles:\n  - title: { en: Chair, ar: رئيس, ru: Председатель }\n    of: org\n    from: 2024-13-01\n'))],
      [{ file: 'entities/p.yaml', field: 'roles[0].from', message: /YYYY, YYYY-MM or YYYY-MM-DD/ }],
    ],
    [
      'bad date: written the European way',
      [file('org.yaml', org), file('p.yaml', yaml('p', 'roles:\n  - title: { en: Chair, ar: رئيس, ru: Председатель }\n    of: org\n    from: 2020-01-01\n    to: 31.12.2022\n'))],
      [{ file: 'entities/p.yaml', field: 'roles[0].to', message: /YYYY, YYYY-MM or YYYY-MM-DD/ }],
    ],
    ['bad checked date', [file('p.yaml', yaml('p').replace('checked: 2026-11-29', 'checked: yesterday'))], [{ file: 'entities/p.yaml', field: 'checked' }]],
    [
      'role ends before it starts',
      [file('org.yaml', org), file('p.yaml', yaml('p', 'roles:\n  - title: { en: Chair, ar: رئيس, ru: Председатель }\n    of: org\n    from: 2024-05-12\n    to: 2012-11-06\n'))],
      [{ file: 'entities/p.yaml', field: 'roles[0].to', message: /ends \(2012-11-06\) before it starts \(2024-05-12\)/ }],
    ],
    [
      'membership ends before it starts (partial dates)',
      [file('org.yaml', org), file('land.yaml', state('  - { org: org, status: member, from: 2006-08, to: 2006-07 }\n'))],
      [{ file: 'entities/land.yaml', field: 'memberships[0].to', message: /before it starts/ }],
    ],
    [
      'dangling role reference',
      [file('p.yaml', yaml('p', 'roles:\n  - title: { en: Chair, ar: رئيس, ru: Председатель }\n    of: nowhere\n    from: 2020\n'))],
      [{ file: 'entities/p.yaml', field: 'roles[0].of', message: /"nowhere", which is not an entity/ }],
    ],
    ['dangling related', [file('p.yaml', yaml('p', 'related: [ghost]\n'))], [{ file: 'entities/p.yaml', field: 'related[0]', message: /"ghost"/ }]],
    ['related to itself', [file('p.yaml', yaml('p', 'related: [p]\n'))], [{ file: 'entities/p.yaml', field: 'related', message: /itself/ }]],
    ['dangling membership org', [file('land.yaml', state('  - { org: org, status: member, from: 1992 }\n'))], [{ file: 'entities/land.yaml', field: 'memberships[0].org' }]],
    ['unknown status', [file('org.yaml', org), file('land.yaml', state('  - { org: org, status: partner, from: 1992 }\n'))], [{ file: 'entities/land.yaml', field: 'memberships[0].status', message: /must be one of/ }]],
    ['id differs from the file name', [file('q.yaml', yaml('p'))], [{ file: 'entities/q.yaml', field: 'id', message: '"p" must equal the file name "q"' }]],
    [
      'duplicate id',
      [file('p.yaml', yaml('p')), file('p.json', JSON.stringify(parse(yaml('p'))))],
      [{ file: 'entities/p.json', field: 'id', message: '"p" is defined twice' }],
    ],
    [
      'overlapping memberships',
      [file('org.yaml', org), file('land.yaml', state('  - { org: org, status: member, from: 1992-05-15, to: 2012-06-28 }\n  - { org: org, status: suspended, from: 2010-01-01 }\n'))],
      [{ file: 'entities/land.yaml', field: 'memberships[1].from', message: /overlaps the previous org entry, which ends 2012-06-28/ }],
    ],
    [
      'a new status while the previous one is open',
      [file('org.yaml', org), file('land.yaml', state('  - { org: org, status: member, from: 1992-05-15 }\n  - { org: org, status: frozen, from: 2024-02-22 }\n'))],
      [{ file: 'entities/land.yaml', field: 'memberships[1]', message: /no end date/ }],
    ],
    [
      'memberships out of time order',
      [file('org.yaml', org), file('land.yaml', state('  - { org: org, status: frozen, from: 2024-02-22 }\n  - { org: org, status: member, from: 1992-05-15, to: 2024-02-22 }\n'))],
      [{ file: 'entities/land.yaml', field: 'memberships[1].from', message: /time order/ }],
    ],
  ])('%s', (_name, files, expected) => {
    const errors = errorsOf(files);
    for (const want of expected) {
      const { message, ...rest } = want;
      const match = errors.find(
        (e) =>
          Object.entries(rest).every(([k, v]) => e[k as keyof CompileError] === v) &&
          (message === undefined || (typeof message === 'string' ? e.message === message : message.test(e.message))),
      );
      expect(match, `no error like ${JSON.stringify(want, (_k, v) => (v instanceof RegExp ? String(v) : v))} in ${JSON.stringify(errors, null, 1)}`).toBeDefined();
    }
    // Every error names its file; all but whole-file syntax errors name a field.
    for (const e of errors) {
      expect(e.file).toMatch(/^entities\/.+\.(ya?ml|json)$/);
      expect(formatError(e).startsWith(`${e.file}: `)).toBe(true);
      if (!/not valid (YAML|JSON)/.test(e.message)) expect(e.field).not.toBe('');
    }
  });

  it('reports every broken file at once, not only the first', () => {
    const errors = errorsOf([
      file('a.yaml', yaml('a').replace('type: person', 'type: robot')),
      file('b.yaml', yaml('b', 'related: [nobody]\n')),
      file('c.yaml', 'id: c\n  bad: indentation: here\n'),
    ]);
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set(['entities/a.yaml', 'entities/b.yaml', 'entities/c.yaml']));
  });

  it('formats an error as file: field: message', () => {
    expect(formatError({ file: 'entities/x.yaml', field: 'roles[0].to', message: 'ends (2012) before it starts (2024)' })).toBe(
      'entities/x.yaml: roles[0].to: ends (2012) before it starts (2024)',
    );
    expect(formatError({ file: 'entities/x.yaml', field: '', message: 'not valid YAML: …' })).toBe('entities/x.yaml: (file): not valid YAML: …');
  });
});
