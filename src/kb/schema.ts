// The schema of one entity file under entities/. Build-time only: the extension ships the compiled pack.
import * as v from 'valibot';
import { ENTITY_TYPES, LANGS, MEMBERSHIP_STATUSES } from '../core/pack.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// YYYY, YYYY-MM or YYYY-MM-DD. YAML reads a bare year as a number, so numbers are accepted and turned into text.
const PARTIAL_DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const partialDate = v.pipe(
  v.union([v.string(), v.number()], 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'),
  v.transform((value) => String(value)),
  v.regex(PARTIAL_DATE, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

const entityId = v.pipe(v.string(), v.regex(KEBAB, 'must be a kebab-case id such as "csto-secretariat"'));

/** Text written in each of the three languages. */
const localized = v.strictObject({ en: nonEmpty, ar: nonEmpty, ru: nonEmpty });

const aliasObject = v.strictObject({
  text: nonEmpty,
  ambiguous: v.optional(v.boolean()),
  caseSensitive: v.optional(v.boolean()),
  inflect: v.optional(v.boolean()),
  forms: v.optional(v.array(nonEmpty)),
});
const alias = v.union([nonEmpty, aliasObject], 'must be a string or {text, ambiguous?, caseSensitive?, inflect?, forms?}');

const names = v.strictObject({
  name: nonEmpty,
  short: v.optional(nonEmpty),
  aliases: v.optional(v.array(alias), []),
});

const role = v.strictObject({
  title: localized,
  of: entityId,
  from: partialDate,
  to: v.optional(partialDate),
  note: v.optional(localized),
});

const membership = v.strictObject({
  org: entityId,
  status: v.picklist(MEMBERSHIP_STATUSES, `must be one of ${MEMBERSHIP_STATUSES.join(', ')}`),
  from: partialDate,
  to: v.optional(partialDate),
  note: v.optional(localized),
});

const source = v.strictObject({
  url: v.pipe(v.string(), v.url('must be an absolute URL'), v.startsWith('https://', 'must be an https:// URL')),
  title: nonEmpty,
});

export const entityFileSchema = v.strictObject({
  id: entityId,
  type: v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/, 'must be a Wikidata id such as Q12345'))),
  names: v.strictObject(Object.fromEntries(LANGS.map((lang) => [lang, names])) as Record<(typeof LANGS)[number], typeof names>),
  summary: localized,
  background: localized,
  roles: v.optional(v.array(role), []),
  memberships: v.optional(v.array(membership), []),
  related: v.optional(v.array(entityId), []),
  sources: v.pipe(v.array(source), v.minLength(1, 'needs at least one source')),
  checked: partialDate,
});

export type EntityFile = v.InferOutput<typeof entityFileSchema>;
export type AliasInput = v.InferOutput<typeof alias>;
