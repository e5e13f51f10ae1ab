export * from './protocol/closeCodes.ts';
export * from './protocol/messageTypes.ts';
export * from './limits.ts';
export * from './schema/editorExtensions.ts';
export * from './api/documents.ts';
export * from './api/access.ts';
