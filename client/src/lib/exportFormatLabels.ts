import type { ExportFormatName } from '@lcs/shared';

/** How each export format is named in menus, in the order they are offered. */
export const exportFormatLabels: Readonly<Record<ExportFormatName, string>> = {
  docx: 'Word (.docx)',
  pdf: 'PDF',
  md: 'Markdown',
  html: 'HTML',
};
