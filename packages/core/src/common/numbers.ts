// Numbers as drafters write them live in @assess/runtime (data conversion needs them at run time).
export { numberValue, NUMBER_TEXT } from '@assess/runtime';
