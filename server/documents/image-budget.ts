import { Inject, Injectable } from '@nestjs/common';
import { Semaphore } from 'async-mutex';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';

/**
 * Bounds the pixels this process decodes at once, whatever the number of jobs in flight: a re-encode holds the
 * decoded image (and, turned upright, a copy), about 10 MB per megapixel, so four 12 MP photos in parallel took
 * the worker past 600 MB. Each re-encode takes a share equal to its pixel count (read from the header, cheap);
 * one bigger than the whole budget runs alone. Jobs of other kinds (hashing, PDFs) are not held back.
 */
@Injectable()
export class ImageBudget {
  private readonly semaphore: Semaphore;
  readonly pixels: number;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'imagePixelBudget'>) {
    this.pixels = config.imagePixelBudget;
    this.semaphore = new Semaphore(this.pixels);
  }

  run<T>(pixels: number, work: () => Promise<T>): Promise<T> {
    const share = Math.min(Math.max(1, Math.ceil(pixels)), this.pixels);
    return this.semaphore.runExclusive(work, share);
  }
}
