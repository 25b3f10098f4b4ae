/**
 * Usage text of each `huibian` command. Plain strings with no imports: `huibian --help` and a
 * usage error print them without loading any command or the API table.
 */

const MAIN = `huibian — 汇编：把民政工作创新案例的来稿编成汇编、专题和通知

用法：huibian <命令> [选项]

命令：
  import       把来稿文件导入文库
  list         列出汇编及其中的案例和通知
  search       全文检索标题和正文
  export       把汇编、专题或通知写成 PDF 或 DOCX
  demo         导入随附的示例来稿，写出每一种格式
  fonts        本机每个字体角色所用的字体：标准字体或替代字体，及其许可
  status       设置案例的状态（初稿 修改 定稿 已报送）或查看其记录
  proof        校对与敏感信息检查（GB/T 15834、15835、层次序号），--apply 应用修改
  team-server  运行团队服务器（Hocuspocus，数据存于 PostgreSQL，默认只听本机）
  team-user    添加团队用户（令牌只显示一次）或吊销用户
  team         把文库中的汇编共享到团队服务器，或从服务器拉取
  review-pack  导出离线审阅包（.hbreview），或把审阅包合并回来

每个命令的选项见 huibian <命令> --help。
不给 --db 时使用桌面应用的文库：<用户数据文件夹>/Huibian/huibian.db（HUIBIAN_DATA_DIR 可另指文件夹）。`;

const IMPORT = `用法：huibian import [--db FILE] [--collection NAME] [--json] [--allow-duplicates] FILE...
      huibian import --awards FILE [--db FILE] [--collection NAME] [--apply] [--json]

把来稿（.txt、.md、.html、.docx、.doc）导入文库。每个文件要么整个导入，要么一点不进；
导入失败的文件按文件名报告，其余文件照常导入。
  --db FILE          文库文件（默认：桌面应用的文库）
  --collection NAME  加入这个标题的汇编（没有则新建）
  --json             输出一个 JSON 对象 {imported, errors, duplicates}
  --allow-duplicates 文库中已有的案例（同样的正文，任何格式）也照样导入；
                     默认跳过并列出
  --awards FILE      读取获奖或入选名单，把其中的条目与文库中的案例对应（标题、单位、地区）：
                     列出已匹配、待确认和未匹配的条目
  --apply            与 --awards 同用：为每个已匹配的案例设置奖项
只有一个文件也没能导入时，退出状态为 1。`;

const LIST = `用法：huibian list [--db FILE] [--json]

列出各个汇编及其栏目和案例，以及未归入汇编的文档。`;

const SEARCH = `用法：huibian search [--db FILE] [--json] [--limit N] QUERY

检索标题和正文，任意长度的中文词语都可以；命中处连同上下文一起显示。
  --limit N  最多显示 N 条（1 到 500，默认 20）`;

const EXPORT = `用法：huibian export [--db FILE] [--collection NAME] [--document ID]
                   --template anthology|feature|notice --format pdf|docx --out FILE

  --collection NAME  汇编的标题或 id（汇编、专题）；文库只有一个汇编时可省略
  --document ID      一篇通知（通知模板）或一个案例
  --template         anthology（汇编）| feature（专题）| notice（通知）
  --format           pdf | docx
  --out FILE         写到哪个文件
  --json             输出导出报告（写出的文件、页数、案例、替代字体、注意事项、overBudget）
文件没能写出时退出状态为 1（消息写明是哪个文件、为什么）；发布检查拦下时为 3：
有敏感信息等待决定（逐条列出；加 --json 时为报告）。`;

const DEMO = `用法：huibian demo [--out DIR]

把随附的示例来稿导入 DIR（默认 ./huibian-demo）中的新文库，并在那里写出汇编（PDF、DOCX）、
专题（PDF）和通知（PDF、DOCX）。五个文件中任何一个没能写出，退出状态为 1。`;

const FONTS = `用法：huibian fonts [--json]

按字体角色（宋体、黑体、楷体、仿宋、小标宋、西文）列出本机 PDF 导出嵌入的字体：标准字体
（宋体、黑体、楷体_GB2312、仿宋_GB2312、方正小标宋简体、Times New Roman）、同一风格的
其他字体，或另一风格的替代字体；字体的来源（系统或随附）及其许可。DOCX 文件总是写明标准字体。
  --json   输出 {"fonts":[{role, name, face, file, status, substitute, bundled, licence, standard, bold}]}`;

