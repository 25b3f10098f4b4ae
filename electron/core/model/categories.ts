/**
 * The default taxonomy of 民政 business areas (业务领域). The store seeds its user-editable
 * category list from it; the importer scores drafts against it. 优抚安置 and 防灾减灾救灾
 * are areas older drafts still use.
 */
export const DEFAULT_CATEGORIES = [
  '社会救助',
  '养老服务',
  '儿童福利',
  '社会组织',
  '基层政权和社区治理',
  '社会事务',
  '慈善事业和社会工作',
  '区划地名',
  '优抚安置',
  '防灾减灾救灾',
  '综合',
] as const;

/** The fallback when no area scores clearly. */
export const GENERAL_CATEGORY = '综合';

/** A lexicon: per area, the words that speak for it and their weight (3 = names the area, 1 = hints at it). */
export type CategoryLexicon = Record<string, Array<[word: string, weight: number]>>;

/**
 * The words each 业务领域 is recognised by, as drafts from city and county bureaus write them.
 *
 * The areas are the ministry's own division of work: the 民政部 内设机构 and the 职能 its 三定 规定
 * gives each (2019), which provincial, city and county bureaus mirror in their 处/科/股. A word belongs
 * to an area when it names what that body does or whom it serves; the areas that left the ministry in
 * 2018 (优抚安置 to 退役军人事务部, 防灾减灾救灾 to 应急管理部) keep the words older drafts use.
 *
 * A word's weight is how surely it names the area: 3 for the area's own terms (低保, 殡葬, 社工),
 * 2 for its usual subjects (老年人, 困难群众), 1 for hints that other areas share (社区, 治理).
 * The importer counts these in the title (×4; what the title says the work serves, after 助力/赋能, as
 * the opening) and the opening paragraphs (×2) more than in the rest of the text, and keeps the
 * deciding words with each case for the preview. A word several areas list (五社联动, 流浪乞讨) shares
 * its weight among them, so a term that names one area outweighs it; 特殊困难 only modifies the group
 * it names (老人, 未成年人), so it is a hint. A hint says where or by what means the work is done (社区,
 * 居民, 公益), not what it is: in a title, one that modifies another area's word ("社区食堂", "社区的老年人")
 * weighs as the opening's, and an area the text names by hints alone is not one it treats (an article
 * is a survey of a bureau's work only when three areas are named by subject words). Terms of other
 * bodies' work that hold an area's word (养老保险, 未成年人思想道德建设, 社区矫正) are masked.
 * The lexicon is hand-written: scripts/fit-category.ts gives its figure per batch in the order the
 * batches were added, the latest one's being on pages it was not written for.
 *
 * - 社会救助 (社会救助司: 最低生活保障, 特困人员救助供养, 临时救助, 低收入人口认定与动态监测, with 医疗救助 by its
 *   partners): 低保 (and its edge families, 低边), 特困 and its 供养, 临时救助 and 急难, 医疗救助, 低收入人口,
 *   困难群体, 兜底保障, 防返贫; 流浪乞讨人员救助与寻亲 shared with 社会事务, whose 司 runs the 救助管理站.
 * - 养老服务 (养老服务司: 老年人福利, 养老机构, 居家社区养老, 老年人能力评估): 养老机构 and the 社会福利院 that
 *   house the elderly (a 儿童福利院 is named by 儿童 first), 居家和社区养老, 老年助餐与助浴, 适老化改造, 老年友好型社区,
 *   高龄与认知障碍照护, 喘息服务, 长期护理, 敬老/孝老, 银发, 夕阳红; 食堂, which in a 民政 draft is 老年助餐's
 *   (社区食堂, 老年食堂, 长者食堂: every tuning page saying it twice or more is 养老服务's, 15 pages).
 *   养老保险 and 养老金 are 人社's and do not count.
 * - 儿童福利 (儿童福利司: 孤儿, 事实无人抚养儿童, 农村留守儿童关爱, 困境儿童, 儿童收养, 儿童福利机构): 孤儿 and
 *   孤残儿童, 事实无人抚养儿童, 留守和困境儿童, 儿童主任, 儿童之家, 童伴, 未成年人保护, 收养.
 * - 社会组织 (社会组织管理局: 社会团体, 基金会, 社会服务机构的登记、年检与执法): 登记管理, 年检, 社会团体,
 *   民办非企业单位（民非, 社会服务机构）, 基金会, 行业协会商会 and their 脱钩, 等级评估, 孵化.
 * - 基层政权和社区治理 (基层政权建设和社区治理司: 城乡基层群众自治, 村（居）务公开, 社区治理, 城乡社区服务体系,
 *   社区工作者): 村（居）民自治, 居民委员会 and its 换届, 议事协商与民主协商, 村务/居务公开, 社区服务与社区工作者,
 *   社区营造, 邻里, 物业与业主组织; the village's and community's 党支部/党组织 that lead that self-government are hints.
 * - 社会事务 (社会事务司: 婚姻管理, 殡葬管理, 残疾人福利, 生活无着的流浪乞讨人员救助管理, 康复辅具): 婚姻登记（婚姻,
 *   结婚登记, 颁证, 婚姻家庭辅导, 婚恋）与婚俗改革（彩礼, 集体婚礼; 红白事 and the 红白理事会 that rules them）, 殡葬管理（丧葬, 墓地, 生态安葬, 骨灰, 树葬,
 *   海葬, 祭扫）, 残疾人两项补贴, 精神障碍社区康复, 康复辅助器具（辅具, 假肢）, 移风易俗, 福利企业（社会福利生产,
 *   残疾人集中就业）.
 * - 慈善事业和社会工作 (慈善事业促进和社会工作司: 慈善组织与募捐, 社会工作, 志愿服务, 福利彩票): 慈善组织与捐赠
 *   （捐款, 募捐, 善款, 义卖; 爱心 as a hint）, 社会工作者, 志愿服务, 福利彩票, 公益创投, 五社联动 (shared with
 *   基层治理, whose mechanism it is).
 * - 区划地名 (区划地名司: 行政区划, 行政区域界线, 地名管理): 行政区划调整（撤县设区/市, 撤乡设镇; the approvals' own
 *   verbs: 划归, 划出, 新设, 并入, its 管辖 and the government's 驻地, hints each but 划归）, 乡镇撤并, 界线勘定（界桩,
 *   平安边界）, 地名管理与地名文化（路名, 街路巷, 门牌与门楼牌）and its acts on names: 命名 in its naming sense
 *   (stages/category.ts masks the conferring one, "被命名为…示范社区"), 更名, 重名, a thing's 名称 (not a column's label).
 * - 优抚安置 (the former 优抚安置局, now 退役军人事务部 and its bureaus): 优待抚恤（优待证）, 军人, 退役军人与退役士兵
 *   安置, 退伍, 转业 (and the veterans' affairs bodies and service stations that now do it), 老兵, 参战, 烈士褒扬（烈属,
 *   英烈）, 光荣院, 光荣之家与光荣牌, 双拥.
 * - 防灾减灾救灾 (the former 救灾司 and 国家减灾中心, now 应急管理部): 灾害救助（地震, 洪涝, 台风, 暴雨, 寒潮, 旱灾,
 *   雪灾, 汛期）, 灾情与灾后, 救灾物资, 转移安置, 避难场所, 冬春救助, 灾情报送; 应急 as a hint.
 */
