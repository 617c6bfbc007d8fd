// Places, quota grades and group keys are worked out by @assess/runtime, which compiled modules use too.
export { gradeByPlace, groupUnits, placeUnits, quotaOf, type GradeLine, type QuotaDecision } from '@assess/runtime';
