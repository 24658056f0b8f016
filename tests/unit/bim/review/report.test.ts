/**
 * The review report of the demo submission, reviewed from real parts (IDS and plan checks run on the IFC in
 * Node, BCF topics with a PNG snapshot, a comment, a decision to return it): the HTML read back with an XML
 * parser says what the record says, in Vietnamese with Vietnamese number formats; the PDF read back with
 * poppler's pdftotext / pdfimages / pdfinfo carries the same figures, the snapshot and numbered pages, and a long
 * audit log runs on over more pages with its table header repeated.
 */
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { readIds } from '../../../../src/bim/ids';
import type { IdsError, IdsReadFailure } from '../../../../src/bim/ids';
import { buildReviewReport, MAX_ELEMENTS_LISTED, renderReportHtml, writeReportPdf } from '../../../../src/bim/review/report';
import type { AsBuiltSubmission } from '../../../../src/bim/review/types';
import { submissionReference, useReviewStore } from '../../../../src/state/reviewStore';
import { COMMENT, DECISION_REASON, receiveDemo, reportFonts, REVIEWER, reviewDemo, runRealChecks, SNAPSHOT_SIZE } from './reportFixtures';
import type { RealChecks } from './reportFixtures';
import { poppler, squash } from './reportPdfTools';

interface Element { name: string; attributes: Record<string, string>; children: (Element | string)[] }

/** The report's HTML as a tree (it is written as well-formed XML, so an XML parser must accept it). */
function parseHtml(html: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#document', attributes: {}, children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void stack.at(-1)!.children.push(text));
  parser.write(html).close();
  return root.children.find((c): c is Element => typeof c !== 'string')!;
}
const textOf = (e: Element): string => e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
const all = (e: Element, name: string): Element[] =>
  e.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...all(c, name)]));
const section = (html: Element, id: string): Element => all(html, 'section').find((s) => s.attributes.id === id)!;
/** A facts table as label → value. */
const facts = (e: Element): Map<string, string> =>
  new Map(all(e, 'tr').filter((tr) => all(tr, 'th').length === 1).map((tr) => [textOf(all(tr, 'th')[0]!), textOf(all(tr, 'td')[0]!)]));
const rows = (table: Element): string[][] => all(table, 'tr').slice(1).map((tr) => all(tr, 'td').map(textOf));
/** Vietnamese digit grouping, written here independently of the report's Intl formatting. */
const viInteger = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const viFixed = (n: number, digits: number): string => n.toFixed(digits).replace('.', ',');

let checks: RealChecks;
let submission: AsBuiltSubmission;
let html: Element;

beforeAll(async () => {
  checks = await runRealChecks();
  submission = reviewDemo(checks);
  html = parseHtml(renderReportHtml(buildReviewReport(submission, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER })));
}, 180_000);

