// Types of the compiled entity pack (generated/entities.json), shared by every face. No DOM, no browser API.

export const LANGS = ['en', 'ar', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export const ENTITY_TYPES = ['organisation', 'body', 'state', 'person', 'treaty', 'force', 'place', 'media', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const MEMBERSHIP_STATUSES = ['member', 'founding-member', 'frozen', 'suspended', 'withdrawn', 'observer'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** The groups a reader can switch on and off. Derived from type and CSTO relation by the pack compiler. */
export const CATEGORIES = ['csto-bodies', 'member-states', 'former-and-observers', 'people', 'organisations', 'media', 'places'] as const;
export type Category = (typeof CATEGORIES)[number];

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export type PartialDate = string;
export type Localized = Record<Lang, string>;

export interface Alias {
  text: string;
  ambiguous: boolean;
  caseSensitive: boolean;
  /** undefined: let the form rules decide. */
  inflect?: boolean;
  forms: string[];
}

export interface Names {
  name: string;
  short?: string;
  aliases: Alias[];
}

export interface Role {
  title: Localized;
  of: string;
  from: PartialDate;
  to?: PartialDate;
  note?: Localized;
}

export interface Membership {
  org: string;
  status: MembershipStatus;
  from: PartialDate;
  to?: PartialDate;
  note?: Localized;
}

export interface Source {
  url: string;
  title: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  category: Category;
  wikidata?: string;
  names: Record<Lang, Names>;
  summary: Localized;
  background: Localized;
  roles: Role[];
  memberships: Membership[];
  related: string[];
  sources: Source[];
  checked: PartialDate;
}

export interface Pack {
  version: 1;
  entities: Entity[];
}

export function entityIndex(pack: Pack): Map<string, Entity> {
  return new Map(pack.entities.map((entity) => [entity.id, entity]));
}
