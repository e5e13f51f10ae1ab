/**
 * Column headings of the two tables a template section can start with. The editor writes them into
 * the table's first row; coverage recognises the tables by the same words, so both sides agree.
 */
export const INDICATOR_TABLE_COLUMNS = ['Indicator', 'Baseline', 'Target', 'Source'] as const;

/** The action plan's columns (DOMAIN.md: Action · Lead · Partners · Timeframe · Indicator (KPI) · Budget). */
export const ACTION_PLAN_TABLE_COLUMNS = ['Action', 'Lead', 'Partners', 'Timeframe', 'Indicator', 'Budget'] as const;