export const CATEGORY_LEXICON: CategoryLexicon = {
  社会救助: [['社会救助', 3], ['低保', 3], ['最低生活保障', 3], ['特困', 3], ['临时救助', 3], ['救助', 2], ['流浪乞讨', 3], ['救助管理', 3], ['救助站', 3], ['受助', 2], ['兜底', 2], ['困难群众', 2], ['困难家庭', 2], ['特殊困难', 1], ['救助对象', 2], ['低收入', 2], ['救急难', 3], ['帮扶', 1], ['揭榜挂帅', 1], ['医疗救助', 3], ['低保边缘', 3], ['支出型', 2], ['返贫', 2], ['寻亲', 2], ['分层分类', 2], ['供养', 2], ['急难', 2], ['低边', 2], ['困难群体', 2], ['五保', 3], ['生活无着', 2]],
  养老服务: [['养老', 3], ['老年人', 2], ['老年', 2], ['老龄', 2], ['老人', 2], ['长者', 2], ['敬老院', 3], ['幸福院', 3], ['居家养老', 3], ['失能', 2], ['照护', 2], ['日间照料', 3], ['助餐', 2], ['适老化', 2], ['养老机构', 3], ['护理', 1], ['托养', 2], ['医养', 3], ['老年友好', 3], ['高龄', 2], ['认知障碍', 2], ['银龄', 2], ['颐养', 2], ['银发', 2], ['敬老', 2], ['孝老', 2], ['助浴', 2], ['喘息服务', 2], ['夕阳红', 2], ['长期护理', 2], ['社会福利院', 2], ['康养', 2], ['助老', 2], ['为老', 2], ['食堂', 2]],
  儿童福利: [['儿童', 3], ['孤儿', 3], ['孤弃', 3], ['未成年人', 2], ['留守儿童', 3], ['困境儿童', 3], ['儿童福利', 3], ['儿童主任', 2], ['儿童督导员', 2], ['监护', 2], ['养育', 2], ['收养', 3], ['护苗', 2], ['儿童之家', 3], ['事实无人抚养', 3], ['未成年人保护', 3], ['孤残', 3], ['童伴', 2], ['未保', 2]],
  社会组织: [['社会组织', 3], ['社团', 2], ['民办非企业', 3], ['基金会', 2], ['行业协会', 2], ['商会', 2], ['登记管理', 2], ['孵化', 2], ['枢纽型', 2], ['年报', 1], ['社会团体', 3], ['社会服务机构', 3], ['等级评估', 2], ['民非', 3], ['脱钩', 2], ['年检', 2]],
  基层政权和社区治理: [['社区治理', 3], ['乡村治理', 3], ['基层治理', 3], ['社区', 1], ['村(居)', 2], ['村（居）', 2], ['村民', 2], ['自治', 2], ['议事', 3], ['协商', 2], ['村务', 3], ['两委', 2], ['村规民约', 3], ['居委会', 2], ['村委会', 2], ['报告会', 2], ['村级', 1], ['网格', 1], ['信用', 1], ['实验区', 1], ['基层政权', 3], ['小区', 1], ['物业', 2], ['业主', 2], ['治理', 1], ['居民', 1], ['楼栋', 1], ['五社联动', 3], ['社区工作者', 2], ['民主协商', 3], ['业委会', 2], ['城乡社区', 2], ['居务', 3], ['换届', 2], ['居民委员会', 2], ['社区营造', 2], ['邻里', 1], ['社区服务', 2], ['党支部', 1], ['党组织', 1], ['三社联动', 3]],
  社会事务: [['殡葬', 3], ['丧事', 3], ['殡仪', 3], ['婚姻登记', 3], ['婚俗', 3], ['婚丧', 3], ['移风易俗', 2], ['公墓', 3], ['火化', 2], ['残疾人', 2], ['两项补贴', 2], ['流浪乞讨', 2], ['身后事', 2], ['结婚登记', 3], ['颁证', 2], ['婚姻家庭', 2], ['生态安葬', 3], ['节地', 2], ['祭扫', 2], ['精神障碍', 2], ['康复辅助器具', 3], ['福利企业', 3], ['福利生产', 3], ['彩礼', 2], ['集体婚礼', 2], ['骨灰', 2], ['树葬', 2], ['海葬', 2], ['丧葬', 3], ['墓地', 2], ['婚姻', 2], ['结婚', 2], ['婚恋', 2], ['辅助器具', 2], ['辅具', 2], ['假肢', 2], ['火葬', 2], ['乱葬', 2], ['治丧', 2], ['遗体', 2], ['红白事', 3], ['红白理事会', 3]],
  慈善事业和社会工作: [['慈善', 3], ['社会工作', 3], ['社工', 3], ['志愿者', 2], ['志愿服务', 2], ['捐赠', 2], ['公益', 1], ['福彩', 2], ['福利彩票', 3], ['慈善超市', 2], ['社会捐助', 2], ['公益创投', 3], ['义工', 2], ['五社联动', 2], ['三社联动', 2], ['捐款', 2], ['募捐', 2], ['善款', 2], ['义卖', 2], ['爱心', 1]],
  区划地名: [['区划', 3], ['地名', 3], ['界线', 3], ['行政区域', 2], ['门牌', 2], ['勘界', 3], ['边界', 2], ['撤县设区', 3], ['撤县设市', 3], ['撤乡设镇', 3], ['撤镇设街', 3], ['平安边界', 3], ['界桩', 2], ['行政区划', 3], ['划归', 3], ['划出', 2], ['驻地', 1], ['管辖', 1], ['新设', 1], ['并入', 1], ['门楼牌', 2], ['路名', 2], ['街路巷', 2], ['撤并', 2], ['更名', 2], ['重名', 2], ['名称', 1], ['命名', 2]],
  优抚安置: [['优抚', 3], ['退役军人', 3], ['退役士兵', 3], ['烈士', 3], ['军休', 2], ['双拥', 3], ['复员', 2], ['伤残军人', 3], ['拥军', 3], ['军属', 2], ['抚恤', 3], ['安置', 1], ['优待证', 3], ['光荣院', 3], ['褒扬', 2], ['烈属', 2], ['英烈', 2], ['军人', 2], ['老兵', 2], ['退伍', 3], ['转业', 2], ['光荣之家', 3], ['光荣牌', 2], ['参战', 2]],
  防灾减灾救灾: [['减灾', 3], ['救灾', 3], ['灾害', 2], ['防灾', 3], ['受灾', 2], ['灾民', 2], ['避难', 2], ['抗震', 3], ['地震', 2], ['洪涝', 2], ['防汛', 2], ['抗洪', 2], ['台风', 2], ['冬春救助', 3], ['转移安置', 2], ['避险', 2], ['灾情', 2], ['灾后', 2], ['汛期', 2], ['暴雨', 2], ['寒潮', 2], ['旱灾', 2], ['雪灾', 2], ['应急', 1]],
};
