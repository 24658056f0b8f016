/**
 * The report's own words, Vietnamese first. The report is a document, not a screen: it is written in one language
 * chosen when it is made, so its text lives here beside the code that writes it (the panel's buttons are in
 * ui/report/messages.*). `{name}` placeholders are filled by `say`.
 */
import type { LocalizedText } from '../../../geo';
import type { AuditAction } from '../types';
import type { ReportLang } from './types';

export const REPORT_TEXT = {
  title: { vi: 'Báo cáo thẩm định hồ sơ mô hình BIM hoàn công', en: 'Review report of an as-built BIM submission' },
  legalBasis: {
    vi: 'Căn cứ: Nghị định số 269/2025/NĐ-CP, Điều 20 khoản 2 (tiếp nhận, thẩm định mô hình thông tin công trình hoàn công).',
    en: 'Basis: Decree 269/2025/NĐ-CP, Article 20.2 (receiving and reviewing the as-built building information model).',
  },
  generatedAt: { vi: 'Lập lúc {at} ({zone}) bằng Sao', en: 'Generated {at} ({zone}) by Sao' },
  notChecked: { vi: 'chưa kiểm tra', en: 'not checked' },
  none: { vi: 'không có', en: 'none' },
  notGiven: { vi: 'chưa có', en: 'not given' },
  sample: { vi: 'mẫu', en: 'sample' },
  andMore: { vi: '… và {count} cấu kiện khác', en: '… and {count} more elements' },

  'pdf.page': { vi: '{reference} · Trang {page}/{pages}', en: '{reference} · Page {page} of {pages}' },
  'pdf.imageUnreadable': { vi: '{alt}: không đọc được ảnh ({reason}).', en: '{alt}: the image could not be read ({reason}).' },
  'pdf.fontNotice': {
    vi: 'Phông chữ Noto Sans © Google LLC, giấy phép SIL Open Font License 1.1 (nhúng một phần).',
    en: 'Font Noto Sans © Google LLC, SIL Open Font License 1.1 (embedded subset).',
  },

  'section.record': { vi: '1. Thông tin hồ sơ', en: '1. Submission' },
  'section.ids': { vi: '2. Kiểm tra yêu cầu thông tin (IDS)', en: '2. Information requirements (IDS)' },
  'section.plan': { vi: '3. Kiểm tra tuân thủ quy hoạch', en: '3. Zoning plan conformance' },
  'section.issues': { vi: '4. Vấn đề cần xử lý (BCF)', en: '4. Issues (BCF)' },
  'section.comments': { vi: '5. Ý kiến người thẩm định', en: '5. Reviewer comments' },
  'section.decision': { vi: '6. Quyết định', en: '6. Decision' },
  'section.audit': { vi: '7. Nhật ký thay đổi', en: '7. Audit log' },

  'record.reference': { vi: 'Số hồ sơ', en: 'Reference' },
  'record.uuid': { vi: 'Mã định danh (UUID)', en: 'Identifier (UUID)' },
  'record.project': { vi: 'Dự án', en: 'Project' },
  'record.investor': { vi: 'Chủ đầu tư', en: 'Investor' },
  'record.parcel': { vi: 'Thửa đất', en: 'Parcel' },
  'record.file': { vi: 'Tệp IFC', en: 'IFC file' },
  'record.size': { vi: 'Dung lượng', en: 'Size' },
  'record.sha256': { vi: 'SHA-256', en: 'SHA-256' },
  'record.received': { vi: 'Ngày tiếp nhận', en: 'Received' },
  'record.status': { vi: 'Trạng thái', en: 'Status' },
  'record.reviewer': { vi: 'Người thẩm định', en: 'Reviewer' },
  'record.asBuilt': { vi: 'Lớp hoàn công', en: 'As-built layer' },
  'record.asBuiltValue': {
    vi: 'Đã đưa vào mô hình thành phố lúc {at}: {features} cấu kiện, {tiles} tile, {size}',
    en: 'Added to the city model {at}: {features} elements, {tiles} tiles, {size}',
  },

  'ids.file': { vi: 'Tệp IDS', en: 'IDS file' },
  'ids.title': { vi: 'Tên bộ yêu cầu', en: 'Requirements' },
  'ids.checkedAt': { vi: 'Thời điểm kiểm tra', en: 'Checked' },
  'ids.schema': { vi: 'Phiên bản IFC của mô hình', en: "Model's IFC schema" },
  'ids.result': { vi: 'Kết quả', en: 'Result' },
  'ids.summary': { vi: '{passed}/{total} yêu cầu đạt', en: '{passed} of {total} specifications pass' },
  'ids.refused': { vi: 'Không kiểm tra được: {message}', en: 'Could not check: {message}' },
  'ids.table': { vi: 'Kết quả theo từng yêu cầu', en: 'Result per specification' },
  'ids.col.spec': { vi: 'Yêu cầu', en: 'Specification' },
  'ids.col.status': { vi: 'Kết quả', en: 'Result' },
  'ids.col.applicable': { vi: 'Áp dụng', en: 'Applicable' },
  'ids.col.passed': { vi: 'Đạt', en: 'Pass' },
  'ids.col.failed': { vi: 'Không đạt', en: 'Fail' },
  'ids.status.pass': { vi: 'đạt', en: 'pass' },
  'ids.status.fail': { vi: 'không đạt', en: 'fail' },
  'ids.status.ifcVersionMismatch': { vi: 'sai phiên bản IFC', en: 'IFC schema mismatch' },
  'ids.failures': { vi: 'Cấu kiện không đạt', en: 'Failing elements' },
  'ids.prohibited': { vi: 'Cấu kiện không được phép có', en: 'Prohibited elements present' },

  'plan.plan': { vi: 'Quy hoạch', en: 'Plan' },
  'plan.parcel': { vi: 'Thửa đất', en: 'Parcel' },
  'plan.parcelValue': { vi: '{name} ({id}, {landUse}), diện tích {area} m²', en: '{name} ({id}, {landUse}), area {area} m²' },
  'plan.source': { vi: 'Nguồn', en: 'Source' },
  'plan.checkedAt': { vi: 'Thời điểm kiểm tra', en: 'Checked' },
  'plan.plane': { vi: 'Mặt phẳng đo', en: 'Measured in' },
  'plan.result': { vi: 'Kết quả', en: 'Result' },
  'plan.passed': { vi: 'Đạt mọi chỉ tiêu', en: 'Every limit met' },
  'plan.failed': { vi: 'Không đạt {count} chỉ tiêu', en: '{count} limit(s) not met' },
  'plan.sampleNotice': {
    vi: 'Quy hoạch mẫu (minh hoạ), không phải quy hoạch được phê duyệt.',
    en: 'A sample (illustrative) plan, not an approved plan.',
  },
  'plan.table': { vi: 'Các chỉ tiêu quy hoạch', en: 'Plan limits' },
  'plan.col.check': { vi: 'Chỉ tiêu', en: 'Check' },
  'plan.col.measured': { vi: 'Đo được', en: 'Measured' },
  'plan.col.limit': { vi: 'Giới hạn', en: 'Limit' },
  'plan.col.status': { vi: 'Kết quả', en: 'Result' },
  'plan.status.pass': { vi: 'đạt', en: 'pass' },
  'plan.status.fail': { vi: 'không đạt', en: 'fail' },
  'plan.status.notApplicable': { vi: 'không áp dụng', en: 'not applicable' },
  'plan.limit.max': { vi: 'tối đa {value}', en: 'at most {value}' },
  'plan.limit.min': { vi: 'tối thiểu {value}', en: 'at least {value}' },
  'plan.unit.storeys': { vi: 'tầng', en: 'storeys' },

  'issues.none': { vi: 'Không có vấn đề nào được ghi nhận.', en: 'No issues were raised.' },
  'issues.count': { vi: '{count} vấn đề', en: '{count} issue(s)' },
  'issues.type': { vi: 'Loại', en: 'Type' },
  'issues.status': { vi: 'Trạng thái', en: 'Status' },
  'issues.priority': { vi: 'Mức ưu tiên', en: 'Priority' },
  'issues.assignee': { vi: 'Người xử lý', en: 'Assigned to' },
  'issues.due': { vi: 'Hạn xử lý', en: 'Due' },
  'issues.created': { vi: 'Tạo bởi', en: 'Created by' },
  'issues.createdValue': { vi: '{author}, {at}', en: '{author}, {at}' },
  'issues.description': { vi: 'Mô tả', en: 'Description' },
  'issues.elements': { vi: 'Cấu kiện liên quan', en: 'Elements' },
  'issues.comments': { vi: 'Trao đổi', en: 'Comments' },
  'issues.comment': { vi: '{author} ({at}): {text}', en: '{author} ({at}): {text}' },
  'issues.snapshot': { vi: 'Ảnh chụp góc nhìn {index} của vấn đề “{title}”', en: 'Snapshot {index} of issue “{title}”' },

  'comments.none': { vi: 'Chưa có ý kiến.', en: 'No comments.' },
  'comments.table': { vi: 'Ý kiến', en: 'Comments' },
  'comments.col.at': { vi: 'Thời điểm', en: 'When' },
  'comments.col.author': { vi: 'Người viết', en: 'Author' },
  'comments.col.text': { vi: 'Nội dung', en: 'Comment' },

  'decision.none': { vi: 'Chưa có quyết định.', en: 'No decision yet.' },
  'decision.outcome': { vi: 'Quyết định', en: 'Decision' },
  'decision.accepted': { vi: 'Chấp thuận hồ sơ', en: 'Accepted' },
  'decision.returned': { vi: 'Trả lại để chỉnh sửa', en: 'Returned for changes' },
  'decision.reason': { vi: 'Lý do', en: 'Reason' },
  'decision.reviewer': { vi: 'Người quyết định', en: 'Decided by' },
  'decision.at': { vi: 'Ngày quyết định', en: 'Date' },

  'audit.table': { vi: 'Nhật ký thay đổi hồ sơ', en: 'Changes to the submission' },
  'audit.col.seq': { vi: 'STT', en: 'No.' },
  'audit.col.at': { vi: 'Thời điểm', en: 'When' },
  'audit.col.actor': { vi: 'Người thực hiện', en: 'By' },
  'audit.col.action': { vi: 'Thao tác', en: 'Action' },
  'audit.col.summary': { vi: 'Nội dung', en: 'What changed' },
  'audit.anonymous': { vi: '(chưa ghi tên)', en: '(unnamed)' },
} satisfies Record<string, LocalizedText>;