const STATUS = `用法：huibian status [--db FILE] --document ID [--document ID …] [STATUS] [--reason TEXT] [--by NAME] [--json]

设置一个或几个案例的状态：draft|初稿、review|修改、final|定稿、submitted|已报送。
定稿和已报送锁定案例的正文和元数据；重新打开（设为初稿或修改）须写 --reason。
每次改动都有记录（谁、何时、为什么），并保留一个修订版本。不给 STATUS 时显示案例的状态和记录。
  --db FILE      文库文件（默认：桌面应用的文库）
  --document ID  一个案例（可重复给出多个；要么全改，要么都不改）
  --reason TEXT  原因（重新打开锁定的案例时必填）
  --by NAME      改动人（默认：设置中的审阅人姓名，没有则为“编辑”）
  --json         以 JSON 输出 {changed, skipped} 或 {status, history}
改动被拒绝时退出状态为 1（消息说明原因），用法有误时为 2。`;

const PROOF = `用法：huibian proof [--db FILE] [--collection NAME | --document ID] [--apply] [--json]

按 GB/T 15834（标点）、GB/T 15835（数字）、层次序号、发文字号和日期校对文档，并查找敏感信息
（身份证号、手机和固定电话、银行卡号、电子邮箱、困难群众的姓名、密级）。
不给 --collection 或 --document 时校对文库中的全部文档。
  --collection NAME  汇编的标题或 id
  --document ID      一篇文档
  --apply            应用“修改”一级的意见（每篇存为新的修订版本）
  --json             输出 {"findings":[{document, title, rule, severity, text, suggestion, context, message, clause}]}
有敏感信息等待决定（导出会被拦下）时退出状态为 3，出错时为 1。`;

const TEAM_SERVER = `用法：huibian team-server --pg URL [--port N] [--host ADDR]

运行团队服务器（Hocuspocus，数据存于 PostgreSQL），直到被中断。
  --pg URL     PostgreSQL 连接串，如 postgres://huibian@127.0.0.1/huibian
  --port N     WebSocket 端口（默认 1234；0 表示任选一个空闲端口）
  --host ADDR  监听地址（默认 127.0.0.1；TLS 交给反向代理，见 electron/core/team/README.md）
就绪后输出“listening ws://HOST:PORT”。`;

const TEAM_USER = `用法：huibian team-user add NAME [--collections A,B] --pg URL
      huibian team-user revoke NAME --pg URL

add 输出新用户的令牌，只显示这一次（服务器只存它的散列）；--collections 把这个用户限于这些
汇编（id 或标题，默认全部）。revoke 从此拒绝该用户的令牌。`;

const TEAM = `用法：huibian team share --db FILE --collection NAME --server URL --token T [--as NAME]
      huibian team pull  --db FILE --collection NAME --server URL --token T

share 把文库中的汇编（标题或 id）发布到团队服务器；pull 把团队的汇编拉到文库中
（新案例新建，以前拉取过的案例更新）。`;

const REVIEW_PACK = `用法：huibian review-pack export --server URL --token T --collection ID [--case ID …] --out FILE.hbreview
      huibian review-pack merge  --server URL --token T FILE.hbreview [--json]
      huibian review-pack show FILE.hbreview [--json]
      huibian review-pack comment FILE.hbreview --case ID --quote TEXT --text TEXT [--suggest TEXT] --as NAME

export 把团队汇编中选定的案例（默认全部）连同其 Yjs 状态和校验和写成审阅包。审阅人既不需要
文库也不需要服务器：show 显示每个案例的正文和批注，comment 在 TEXT 第一次出现处加一条批注
（加 --suggest 时为修改建议）并保存文件。merge 在服务器上合并交回的审阅包：其间别人的改动
都会保留，并列出谁做了什么。`;

export const HELP: Record<string, string> = {
  main: MAIN,
  import: IMPORT,
  list: LIST,
  search: SEARCH,
  export: EXPORT,
  demo: DEMO,
  fonts: FONTS,
  status: STATUS,
  proof: PROOF,
  'team-server': TEAM_SERVER,
  'team-user': TEAM_USER,
  team: TEAM,
  'review-pack': REVIEW_PACK,
};

/** Prints a command's usage (the command list for an unknown one); --help exits 0. */
export function showHelp(command: string, io: { out: (line: string) => void }): number {
  io.out(HELP[command] ?? MAIN);
  return 0;
}
