import * as Y from 'yjs';

/** Root types that only the server writes (on a client's behalf, after checking its request). */
export const SERVER_OWNED_ROOTS: ReadonlySet<string> = new Set(['threads', 'suggestions', 'meta']);

type Store = Y.Doc['store'];

function findItem(store: Store, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = store.clients.get(id.client);
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)];
}

/** Name of the root type that contains `type`. */
function rootNameOf(doc: Y.Doc, type: Y.AbstractType<unknown>): string {
  let t = type;
  while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
  return Y.findRootTypeKey(t);
}

/** `'gc'` for garbage-collected content (harmless to reference), a root name, or undefined if unknown. */
function rootOfStruct(doc: Y.Doc, struct: Y.Item | Y.GC | undefined): string | 'gc' | undefined {
  if (!struct) return undefined;
  if (struct instanceof Y.GC) return 'gc';
  return rootNameOf(doc, struct.parent as Y.AbstractType<unknown>);
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * The root types an update would write to, worked out from the decoded update and the document it
 * will be applied to, without applying it. An item names its parent directly (a root name, or the
 * id of the item holding its parent type) or through its neighbours (origin / right origin).
 * Returns `unresolved: true` when a reference cannot be followed (the update depends on something
 * this document has not seen); the caller then refuses it and the client resyncs.
 */
export function rootsWrittenBy(doc: Y.Doc, update: Uint8Array): { roots: Set<string>; unresolved: boolean } {
  const { structs, ds } = Y.decodeUpdate(update);
  const roots = new Set<string>();
  // Roots of items in this update, so items may refer to ones earlier (or later) in it.
  const local = new Map<string, string | 'gc'>();
  const localRange = (id: Y.ID): string | 'gc' | undefined => {
    for (const s of structs) {
      if (s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return local.get(idKey(s.id));
    }
    return undefined;
  };
  const resolveId = (id: Y.ID | null): string | 'gc' | undefined => (id ? (rootOfStruct(doc, findItem(doc.store, id)) ?? localRange(id)) : undefined);

  let pending = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  for (let progress = true; pending.length > 0 && progress; ) {
    progress = false;
    const next: Y.Item[] = [];
    for (const item of pending) {
      let root: string | 'gc' | undefined;
      const parent = item.parent as unknown;
      if (typeof parent === 'string') root = parent;
      else if (parent && typeof parent === 'object' && 'client' in parent) {
        const holder = findItem(doc.store, parent as Y.ID);
        // The parent type lives in the content of the holder item: its root is the holder's root.
        root = holder ? rootOfStruct(doc, holder) : localRange(parent as Y.ID);
      } else root = resolveId(item.origin) ?? resolveId(item.rightOrigin);
      if (root === undefined) next.push(item);
      else {
        local.set(idKey(item.id), root);
        if (root !== 'gc') roots.add(root);
        progress = true;
      }
    }
    pending = next;
  }

  let unresolvedDeletes = false;
  for (const [client, deletes] of ds.clients) {
    for (const { clock, len } of deletes) {
      for (let c = clock; c < clock + len; ) {
        const struct = findItem(doc.store, Y.createID(client, c));
        if (!struct) {
          // Deleting something this document never had: harmless unless it is in this very update.
          const root = localRange(Y.createID(client, c));
          if (root && root !== 'gc') roots.add(root);
          c += 1;
          continue;
        }
        // Delete sets are not versioned: every sync re-sends old deletions. Only new ones count.
        if (struct instanceof Y.Item && !struct.deleted) {
          const root = rootOfStruct(doc, struct);
          if (root && root !== 'gc') roots.add(root);
          else if (root === undefined) unresolvedDeletes = true;
        }
        c = struct.id.clock + struct.length;
      }
    }
  }
  return { roots, unresolved: pending.length > 0 || unresolvedDeletes };
}
