import type { AreaOfFocusCoverage, Template } from '@lcs/shared';
import { coverageBands, coverageItemLabel, coverageSummary } from './coverageBands.ts';

export interface CoverageViewProps {
  template: Template;
  coverage: readonly AreaOfFocusCoverage[];
  onNavigate: (sectionKey: string) => void;
}

function Check({ label, done }: { label: string; done: boolean }) {
  return (
    <span className="coverage-check" data-done={done}>
      <span aria-hidden="true">{done ? '✓' : '○'}</span> {label}
    </span>
  );
}

function AreaOfFocusButton({ item, onNavigate }: { item: AreaOfFocusCoverage; onNavigate: (sectionKey: string) => void }) {
  const { sectionKey } = item;
  return (
    <button
      type="button"
      className="coverage-area"
      data-testid={`coverage-${item.areaOfFocusKey}`}
      data-covered={item.covered}
      aria-label={coverageItemLabel(item)}
      disabled={sectionKey === null}
      onClick={() => sectionKey && onNavigate(sectionKey)}
    >
      <span className="coverage-area__name">
        <span className="coverage-area__number">{item.number}</span> {item.title}
      </span>
      <span className="coverage-area__checks" aria-hidden="true">
        <Check label="Text" done={item.hasContent} />
        <Check label="Actions" done={item.hasActions} />
        <Check label="Indicator" done={item.hasIndicator} />
      </span>
      <span className="coverage-area__verdict" aria-hidden="true">
        {item.covered ? 'Covered' : 'Needs work'}
      </span>
    </button>
  );
}

/**
 * The Key Features of Learning Cities drawn like the UNESCO logo (pediment, columns, foundation),
 * with each area of focus marked covered or needing work. Choosing one goes to its section.
 */
export function CoverageView({ template, coverage, onNavigate }: CoverageViewProps) {
  const bands = coverageBands(template, coverage);
  return (
    <section className="coverage" aria-label="Key Features coverage">
      <p className="coverage__summary" data-testid="coverage-summary">
        {coverageSummary(coverage)}
      </p>
      {bands.map((band) => (
        <section key={band.key} className="coverage-band" data-metaphor={band.metaphor} aria-labelledby={`coverage-band-${band.key}`}>
          <h3 id={`coverage-band-${band.key}`} className="coverage-band__title">
            <span className="coverage-band__number">{band.number}</span> {band.title}
            <span className="coverage-band__count">
              {band.covered}/{band.areas.length}
            </span>
          </h3>
          <ul className="coverage-band__areas">
            {band.areas.map((item) => (
              <li key={item.areaOfFocusKey}>
                <AreaOfFocusButton item={item} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="coverage__rule">
        An area of focus is covered when its section has text, the action plan has an action for it (write its number, e.g. 2.3, in the Action
        cell) and there is at least one indicator.
      </p>
    </section>
  );
}
