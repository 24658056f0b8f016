/** Vietnamese strings of the as-built layer's status (spread into `app/i18n/vi.ts`). */
export const asBuiltVi = {
  'asbuilt.title': 'Lớp hoàn công của thành phố',
  'asbuilt.converting': 'Đang chuyển mô hình thành 3D Tiles — {phase}: {percent} %',
  'asbuilt.progress': 'Tiến độ chuyển đổi',
  'asbuilt.phase.properties': 'Thuộc tính cấu kiện',
  'asbuilt.phase.content': 'Ghi tile',
  'asbuilt.added': 'Đã đưa vào lớp “Công trình hoàn công”: {features} cấu kiện, {tiles} tile, {size}.',
  'asbuilt.showInCity': 'Xem trên bản đồ thành phố',
  'asbuilt.failed': 'Chưa đưa được vào lớp hoàn công: {message}',
  'asbuilt.retry': 'Thử lại',
  'asbuilt.pending': 'Hồ sơ đã được chấp thuận nhưng chưa có trong lớp hoàn công.',
  'asbuilt.add': 'Đưa vào lớp hoàn công',
  'asbuilt.restoreFailed': 'Không khôi phục được lớp “Công trình hoàn công”: {detail}',
  'asbuilt.memoryOnly': 'Trình duyệt không cho lưu IndexedDB: lớp hoàn công chỉ giữ trong phiên này.',
};
