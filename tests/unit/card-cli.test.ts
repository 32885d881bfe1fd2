// `csto-lens card`: main() with a fake CliIo over the compiled pack, and one real process through bin/csto-lens.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { MEMBERSHIP_STATUSES } from '../../src/core/pack.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TODAY = '2026-11-29';

let main: (argv: string[], io?: CliIo) => Promise<number>;
let ids: string[];

beforeAll(async () => {
  // The CLI bundles generated/entities.json: compile it from entities/ first, then load the CLI.
  execFileSync('npx', ['tsx', 'scripts/build-entities.ts'], { cwd: ROOT, stdio: 'pipe' });
  ({ main } = await import('../../src/cli/main.ts'));
  const { bundledPack } = await import('../../src/core/bundled-pack.ts');
  ids = bundledPack.entities.map((e) => e.id);
}, 120_000);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile: () => {
      throw new Error('card reads no files');
    },
    readStdin: () => {
      throw new Error('card reads no stdin');
    },
    today: () => TODAY,
  };
  const code = await main(['card', ...argv], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function json(...argv: string[]) {
  const result = await run(...argv, '--json');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

describe('csto-lens card --json (GUIDE section 3)', () => {
  it('prints the contract fields for zas on 31 Aug 2021', async () => {
    const card = await json('zas', '--date', '2021-08-31');
    for (const key of ['id', 'type', 'name', 'summary', 'at', 'sources', 'checked']) expect(card).toHaveProperty(key);
    expect(card).toMatchObject({ id: 'zas', type: 'person', name: 'Stanislav Zas', at: { date: '2021-08-31', memberships: [] } });
    expect(card.at.roles).toEqual([{ title: 'Secretary General of the CSTO', of: 'csto', from: '2020-01-01', to: '2022-12-31' }]);
    expect(card.sources.length).toBeGreaterThan(0);
    for (const source of card.sources) expect(Object.keys(source).sort()).toEqual(['title', 'url']);
    expect(card.summary).toMatch(/Secretary General/);
    expect(card.checked).toMatch(/^\d{4}(-\d{2}){0,2}$/);
  });

  it('defaults the date to today (io.today)', async () => {
    const card = await json('zas');
    expect(card.at).toEqual({ date: TODAY, roles: [], memberships: [] });
    expect(card.changes).toEqual([]);
  });

  it('uses the card language for names and titles; of/org stay ids', async () => {
    const ar = await json('shoigu', '--date', '2021-08-31', '--lang', 'ar');
    expect(ar.name).toBe('سيرغي شويغو');
    expect(ar.at.roles).toEqual([{ title: expect.stringMatching(/الدفاع/), of: 'russia', from: '2012-11-06', to: '2024-05-12' }]);
    const ru = await json('shoigu', '--lang=ru');
    expect(ru.at.roles).toEqual([{ title: expect.stringMatching(/Совета безопасности/), of: 'russia', from: '2024-05-12', to: null }]);
  });

  it('shows Shoigu then and today with what changed', async () => {
    const card = await json('shoigu', '--date', '2021-08-31');
    expect(card.at.roles.map((r: { title: string }) => r.title)).toEqual(['Minister of Defence']);
    expect(card.now.roles.map((r: { title: string }) => r.title)).toEqual(['Secretary of the Security Council']);
    expect(card.changes.map((c: { kind: string }) => c.kind)).toEqual(['role-ended', 'role-started']);
  });

  it('gives memberships with statuses: Armenia a founding member in 2021, frozen today', async () => {
    const then = await json('armenia', '--date', '2021-08-31');
    expect(then.at.memberships).toContainEqual({ org: 'csto', status: 'founding-member', from: '1992-05-15', to: '2024-02-22' });
    const now = await json('armenia');
    expect(now.at.memberships).toContainEqual({ org: 'csto', status: 'frozen', from: '2024-02-22', to: null });
    expect(now.at.memberships.some((m: { status: string }) => m.status === 'withdrawn')).toBe(false);
  });

  it('keeps to the contract for every entity in every language', async () => {
    for (const id of ids) {
      for (const lang of ['en', 'ar', 'ru']) {
        const card = await json(id, '--date', '2021-08-31', '--lang', lang);
        expect(card.id).toBe(id);
        expect(typeof card.name).toBe('string');
        expect(typeof card.summary).toBe('string');
        expect(card.at.date).toBe('2021-08-31');
        for (const role of card.at.roles) {
          expect(Object.keys(role).sort()).toEqual(['from', 'of', 'title', 'to']);
          expect(ids).toContain(role.of);
        }
        for (const m of card.at.memberships) {
          expect(Object.keys(m).sort()).toEqual(['from', 'org', 'status', 'to']);
          expect(MEMBERSHIP_STATUSES).toContain(m.status);
          expect(ids).toContain(m.org);
        }
      }
    }
  });
});

describe('csto-lens card, readable output', () => {
  it('prints then and today', async () => {
    const { code, out, err } = await run('zas', '--date', '2021-08-31');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Stanislav Zas');
    expect(out).toContain('As of 31 Aug 2021');
    expect(out).toContain('Secretary General of the CSTO (1 Jan 2020 – 31 Dec 2022)');
    expect(out).toContain('Today (29 Nov 2026)');
    expect(out).toContain('former Secretary General of the CSTO');
    expect(out).toContain('Then: Secretary General of the CSTO; now former (until 31 Dec 2022)');
  });

  it('prints Arabic and Russian cards', async () => {
    expect((await run('armenia', '--date', '2021-08-31', '--lang', 'ar')).out).toContain('المشاركة مجمَّدة');
    expect((await run('armenia', '--date', '2021-08-31', '--lang', 'ru')).out).toContain('ОДКБ: участие заморожено');
  });
});

describe('csto-lens card, bad usage exits 2', () => {
  it.each([
    ['shoygu', 'shoigu'],
    ['Шойгу', 'shoigu'],
    ['armenai', 'armenia'],
    ['lavrof', 'lavrov'],
  ])('unknown id %s suggests %s', async (id, closest) => {
    const { code, out, err } = await run(id, '--json');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`unknown entity id "${id}"`);
    expect(err).toMatch(new RegExp(`closest ids: .*\\b${closest}\\b`));
    expect(err.split('\n')).toHaveLength(1);
  });

  it.each([
    [['zas', '--date', '2021-02-30'], /--date must be a real day/],
    [['zas', '--date', '2021-8-31'], /--date must be a real day/],
    [['zas', '--date', 'yesterday'], /--date must be a real day/],
    [['zas', '--date'], /--date needs a value/],
    [['zas', '--lang', 'fr'], /--lang must be one of en, ar, ru/],
    [['zas', '--colour'], /unknown option --colour/],
    [[], /missing entity id/],
    [['zas', 'shoigu'], /expected one entity id/],
  ])('%j', async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });
});

describe('the built command', () => {
  it('node bin/csto-lens.mjs card zas --date 2021-08-31 --json', () => {
    execFileSync('npx', ['tsx', 'scripts/build-cli.ts'], { cwd: ROOT, stdio: 'pipe' });
    const ok = spawnSync(process.execPath, ['bin/csto-lens.mjs', 'card', 'zas', '--date', '2021-08-31', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const card = JSON.parse(ok.stdout);
    expect(card).toMatchObject({ id: 'zas', type: 'person', at: { date: '2021-08-31' } });
    expect(card.at.roles).toEqual([{ title: 'Secretary General of the CSTO', of: 'csto', from: '2020-01-01', to: '2022-12-31' }]);

    const bad = spawnSync(process.execPath, ['bin/csto-lens.mjs', 'card', 'zass'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown entity id "zass"; closest ids: zas/);
  }, 120_000);
});
