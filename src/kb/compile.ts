// Validate entity files and compile them into the pack. Pure: takes file texts, returns a pack or the errors.
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { entityFileSchema, type AliasInput, type EntityFile } from './schema.ts';
import type { Alias, Category, Entity, Lang, Pack } from '../core/pack.ts';
import { LANGS } from '../core/pack.ts';
import { compareStart, endOf, startOf } from '../core/dates.ts';

export interface SourceFile {
  /** Path shown in errors, e.g. "entities/shoigu.yaml". */
  file: string;
  text: string;
}

export interface CompileError {
  file: string;
  field: string;
  message: string;
}

export type CompileResult = { ok: true; pack: Pack } | { ok: false; errors: CompileError[] };

export function formatError(error: CompileError): string {
  return `${error.file}: ${error.field || '(file)'}: ${error.message}`;
}

function parseFile(source: SourceFile): { data?: unknown; errors: CompileError[] } {
  if (source.file.endsWith('.json')) {
    try {
      return { data: JSON.parse(source.text), errors: [] };
    } catch (error) {
      return { errors: [{ file: source.file, field: '', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const doc = parseDocument(source.text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ file: source.file, field: '', message: `not valid YAML: ${e.message.split('\n')[0]}` })) };
  }
  return { data: doc.toJS(), errors: [] };
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('').replace(/^\./, '');
}

function normalizeAlias(alias: AliasInput): Alias {
  const object = typeof alias === 'string' ? { text: alias } : alias;
  const allCaps = /^[\p{Lu}\d]{2,}$/u.test(object.text);
  return {
    text: object.text,
    ambiguous: object.ambiguous ?? false,
    caseSensitive: object.caseSensitive ?? allCaps,
    ...(object.inflect === undefined ? {} : { inflect: object.inflect }),
    forms: object.forms ?? [],
  };
}

/** Which switchable group an entity belongs to; see CATEGORIES. */
export function categoryOf(entity: EntityFile): Category {
  switch (entity.type) {
    case 'body':
    case 'force':
    case 'treaty':
    case 'event':
      return 'csto-bodies';
    case 'organisation':
      return entity.id === 'csto' ? 'csto-bodies' : 'organisations';
    case 'person':
      return 'people';
    case 'media':
      return 'media';
    case 'place':
      return 'places';
    case 'state': {
      // A relation to the CSTO or to one of its bodies (Serbia observes only the Parliamentary Assembly).
      const csto = entity.memberships.filter((m) => m.org === 'csto' || m.org.startsWith('csto-'));
      const latest = csto.filter((m) => m.org === 'csto').at(-1);
      if (latest && latest.to === undefined && ['member', 'founding-member', 'frozen'].includes(latest.status)) return 'member-states';
      return csto.length > 0 ? 'former-and-observers' : 'places';
    }
  }
}

function checkDates(file: string, entity: EntityFile, errors: CompileError[]): void {
  const ranged: Array<[string, { from: string; to?: string | undefined }]> = [
    ...entity.roles.map((r, i) => [`roles[${i}]`, r] as [string, typeof r]),
    ...entity.memberships.map((m, i) => [`memberships[${i}]`, m] as [string, typeof m]),
  ];
  for (const [field, range] of ranged) {
    if (range.to !== undefined && endOf(range.to) < startOf(range.from)) {
      errors.push({ file, field: `${field}.to`, message: `ends (${range.to}) before it starts (${range.from})` });
    }
  }
  // Memberships of one organisation form a history: in time order, without overlaps.
  const byOrg = new Map<string, Array<[number, EntityFile['memberships'][number]]>>();
  entity.memberships.forEach((m, i) => byOrg.set(m.org, [...(byOrg.get(m.org) ?? []), [i, m]]));
  for (const history of byOrg.values()) {
    for (let k = 1; k < history.length; k++) {
      const [, previous] = history[k - 1]!;
      const [index, current] = history[k]!;
      if (compareStart(previous.from, current.from) > 0) {
        errors.push({ file, field: `memberships[${index}].from`, message: `is before the previous ${current.org} entry; keep them in time order` });
      } else if (previous.to === undefined) {
        errors.push({ file, field: `memberships[${index}]`, message: `a new ${current.org} status starts while the previous one (${previous.status}) has no end date` });
      } else if (startOf(current.from) < startOf(previous.to)) {
        errors.push({ file, field: `memberships[${index}].from`, message: `overlaps the previous ${current.org} entry, which ends ${previous.to}` });
      }
    }
  }
}

export function compileEntities(files: SourceFile[]): CompileResult {
  const errors: CompileError[] = [];
  const parsed: Array<{ file: string; entity: EntityFile }> = [];

  for (const source of files) {
    const { data, errors: parseErrors } = parseFile(source);
    errors.push(...parseErrors);
    if (parseErrors.length > 0) continue;
    const result = v.safeParse(entityFileSchema, data);
    if (!result.success) {
      for (const issue of result.issues) errors.push({ file: source.file, field: pathOf(issue), message: issue.message });
      continue;
    }
    const base = source.file.split('/').pop()!.replace(/\.(ya?ml|json)$/, '');
    if (result.output.id !== base) {
      errors.push({ file: source.file, field: 'id', message: `"${result.output.id}" must equal the file name "${base}"` });
    }
    parsed.push({ file: source.file, entity: result.output });
  }

  const ids = new Set<string>();
  for (const { file, entity } of parsed) {
    if (ids.has(entity.id)) errors.push({ file, field: 'id', message: `"${entity.id}" is defined twice` });
    ids.add(entity.id);
  }

  for (const { file, entity } of parsed) {
    const refs: Array<[string, string]> = [
      ...entity.roles.map((r, i) => [`roles[${i}].of`, r.of] as [string, string]),
      ...entity.memberships.map((m, i) => [`memberships[${i}].org`, m.org] as [string, string]),
      ...entity.related.map((id, i) => [`related[${i}]`, id] as [string, string]),
    ];
    for (const [field, id] of refs) {
      if (!ids.has(id)) errors.push({ file, field, message: `refers to "${id}", which is not an entity in entities/` });
    }
    if (entity.related.includes(entity.id)) errors.push({ file, field: 'related', message: 'must not list the entity itself' });
    checkDates(file, entity, errors);
  }

  if (errors.length > 0) return { ok: false, errors };

  const entities: Entity[] = parsed
    .map(({ entity }) => ({
      id: entity.id,
      type: entity.type,
      category: categoryOf(entity),
      ...(entity.wikidata ? { wikidata: entity.wikidata } : {}),
      names: Object.fromEntries(
        LANGS.map((lang) => {
          const n = entity.names[lang];
          return [lang, { name: n.name, ...(n.short ? { short: n.short } : {}), aliases: n.aliases.map(normalizeAlias) }];
        }),
      ) as Record<Lang, Entity['names'][Lang]>,
      summary: entity.summary,
      background: entity.background,
      roles: entity.roles,
      memberships: entity.memberships,
      related: entity.related,
      sources: entity.sources,
      checked: entity.checked,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { ok: true, pack: { version: 1, entities } };
}
