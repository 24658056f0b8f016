/** Vietnamese strings of the review's frame: title, tabs, statuses (spread into `app/i18n/vi.ts`). */
export const reviewVi = {
  'review.title': 'Thẩm định hồ sơ',
  'review.tab.record': 'Hồ sơ',
  'review.tab.ids': 'Yêu cầu thông tin (IDS)',
  'review.tab.plan': 'Quy hoạch',
  'review.tab.issues': 'Vấn đề (BCF)',
  'review.tab.decision': 'Quyết định',
  'review.status.received': 'Đã tiếp nhận',
  'review.status.checking': 'Đang thẩm định',
  'review.status.returned': 'Trả lại',
  'review.status.accepted': 'Chấp thuận',
};
