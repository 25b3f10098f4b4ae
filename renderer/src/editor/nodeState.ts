/** Lexical node state for model properties without a Lexical field (keys shared with core/model/lexical.ts). */
import { createState } from 'lexical';
import { HB_STATE_KEYS } from '../../../electron/core/model/lexical.js';
import type { ParagraphRole } from '../../../electron/core/model/types.js';

const ROLES = ['body', 'lead', 'byline', 'note', 'center'];

export const roleState = createState(HB_STATE_KEYS.role, {
  parse: (v): ParagraphRole | undefined => (typeof v === 'string' && ROLES.includes(v) ? (v as ParagraphRole) : undefined),
});
