/**
 * Reference data of the subjects module: the district's streets and towns,
 * GB/T 4754-2017 industry sections and the four subject kinds. Plain exported
 * arrays so a deployment for another district replaces data, not code.
 */
export { HAIDIAN_DISTRICT, HAIDIAN_REGIONS, regionByCode, regionByName } from './regions';
export type { District, Region, RegionKind } from './regions';
export { INDUSTRY_SECTIONS, industryByCode, industryBySection } from './industries';
export type { IndustrySection, IndustrySectionCode } from './industries';
export { SUBJECT_KINDS, subjectKindByCode, subjectKindByName } from './subject-kinds';
export type { SubjectKind, SubjectKindCode } from './subject-kinds';
