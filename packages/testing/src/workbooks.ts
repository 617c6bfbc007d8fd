// A data-entry template filled in as a drafter would (for tests of workbooks: @assess/sheets,
// the studio): one row per unit on the data sheet, list entries on their own sheet, yes/no
// picked from the drop-down as 是/否.
import type { Plan } from '@assess/core';
import { HEADER_ROWS, loadWorkbook, templateWorkbook } from '@assess/sheets';

type CellValue = string | number | boolean | null;

/** `template`: the empty template's bytes (as `assess template` wrote them); by default @assess/sheets makes it. */
export async function filledTemplate(plan: Plan.Plan, units: Record<string, unknown>[], template?: Uint8Array): Promise<Uint8Array> {
  const book = await loadWorkbook(template ?? (await templateWorkbook(plan)));
  const sheet = book.getWorksheet('数据')!;
  const headerOf = (s: typeof sheet) => (s.getRow(1).values as unknown[]).slice(1) as string[];
  const header = headerOf(sheet);
  const cellOf = (v: unknown): CellValue => (typeof v === 'boolean' ? (v ? '是' : '否') : (v as CellValue));
  const next = new Map<string, number>();
  units.forEach((u, i) => {
    sheet.getCell(i + 1 + HEADER_ROWS, 1).value = u.id as string;
    // A scheme of several kinds: the kind column, after the unit's.
    if (plan.unitKinds.length > 1 && u.unit !== undefined) sheet.getCell(i + 1 + HEADER_ROWS, 2).value = u.unit as string;
    for (const f of plan.inputs) {
      const v = u[f.name];
      if (f.type.k !== 'list') {
        if (v !== undefined) sheet.getCell(i + 1 + HEADER_ROWS, header.indexOf(f.label ?? f.name) + 1).value = cellOf(v);
        continue;
      }
      const listSheet = book.getWorksheet(f.label ?? f.name)!;
      const listHeader = headerOf(listSheet);
      for (const entry of (v ?? []) as Record<string, unknown>[]) {
        const r = (next.get(f.name) ?? HEADER_ROWS) + 1;
        next.set(f.name, r);
        listSheet.getCell(r, 1).value = u.id as string;
        for (const e of f.type.fields) if (entry[e.name] !== undefined) listSheet.getCell(r, listHeader.indexOf(e.label ?? e.name) + 1).value = cellOf(entry[e.name]);
      }
    }
  });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
