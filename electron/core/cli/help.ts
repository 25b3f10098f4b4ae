/** Usage text of each `huibian` command. */
import { FONTS_HELP } from './fonts.js';
import { STATUS_HELP } from './status.js';
import { PROOF_HELP } from './proof.js';
import { REVIEW_PACK_HELP, TEAM_HELP, TEAM_SERVER_HELP, TEAM_USER_HELP } from './team.js';

export const HELP: Record<string, string> = {
  main: `huibian — 汇编: compile 民政工作创新案例 drafts into anthologies, features and notices

usage: huibian <command> [options]

commands:
  import   import draft files into the library
  list     list collections and documents
  search   full-text search over titles and bodies
  export   write an anthology, feature or notice as PDF or DOCX
  demo     import the bundled sample drafts and export every format
  fonts    the face serving each font role here: standard face or stand-in, licence
  status   set a case's status (初稿 修改 定稿 已报送) or show its history
  proof    copy-editing and sensitive-data findings (GB/T 15834, 15835, 层次序号), --apply fixes
  team-server  run the team server (Hocuspocus over PostgreSQL, loopback by default)
  team-user    add a team user (prints the token once) or revoke one
  team         share a library collection with the team server, or pull one down
  review-pack  export an offline review package (.hbreview) or merge one back

Run "huibian <command> --help" for a command's options.
Without --db the library is <user data folder>/Huibian/huibian.db (HUIBIAN_DATA_DIR overrides).`,
  import: `usage: huibian import [--db FILE] [--collection NAME] [--json] FILE...
       huibian import --awards FILE [--db FILE] [--collection NAME] [--apply] [--json]

Imports drafts (.txt, .md, .html, .docx, .doc) into the library. Each file goes in whole or
not at all; a file that fails is reported by name and the others still import.
  --db FILE          library file (default: the app's library)
  --collection NAME  add to the collection with this title (created if missing)
  --json             print one JSON object {imported, errors, duplicates}
  --allow-duplicates import cases the library already holds (same text, any format) anyway;
                     by default they are skipped and listed
  --awards FILE      read an award or shortlist document and match its items to the library's
                     cases (title, unit, region): prints matched, near misses and unmatched
  --apply            with --awards: set the award of every matched case
Exit status 1 only when no file could be imported.`,
  list: `usage: huibian list [--db FILE] [--json]

Lists collections with their sections and cases, and documents outside any collection.`,
  search: `usage: huibian search [--db FILE] [--json] [--limit N] QUERY

Searches titles and bodies; Chinese terms of any length work. Hits are shown with snippets.`,
  export: `usage: huibian export [--db FILE] [--collection NAME] [--document ID]
                      --template anthology|feature|notice --format pdf|docx --out FILE

  --collection NAME  collection title or id (anthology, feature); optional when there is one
  --document ID      a notice (notice template) or one case
  --template         anthology | feature | notice
  --format           pdf | docx
  --out FILE         where to write the file
  --json             print the export report (files written, pages, cases, fonts standing in,
                     warnings, overBudget)
Exit status 1 when the file could not be written (the message names it and why); 3 when the
release gate stopped it: sensitive data awaits a decision (listed; with --json the report).`,
  demo: `usage: huibian demo [--out DIR]

Imports the bundled sample drafts into a fresh library in DIR (default ./huibian-demo) and
writes the anthology (PDF, DOCX), the feature (PDF) and the notice (PDF, DOCX) there.
Exit status 1 when any of the five files could not be written.`,
  fonts: FONTS_HELP,
  status: STATUS_HELP,
  'team-server': TEAM_SERVER_HELP,
  'team-user': TEAM_USER_HELP,
  team: TEAM_HELP,
  'review-pack': REVIEW_PACK_HELP,
  proof: PROOF_HELP,
};
