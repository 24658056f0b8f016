/** The inspector's render worker: WebGL on an OffscreenCanvas, so that no GPU wait can block the page. */
import { ModelRenderer } from './ModelRenderer';
import type { RenderRequest, RenderResponse } from './renderProtocol';

let renderer: ModelRenderer | null = null;
const post = (response: RenderResponse) => self.postMessage(response);

self.onmessage = ({ data }: MessageEvent<RenderRequest>) => {
  try {
    if (data.type === 'init') renderer = new ModelRenderer(data.payload.canvas, data.payload.pixelRatio, post);
    renderer?.handle(data);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    post({ type: 'failed', id: data.id, payload: { name, message } });
  }
};