export type ReportTextKey = keyof typeof REPORT_TEXT;

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function say(lang: ReportLang, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  return REPORT_TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The audit log's actions as a person names them. */
export const AUDIT_ACTION_TEXT: Record<AuditAction, LocalizedText> = {
  received: { vi: 'Tiếp nhận', en: 'Received' },
  detailsEdited: { vi: 'Sửa thông tin', en: 'Details edited' },
  checkingStarted: { vi: 'Bắt đầu thẩm định', en: 'Review started' },
  idsChecked: { vi: 'Kiểm tra IDS', en: 'IDS check' },
  planChecked: { vi: 'Kiểm tra quy hoạch', en: 'Plan check' },
  issuesChanged: { vi: 'Cập nhật vấn đề', en: 'Issues changed' },
  issuesImported: { vi: 'Nhập vấn đề (BCF)', en: 'Issues imported (BCF)' },
  issuesExported: { vi: 'Xuất vấn đề (BCF)', en: 'Issues exported (BCF)' },
  commented: { vi: 'Ý kiến', en: 'Comment' },
  decided: { vi: 'Quyết định', en: 'Decision' },
  addedToCityModel: { vi: 'Đưa vào mô hình thành phố', en: 'Added to the city model' },
  reportExported: { vi: 'Xuất báo cáo', en: 'Report exported' },
};

/** Several texts at once: a table's column headers. */
export function sayAll(lang: ReportLang, keys: readonly ReportTextKey[]): string[] {
  return keys.map((key) => say(lang, key));
}
