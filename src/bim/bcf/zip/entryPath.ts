import type { LocalizedText } from '../../../geo';

/**
 * Why a zip entry name is unsafe, or null when it is a plain relative path. Sao never writes entries to disk, but a
 * name that would escape the folder it is unpacked into (zip slip) marks a hostile or broken file, so the whole
 * archive is refused rather than trusted in part.
 */
export function unsafeEntryPath(name: string): LocalizedText | null {
  if (name.length === 0) return { vi: 'tên mục rỗng', en: 'an empty entry name' };
  if (/[\u0000-\u001f\u007f]/.test(name)) return { vi: 'tên có ký tự điều khiển', en: 'the name has a control character' };
  if (name.includes('\\')) return { vi: 'tên dùng dấu gạch ngược "\\" (đường dẫn Windows)', en: 'the name uses a backslash "\\" (a Windows path)' };
  if (name.startsWith('/')) return { vi: 'đường dẫn tuyệt đối', en: 'an absolute path' };
  if (/^[A-Za-z]:/.test(name)) return { vi: 'đường dẫn có ký hiệu ổ đĩa', en: 'a path with a drive letter' };
  if (name.split('/').includes('..')) return { vi: 'đường dẫn có ".." trỏ ra ngoài thư mục giải nén', en: 'a path with ".." that points outside the folder it is unpacked into' };
  return null;
}
