/**
 * National organs: bodies of no division, whose pages say nothing of a province even where their
 * building (Beijing) or a place they list is named. The State Council's constituent departments
 * (国务院组成部门) by their full and usual short names, the State Council and its offices (国家…局/委/办),
 * the Party centre's organs and the national people's organisations.
 */

/** The ministries and commissions, as written at the head of a sentence or a signature; "民政部门" (any level's civil-affairs department) is none. */
const MINISTRIES = [
  '外交部', '国防部', '国家发展和改革委员会', '国家发改委', '发展改革委', '教育部', '科学技术部', '科技部', '工业和信息化部', '工信部',
  '国家民族事务委员会', '国家民委', '公安部', '国家安全部', '民政部', '司法部', '财政部', '人力资源和社会保障部', '人力资源社会保障部', '人社部', '自然资源部',
  '生态环境部', '住房和城乡建设部', '住房城乡建设部', '住建部', '交通运输部', '水利部', '农业农村部', '商务部', '文化和旅游部', '文旅部',
  '国家卫生健康委员会', '国家卫健委', '退役军人事务部', '应急管理部', '中国人民银行', '审计署',
];

/** A national organ's name, unanchored; a ministry's name run on into 门 ("民政部门", "公安部门") is a department of any level. */
export const NATIONAL_ORGAN = String.raw`(?:(?:${MINISTRIES.join('|')})(?!门)|国务院|国家[\u4e00-\u9fa5]{0,6}?(?:部|委|局|办|署)(?!门)|中共中央|中央[\u4e00-\u9fa5]{0,4}?(?:部|委|办)|全国(?:妇联|总工会|老龄办|人大|政协)|共青团中央|中国残联)`;
