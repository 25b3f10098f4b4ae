/** SQL fragments shared by the entity modules: the section order of cases and the summary columns. */

export const ORDERED = `
  FROM documents d
  LEFT JOIN categories c ON c.name = d.category`;
/** Section (category list order), then the order inside it (positions follow division codes on import). */
export const ORDER_BY = `ORDER BY d.kind, COALESCE(c.position, 1000000), d.category, d.position, d.region_code, d.created_at`;
const OPEN_COMMENTS = `(SELECT COUNT(*) FROM comments k WHERE k.document_id = d.id AND k.resolved = 0) AS open_comments`;
/** Columns a summary needs: never the bodies, which are most of the file. */
export const SUMMARY_COLUMNS = `d.id, d.kind, d.collection_id, d.category, d.position, d.title, d.province, d.city, d.county, d.region_code,
  d.award, d.unit, d.status, d.year, d.organ, d.char_count, d.revision, d.created_at, d.updated_at, d.subtitle, ${OPEN_COMMENTS}`;
