import type { Thread, ThreadComment } from './threadModel.ts';
import { THREADS_ROOT } from './threadModel.ts';

/** The slice of Y.Doc / Y.Map this module uses, so shared/ needs no runtime import of yjs. */
interface MapLike {
  get(key: string): unknown;
  forEach(fn: (value: unknown, key: string) => void): void;
}
interface ArrayLike {
  toArray(): unknown[];
}
interface DocLike {
  getMap(name: string): MapLike;
}

const str = (m: MapLike, key: string, fallback = ''): string => {
  const v = m.get(key);
  return typeof v === 'string' ? v : fallback;
};
const strOrNull = (m: MapLike, key: string): string | null => {
  const v = m.get(key);
  return typeof v === 'string' ? v : null;
};
const isMap = (v: unknown): v is MapLike => typeof v === 'object' && v !== null && 'get' in v && 'forEach' in v;

function readComment(m: MapLike): ThreadComment {
  const mentions = m.get('mentions');
  return {
    id: str(m, 'id'),
    authorId: str(m, 'authorId'),
    authorName: str(m, 'authorName'),
    authorColor: str(m, 'authorColor', '#555555'),
    body: str(m, 'body'),
    mentions: Array.isArray(mentions) ? mentions.filter((x): x is string => typeof x === 'string') : [],
    createdAt: str(m, 'createdAt'),
    editedAt: strOrNull(m, 'editedAt'),
    deleted: m.get('deleted') === true,
  };
}

/** Reads one thread map into a plain object (tolerant of missing fields). */
export function readThread(m: MapLike): Thread {
  const suggestion = m.get('suggestion');
  const comments = m.get('comments') as ArrayLike | undefined;
  return {
    id: str(m, 'id'),
    anchor: { start: str(m, 'anchorStart'), end: str(m, 'anchorEnd') },
    quote: str(m, 'quote'),
    authorId: str(m, 'authorId'),
    authorName: str(m, 'authorName'),
    authorColor: str(m, 'authorColor', '#555555'),
    createdAt: str(m, 'createdAt'),
    resolved: m.get('resolved') === true,
    resolvedBy: strOrNull(m, 'resolvedBy'),
    resolvedAt: strOrNull(m, 'resolvedAt'),
    suggestion: isMap(suggestion)
      ? {
          replacement: str(suggestion, 'replacement'),
          status: (['pending', 'accepted', 'rejected'] as const).find((s) => s === suggestion.get('status')) ?? 'pending',
          decidedBy: strOrNull(suggestion, 'decidedBy'),
          decidedAt: strOrNull(suggestion, 'decidedAt'),
        }
      : null,
    comments: comments && typeof comments.toArray === 'function' ? comments.toArray().filter(isMap).map(readComment) : [],
  };
}

/** Every thread of a document, oldest first. */
export function readThreads(doc: DocLike): Thread[] {
  const threads: Thread[] = [];
  doc.getMap(THREADS_ROOT).forEach((value) => {
    if (isMap(value)) threads.push(readThread(value));
  });
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
