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
