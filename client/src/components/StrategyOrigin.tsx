import type * as Y from 'yjs';
import { templateForMeta } from '../editor/sections/templateForMeta.ts';
import { useStrategyMeta } from '../hooks/useStrategyMeta.ts';
import { strategyMetaLabel } from '../lib/strategyMetaLabel.ts';

/** Under the title: which template (and edition) the strategy was made from, and for which city. */
export function StrategyOrigin({ ydoc }: { ydoc: Y.Doc }) {
  const meta = useStrategyMeta(ydoc);
  const label = strategyMetaLabel(meta, templateForMeta(meta));
  if (!label) return null;
  return (
    <p className="workspace__origin" data-testid="strategy-origin">
      {label}
    </p>
  );
}
