// User text (labels, names) inside Markdown hover content: escaped, so a label is shown as
// written and never read as markup or HTML.
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, (c) => `\\${c}`);
}

/** A label in quotes, escaped. */
export function quoted(label: string): string {
  return `“${md(label)}”`;
}
