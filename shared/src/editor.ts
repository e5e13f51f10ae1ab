// The editor schema and its section rules: everything here needs Tiptap and ProseMirror, so it is
// an entry of its own. The server loads it only when it builds a new strategy's content; the rest
// of '@lcs/shared' (protocol, API schemas, templates, coverage) stays light to import.
export * from './schema/editorExtensions.ts';
export * from './schema/sectionNodes.ts';
export * from './schema/sectionOutline.ts';
export * from './schema/keepSections.ts';
export * from './schema/sectionGuard.ts';
