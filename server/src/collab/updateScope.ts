import * as Y from 'yjs';

/** Root types that only the server writes (on a client's behalf, after checking its request). */
export const SERVER_OWNED_ROOTS: ReadonlySet<string> = new Set(['threads', 'suggestions', 'meta']);

type Store = Y.Doc['store'];
type Root = string | 'gc' | undefined;

function findItem(store: Store, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = store.clients.get(id.client);
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)];
}

/** Name of the root type that contains `type`. */
function rootNameOf(type: Y.AbstractType<unknown>): string {
  let t = type;
  while (t._item) t = t._item.parent as Y.AbstractType<unknown>;
  return Y.findRootTypeKey(t);
}

/** `'gc'` for garbage-collected content (harmless to reference), a root name, or undefined if unknown. */
function rootOfStruct(struct: Y.Item | Y.GC | undefined): Root {
  if (!struct) return undefined;
  if (struct instanceof Y.GC) return 'gc';
  return rootNameOf(struct.parent as Y.AbstractType<unknown>);
}

/**
 * The root recorded for the struct of this update that contains `id`, if any: items may refer to
 * ones earlier (or later) in the same update. `roots[i]` is the root found for `structs[i]`.
 */
function rootInUpdate(structs: readonly (Y.Item | Y.GC | Y.Skip)[], roots: readonly Root[], id: Y.ID): Root {
  for (let i = 0; i < structs.length; i++) {
    const s = structs[i]!;
    if (s.id.client === id.client && id.clock >= s.id.clock && id.clock < s.id.clock + s.length) return roots[i];
  }
  return undefined;
}

/** The root of whatever `id` names: in the document, or else earlier or later in the update. */
function rootOfId(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[], roots: readonly Root[], id: Y.ID | null): Root {
  return id ? (rootOfStruct(findItem(doc.store, id)) ?? rootInUpdate(structs, roots, id)) : undefined;
}

/**
 * The root types an update would write to, worked out from the decoded update and the document it
 * will be applied to, without applying it. An item names its parent directly (a root name, or the
 * id of the item holding its parent type) or through its neighbours (origin / right origin).
 * Returns `unresolved: true` when a reference cannot be followed (the update depends on something
 * this document has not seen); the caller then refuses it and the client resyncs.
 *
 * Runs for every client update, so it creates no closures: the server runs under tsx, whose
 * transform names each function bound to a `const` with `Object.defineProperty` wherever it is
 * created, which once cost 1.7 % of the event loop here (docs/PERFORMANCE.md, "What changed" 22).
 */
export function rootsWrittenBy(doc: Y.Doc, update: Uint8Array): { roots: Set<string>; unresolved: boolean } {
  const { structs, ds } = Y.decodeUpdate(update);
  const written = new Set<string>();
  const found: Root[] = new Array<Root>(structs.length);

  let pending: number[] = [];
  for (let i = 0; i < structs.length; i++) if (structs[i] instanceof Y.Item) pending.push(i);
  for (let progress = true; pending.length > 0 && progress; ) {
    progress = false;
    const next: number[] = [];
    for (const i of pending) {
      const item = structs[i] as Y.Item;
      let root: Root;
      const parent = item.parent as unknown;
      if (typeof parent === 'string') root = parent;
      else if (parent && typeof parent === 'object' && 'client' in parent) {
        const holder = findItem(doc.store, parent as Y.ID);
        // The parent type lives in the content of the holder item: its root is the holder's root.
        root = holder ? rootOfStruct(holder) : rootInUpdate(structs, found, parent as Y.ID);
      } else root = rootOfId(doc, structs, found, item.origin) ?? rootOfId(doc, structs, found, item.rightOrigin);
      if (root === undefined) next.push(i);
      else {
        found[i] = root;
        if (root !== 'gc') written.add(root);
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
          const root = rootInUpdate(structs, found, Y.createID(client, c));
          if (root && root !== 'gc') written.add(root);
          c += 1;
          continue;
        }
        // Delete sets are not versioned: every sync re-sends old deletions. Only new ones count.
        if (struct instanceof Y.Item && !struct.deleted) {
          const root = rootOfStruct(struct);
          if (root && root !== 'gc') written.add(root);
          else if (root === undefined) unresolvedDeletes = true;
        }
        c = struct.id.clock + struct.length;
      }
    }
  }
  return { roots: written, unresolved: pending.length > 0 || unresolvedDeletes };
}
