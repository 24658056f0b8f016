import { create } from 'zustand';
import type { Lang, Message } from '../app/i18n';

export type Workspace = 'bim' | 'ops' | 'brief';
export const WORKSPACES: readonly Workspace[] = ['bim', 'ops', 'brief'];

/** A camera pose: WGS 84 degrees, ellipsoidal height in metres, angles in degrees. */
export interface CameraPose {
  lon: number;
  lat: number;
  height: number;
  heading: number;
  pitch: number;
  roll: number;
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  message: Message;
}

interface ViewState {
  workspace: Workspace;
  lang: Lang;
  /** Last settled camera pose; null until the scene reports one (the app then opens on the district). */
  camera: CameraPose | null;
  /** A pose the user asked for (from a link); the scene applies it once and clears it. */
  cameraRequest: CameraPose | null;
  notices: Notice[];
  setWorkspace(workspace: Workspace): void;
  setLang(lang: Lang): void;
  setCamera(camera: CameraPose): void;
  requestCamera(camera: CameraPose | null): void;
  notify(level: Notice['level'], message: Message): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const useViewStore = create<ViewState>()((set) => ({
  workspace: 'bim',
  lang: 'vi',
  camera: null,
  cameraRequest: null,
  notices: [],
  setWorkspace: (workspace) => set({ workspace }),
  setLang: (lang) => set({ lang }),
  setCamera: (camera) => set({ camera }),
  requestCamera: (cameraRequest) => set({ cameraRequest }),
  notify: (level, message) =>
    set((state) => ({ notices: [...state.notices, { id: nextNoticeId++, level, message }] })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
