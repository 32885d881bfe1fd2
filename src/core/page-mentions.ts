// What the popup lists "on this page": the page's mentions (in document order) counted per entity and grouped by
// category, categories in their fixed order, entities by first appearance. Pure.
import { CATEGORIES, type Category, type Entity } from './pack.ts';

export interface MentionGroup {
  category: Category;
  items: Array<{ entity: Entity; count: number }>;
}

export function groupMentions(mentions: ReadonlyArray<{ entity: string }>, lookup: (id: string) => Entity | undefined): MentionGroup[] {
  const counts = new Map<string, number>();
  for (const mention of mentions) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
  const groups = new Map<Category, MentionGroup>();
  for (const [id, count] of counts) {
    const entity = lookup(id);
    if (!entity) continue; // an id from a newer pack than this popup's: nothing to show for it
    const group = groups.get(entity.category) ?? { category: entity.category, items: [] };
    group.items.push({ entity, count });
    groups.set(entity.category, group);
  }
  return CATEGORIES.flatMap((category) => groups.get(category) ?? []);
}
