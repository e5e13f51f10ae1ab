/** What the caller knows about the strategy besides its content; every field is printed on the cover. */
export interface ExportMeta {
  /** The strategy's title, e.g. "Nairobi learning city strategy". */
  title: string;
  city?: string | null;
  country?: string | null;
  teamName?: string | null;
  workshopName?: string | null;
  /** Printed as given, e.g. "25 October 2024"; the caller formats it in the reader's locale. */
  date?: string | null;
  /** Version or status label, e.g. "Final draft" or "Version 3". */
  status?: string | null;
}

/** A reply in a comment thread. */
export interface ExportReply {
  author: string;
  body: string;
}

/** An open comment or suggestion, printed in the comments annex. */
export interface ExportComment {
  /** The text of the document the comment is anchored to. */
  quote: string;
  author: string;
  body: string;
  replies?: ExportReply[];
}

export interface ExportOptions {
  /** Print each section's guidance questions (from the template) under its heading. Default false. */
  includeGuidance?: boolean;
  /** Append the Key Features annex: each area of focus, its section and coverage. Default true. */
  includeAnnex?: boolean;
  /** Open comments to print as an annex; no annex when absent or empty. Default none. */
  comments?: ExportComment[];
}

/** The export formats, each produced by its own module. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
