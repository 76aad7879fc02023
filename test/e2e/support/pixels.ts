/**
 * Compares two screenshots pixel by pixel, decoding them in a blank browser page (the browser already
 * reads PNG; the test needs no image library for it).
 */

interface Shots {
  first: string;
  second: string;
  tolerance: number;
}

/** A blank page of Playwright or Puppeteer: both evaluate a function with one argument. */
interface ScratchPage {
  evaluate(fn: (shots: Shots) => Promise<PixelDiff>, shots: Shots): Promise<PixelDiff>;
  close(): Promise<void>;
}

export interface PixelDiff {
  pixels: number;
  differentPixels: number;
  sameSize: boolean;
}

/** How far apart two channel values may be and still count as the same (anti-aliasing). */
const TOLERANCE = 24;

export async function compareScreenshots(scratch: ScratchPage, a: Uint8Array, b: Uint8Array): Promise<PixelDiff> {
  try {
    return await scratch.evaluate(
      async ({ first, second, tolerance }: Shots): Promise<PixelDiff> => {
        const load = async (base64: string) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, canvas.width, canvas.height);
        };
        const [x, y] = [await load(first), await load(second)];
        if (x.width !== y.width || x.height !== y.height) return { pixels: x.width * x.height, differentPixels: x.width * x.height, sameSize: false };
        let different = 0;
        for (let i = 0; i < x.data.length; i += 4) {
          for (let c = 0; c < 3; c++) {
            if (Math.abs(x.data[i + c]! - y.data[i + c]!) > tolerance) {
              different++;
              break;
            }
          }
        }
        return { pixels: x.width * x.height, differentPixels: different, sameSize: true };
      },
      { first: Buffer.from(a).toString('base64'), second: Buffer.from(b).toString('base64'), tolerance: TOLERANCE },
    );
  } finally {
    await scratch.close();
  }
}
