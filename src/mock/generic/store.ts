import { DEFAULT_COUNT, idOf } from './id-shapes';

/** Where an object lives: the path parameters (name → value) of the read that lists it; `{}` for a global list. */
export type Scope = Readonly<Record<string, string>>;

/** Ids the mock's inventory dictates for a type and scope (clusters, hosts); undefined for a type it says nothing about. */
export type Seed = (type: string, scope: Scope) => readonly string[] | undefined;

interface Collection {
  ids: string[];
  /** The number the next created id takes: ids are never reused before a reset. */
  next: number;
}

/**
 * The generic mock's objects, by resource type and scope: explicit and small, made afresh by
 * MockState.reset(). A collection is filled on first use, from the seed or with DEFAULT_COUNT
 * made-up ids, so repeated reads agree; creates and deletes change it and bump `version`.
 */
export class ObjectStore {
  private readonly collections = new Map<string, Collection>();
  /** Counts creates and deletes: answers built from the store are valid while it stays the same. */
  version = 0;

  constructor(private readonly seed: Seed) {}

  /** The ids of a type in a scope, in creation order. */
  ids(type: string, scope: Scope): readonly string[] {
    return this.collection(type, scope).ids;
  }

  /** Whether the scope holds an object of the type with this id. */
  has(type: string, scope: Scope, id: string): boolean {
    return this.collection(type, scope).ids.includes(id);
  }

  /** A new object of the type in the scope; returns its id. */
  add(type: string, scope: Scope): string {
    const collection = this.collection(type, scope);
    let id = idOf(type, collection.next++);
    while (collection.ids.includes(id)) id = idOf(type, collection.next++);
    collection.ids.push(id);
    this.version += 1;
    return id;
  }

  /** Removes the object; false when the scope holds no such id. */
  remove(type: string, scope: Scope, id: string): boolean {
    const collection = this.collection(type, scope);
    const at = collection.ids.indexOf(id);
    if (at < 0) return false;
    collection.ids.splice(at, 1);
    this.version += 1;
    return true;
  }

  private collection(type: string, scope: Scope): Collection {
    const key = keyOf(type, scope);
    let collection = this.collections.get(key);
    if (!collection) {
      const seeded = this.seed(type, scope);
      const ids = seeded ? [...seeded] : Array.from({ length: DEFAULT_COUNT }, (_, i) => idOf(type, i + 1));
      collection = { ids, next: ids.length + 1 };
      this.collections.set(key, collection);
    }
    return collection;
  }
}

function keyOf(type: string, scope: Scope): string {
  const names = Object.keys(scope).sort();
  return `${type}\u0000${names.map((n) => `${n}=${scope[n]}`).join('\u0000')}`;
}