describe('the review report as HTML', () => {
  it('is one self-contained Vietnamese page: nothing fetched, every header cell scoped', () => {
    expect(html.attributes.lang).toBe('vi');
    expect(textOf(all(html, 'h1')[0]!)).toBe('Báo cáo thẩm định hồ sơ mô hình BIM hoàn công');
    expect(all(html, 'script')).toEqual([]);
    expect(all(html, 'link')).toEqual([]);
    for (const img of all(html, 'img')) expect(img.attributes.src).toMatch(/^data:image\/png;base64,/);
    expect(textOf(all(html, 'style')[0]!)).toMatch(/@page\s*\{\s*size:\s*A4/);
    const headers = all(html, 'th');
    expect(headers.length).toBeGreaterThan(20);
    for (const th of headers) expect(['row', 'col']).toContain(th.attributes.scope);
    expect(textOf(all(html, 'footer')[0]!)).toMatch(/Nghị định số 269\/2025\/NĐ-CP, Điều 20 khoản 2/);
  });

  it('carries the record: reference, UUID, file, size, SHA-256, received date, status and reviewer', () => {
    const record = facts(section(html, 'record'));
    expect(record.get('Số hồ sơ')).toBe(submissionReference(submission.id));
    expect(record.get('Mã định danh (UUID)')).toBe(submission.id);
    expect(record.get('Dự án')).toBe(submission.project);
    expect(record.get('Chủ đầu tư')).toBe(submission.investor);
    expect(record.get('Tệp IFC')).toBe('AC20-FZK-Haus.vn2000.ifc');
    expect(record.get('Dung lượng')).toMatch(new RegExp(`^${viInteger(checks.ifcBytes.length)} byte \\(\\d+,\\d\\d MB\\)$`));
    expect(record.get('SHA-256')).toBe(checks.sha256);
    expect(record.get('Ngày tiếp nhận')).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    expect(record.get('Trạng thái')).toBe('Trả lại');
    expect(record.get('Người thẩm định')).toBe(REVIEWER);
  });

  it('lists every IDS specification with its status and counts, and the failing elements capped per requirement', () => {
    const ids = section(html, 'ids');
    const table = all(ids, 'table').find((t) => all(t, 'caption').length > 0)!;
    const specs = checks.ids.specifications;
    expect(rows(table)).toEqual(specs.map((s) => [
      `${s.identifier} — ${s.name}`, s.status === 'pass' ? 'đạt' : s.status === 'fail' ? 'không đạt' : 'sai phiên bản IFC',
      viInteger(s.applicableCount), viInteger(s.passedCount), viInteger(s.failedCount),
    ]));
    const passed = specs.filter((s) => s.status === 'pass').length;
    expect(facts(ids).get('Kết quả')).toBe(`${passed}/${specs.length} yêu cầu đạt`);
    const lists = all(ids, 'ul');
    const failing = specs.flatMap((s) => s.requirements.filter((r) => r.failures.length > 0));
    expect(lists).toHaveLength(failing.length);
    failing.forEach((requirement, i) => {
      const items = all(lists[i]!, 'li').map(textOf);
      const shown = Math.min(requirement.failures.length, MAX_ELEMENTS_LISTED);
      requirement.failures.slice(0, shown).forEach((f, n) => expect(items[n]).toContain(f.globalId!));
      const more = requirement.failures.length - MAX_ELEMENTS_LISTED;
      expect(items).toHaveLength(shown + (more > 0 ? 1 : 0));
      if (more > 0) expect(items.at(-1)).toBe(`… và ${viInteger(more)} cấu kiện khác`);
      const reasons = new Set(requirement.failures.map((f) => f.reason.vi));
      // A reason all elements share is said once, above the list, not on every element.
      if (reasons.size === 1) expect(textOf(ids).split([...reasons][0]!)).toHaveLength(2);
    });
  });

  it('gives each plan check its measured value, limit and verdict, on a plan labelled mẫu', () => {
    const plan = section(html, 'plan');
    const table = all(plan, 'table').find((t) => all(t, 'caption').length > 0)!;
    expect(textOf(all(table, 'caption')[0]!)).toBe('Các chỉ tiêu quy hoạch (mẫu)');
    const byLabel = new Map(rows(table).map((row) => [row[0], row.slice(1)]));
    expect(byLabel.size).toBe(checks.plan.checks.length);
    for (const check of checks.plan.checks) {
      const [measured, limit, status] = byLabel.get(check.label.vi)!;
      const verdict = { pass: 'đạt', fail: 'không đạt', notApplicable: 'không áp dụng' }[check.status];
      expect(status).toBe(verdict);
      if (check.unit === 'm') {
        expect(measured).toBe(`${viFixed(check.measured, 2)} m`);
        expect(limit).toBe(check.limit === null ? '—' : `${check.comparison === '≤' ? 'tối đa' : 'tối thiểu'} ${viFixed(check.limit, 2)} m`);
      }
      if (check.unit === 'storeys') expect(measured).toBe(`${check.measured} tầng`);
      if (check.id === 'siteCoverage') expect(measured).toBe(`${viFixed(check.measured * 100, 1)}%`);
    }
    expect(textOf(plan)).toContain('Quy hoạch mẫu (minh hoạ)');
  });

  it('shows each BCF topic with its status, priority, assignee, comments and the snapshot inline', () => {
    const issues = section(html, 'issues');
    const [first, second] = submission.issues.topics;
    expect(all(issues, 'h3').map(textOf)).toEqual([`1. ${first!.title}`, `2. ${second!.title}`]);
    const topic = facts(all(issues, 'table')[0]!);
    expect(topic.get('Trạng thái')).toBe(first!.topicStatus);
    expect(topic.get('Mức ưu tiên')).toBe(first!.priority);
    expect(topic.get('Người xử lý')).toBe(first!.assignedTo);
    expect(facts(all(issues, 'table')[1]!).get('Người xử lý')).toBe('chưa có');
    for (const comment of first!.comments) expect(textOf(issues)).toContain(comment.comment!);
    const images = all(issues, 'img');
    expect(images).toHaveLength(1);
    const snapshot = first!.viewpoints[0]!.snapshot!.bytes;
    expect(Buffer.from(images[0]!.attributes.src!.split(',')[1]!, 'base64').equals(Buffer.from(snapshot))).toBe(true);
    expect(images[0]!.attributes.alt).toContain(first!.title);
  });

  it('ends with the comment, the decision with its reason, and every audit entry', () => {
    expect(textOf(section(html, 'comments'))).toContain(COMMENT);
    const decision = facts(section(html, 'decision'));
    expect(decision.get('Quyết định')).toBe('Trả lại để chỉnh sửa');
    expect(decision.get('Lý do')).toBe(DECISION_REASON);
    expect(decision.get('Người quyết định')).toBe(REVIEWER);
    const audit = rows(all(section(html, 'audit'), 'table')[0]!);
    expect(audit.map((row) => row[0])).toEqual(submission.audit.map((entry) => String(entry.seq)));
    expect(audit.at(-1)![4]).toBe(`Trả lại để chỉnh sửa: ${DECISION_REASON}`);
  });

  it('says "chưa kiểm tra" for checks not made and "Chưa có quyết định" before a decision', () => {
    const id = receiveDemo(checks);
    const fresh = parseHtml(renderReportHtml(buildReviewReport(useReviewStore.getState().submissions[id]!, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER })));
    expect(textOf(section(fresh, 'ids'))).toContain('chưa kiểm tra');
    expect(textOf(section(fresh, 'plan'))).toContain('chưa kiểm tra');
    expect(textOf(section(fresh, 'issues'))).toContain('Không có vấn đề nào');
    expect(textOf(section(fresh, 'decision'))).toContain('Chưa có quyết định.');
    expect(facts(section(fresh, 'record')).get('Trạng thái')).toBe('Đã tiếp nhận');
  });

  it('says why an IDS could not be checked, with the reader\'s line, when the IDS was refused', () => {
    const id = receiveDemo(checks);
    let failure: IdsReadFailure | null = null;
    try {
      readIds('<?xml version="1.0"?>\n<ids xmlns="http://standards.buildingsmart.org/IDS">\n  <info><title>T</title></info>\n  <specifications>\n</ids>');
    } catch (error) {
      failure = (error as IdsError).failure;
    }
    useReviewStore.getState().recordIds(id, { idsFileName: 'hong.ids', idsTitle: '', checkedAt: new Date().toISOString(), outcome: { status: 'refused', failure: failure! } }, { vi: 'IDS bị từ chối', en: 'IDS refused' });
    const ids = section(parseHtml(renderReportHtml(buildReviewReport(useReviewStore.getState().submissions[id]!, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER }))), 'ids');
    expect(facts(ids).get('Tệp IDS')).toBe('hong.ids');
    expect(facts(ids).get('Tên bộ yêu cầu')).toBe('chưa có');
    const refusal = all(ids, 'p').map(textOf);
    expect(refusal).toEqual([`Không kiểm tra được: ${failure!.message.vi}`]);
    expect(refusal[0]).toMatch(/dòng 5\b/);
  });

  it('is written in English when asked, with English number formats', () => {
    const english = parseHtml(renderReportHtml(buildReviewReport(submission, { lang: 'en', generatedAt: new Date().toISOString(), reviewer: REVIEWER })));
    expect(english.attributes.lang).toBe('en');
    expect(textOf(all(english, 'h1')[0]!)).toBe('Review report of an as-built BIM submission');
    expect(facts(section(english, 'record')).get('Size')).toMatch(new RegExp(`^${checks.ifcBytes.length.toLocaleString('en-GB')} bytes`));
  });
});

