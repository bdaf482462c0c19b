/**
 * A clause's responsibility note (model `Responsibility.text`) read back as the plan prints
 * it. Shared by the pipeline, which takes the lead and partner bodies from it, and the site,
 * which shows it. Pure.
 */
/**
 * The fields of a labelled note as printed, label and words unchanged (责任落实 stays
 * 责任落实, a list ending 等 keeps it: an open list must not read as closed):
 * （牵头部门：民政厅，配合部门：财政厅、残联等；责任落实：各市、县〔区〕） →
 * [[牵头部门, 民政厅], [配合部门, 财政厅、残联等], [责任落实, 各市、县〔区〕]].
 * A narrative note (民政局牵头，…负责) is one field with no label.
 */
export function printedFields(note: string): [label: string | null, words: string][] {
  const inner = note.trim().replace(/^[（(]/, '').replace(/[）)]$/, '');
  if (!/^牵头部门[：:]/.test(inner)) return [[null, inner]];
  const fields: [string | null, string][] = [];
  for (const part of inner.split(/[，；;,](?=[^，；;,：:]{2,6}[：:])/)) {
    const m = /^([^：:]+)[：:](.*)$/.exec(part.trim());
    if (m) fields.push([m[1].trim(), m[2].trim()]);
  }
  return fields;
}
