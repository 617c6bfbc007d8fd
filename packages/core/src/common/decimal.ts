// Exact decimals live in @assess/runtime, the small package that compiled schemes import too:
// one Decimal class for the interpreter and for generated modules.
export { Decimal, DISPLAY_PLACES, NOT_TERMINATING } from '@assess/runtime';
