import type * as Y from 'yjs';
import { useStrategyMeta } from '../hooks/useStrategyMeta.ts';
import { useStrategyTemplate } from '../hooks/useStrategyTemplate.ts';
import { strategyMetaLabel } from '../lib/strategyMetaLabel.ts';

/** Under the title: which template (and edition) the strategy was made from, and for which city. */
export function StrategyOrigin({ ydoc }: { ydoc: Y.Doc }) {
  const meta = useStrategyMeta(ydoc);
  const label = strategyMetaLabel(meta, useStrategyTemplate(ydoc));
  if (!label) return null;
  return (
    <p className="workspace__origin" data-testid="strategy-origin">
      {label}
    </p>
  );
}
