// The export engine's public API: what the HTTP routes and the CLI call.
export { exportStrategy, renderExport, CONTENT_TYPES } from './exportStrategy.ts';
export type { ExportedFile } from './exportStrategy.ts';
export { toExportModel } from './toExportModel.ts';
export { exportFileName } from './exportFileName.ts';
export { EXPORT_FORMATS } from './exportInput.ts';
export type { ExportComment, ExportFormat, ExportMeta, ExportOptions, ExportReply } from './exportInput.ts';
export type { ExportModel } from './exportModel.ts';
