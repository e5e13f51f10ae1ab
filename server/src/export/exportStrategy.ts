import type { JSONNode, Template } from '@lcs/shared';
import { exportFileName } from './exportFileName.ts';
import type { ExportFormat, ExportMeta, ExportOptions } from './exportInput.ts';
import type { ExportModel } from './exportModel.ts';
import { toDocx } from './toDocx.ts';
import { toExportModel } from './toExportModel.ts';
import { toHtml } from './toHtml.ts';
import { toMarkdown } from './toMarkdown.ts';
import { toPdf } from './toPdf.ts';

/** An exported file, ready to send as a download or to add to a ZIP. */
export interface ExportedFile {
  fileName: string;
  /** The value for the Content-Type header. */
  contentType: string;
  body: Buffer;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Renders an already built model in one format: build the model once to export several formats. */
export async function renderExport(format: ExportFormat, model: ExportModel): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return toDocx(model);
    case 'pdf':
      return toPdf(model);
    case 'md':
      return Buffer.from(toMarkdown(model), 'utf8');
    case 'html':
      return Buffer.from(toHtml(model), 'utf8');
  }
}

/**
 * Exports a strategy document (ProseMirror JSON, as the server converts it from the stored Y.Doc)
 * in each of `formats`, reading the document once. File names come from the city and the title.
 */
export async function exportStrategy(formats: readonly ExportFormat[], doc: JSONNode, meta: ExportMeta, template: Template, options: ExportOptions = {}): Promise<ExportedFile[]> {
  const model = toExportModel(doc, meta, template, options);
  const files: ExportedFile[] = [];
  // One format at a time: a PDF of a long strategy holds its pages in memory until it ends.
  for (const format of formats) {
    files.push({ fileName: exportFileName(meta.city, meta.title, format), contentType: CONTENT_TYPES[format], body: await renderExport(format, model) });
  }
  return files;
}
