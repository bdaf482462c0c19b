/**
 * The link by which a reader tells us what they searched for and did not find (pure; used
 * in the browser). Those words are what the question vocabulary (content/questions.yaml) is
 * built from: curators run them through `npm run questions:gaps`.
 *
 * For an e-mail address the message is filled in with the words searched; an issues page
 * (https://…) has no common way to be filled in, so the link goes to it as it is and the
 * page asks the reader to write the words there.
 */
export function searchReportHref(reportHref: string, query: string): string {
  if (!reportHref.startsWith('mailto:')) return reportHref;
  const words = query.trim();
  if (!words) return reportHref;
  const subject = `没找到：${words}`;
  const body = `我在搜索页搜了：${words}\n我想找的是：\n`;
  return `${reportHref}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
