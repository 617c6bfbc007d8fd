// Shared test helpers, imported by package name (`@assess/testing`) from every package's tests.
export * from './arbitrary.js';
export * from './files.js';
export * from './workbooks.js';
