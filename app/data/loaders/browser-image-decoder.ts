/** The page's image decoder: whatever the browser reads (PNG, JPEG, GIF, BMP, WebP), as RGBA pixels. */
import type { DecodeImage } from './load-image-folder.ts';

export const decodeWithBrowser: DecodeImage = async (bytes) => {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2-D canvas to read the pixels with');
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width, height, rgba: data };
  } finally {
    bitmap.close();
  }
};