describe('the review report as PDF', () => {
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    const started = performance.now();
    pdf = await writeReportPdf(buildReviewReport(submission, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER }), reportFonts());
    console.log(`[report] PDF of the demo review: ${pdf.length} bytes in ${(performance.now() - started).toFixed(0)} ms`);
    text = poppler('pdftotext', pdf, ['-enc', 'UTF-8']);
  }, 60_000);

  it('reads back the Vietnamese title, the SHA-256, the decision reason and the plan check values', () => {
    expect(text).toContain('Báo cáo thẩm định hồ sơ mô hình BIM hoàn công');
    expect(squash(text)).toContain(checks.sha256); // a long word may be broken over two lines
    expect(squash(text)).toContain(squash(DECISION_REASON));
    for (const check of checks.plan.checks.filter((c) => c.unit === 'm')) expect(text).toContain(`${viFixed(check.measured, 2)} m`);
    expect(text).toContain(submissionReference(submission.id));
    expect(text).toContain('Nghị định số 269/2025/NĐ-CP');
    const description = submission.issues.topics[0]!.description!;
    expect(description).toContain('\n');
    expect(squash(text)).toContain(squash(description)); // its line break is a line break, not a "?"
  });

  it('is A4 with every page numbered', () => {
    const info = poppler('pdfinfo', pdf, []);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    for (let page = 1; page <= pages; page++) {
      expect(poppler('pdftotext', pdf, ['-enc', 'UTF-8', '-f', String(page), '-l', String(page)])).toContain(`Trang ${page}/${pages}`);
    }
  });

  it('embeds Noto Sans regular and bold as subsets: the whole report is smaller than one font file', () => {
    const fonts = poppler('pdffonts', pdf, []).split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/));
    // name type… encoding emb sub uni object generation
    expect(fonts.map((row) => row[0]!.replace(/-\d+$/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
    for (const row of fonts) expect(row.at(-5)).toBe('yes'); // emb
    expect(pdf.length).toBeLessThan(reportFonts().regular.length / 4);
  });

  it('embeds the snapshot image', () => {
    const images = poppler('pdfimages', pdf, ['-list']).split('\n').slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/));
    // page num type width height …
    expect(images.filter((row) => row[2] === 'image' && row[3] === String(SNAPSHOT_SIZE.width) && row[4] === String(SNAPSHOT_SIZE.height))).toHaveLength(1);
  });

  it('says where a damaged snapshot would be, and writes the rest of the report', async () => {
    const issues = structuredClone(submission.issues);
    const snapshot = issues.topics[0]!.viewpoints[0]!.snapshot!;
    snapshot.bytes = snapshot.bytes.slice(0, 40); // the PNG signature and header, cut off before any image data
    const damaged = await writeReportPdf(buildReviewReport({ ...submission, issues }, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER }), reportFonts());
    const damagedText = poppler('pdftotext', damaged, ['-enc', 'UTF-8']);
    expect(squash(damagedText)).toContain(squash(`Ảnh chụp góc nhìn 1 của vấn đề “${issues.topics[0]!.title}”: không đọc được ảnh`));
    expect(squash(damagedText)).toContain(squash(DECISION_REASON));
    expect(poppler('pdfimages', damaged, ['-list']).split('\n').slice(2).filter(Boolean)).toEqual([]);
  }, 60_000);

  it('runs a long audit log over more pages, repeating the table header on each', async () => {
    const pagesOf = (bytes: Uint8Array) => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', bytes, []))![1]);
    const long: AsBuiltSubmission = {
      ...submission,
      audit: [...submission.audit, ...Array.from({ length: 400 }, (_, i) => ({
        seq: submission.audit.length + i + 1, at: submission.updatedAt, actor: REVIEWER, action: 'reportExported' as const,
        summary: { vi: `Xuất báo cáo lần ${i + 1} (bao-cao-tham-dinh.pdf)`, en: `Report exported, #${i + 1}` },
      }))],
    };
    const longPdf = await writeReportPdf(buildReviewReport(long, { lang: 'vi', generatedAt: new Date().toISOString(), reviewer: REVIEWER }), reportFonts());
    const [short, extended] = [pagesOf(pdf), pagesOf(longPdf)];
    expect(extended).toBeGreaterThan(short + 3);
    const lastEntry = `Xuất báo cáo lần 400`;
    const pages = Array.from({ length: extended }, (_, i) => poppler('pdftotext', longPdf, ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1)]));
    const first = pages.findIndex((page) => page.includes('Nhật ký thay đổi hồ sơ'));
    const last = pages.findIndex((page) => page.includes(lastEntry));
    expect(last - first).toBeGreaterThanOrEqual(3);
    pages.slice(first, last + 1).forEach((page, i) => expect(page, `page ${first + i + 1}:\n${page}`).toContain('Người thực hiện'));
  }, 120_000);
});
