/** Vietnamese strings of the review's report part (spread into `app/i18n/vi.ts`). */
export const reviewReportVi = {
  'review.report.title': 'Báo cáo thẩm định',
  'review.report.hint': 'Hồ sơ, kết quả kiểm tra IDS và quy hoạch, các vấn đề, ý kiến, quyết định và nhật ký thay đổi, bằng ngôn ngữ đang chọn. Bản PDF khổ A4.',
  'review.report.html': 'Tải báo cáo HTML',
  'review.report.pdf': 'Tải báo cáo PDF',
  'review.report.print': 'In',
  'review.report.working': 'Đang lập báo cáo {format}…',
  'review.report.saved': 'Đã tải {file} ({size} KB).',
  'review.report.printing': 'Đã mở hộp thoại in báo cáo.',
  'review.report.failed': 'Không lập được báo cáo {format}: {reason}',
  'review.report.logSaved': 'Xuất báo cáo {format}: {file} ({size} KB)',
  'review.report.logPrinted': 'In báo cáo',
};
