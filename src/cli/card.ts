// `csto-lens card ID [--date YYYY-MM-DD] [--lang en|ar|ru] [--json]`: the card of one entity as of a date.
// Exit codes: 0 success, 2 bad usage (unknown id, bad date, bad language, unknown option).
import { buildCard, cardToText, lookupOf, type CardModel } from '../core/card.ts';
import { bundledPack } from '../core/bundled-pack.ts';
import { isIsoDay } from '../core/dates.ts';
import { LANGS, type Entity, type Lang, type Pack } from '../core/pack.ts';
import { parseArgs } from './args.ts';
import type { CliIo } from './io.ts';

const USAGE = 'usage: csto-lens card ID [--date YYYY-MM-DD] [--lang en|ar|ru] [--json]';

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().replace(/[\s_]+/g, '-');
}

/** The ids closest to `query` by edit distance over ids, names and aliases in every language. */
export function closestIds(query: string, entities: readonly Entity[], count = 3): string[] {
  const q = fold(query);
  return entities
    .map((entity) => {
      const texts = [
        entity.id,
        ...LANGS.flatMap((lang) => {
          const names = entity.names[lang];
          return [names.name, ...(names.short ? [names.short] : []), ...names.aliases.map((a) => a.text)];
        }),
      ];
      const folded = texts.map(fold);
      return {
        id: entity.id,
        distance: Math.min(...folded.map((text) => levenshtein(q, text))),
        // On equal distance, prefer the one that starts like the query ("zass": zas before tass).
        prefix: Math.max(...folded.map((text) => commonPrefix(q, text))),
      };
    })
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.id.localeCompare(b.id))
    .slice(0, count)
    .map(({ id }) => id);
}

interface AtJson {
  date: string;
  roles: Array<{ title: string; of: string; from: string; to: string | null }>;
  memberships: Array<{ org: string; status: string; from: string; to: string | null }>;
}

function atJson(section: CardModel['then']): AtJson {
  return {
    date: section.date,
    roles: section.roles.map((r) => ({ title: r.title, of: r.of, from: r.from, to: r.to })),
    memberships: section.memberships
      .filter((m) => m.status !== null)
      .map((m) => ({ org: m.org, status: m.status!, from: m.from!, to: m.to })),
  };
}

/** The JSON document of `csto-lens card --json` (GUIDE section 3, plus today's state and the differences). */
export function cardJson(card: CardModel, entity: Entity) {
  return {
    id: card.id,
    type: card.type,
    category: card.category,
    lang: card.lang,
    name: card.name,
    names: Object.fromEntries(LANGS.map((lang) => [lang, entity.names[lang].name])) as Record<Lang, string>,
    ...(card.wikidata ? { wikidata: card.wikidata } : {}),
    summary: card.summary,
    background: card.background,
    at: atJson(card.then),
    now: atJson(card.now),
    changes: card.differences.map((d) => ({
      kind: d.kind,
      text: d.text,
      ...(d.role ? { role: { title: d.role.title, of: d.role.of, from: d.role.from, to: d.role.to } } : {}),
      ...(d.org ? { org: d.org, then: d.then ?? null, now: d.now ?? null, since: d.since ?? null } : {}),
    })),
    related: card.related,
    sources: card.sources,
    checked: card.checked,
  };
}

export function runCard(argv: string[], io: CliIo, pack: Pack = bundledPack): number {
  let parsed;
  try {
    parsed = parseArgs(argv, { boolean: ['json'], value: ['date', 'lang'] });
  } catch (error) {
    io.err(`csto-lens card: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { flags, positional } = parsed;
  if (positional.length !== 1) {
    io.err(`csto-lens card: ${positional.length === 0 ? 'missing entity id' : `expected one entity id, got ${positional.length}`}\n${USAGE}`);
    return 2;
  }
  const id = positional[0]!;
  const today = io.today();
  const date = flags.get('date') ?? today;
  if (typeof date !== 'string' || !isIsoDay(date)) {
    io.err(`csto-lens card: --date must be a real day written YYYY-MM-DD, got "${String(date)}"`);
    return 2;
  }
  const lang = flags.get('lang') ?? 'en';
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) {
    io.err(`csto-lens card: --lang must be one of ${LANGS.join(', ')}, got "${String(lang)}"`);
    return 2;
  }
  const lookup = lookupOf(pack.entities);
  const entity = lookup(id);
  if (!entity) {
    const closest = closestIds(id, pack.entities);
    io.err(`csto-lens card: unknown entity id "${id}"${closest.length > 0 ? `; closest ids: ${closest.join(', ')}` : ''}`);
    return 2;
  }
  const card = buildCard(entity, { date, lang: lang as Lang, today, lookup, context: 'date' });
  io.out(flags.has('json') ? JSON.stringify(cardJson(card, entity), null, 2) : cardToText(card));
  return 0;
}
