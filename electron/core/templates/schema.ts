/**
 * Template definitions: one JSON file per template in templates/, read by both the PDF
 * and the DOCX writer so that a user who copies one and changes a size, a face or a
 * colour changes both outputs. Lengths are millimetres, type sizes points.
 */
import { z } from 'zod';

/** Font roles, named as an editor names them; each maps to real faces in fonts.ts. */
export const FontRole = z.enum(['song', 'hei', 'kai', 'fangsong', 'xiaobiaosong', 'latin']);
export type FontRole = z.infer<typeof FontRole>;

const TextStyle = z.object({
  role: FontRole,
  /** Point size; 字号 names are resolved by sizes.ts before validation. */
  size: z.number().positive(),
  bold: z.boolean().default(false),
  color: z.string().regex(/^[0-9A-Fa-f]{6}$/).default('000000'),
  align: z.enum(['left', 'center', 'right', 'justify']).default('justify'),
  /** First-line indent in characters of the style's own size. */
  indentChars: z.number().default(0),
  /** Line pitch in points (baseline to baseline). */
  lineHeight: z.number().positive(),
  /** Space before and after, in lines of the body grid. */
  spaceBeforeLines: z.number().default(0),
  spaceAfterLines: z.number().default(0),
});
export type TextStyle = z.infer<typeof TextStyle>;

const Page = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  marginTop: z.number(),
  marginBottom: z.number(),
  /** 订口: binding side (left on recto pages). */
  marginInner: z.number(),
  /** 切口: outer side. */
  marginOuter: z.number(),
  bleed: z.number().default(0),
  columns: z.number().int().min(1).default(1),
  columnGap: z.number().default(0),
  /** Body grid: characters per line and lines per page (GB/T 9704: 28 × 22). */
  gridChars: z.number().int().positive().optional(),
  gridLines: z.number().int().positive().optional(),
});
export type Page = z.infer<typeof Page>;

export const TemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['anthology', 'feature', 'notice']),
  page: Page,
  /** Faces the writers name in DOCX (what Word/WPS users have) per role. */
  docxFonts: z.record(FontRole, z.string()),
  styles: z.record(z.string(), TextStyle),
  colors: z.object({ accent: z.string().default('C00000'), rule: z.string().default('000000') }).default({ accent: 'C00000', rule: '000000' }),
  /** Free-form options each template kind understands (running heads, red line width, …). */
  options: z.record(z.string(), z.unknown()).default({}),
});
export type Template = z.infer<typeof TemplateSchema>;
