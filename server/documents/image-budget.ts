import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';

/**
 * Bounds the pixels this process decodes at once, whatever the number of jobs in flight: a re-encode holds the
 * decoded image (and, turned upright, a copy), about 10 MB per megapixel, so four 12 MP photos in parallel took
 * the worker past 600 MB. Each re-encode takes a share equal to its pixel count (read from the header, cheap);
 * one bigger than the whole budget runs alone. Jobs of other kinds (hashing, PDFs) are not held back.
 *
 * A plain weighted FIFO (first come, first served: a large image waiting is not overtaken by small ones). Not
 * async-mutex's Semaphore: its release walks every unit of the free weight one by one (12 million for the
 * default budget), 23 ms of blocked event loop per image, measured (issue 14, S4).
 */
@Injectable()
export class ImageBudget {
  readonly pixels: number;
  private free: number;
  private readonly waiting: { share: number; start: () => void }[] = [];

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'imagePixelBudget'>) {
    this.pixels = config.imagePixelBudget;
    this.free = this.pixels;
  }

  async run<T>(pixels: number, work: () => Promise<T>): Promise<T> {
    const share = Math.min(Math.max(1, Math.ceil(pixels)), this.pixels);
    if (this.waiting.length || share > this.free) await new Promise<void>((start) => this.waiting.push({ share, start }));
    else this.free -= share;
    try {
      return await work();
    } finally {
      this.free += share;
      while (this.waiting.length && this.waiting[0].share <= this.free) {
        const next = this.waiting.shift()!;
        this.free -= next.share;
        next.start();
      }
    }
  }
}
